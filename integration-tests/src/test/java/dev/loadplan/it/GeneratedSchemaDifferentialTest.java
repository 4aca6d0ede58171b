package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.it.differential.DifferentialCases;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.StatementCounter;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * The Zen of eager loading over the space users write. Domains are generated from a seed: entities in every form
 * (classes with fields, classes with accessors, records) joined by every relationship kind, each side with a
 * random declared default or none, as {@code Ref}, plain reference or {@code List}; a class's first members,
 * relationships among them, declared in a superclass of its package, of another package, or over two levels, the
 * key's type fixed by a generic superclass or not; their tables unqualified, in one
 * schema, or spread over two, each association table in its owning entity's schema or in the one
 * {@code joinTableSchema} names, and fragments naming tables with or without their schema. Each is compiled with the
 * processor, its tables filled with random rows, and loaded with every strategy pair on a two-link path, a sample
 * of three-link paths and sibling links, every wildcard, filtered pages, plans that go back up and plans going down
 * links that keep their strategy ({@code with<Field>(plan)}, SQLAlchemy's {@code defaultload}). Every graph is
 * compared with the one built from the raw rows by plain SQL and the rules of the plan, statements at load are
 * counted, and a row is one object throughout.
 *
 * <p>Each domain has views too ({@code @View}): of {@code E0} always, of the others at random, each a record or a
 * class, holding its id and a random subset of its entity's columns (renamed with {@code @Column}, an {@code int}
 * read into a {@code long}) and relationships, each holding the target's view or the target entity. Its root view is
 * loaded with every strategy each relationship fits, pairs down a path, three-link paths, siblings, wildcards that
 * load with the parent (and those that would not, refused), filtered pages and links, links keeping their strategy;
 * each graph is compared with the entity graph of the same plan projected onto the views, and no statement may name a
 * column a view leaves out.
 *
 * <p>Set {@code -Dloadplan.differential.seed=...} to explore other domains; the sources of the last run stay in
 * {@code target/differential}.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class GeneratedSchemaDifferentialTest {

    /** Enough domains that the run has at least {@link #MINIMUM_CASES} cases, {@link #MINIMUM_VIEW_CASES} of views. */
    private static final int DOMAINS = 64;
    private static final int MINIMUM_CASES = 5_000;
    private static final int MINIMUM_VIEW_CASES = 3_000;

    private static Handle handle;

    @AfterAll
    static void close() {
        if (handle != null) {
            handle.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyPlanBuildsTheGraphOfTheRawRows(Jdbi jdbi, StatementCounter counter) {
        long seed = Long.getLong("loadplan.differential.seed", 20261129L);
        DifferentialCases cases = DifferentialCases.prepare(jdbi, seed, DOMAINS);
        handle = jdbi.open();
        // Every other domain reads in binary from its first statement (the driver prepares each statement on the
        // server at once); the others in text until a statement's fifth run, as the driver does by default.
        List<DynamicNode> domains = IntStream.range(0, cases.domains().size()).<DynamicNode>mapToObj(index -> {
            DifferentialCases.Case domain = cases.domains().get(index);
            int prepareThreshold = index % 2 == 0 ? 5 : -1;
            return DynamicContainer.dynamicContainer(domain + (prepareThreshold < 0 ? " (binary)" : ""),
                    domain.loads().stream().map(plan -> DynamicTest.dynamicTest(plan.toString(),
                            () -> check(domain, plan, counter, prepareThreshold))));
        }).toList();
        DynamicTest enough = DynamicTest.dynamicTest("at least " + MINIMUM_CASES + " cases, "
                + MINIMUM_VIEW_CASES + " of views", () -> {
                    assertThat(cases.count()).isGreaterThanOrEqualTo(MINIMUM_CASES);
                    assertThat(cases.viewCount()).isGreaterThanOrEqualTo(MINIMUM_VIEW_CASES);
                });
        return Stream.concat(Stream.of(enough), domains.stream());
    }

    private static void check(DifferentialCases.Case domain, DifferentialCases.Load plan,
            StatementCounter counter, int prepareThreshold) throws SQLException {
        handle.getConnection().unwrap(PGConnection.class).setPrepareThreshold(prepareThreshold);
        String refusal = domain.refusal(plan);
        if (refusal != null) {
            assertThat(catchThrowable(() -> domain.load(handle, plan))).as("%s must be refused: %s", plan, refusal)
                    .isInstanceOf(LoadPlanException.class)
                    .hasMessageContaining(refusal);
            return;
        }
        counter.reset();
        List<?> roots;
        try {
            roots = domain.load(handle, plan);
        } catch (LoadPlanException e) {
            boolean cycle = e.getMessage() != null && e.getMessage().startsWith("the data holds a cycle of records");
            // Which of two places holding records both ways is built first is the runtime's to choose.
            Assumptions.assumeFalse(cycle && domain.mayHoldRecordsBothWays(plan), () -> "records read at two places, "
                    + "each holding the other: " + e.getMessage());
            throw e;
        }
        int atLoad = counter.count();
        DifferentialCases.Rendered actual = domain.render(roots, plan);

        assertThat(actual.graph()).as("graph of %s with %s", domain, plan).isEqualTo(domain.expected(plan));
        assertThat(actual.identityProblems()).as("one object per row").isEmpty();
        Integer statements = domain.statementsAtLoad(plan);
        if (statements != null) {
            assertThat(atLoad).as("statements at load of %s: %s", plan, counter.statements()).isEqualTo(statements);
        }
        assertThat(domain.columnsLeftOut(plan, counter.statements())).as("columns a view leaves out").isEmpty();
    }
}
