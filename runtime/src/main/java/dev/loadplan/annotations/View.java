package dev.loadplan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or class as a read model of an entity: it holds some of the entity's fields, under the same names,
 * and some of its relationships, each holding a view of the target entity or the target entity itself. The processor
 * generates {@code <Name>Loader} and {@code <Name>Mapping} beside it, and no DAO: a view is read-only.
 *
 * <pre>{@code
 * @View(Author.class) record AuthorCard(long id, String name, List<BookLine> books) {}
 * @View(Book.class)   record BookLine(long id, String title) {}
 * }</pre>
 *
 * <p>Its statements select only the columns it names, with the keys its relationships join on. Its relationships are
 * always loaded: its loader offers no {@code RAISE} or {@code NO_LOAD}, a relationship a plan does not name loads as
 * its declaration says when that loads with the parent, else {@code SELECT_IN}, and only a {@code Ref} field may be
 * {@code LAZY}. So no object of a view is ever in an unloaded state.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface View {

    /**
     * The entity the view reads.
     *
     * @return an {@code @Entity} class; the view's fields name its fields (a field may name a column instead with
     *     {@code @Column}), the view's id among them
     */
    Class<?> value();
}
