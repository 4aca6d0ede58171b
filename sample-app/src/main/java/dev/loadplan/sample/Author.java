package dev.loadplan.sample;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/**
 * An author and the books they wrote. From this class the processor writes {@code AuthorLoader},
 * {@code AuthorMapping} and {@code AuthorDao} into this package (see target/generated-sources/annotations).
 *
 * <p>Fields are package-private so the generated code, in the same package, reads and writes them directly:
 * no reflection at run time.
 */
@Entity(table = "authors")
public class Author {
    @Id long id;
    String name;
    /** Loaded only when a plan asks for it, e.g. {@code AuthorLoader.withBooksSelectIn()}. */
    @Relationship(mappedBy = "author", orderBy = "id")
    List<Book> books;

    /** For the generated mapping, which fills the fields itself. */
    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Book> books() {
        return books;
    }
}
