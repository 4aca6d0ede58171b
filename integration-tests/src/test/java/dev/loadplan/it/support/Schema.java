package dev.loadplan.it.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the classpath SQL script that {@link EmbeddedPostgresExtension} runs on a test class's fresh
 * database before any of its tests, e.g. {@code @Schema("schema/authors_books.sql")}.
 *
 * <p>The script runs through JDBI's {@code Handle.createScript(sql).execute()}, so it may hold several
 * statements separated by semicolons. A class without {@code @Schema} gets an empty database.
 * {@code @Inherited} lets a base test class declare it once; a {@code @Nested} class without its own
 * uses the one on its enclosing class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Schema {

    /** Classpath resource path, e.g. {@code "schema/authors_books.sql"} (a leading '/' is ignored). */
    String value();
}
