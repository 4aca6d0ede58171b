package dev.loadplan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the field holding the entity's primary key. Every {@link Entity} has exactly one. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Id {

    /**
     * Whether the database assigns the key ({@code GENERATED ... AS IDENTITY}, {@code serial},
     * {@code DEFAULT gen_random_uuid()}). When true, the generated {@code insert} leaves the column out and reads the
     * assigned key back; when false, it writes the key the entity holds. Left out, the key's type decides: the
     * database assigns {@code short}, {@code int} and {@code long} keys (and their boxes), the application
     * {@code UUID} and {@code String} keys.
     *
     * @return whether the database assigns the key
     */
    boolean generated() default true;
}
