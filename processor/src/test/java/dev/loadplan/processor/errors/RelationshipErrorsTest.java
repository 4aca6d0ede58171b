package dev.loadplan.processor.errors;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.loadplan.processor.diagnostics.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors in a {@code @Relationship}'s target, field type and join attributes. Those about {@code mappedBy} and
 * {@code orderBy} are in {@link MappedByErrorsTest} and {@link OrderByErrorsTest}.
 */
class RelationshipErrorsTest {

    private static final JavaFileObject AUTHOR = entity("Author", """
            @Entity
            public class Author {
                @Id long id;
                String name;
            }
            """);

    private static final JavaFileObject TAG = entity("Tag", """
            @Entity
            public class Tag {
                @Id long id;
                String label;
            }
            """);

    /** A book whose author points back at {@code ErroneousAuthor}, for tests of the author's collection. */
    private static final JavaFileObject BOOK_OF_ERRONEOUS_AUTHOR = entity("Book", """
            @Entity
            public class Book {
                @Id long id;
                String title;
                @Relationship(joinColumn = "author_id") ErroneousAuthor author;
            }
            """);

    @Test
    void aColumnOnARelationship() {
        JavaFileObject author = entity("Author", """
                @Entity
                public class Author {
                    @Id long id;
                }
                """);
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Column("writer_id") @Relationship(joinColumn = "author_id") Author author;
                }
                """);

        Compilation compilation = compile(author, source);

        assertThat(compilation).hadErrorContaining(Message.COLUMN_ON_RELATIONSHIP.format("ErroneousBook", "author",
                "writer_id")).inFile(source).onLineContaining("Author author;");
    }

    @Test
    void targetThatIsNotAnEntity() {
        JavaFileObject publisher = entity("Publisher", """
                public class Publisher {
                    long id;
                }
                """);
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship(joinColumn = "publisher_id")
                    Publisher publisher;
                }
                """);

        Compilation compilation = compile(publisher, book);

        assertThat(compilation).hadErrorContaining(Message.RELATIONSHIP_TARGET_NOT_ENTITY.format("ErroneousBook",
                        "publisher", "test.Publisher", "test.Publisher"))
                .inFile(book).onLineContaining("Publisher publisher;");
        assertThat(compilation).hadErrorContaining("points at test.Publisher, which is not an @Entity");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void collectionThatIsNotAList() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(mappedBy = "author")
                    Set<Book> books;
                }
                """);

        Compilation compilation = compile(author, BOOK_OF_ERRONEOUS_AUTHOR);

        assertThat(compilation).hadErrorContaining(Message.RELATIONSHIP_COLLECTION_TYPE.format("ErroneousAuthor",
                        "books", "java.util.Set<test.Book>", "List<Book>"))
                .inFile(author).onLineContaining("Set<Book> books;");
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            java.util.ArrayList<Book> | java.util.ArrayList<test.Book>
            Book[]                    | test.Book[]
            List<Ref<Book>>           | java.util.List<dev.loadplan.Ref<test.Book>>
            Ref<List<Book>>           | dev.loadplan.Ref<java.util.List<test.Book>>
            """)
    void aCollectionInAnotherContainerIsToldToBeAList(String declared, String shown) {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(mappedBy = "author")
                    %s books;
                }
                """.formatted(declared));

        Compilation compilation = compile(author, BOOK_OF_ERRONEOUS_AUTHOR);

        assertThat(compilation).hadErrorContaining(Message.RELATIONSHIP_COLLECTION_TYPE.format("ErroneousAuthor",
                "books", shown, "List<Book>")).inFile(author).onLineContaining(declared + " books;");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            java.util.Optional<Author>                         | java.util.Optional<test.Author>
            @Relationship(joinColumn = "author_id", strategy = Strategy.LAZY) java.util.Optional<Author> | \
            java.util.Optional<test.Author>
            Ref<java.util.Optional<Author>>                    | dev.loadplan.Ref<java.util.Optional<test.Author>>
            """)
    void anOptionalReferenceIsToldToBeARefOrThePlainEntity(String declared, String shown) {
        String declaration = declared.startsWith("@") ? declared
                : "@Relationship(joinColumn = \"author_id\") " + declared;
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    %s author;
                }
                """.formatted(declaration));

        Compilation compilation = compile(book, AUTHOR);

        assertThat(compilation).hadErrorContaining(Message.RELATIONSHIP_OPTIONAL.format("ErroneousBook", "author",
                shown, "Author", "Author")).inFile(book).onLineContaining("Optional<Author>");
        // Not told to annotate java.util.Optional with @Entity.
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            java.util.Optional<List<Book>> | java.util.Optional<java.util.List<test.Book>>
            List<java.util.Optional<Book>> | java.util.List<java.util.Optional<test.Book>>
            """)
    void anOptionalInACollectionOrACollectionInAnOptionalIsToldToBeAList(String declared, String shown) {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(mappedBy = "author")
                    %s books;
                }
                """.formatted(declared));

        Compilation compilation = compile(author, BOOK_OF_ERRONEOUS_AUTHOR);

        assertThat(compilation).hadErrorContaining(Message.RELATIONSHIP_COLLECTION_TYPE.format("ErroneousAuthor",
                "books", shown, "List<Book>")).inFile(author).onLineContaining(declared + " books;");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void collectionThatSaysNotHowItJoins() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship
                    List<Book> books;
                }
                """);

        Compilation compilation = compile(author, BOOK_OF_ERRONEOUS_AUTHOR);

        assertThat(compilation).hadErrorContaining(
                        Message.COLLECTION_NEEDS_MAPPING.format("ErroneousAuthor", "books", "Book", "Book"))
                .inFile(author).onLineContaining("List<Book> books;");
        assertThat(compilation).hadErrorContaining("ErroneousAuthor.books is a collection; say how it joins");
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
    }

    @Test
    void referenceThatSaysNotHowItJoins() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship
                    Author author;
                }
                """);

        Compilation compilation = compile(AUTHOR, book);

        assertThat(compilation).hadErrorContaining(Message.REFERENCE_NEEDS_MAPPING.format("ErroneousBook", "author",
                        "erroneous_book", "Author"))
                .inFile(book).onLineContaining("@Relationship");
        assertThat(compilation).hadErrorContaining("ErroneousBook.author is a reference; say how it joins");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void referenceThatSaysNotHowItJoinsButSetsAnotherAttribute() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship(innerJoin = true)
                    Author author;
                }
                """);

        Compilation compilation = compile(AUTHOR, book);

        assertThat(compilation).hadErrorContaining(Message.REFERENCE_NEEDS_MAPPING.format("ErroneousBook", "author",
                        "erroneous_book", "Author"))
                .inFile(book).onLineContaining("@Relationship(innerJoin = true)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void manyToManyWithoutInverseJoinColumn() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship(
                            joinTable = "book_tags",
                            joinColumn = "book_id")
                    List<Tag> tags;
                }
                """);

        Compilation compilation = compile(TAG, book);

        assertThat(compilation).hadErrorContaining(Message.JOIN_TABLE_INCOMPLETE.format("ErroneousBook", "tags",
                        "book_tags", "inverseJoinColumn", "ErroneousBook", "Tag"))
                .inFile(book).onLineContaining("joinTable = \"book_tags\"");
        assertThat(compilation).hadErrorContaining("names joinTable \"book_tags\" but not inverseJoinColumn");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void joinTableOnAReference() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship(joinColumn = "author_id",
                            joinTable = "book_authors")
                    Author author;
                }
                """);

        Compilation compilation = compile(AUTHOR, book);

        assertThat(compilation).hadErrorContaining(Message.JOIN_TABLE_ON_REFERENCE.format("ErroneousBook", "author"))
                .inFile(book).onLineContaining("joinTable = \"book_authors\"");
        assertThat(compilation).hadErrorContaining("ErroneousBook.author is a reference but names joinTable");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void aJoinTableWrittenWithItsSchemaOrQuotesIsToldToNameTheSchemaApart() {
        JavaFileObject reader = entity("ErroneousReader", """
                @Entity(schema = "library")
                public class ErroneousReader {
                    @Id long id;
                    @Relationship(joinTable = "tracker.reader_authors", joinColumn = "reader_id",
                            inverseJoinColumn = "author_id")
                    List<Author> favourites;
                    @Relationship(joinTable = "\\"Reader Authors\\"", joinColumn = "reader_id",
                            inverseJoinColumn = "author_id")
                    List<Author> read;
                }
                """);

        Compilation compilation = compile(AUTHOR, reader);

        assertThat(compilation).hadErrorContaining(Message.JOIN_TABLE_QUALIFIED.format("ErroneousReader",
                "favourites", "tracker.reader_authors", "joinTableSchema = \"tracker\", joinTable = \"reader_authors\""))
                .inFile(reader).onLineContaining("joinTable = \"tracker.reader_authors\"");
        assertThat(compilation).hadErrorContaining(Message.JOIN_TABLE_QUALIFIED.format("ErroneousReader",
                "read", "\"Reader Authors\"", "joinTable = \"Reader Authors\""))
                .inFile(reader).onLineContaining("joinTable = \"\\\"Reader Authors");
        assertThat(generatedFor(compilation, "test.ErroneousReader")).isEmpty();
    }

    @Test
    void aJoinTableSchemaIsOneName() {
        JavaFileObject reader = entity("ErroneousReader", """
                @Entity
                public class ErroneousReader {
                    @Id long id;
                    @Relationship(joinTableSchema = "db.tracker", joinTable = "reader_authors",
                            joinColumn = "reader_id", inverseJoinColumn = "author_id")
                    List<Author> favourites;
                }
                """);

        Compilation compilation = compile(AUTHOR, reader);

        assertThat(compilation).hadErrorContaining(Message.JOIN_TABLE_SCHEMA_NOT_A_NAME.format("ErroneousReader",
                "favourites", "db.tracker")).inFile(reader).onLineContaining("joinTableSchema = \"db.tracker\"");
        assertThat(generatedFor(compilation, "test.ErroneousReader")).isEmpty();
    }

    @Test
    void aJoinTableSchemaWithoutAJoinTable() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship(joinColumn = "author_id", joinTableSchema = "tracker")
                    Author author;
                }
                """);

        Compilation compilation = compile(AUTHOR, book);

        assertThat(compilation).hadErrorContaining(
                        Message.JOIN_TABLE_SCHEMA_WITHOUT_TABLE.format("ErroneousBook", "author"))
                .inFile(book).onLineContaining("joinTableSchema = \"tracker\"");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void inverseJoinColumnWithoutJoinTable() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship(joinColumn = "author_id",
                            inverseJoinColumn = "id")
                    Author author;
                }
                """);

        Compilation compilation = compile(AUTHOR, book);

        assertThat(compilation).hadErrorContaining(
                        Message.INVERSE_JOIN_COLUMN_WITHOUT_TABLE.format("ErroneousBook", "author"))
                .inFile(book).onLineContaining("inverseJoinColumn = \"id\"");
        assertThat(compilation).hadErrorContaining("ErroneousBook.author names inverseJoinColumn but no joinTable");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void innerJoinOnACollection() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(mappedBy = "author",
                            innerJoin = true)
                    List<Book> books;
                }
                """);

        Compilation compilation = compile(author, BOOK_OF_ERRONEOUS_AUTHOR);

        assertThat(compilation).hadErrorContaining(
                        Message.INNER_JOIN_ON_COLLECTION.format("ErroneousAuthor", "books"))
                .inFile(author).onLineContaining("innerJoin = true");
        assertThat(compilation).hadErrorContaining("ErroneousAuthor.books is a collection; innerJoin applies only");
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
    }

    @Test
    void joinColumnMappedWithAnotherTypeThanTheTargetKey() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Column("author_id") String authorId;
                    @Relationship(
                            joinColumn = "author_id")
                    Author author;
                }
                """);

        Compilation compilation = compile(AUTHOR, book);

        assertThat(compilation).hadErrorContaining(Message.JOIN_COLUMN_TYPE.format("ErroneousBook", "author",
                        "author_id", "ErroneousBook", "authorId", "java.lang.String", "Author", "long"))
                .inFile(book).onLineContaining("joinColumn = \"author_id\"");
        assertThat(compilation).hadErrorContaining("ErroneousBook.authorId maps it as java.lang.String");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void lazyOnAPlainReference() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship(joinColumn = "author_id",
                            strategy = Strategy.LAZY)
                    Author author;
                }
                """);

        Compilation compilation = compile(AUTHOR, book);

        assertThat(compilation).hadErrorContaining(Message.DEFERRED_PLAIN_REFERENCE.format("ErroneousBook", "author",
                        "LAZY", "Author", "Author", "Author"))
                .inFile(book).onLineContaining("strategy = Strategy.LAZY");
        assertThat(compilation).hadErrorContaining("Declare the field Ref<Author>");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void raiseOnAPlainReference() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship(joinColumn = "author_id",
                            strategy = Strategy.RAISE)
                    Author author;
                }
                """);

        Compilation compilation = compile(AUTHOR, book);

        assertThat(compilation).hadErrorContaining("ErroneousBook.author is declared RAISE, but a plain Author field")
                .inFile(book).onLineContaining("strategy = Strategy.RAISE");
    }

    @Test
    void eagerStrategiesOnAPlainReferenceAndAnyOnARefCompile() {
        JavaFileObject book = entity("Book", """
                @Entity
                public class Book {
                    @Id long id;
                    @Relationship(joinColumn = "author_id", strategy = Strategy.SELECT_IN)
                    Author author;
                    @Relationship(joinColumn = "editor_id", strategy = Strategy.LAZY)
                    Ref<Author> editor;
                }
                """);

        assertThat(compile(AUTHOR, book)).succeeded();
    }
}
