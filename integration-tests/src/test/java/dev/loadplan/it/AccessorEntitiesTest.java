package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.beans.BeanAuthor;
import dev.loadplan.it.beans.BeanAuthorDao;
import dev.loadplan.it.beans.BeanAuthorLoader;
import dev.loadplan.it.beans.FluentBook;
import dev.loadplan.it.beans.FluentBookDao;
import dev.loadplan.it.beans.FluentBookLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Entities with private fields, reached through JavaBean and record-style accessors. */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class AccessorEntitiesTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        LibraryData.small(jdbi);
    }

    @Test
    void javaBeansLoadThroughTheirSetters(Jdbi jdbi, StatementCounter counter) {
        List<BeanAuthor> authors = BeanAuthorLoader.withBooksSelectIn().list(jdbi);

        assertThat(counter.count()).isEqualTo(2);
        assertThat(authors).extracting(BeanAuthor::getName).containsExactly("Ann", "Bob", "Cid");
        assertThat(authors.get(0).getBooks()).extracting(FluentBook::title).containsExactly("Ann 1", "Ann 2", "Ann 3");
        assertThat(authors.get(1).getBooks()).isEmpty();
    }

    @Test
    void recordStyleAccessorsLoadAReferenceJoined(Jdbi jdbi) {
        List<FluentBook> books = FluentBookLoader.withAuthorJoined().list(jdbi);

        assertThat(books).extracting(FluentBook::id).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(books.get(0).author().get().getName()).isEqualTo("Ann");
        assertThat(books.get(2).author().get()).isSameAs(books.get(0).author().get());
        assertThat(books.get(4).author().get()).isNull();
    }

    @Test
    void daosWriteThroughGettersAndSetTheKeyThroughTheSetter(Jdbi jdbi) {
        BeanAuthor dan = new BeanAuthor();
        dan.setName("Dan");
        long id = BeanAuthorDao.on(jdbi).insert(dan);
        FluentBook book = new FluentBook().title("Dan 1").authorId(id);
        FluentBookDao.on(jdbi).insert(book);

        assertThat(dan.getId()).isEqualTo(id);
        assertThat(book.id()).isPositive();
        BeanAuthor loaded = BeanAuthorLoader.withBooksJoined().findById(jdbi, id).orElseThrow();
        assertThat(loaded.getName()).isEqualTo("Dan");
        assertThat(loaded.getBooks()).extracting(FluentBook::title).containsExactly("Dan 1");

        loaded.setName("Daniel");
        assertThat(BeanAuthorDao.on(jdbi).update(loaded)).isTrue();
        assertThat(BeanAuthorDao.on(jdbi).findById(id)).get().extracting(BeanAuthor::getName).isEqualTo("Daniel");
    }
}
