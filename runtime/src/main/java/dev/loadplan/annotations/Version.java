package dev.loadplan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the column that versions a row, for optimistic locking: the generated DAO's {@code update} writes only
 * the row still at the version the entity was read with, and adds one to it; a row changed or deleted since
 * fails the update with {@code OptimisticLockException} and writes nothing. An {@code int}, {@code long},
 * {@code Integer} or {@code Long} field; {@code insert} writes the value it holds (0 for a new entity).
 *
 * <pre>{@code
 * @Entity(table = "title")
 * public class Title { @Id long id; String name; @Version int version; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Version {
}
