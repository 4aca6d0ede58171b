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
 * Errors in a {@code @View}: the class itself, the entity it names, each field against the entity's, and cycles of
 * views. A view with an error is not generated, and neither is what holds it; its entity still is.
 */
class ViewErrorsTest {

    private static final String VIEW = "import dev.loadplan.annotations.View;\n\n";

    private static final JavaFileObject AUTHOR = entity("Author", """
            @Entity
            public class Author {
                @Id long id;
                String name;
                int bornYear;
                Integer rank;
                @Relationship(joinColumn = "publisher_id") Publisher publisher;
                @Relationship(mappedBy = "author") List<Book> books;
            }
            """);

    private static final JavaFileObject BOOK = entity("Book", """
            @Entity
            public class Book {
                @Id long id;
                String title;
                @Relationship(joinColumn = "author_id") Ref<Author> author;
            }
            """);

    private static final JavaFileObject PUBLISHER = entity("Publisher", """
            @Entity
            public class Publisher {
                @Id long id;
                String name;
            }
            """);

    private static final JavaFileObject AUTHOR_NAME = view("AuthorName", """
            @View(Author.class)
            public record AuthorName(long id, String name) {
            }
            """);

    /** The source of view {@code simpleName}: {@code @View} imported besides what entities have. */
    private static JavaFileObject view(String simpleName, String body) {
        return entity(simpleName, VIEW + body);
    }

