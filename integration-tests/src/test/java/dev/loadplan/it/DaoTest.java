package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorDao;
import dev.loadplan.it.library.Book;
import dev.loadplan.it.library.BookDao;
import dev.loadplan.it.library.BookLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated DAOs write what the loaders read back. */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class DaoTest {

    @BeforeEach
    void empty(Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.execute("truncate books, authors restart identity"));
    }

    @Test
    void insertReturnsAndSetsTheGeneratedKey(Jdbi jdbi) {
        Author ann = new Author("Ann");
        Author bob = new Author("Bob");

        long annId = AuthorDao.on(jdbi).insert(ann);
        long bobId = AuthorDao.on(jdbi).insert(bob);

        assertThat(annId).isEqualTo(ann.id()).isPositive();
        assertThat(bobId).isEqualTo(bob.id()).isNotEqualTo(annId);
        assertThat(AuthorDao.on(jdbi).findById(bobId)).get().extracting(Author::name).isEqualTo("Bob");
    }

    @Test
    void updateDeleteAndCountWorkInsideTheCallersHandle(Jdbi jdbi) {
        try (Handle handle = jdbi.open()) {
            AuthorDao dao = AuthorDao.on(handle);
            Author ann = new Author("Ann");
            dao.insert(ann);
            dao.insert(new Author("Bob"));

            Author renamed = dao.findById(ann.id()).orElseThrow();
            renamed.setName("Anne");
            assertThat(dao.update(renamed)).isTrue();
            assertThat(dao.findById(ann.id())).get().extracting(Author::name).isEqualTo("Anne");

            assertThat(dao.count()).isEqualTo(2);
            assertThat(dao.delete(ann.id())).isTrue();
            assertThat(dao.delete(ann.id())).isFalse();
            assertThat(dao.count()).isEqualTo(1);
            assertThat(dao.findAll()).extracting(Author::name).containsExactly("Bob");
        }
    }

    @Test
    void aBookIsWrittenWithItsForeignKeyAndLoadsWithItsAuthor(Jdbi jdbi) {
        Author ann = new Author("Ann");
        AuthorDao.on(jdbi).insert(ann);
        BookDao.on(jdbi).insert(new Book("Ann 1", ann.id()));
        BookDao.on(jdbi).insert(new Book("No author", null));

        var books = BookLoader.withAuthorJoined().list(jdbi);

        assertThat(books).extracting(Book::title).containsExactly("Ann 1", "No author");
        assertThat(books.get(0).author()).extracting(Author::name).isEqualTo("Ann");
        assertThat(books.get(1).author()).isNull();
    }

    @Test
    void updatingAMissingRowReportsFalse(Jdbi jdbi) {
        Author ghost = new Author("Ghost"); // never inserted: its key 0 names no row

        assertThat(AuthorDao.on(jdbi).update(ghost)).isFalse();
    }
}
