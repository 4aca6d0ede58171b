package dev.loadplan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column of a field. Without it the column is the field's name in snake_case
 * ({@code authorId} is {@code author_id}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Column {

    /** {@return the column's name, as written in the table's DDL} */
    String value();
}