    private static Compilation compileWithDomain(JavaFileObject... views) {
        JavaFileObject[] sources = new JavaFileObject[views.length + 3];
        sources[0] = AUTHOR;
        sources[1] = BOOK;
        sources[2] = PUBLISHER;
        System.arraycopy(views, 0, sources, 3, views.length);
        return compile(sources);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an interface                      | public interface ErroneousCard {}                          \
            | it is an interface; put @View on a record or a class
            a class without a no-arg constructor | public class ErroneousCard { long id; ErroneousCard(long id) {} } \
            | it has no constructor without parameters that is not private, by which loaders create it; add one
            a class with a private one        | public class ErroneousCard { long id; private ErroneousCard() {} } \
            | it has no constructor without parameters that is not private, by which loaders create it; add one
            an abstract class                 | public abstract class ErroneousCard { long id; }           \
            | it is abstract; loaders create instances of it, so make it concrete
            a generic record                  | public record ErroneousCard<T>(long id) {}                 \
            | it declares type parameters <T>; loaders create instances of one concrete class, so remove them
            an enum                           | public enum ErroneousCard { ONE }                          \
            | it is an enum; put @View on a record or a class
            """)
    void aViewLoadersCannotCreate(String form, String declaration, String why) {
        JavaFileObject card = view("ErroneousCard", "@View(Author.class)\n" + declaration + "\n");

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_CLASS.format("ErroneousCard", why))
                .inFile(card).onLineContaining("ErroneousCard");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
    }

    @Test
    void anInnerClass() {
        JavaFileObject outer = view("Outer", """
                public class Outer {
                    @View(Author.class)
                    public class ErroneousCard {
                        long id;
                    }
                }
                """);

        Compilation compilation = compileWithDomain(outer);

        assertThat(compilation).hadErrorContaining(Message.VIEW_CLASS.format("ErroneousCard",
                "it is an inner class; make it a top-level or static nested class"))
                .inFile(outer).onLineContaining("public class ErroneousCard");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aPrivateNestedRecord() {
        JavaFileObject outer = view("Outer", """
                public class Outer {
                    @View(Author.class)
                    private record ErroneousCard(long id) {
                    }
                }
                """);

        Compilation compilation = compileWithDomain(outer);

        assertThat(compilation).hadErrorContaining(Message.VIEW_CLASS.format("ErroneousCard", "it is private, and "
                + "the code generated beside it must reach it; make it package-private or public"))
                .inFile(outer).onLineContaining("private record ErroneousCard");
    }

    @Test
    void anEntityThatIsAViewToo() {
        JavaFileObject card = view("ErroneousCard", """
                @Entity
                @View(Author.class)
                public class ErroneousCard {
                    @Id long id;
                    String name;
                }
                """);
        JavaFileObject holder = view("AuthorShelf", """
                @View(Author.class)
                public record AuthorShelf(long id, List<ErroneousCard> books) {
                }
                """);

        Compilation compilation = compileWithDomain(card, holder);

        assertThat(compilation).hadErrorContaining(Message.VIEW_ON_ENTITY.format("ErroneousCard", "Author"))
                .inFile(card).onLineContaining("@Entity");
        assertThat(compilation).hadErrorContaining("ErroneousCard carries both @Entity and @View; an entity maps a "
                + "table of its own, a view reads its entity's. Remove @Entity to read Author's table, or @View to map "
                + "one of its own");
        // Nothing about its @Id, nor about what AuthorShelf.books holds: both follow from which of the two it is.
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
        assertThat(generatedFor(compilation, "test.AuthorShelf")).isEmpty();
    }

    @Test
    void aViewOfAClassThatIsNoEntity() {
        JavaFileObject card = view("ErroneousCard", """
                @View(String.class)
                public record ErroneousCard(long id) {
                }
                """);

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_OF_NON_ENTITY.format("ErroneousCard", "String",
                        "Name the @Entity class whose table the view reads"))
                .inFile(card).onLineContaining("@View(String.class)");
        assertThat(compilation).hadErrorContaining("@View ErroneousCard names String, which is not an @Entity; a view "
                + "reads the table of an entity. Name the @Entity class");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
    }

    @Test
    void aViewOfAViewIsToldTheEntityToName() {
        JavaFileObject card = view("ErroneousCard", """
                @View(AuthorName.class)
                public record ErroneousCard(long id) {
                }
                """);

        Compilation compilation = compileWithDomain(AUTHOR_NAME, card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_OF_NON_ENTITY.format("ErroneousCard", "AuthorName",
                        "AuthorName is a @View of Author: name Author, whose table both read"))
                .inFile(card).onLineContaining("@View(AuthorName.class)");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.AuthorName")).containsExactly("test.AuthorNameMapping",
                "test.AuthorNameLoader");
    }

    @Test
    void anIdOnAViewField() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        @Id long id,
                        String name) {
                }
                """);

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_FIELD_ANNOTATION.format("ErroneousCard", "id", "@Id",
                "Author", "@Id")).inFile(card).onLineContaining("@Id long id,");
        assertThat(compilation).hadErrorContaining("ErroneousCard.id carries @Id, but a view takes its mapping from "
                + "Author; only @Column, naming one of its columns, belongs on a view's field. Remove @Id");
        // The field holds the id all the same: no second error says the view lacks it.
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
    }

    @Test
    void aRelationshipOnAViewField() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public class ErroneousCard {
                    long id;
                    @Relationship(mappedBy = "author")
                    List<Book> books;
                }
                """);

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_FIELD_ANNOTATION.format("ErroneousCard", "books",
                "@Relationship", "Author", "@Relationship")).inFile(card).onLineContaining("List<Book> books;");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aVersionOnAViewField() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(long id, @Version int bornYear) {
                }
                """);

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_FIELD_ANNOTATION.format("ErroneousCard", "bornYear",
                "@Version", "Author", "@Version")).inFile(card).onLineContaining("@Version int bornYear");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aFieldTheEntityDoesNotHaveIsToldItsFieldsNearestFirst() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        long id,
                        String nam) {
                }
                """);

        Compilation compilation = compileWithDomain(card);

        // Every field of the entity, relationships too, a view may hold them all; ties keep declaration order.
        assertThat(compilation).hadErrorContaining(Message.VIEW_UNKNOWN_FIELD.format("ErroneousCard", "nam", "Author",
                        "Author", "name, id, rank, books, bornYear, publisher"))
                .inFile(card).onLineContaining("String nam)");
        assertThat(compilation).hadErrorContaining("ErroneousCard.nam names no field of Author: a view's field has "
                + "the name of one of its entity's fields, or names one of its columns with @Column. Author's fields, "
                + "nearest first: name, ");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
    }

    @Test
    void aColumnTheEntityDoesNotMapIsToldItsColumnsNearestFirst() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public class ErroneousCard {
                    long id;
                    @Column("born_yr")
                    int year;
                }
                """);

        Compilation compilation = compileWithDomain(card);

        // Columns, not fields: the foreign key publisher_id, which no field maps, is none a view can name.
        assertThat(compilation).hadErrorContaining(Message.VIEW_UNKNOWN_COLUMN.format("ErroneousCard", "year",
                        "born_yr", "Author", "Author", "born_year, name, rank, id"))
                .inFile(card).onLineContaining("@Column(\"born_yr\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = '|', textBlock = """
            String | int     | bornYear | int, Integer or long
            long   | Integer | rank     | Integer
            Long   | int     | bornYear | int, Integer or long
            short  | int     | bornYear | int, Integer or long
            """)
    void aFieldOfATypeThatCannotHoldTheEntitysValues(String declared, String entityType, String field,
            String fitting) {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        long id,
                        %s %s) {
                }
                """.formatted(declared, field));

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_COLUMN_TYPE.format("ErroneousCard", field, declared,
                        "Author", field, entityType, fitting))
                .inFile(card).onLineContaining(declared + " " + field + ")");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
    }

    /**
     * A {@code double} over a {@code float}: a {@code real} column read as a double is 0.1 in text and
     * 0.10000000149011612 in binary, so the view would read different values as the driver's transfer changes.
     */
    @Test
    void aDoubleCannotHoldAFloatsValues() {
        JavaFileObject rating = entity("Rating", """
                @Entity
                public class Rating {
                    @Id long id;
                    float score;
                }
                """);
        JavaFileObject card = view("ErroneousRating", """
                @View(Rating.class)
                public record ErroneousRating(
                        long id,
                        double score) {
                }
                """);

        Compilation compilation = compile(rating, card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_COLUMN_TYPE.format("ErroneousRating", "score",
                "double", "Rating", "score", "float", "float or Float")).inFile(card)
                .onLineContaining("double score)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aColumnTypeMessageNamesTypesAsWritten() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(long id, String bornYear) {
                }
                """);

        assertThat(compileWithDomain(card)).hadErrorContaining("ErroneousCard.bornYear is String, which cannot hold "
                + "every value of Author.bornYear, a field of type int: a view's field has the type of its entity's "
                + "field, the boxed type of a primitive one, or a wider primitive whole number. Declare it int, "
                + "Integer or long");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            List<Publisher> | Publisher or Ref<Publisher>
            List<Book>      | Publisher, Ref<Publisher>, a @View of Publisher or a Ref of one
            """)
    void aListForAReference(String declared, String howToHold) {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        long id,
                        %s publisher) {
                }
                """.formatted(declared));

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_RELATIONSHIP_FORM.format("ErroneousCard",
                        "publisher", declared, "Author", "publisher", "a reference", howToHold))
                .inFile(card).onLineContaining(declared + " publisher)");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
    }

    @Test
    void aPlainViewForACollectionIsToldToListIt() {
        JavaFileObject bookLine = view("BookLine", """
                @View(Book.class)
                public record BookLine(long id, String title) {
                }
                """);
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        long id,
                        BookLine books) {
                }
                """);

        Compilation compilation = compileWithDomain(bookLine, card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_RELATIONSHIP_FORM.format("ErroneousCard", "books",
                        "BookLine", "Author", "books", "a collection", "List<BookLine>"))
                .inFile(card).onLineContaining("BookLine books)");
        assertThat(compilation).hadErrorContaining("ErroneousCard.books is BookLine, but Author.books is a "
                + "collection: declare it List<BookLine>");
        assertThat(compilation).hadErrorCount(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Publisher                   | a reference  | List<Book> or a List of a @View of Book
            List<Ref<Book>>             | a collection | List<Book>
            """)
    void aFieldOfAnotherFormForACollection(String declared, String kind, String howToHold) {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        long id,
                        %s books) {
                }
                """.formatted(declared));

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_RELATIONSHIP_FORM.format("ErroneousCard", "books",
                        declared, "Author", "books", "a collection", howToHold))
                .inFile(card).onLineContaining(declared + " books)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aRefOfAListForAReference() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        long id,
                        Ref<List<Publisher>> publisher) {
                }
                """);

        assertThat(compileWithDomain(card)).hadErrorContaining(Message.VIEW_RELATIONSHIP_FORM.format("ErroneousCard",
                        "publisher", "Ref<List<Publisher>>", "Author", "publisher", "a reference",
                        "Publisher or Ref<Publisher>"))
                .inFile(card).onLineContaining("Ref<List<Publisher>> publisher)");
    }

    @Test
    void aViewOfAnotherEntity() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        long id,
                        List<AuthorName> books) {
                }
                """);

        Compilation compilation = compileWithDomain(AUTHOR_NAME, card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_RELATIONSHIP_TARGET.format("ErroneousCard", "books",
                        "AuthorName, a view of Author", "Author", "books", "Book", "Book", "Book"))
                .inFile(card).onLineContaining("List<AuthorName> books)");
        assertThat(compilation).hadErrorContaining("ErroneousCard.books holds AuthorName, a view of Author, but "
                + "Author.books points at Book: hold Book or a @View of Book");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
    }

    @Test
    void anUnrelatedEntity() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        long id,
                        List<Publisher> books) {
                }
                """);

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_RELATIONSHIP_TARGET.format("ErroneousCard", "books",
                        "Publisher", "Author", "books", "Book", "Book", "Book"))
                .inFile(card).onLineContaining("List<Publisher> books)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aViewWithoutTheId() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(String name) {
                }
                """);

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.VIEW_WITHOUT_ID.format("ErroneousCard", "Author", "long",
                "id")).inFile(card).onLineContaining("public record ErroneousCard");
        assertThat(compilation).hadErrorContaining("@View ErroneousCard does not hold Author's id, long id, by which a "
                + "view tells its rows apart: add it");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void twoRecordViewsHoldingEachOtherAreOneCycle() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        long id,
                        List<ErroneousLine> books) {
                }
                """);
        JavaFileObject line = view("ErroneousLine", """
                @View(Book.class)
                public record ErroneousLine(
                        long id,
                        ErroneousCard author) {
                }
                """);

        Compilation compilation = compileWithDomain(card, line);

        // Reported once, on the field that closes it, with the whole path; either field can break it.
        assertThat(compilation).hadErrorContaining(Message.VIEW_CYCLE.format("ErroneousLine", "author",
                        "ErroneousCard.books -> ErroneousLine.author -> ErroneousCard", "Author"))
                .inFile(line).onLineContaining("ErroneousCard author)");
        assertThat(compilation).hadErrorContaining("ErroneousLine.author closes a cycle of views, ErroneousCard.books "
                + "-> ErroneousLine.author -> ErroneousCard: a view's relationships are always loaded, so loading one "
                + "would never end. Hold the entity Author there instead, whose plans decide how far it loads, or "
                + "leave the field out");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
        assertThat(generatedFor(compilation, "test.ErroneousLine")).isEmpty();
    }

    @Test
    void aViewHoldingAListOfItselfThroughASelfReferentialRelationship() {
        JavaFileObject node = entity("Node", """
                @Entity
                public class Node {
                    @Id long id;
                    String label;
                    @Relationship(joinColumn = "parent_id") Ref<Node> parent;
                    @Relationship(mappedBy = "parent") List<Node> children;
                }
                """);
        JavaFileObject tree = view("ErroneousTree", """
                @View(Node.class)
                public record ErroneousTree(
                        long id,
                        List<ErroneousTree> children) {
                }
                """);

        Compilation compilation = compile(node, tree);

        assertThat(compilation).hadErrorContaining(Message.VIEW_CYCLE.format("ErroneousTree", "children",
                        "ErroneousTree.children -> ErroneousTree", "Node"))
                .inFile(tree).onLineContaining("List<ErroneousTree> children)");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousTree")).isEmpty();
        assertThat(generatedFor(compilation, "test.Node")).containsExactly("test.NodeMapping", "test.NodeLoader",
                "test.NodeDao");
    }

    @Test
    void aCycleIsReportedWithTheViewsOtherErrors() {
        JavaFileObject node = entity("Node", """
                @Entity
                public class Node {
                    @Id long id;
                    @Relationship(joinColumn = "parent_id") Ref<Node> parent;
                }
                """);
        JavaFileObject tree = view("ErroneousTree", """
                @View(Node.class)
                public record ErroneousTree(
                        long id,
                        String label,
                        ErroneousTree parent) {
                }
                """);

        Compilation compilation = compile(node, tree);

        assertThat(compilation).hadErrorContaining("ErroneousTree.label names no field of Node")
                .inFile(tree).onLineContaining("String label,");
        assertThat(compilation).hadErrorContaining(Message.VIEW_CYCLE.format("ErroneousTree", "parent",
                        "ErroneousTree.parent -> ErroneousTree", "Node"))
                .inFile(tree).onLineContaining("ErroneousTree parent)");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aViewThatHoldsACycleWithoutBeingOnItIsDroppedQuietly() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        long id,
                        List<ErroneousLine> books) {
                }
                """);
        JavaFileObject line = view("ErroneousLine", """
                @View(Book.class)
                public record ErroneousLine(
                        long id,
                        ErroneousCard author) {
                }
                """);
        JavaFileObject shelf = view("Shelf", """
                @View(Book.class)
                public record Shelf(long id, ErroneousCard author) {
                }
                """);

        Compilation compilation = compileWithDomain(shelf, card, line);

        assertThat(compilation).hadErrorContaining("ErroneousLine.author closes a cycle of views");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.Shelf")).isEmpty();
    }

    @Test
    void aPrivateFieldWithoutAccessorsInAClassView() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public class ErroneousCard {
                    long id;
                    private String name;
                }
                """);

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.PRIVATE_FIELD.format("ErroneousCard", "name",
                "getName() and setName(String) (or name() and name(String))"))
                .inFile(card).onLineContaining("private String name;");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
    }

    @Test
    void aFinalFieldInAClassView() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public class ErroneousCard {
                    long id;
                    final String name = "";
                }
                """);

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining(Message.FINAL_FIELD.format("ErroneousCard", "name"))
                .inFile(card).onLineContaining("final String name");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
    }

    @Test
    void everyErrorOfAViewAtOnce() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(
                        String nam,
                        String bornYear,
                        List<Publisher> publisher) {
                }
                """);

        Compilation compilation = compileWithDomain(card);

        assertThat(compilation).hadErrorContaining("ErroneousCard.nam names no field of Author")
                .inFile(card).onLineContaining("String nam,");
        assertThat(compilation).hadErrorContaining("ErroneousCard.bornYear is String")
                .inFile(card).onLineContaining("String bornYear,");
        assertThat(compilation).hadErrorContaining("ErroneousCard.publisher is List<Publisher>")
                .inFile(card).onLineContaining("List<Publisher> publisher)");
        assertThat(compilation).hadErrorContaining(Message.VIEW_WITHOUT_ID.prefix() + "ErroneousCard")
                .inFile(card).onLineContaining("public record ErroneousCard(");
        assertThat(compilation).hadErrorCount(4);
    }

    /**
     * An entity's relationship holds entities; one holding a view is told so, on its field, and that is the only
     * error: the view is not taken for an entity missing its {@code @Id}.
     */
    @Test
    void anEntityHoldingAViewIsToldSoOnItsField() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(mappedBy = "author") List<BookLine> books;
                }
                """);
        JavaFileObject book = entity("Book", """
                @Entity
                public class Book {
                    @Id long id;
                    String title;
                    @Relationship(joinColumn = "author_id") Ref<ErroneousAuthor> author;
                }
                """);
        JavaFileObject line = view("BookLine", """
                @View(Book.class)
                public record BookLine(long id, String title) {
                }
                """);

        Compilation compilation = compile(author, book, line);

        assertThat(compilation).hadErrorContaining(Message.RELATIONSHIP_HOLDS_VIEW.format("ErroneousAuthor", "books",
                "BookLine", "Book", "List<Book>", "BookLine", "ErroneousAuthor")).inFile(author)
                .onLineContaining("List<BookLine> books;");
        assertThat(compilation).hadErrorCount(1);
        // Book points at the failed ErroneousAuthor, so neither is generated, nor the view of Book: quietly.
        assertThat(generatedFor(compilation, "test.BookLine")).isEmpty();
    }

    @Test
    void anErrorInAViewDoesNotStopItsEntitysGeneration() {
        JavaFileObject card = view("ErroneousCard", """
                @View(Author.class)
                public record ErroneousCard(long id, String nam) {
                }
                """);

        Compilation compilation = compileWithDomain(AUTHOR_NAME, card);

        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousCard")).isEmpty();
        assertThat(generatedFor(compilation, "test.Author")).containsExactly("test.AuthorMapping",
                "test.AuthorLoader", "test.AuthorDao");
        assertThat(generatedFor(compilation, "test.AuthorName")).containsExactly("test.AuthorNameMapping",
                "test.AuthorNameLoader");
    }

    @Test
    void aViewOfAnErroneousEntityIsNotGeneratedAndReportsNothingOfItsOwn() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    private String title;
                    java.util.Date published;
                }
                """);
        // Each field names one the entity has, as declared: whatever is wrong is the entity's.
        JavaFileObject line = view("BookLine", """
                @View(ErroneousBook.class)
                public record BookLine(long id, String title, java.util.Date published) {
                }
                """);

        Compilation compilation = compile(book, line);

        assertThat(compilation).hadErrorContaining("ErroneousBook.title is private").inFile(book);
        assertThat(compilation).hadErrorContaining("ErroneousBook.published has type java.util.Date").inFile(book);
        assertThat(compilation).hadErrorCount(2);
        assertThat(generatedFor(compilation, "test.BookLine")).isEmpty();
    }

    @Test
    void aViewOfAnEntityWithoutAnIdIsNotToldItLacksOne() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    String title;
                }
                """);
        JavaFileObject line = view("BookLine", """
                @View(ErroneousBook.class)
                public record BookLine(String title) {
                }
                """);

        Compilation compilation = compile(book, line);

        assertThat(compilation).hadErrorContaining(Message.MISSING_ID.format("ErroneousBook")).inFile(book);
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.BookLine")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            names no entity | @View(String.class) public record ErroneousLine(long id, String title) {}
            is an interface | @View(Book.class) public interface ErroneousLine {}
            """)
    void aViewHoldingAViewThatReadsNoEntityReportsNothingOfItsOwn(String why, String declaration) {
        JavaFileObject line = view("ErroneousLine", declaration + "\n");
        JavaFileObject card = view("AuthorCard", """
                @View(Author.class)
                public record AuthorCard(long id, List<ErroneousLine> books) {
                }
                """);

        Compilation compilation = compileWithDomain(line, card);

        // Not that AuthorCard.books should hold a view of Book: ErroneousLine's own error says what it should read.
        assertThat(compilation).hadErrorContaining("@View ErroneousLine ").inFile(line);
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.AuthorCard")).isEmpty();
    }

    @Test
    void aViewHoldingAnErroneousViewIsNotGeneratedAndReportsNothingOfItsOwn() {
        JavaFileObject line = view("ErroneousLine", """
                @View(Book.class)
                public record ErroneousLine(long id, String titel) {
                }
                """);
        JavaFileObject card = view("AuthorCard", """
                @View(Author.class)
                public record AuthorCard(long id, List<ErroneousLine> books) {
                }
                """);

        Compilation compilation = compileWithDomain(line, card);

        assertThat(compilation).hadErrorContaining("ErroneousLine.titel names no field of Book")
                .inFile(line);
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.AuthorCard")).isEmpty();
    }
}
