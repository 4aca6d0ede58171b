package dev.loadplan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as mapped to one table. The processor generates {@code <Name>Loader}, {@code <Name>Dao}
 * and {@code <Name>Mapping} beside it.
 *
 * <pre>{@code
 * @Entity(table = "authors")
 * public class Author { @Id long id; String name; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Entity {

    /**
     * The table.
     *
     * @return the table's name; when empty, the class's simple name in snake_case ({@code BookReview} is
     *     {@code book_review})
     */
    String table() default "";

    /**
     * The table's schema: {@code @Entity(schema = "sales", table = "orders")}.
     *
     * @return the schema's name; when empty, the table is found on the connection's {@code search_path}, as an
     *     unqualified name is
     */
    String schema() default "";
}
