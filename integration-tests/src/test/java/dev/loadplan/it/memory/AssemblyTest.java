package dev.loadplan.it.memory;

import static dev.loadplan.it.memory.MemoryDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.Book;
import dev.loadplan.it.library.BookLoader;
import dev.loadplan.it.mixed.Shelf;
import dev.loadplan.it.mixed.ShelfLoader;
import dev.loadplan.it.mixed.Volume;
import dev.loadplan.it.records.RecordNode;
import dev.loadplan.it.records.RecordNodeLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast tier: how the runtime assembles graphs from rows, on an in-memory {@code ResultSet} that answers each
 * generated statement, with no database. Runs in milliseconds, so assembly can be tested case by case.
 */
class AssemblyTest {

    private static Object[] row(Object... values) {
        return values;
    }

    @Test
    void selectInStitchesChildrenToTheirParentsByKeyInRowOrder() {
        MemoryDatabase db = new MemoryDatabase()
                .on(AuthorLoader.PLAIN, parameters -> rows(row(1L, "Ann"), row(2L, "Bob"), row(3L, "Cid")))
                .on(AuthorLoader.BOOKS_SELECT_IN, parameters -> rows(
                        row(12L, "Ann 2", 1L), row(11L, "Cid 1", 3L), row(10L, "Ann 1", 1L)));

        List<Author> authors = AuthorLoader.withBooksSelectIn().list(db.jdbi());

        assertThat(authors).extracting(Author::name, author -> author.books().stream().map(Book::id).toList())
                .containsExactly(tuple("Ann", List.of(12L, 10L)), tuple("Bob", List.of()), tuple("Cid", List.of(11L)));
        assertThat(db.executed()).extracting(MemoryDatabase.Executed::sql)
                .containsExactly(AuthorLoader.PLAIN, AuthorLoader.BOOKS_SELECT_IN);
        assertThat((Object[]) db.executed().get(1).parameters().get(0)).as("the parents' keys, one array")
                .containsExactly(1L, 2L, 3L);
        assertThat(db.transactions()).as("two statements, one transaction, its isolation set inside it")
                .containsExactly("begin", "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", "commit");
        for (Author author : authors) {
            assertThat(author.books()).allSatisfy(book -> assertThat(book.author()).isSameAs(author));
        }
    }

    @Test
    void aSharedParentIsOneObjectAndItsKeyIsBoundOnce() {
        MemoryDatabase db = new MemoryDatabase()
                .on(BookLoader.PLAIN, parameters -> rows(row(10L, "Ann 1", 1L), row(12L, "Ann 2", 1L),
                        row(14L, "Orphan", null)))
                .on(BookLoader.AUTHOR_SELECT_IN, parameters -> rows(row(1L, "Ann")));

        List<Book> books = BookLoader.withAuthorSelectIn().list(db.jdbi());

        assertThat(books.get(0).author()).isSameAs(books.get(1).author()).extracting(Author::name).isEqualTo("Ann");
        assertThat(books.get(2).author()).isNull();
        assertThat((Object[]) db.executed().get(1).parameters().get(0)).containsExactly(1L);
    }

    @Test
    void immediateRunsOneStatementPerDistinctKey() {
        MemoryDatabase db = new MemoryDatabase()
                .on(BookLoader.PLAIN, parameters -> rows(row(10L, "Ann 1", 1L), row(12L, "Ann 2", 1L),
                        row(11L, "Cid 1", 3L)))
                .on(BookLoader.AUTHOR_PER_PARENT, parameters -> rows(row(parameters.get(0),
                        (Long) parameters.get(0) == 1L ? "Ann" : "Cid")));

        List<Book> books = BookLoader.withAuthorImmediate().list(db.jdbi());

        assertThat(books).extracting(book -> book.author().name()).containsExactly("Ann", "Ann", "Cid");
        assertThat(db.executed()).extracting(MemoryDatabase.Executed::parameters)
                .containsExactly(List.of(), List.of(1L), List.of(3L));
    }

    @Test
    void joinedRowsRepeatTheParentAndAnOuterJoinThatFoundNothingLeavesItEmpty() {
        MemoryDatabase db = new MemoryDatabase().on(AuthorLoader.BOOKS_JOINED, parameters -> rows(
                row(1L, "Ann", 10L, "Ann 1", 1L), row(1L, "Ann", 12L, "Ann 2", 1L),
                row(2L, "Bob", null, null, null), row(3L, "Cid", 11L, "Cid 1", 3L)));

        List<Author> authors = AuthorLoader.withBooksJoined().list(db.jdbi());

        assertThat(authors).extracting(Author::name, author -> author.books().stream().map(Book::title).toList())
                .containsExactly(tuple("Ann", List.of("Ann 1", "Ann 2")), tuple("Bob", List.of()),
                        tuple("Cid", List.of("Cid 1")));
        assertThat(db.transactions()).as("one statement needs no transaction of its own").isEmpty();
    }

    @Test
    void aClassHoldsTheRecordsBuiltFromItsChildrenRows() {
        MemoryDatabase db = new MemoryDatabase()
                .on(ShelfLoader.PLAIN, parameters -> rows(row(1L, "A", null), row(2L, "B", null)))
                .on(ShelfLoader.VOLUMES_SELECT_IN, parameters -> rows(row(11L, "a", 1L), row(10L, "b", 1L)));

        List<Shelf> shelves = ShelfLoader.withVolumesSelectIn().list(db.jdbi());

        assertThat(shelves.get(0).volumes()).extracting(Volume::title).containsExactly("a", "b");
        assertThat(shelves.get(0).volumes()).allSatisfy(volume -> assertThat(volume.shelf().get())
                .isSameAs(shelves.get(0)));
        assertThat(shelves.get(1).volumes()).isEmpty();
    }

    @Test
    void aRecordTreeOfAnyDepthIsBuiltChildrenFirst() {
        int levels = 20_000;
        List<Object[]> tree = new ArrayList<>();
        for (long depth = 0; depth < levels; depth++) {
            tree.add(row(depth + 1, "n" + depth, depth == 0 ? null : depth, (int) depth));
        }
        MemoryDatabase db = new MemoryDatabase().on(RecordNodeLoader.CHILDREN_RECURSIVE, parameters -> tree);

        RecordNode node = RecordNodeLoader.withChildrenRecursive().list(db.jdbi()).get(0);

        int depth = 1;
        while (!node.children().isEmpty()) {
            node = node.children().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(levels);
    }

    @Test
    void aCycleOfRecordsInTheDataIsNamed() {
        // x(6)'s child is y(7), whose child is x again: as records, x would have to exist before itself.
        MemoryDatabase db = new MemoryDatabase().on(RecordNodeLoader.CHILDREN_RECURSIVE, parameters -> rows(
                row(6L, "x", 7L, 0), row(7L, "y", 6L, 1), row(6L, "x", 7L, 2)));

        assertThatThrownBy(() -> RecordNodeLoader.withChildrenRecursive().list(db.jdbi()))
                .isInstanceOf(LoadPlanException.class)
                .hasMessageContaining("the data holds a cycle of records: RecordNode(6) -> RecordNode(7) -> "
                        + "RecordNode(6)");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
