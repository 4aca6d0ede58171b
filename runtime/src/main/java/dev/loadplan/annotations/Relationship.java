package dev.loadplan.annotations;

import dev.loadplan.Strategy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a relationship to another {@link Entity}. The field's type decides the cardinality: a
 * {@code List<Target>} is a collection, a {@code Target} a reference.
 *
 * <ul>
 *   <li>many-to-one: a reference with {@code joinColumn}, the foreign key in this entity's table;
 *   <li>one-to-many: a collection with {@code mappedBy}, the many-to-one field on the target that owns the key;
 *   <li>many-to-many: a collection with {@code joinTable}, {@code joinColumn} (pointing at this entity) and
 *       {@code inverseJoinColumn} (pointing at the target).
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Relationship {

    /** {@return on the inverse side, the name of the field on the target entity that owns the foreign key} */
    String mappedBy() default "";

    /** {@return the foreign key column: in this entity's table, or in {@link #joinTable()} when one is named} */
    String joinColumn() default "";

    /** {@return the association table of a many-to-many relationship, its name alone: see {@link #joinTableSchema()}} */
    String joinTable() default "";

    /**
     * The schema of {@link #joinTable()} when it is not the declaring entity's: by default the association table
     * lives in the schema of the entity that declares the relationship ({@code @Entity(schema = ...)}), or on the
     * search path when that entity names none.
     *
     * @return the association table's schema, or empty for the declaring entity's
     */
    String joinTableSchema() default "";

    /** {@return the association table's column that points at the target entity} */
    String inverseJoinColumn() default "";

    /**
     * Columns of the target table that order a collection, each optionally followed by {@code DESC}, separated
     * by commas ({@code "email_address DESC, id"}). A collection without it is in primary key order.
     *
     * @return the ORDER BY list of the collection
     */
    String orderBy() default "";

    /**
     * How the relationship loads when a plan does not name it. By default it is not loaded and reading it throws.
     *
     * @return the declared default strategy
     */
    Strategy strategy() default Strategy.RAISE;

    /**
     * Joined loading uses INNER JOIN instead of LEFT OUTER JOIN: for a reference whose key is NOT NULL.
     *
     * @return whether joined loading uses INNER JOIN
     */
    boolean innerJoin() default false;
}
