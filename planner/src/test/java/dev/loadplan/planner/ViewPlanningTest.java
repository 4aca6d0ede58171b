package dev.loadplan.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.planner.HandMapped.Entity;
import dev.loadplan.planner.HandMapped.Relation;
import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.TableShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Views: relationships every plan loads, and targets whose columns leave out the foreign key their rows are matched
 * to their parents by.
 */
class ViewPlanningTest {

    /** {@code AuthorCard(id, name, List<BookLine> books)} and {@code BookLine(id, title, Ref<AuthorName> author)}. */
    private final Entity card = new Entity("AuthorCard", new TableShape("authors", List.of("id", "name"), 0), true);
    private final Entity line = new Entity("BookLine", new TableShape("books", List.of("id", "title", "author_id"), 0),
            false);
    private final Entity name = new Entity("AuthorName", new TableShape("authors", List.of("id", "name"), 0), true);
    /** Declared LAZY on the entity; a view loads it SELECT_IN. */
    private final Relation books = new Relation(card, RelationShape.foreignKeyInTarget("books", true, "id",
            "author_id", List.of(new OrderTerm("id", false))), LoadStrategy.SELECT_IN, false, line, true);
    private final Relation author = new Relation(line, RelationShape.foreignKeyInSource("author", "author_id", "id",
            false), LoadStrategy.JOINED, true, name, true);

    ViewPlanningTest() {
        card.relations.add(books);
        line.relations.add(author);
    }

    @Test
    void aBatchedStatementIntoAViewSelectsTheParentKeyFirstWhenTheViewLeavesItOut() {
        Entity title = new Entity("BookTitle", new TableShape("books", List.of("id", "title"), 0), true);
        Relation titles = new Relation(card, RelationShape.foreignKeyInTarget("titles", true, "id", "author_id",
                List.of(new OrderTerm("id", false))), LoadStrategy.SELECT_IN, false, title, true);
        Entity cardOfTitles = new Entity("AuthorTitles", card.table, true);
        cardOfTitles.relations.add(titles);

        for (LoadStrategy strategy : List.of(LoadStrategy.SELECT_IN, LoadStrategy.SUBQUERY, LoadStrategy.IMMEDIATE)) {
            PlannedLoad<Entity, Relation> load = Planner.plan(PlanShape.of(cardOfTitles).link(titles, strategy, null));
            StepPlan<Entity, Relation> step = load.root().steps().get(0);

            assertThat(step.sql()).as(strategy.toString()).startsWith("SELECT books.author_id, books.id, books.title\n");
            assertThat(step.parentKeyIndex()).isZero();
            assertThat(step.reader().offset()).as("the view's columns start after the key").isEqualTo(1);
        }
        assertThat(Planner.plan(PlanShape.of(cardOfTitles).link(titles, LoadStrategy.JOINED, null)).root().sql())
                .as("a join matches rows to parents itself").startsWith("SELECT authors.id, authors.name, "
                        + "lp_titles.id, lp_titles.title\n");
    }

    @Test
    void aViewThatHoldsTheKeySelectsItInItsPlace() {
        PlannedLoad<Entity, Relation> load = Planner.plan(PlanShape.of(card).link(books, LoadStrategy.SELECT_IN,
                null));

        StepPlan<Entity, Relation> step = load.root().steps().get(0);
        assertThat(step.sql()).startsWith("SELECT books.id, books.title, books.author_id, lp_author.id");
        assertThat(step.parentKeyIndex()).isEqualTo(2);
    }

    @Test
    void strategiesThatWouldLeaveAViewsRelationshipUnloadedAreRefused() {
        for (LoadStrategy unloaded : List.of(LoadStrategy.RAISE, LoadStrategy.NO_LOAD, LoadStrategy.LAZY)) {
            assertThatThrownBy(() -> Planner.plan(PlanShape.of(card).link(books, unloaded, null)))
                    .isInstanceOf(PlanningException.class)
                    .hasMessageStartingWith("AuthorCard.books is a relationship of a view, which every plan loads: "
                            + unloaded);
        }
        assertThat(Planner.plan(PlanShape.of(line).link(author, LoadStrategy.LAZY, null)).root().sql())
                .as("a Ref may wait to be read").doesNotContain("JOIN");
    }

    @Test
    void aWildcardThatWouldLeaveOneUnloadedIsRefusedNamingIt() {
        assertThatThrownBy(() -> Planner.plan(PlanShape.of(card).defaultStrategy(LoadStrategy.RAISE)))
                .isInstanceOf(PlanningException.class)
                .hasMessage("AuthorCard.books is a relationship of a view, which every plan loads: "
                        + "defaultStrategy(RAISE) would leave it unloaded; load it with the parent (JOINED, NESTED, "
                        + "SELECT_IN, SUBQUERY or IMMEDIATE), or set the wildcard on a sub-plan of an entity below "
                        + "the view");
        assertThat(Planner.plan(PlanShape.of(card).defaultStrategy(LoadStrategy.NESTED)).statements())
                .singleElement().asString().contains("json_agg");
    }

    @Test
    void aViewsDeclaredDefaultLoadsWithTheParent() {
        assertThat(Planner.plan(PlanShape.of(card)).statements()).hasSize(2);
        assertThat(Planner.plan(PlanShape.of(card)).root().steps().get(0).sql())
                .as("BookLine.author, declared JOINED, is joined into the books' statement").contains("lp_author");
    }
}
