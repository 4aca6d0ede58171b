package dev.loadplan.spring.app;

import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Service methods as an application writes them: loadplan through the starter's Jdbi, in Spring's transactions. */
@Service
public class LibraryService {

    /** Thrown after the writes, to roll them back. */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super("abort");
        }
    }

    private final Jdbi jdbi;

    LibraryService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Transactional
    public long insertAuthorWithBook(String name, String title) {
        long author = AuthorDao.on(jdbi).insert(new Author(name));
        BookDao.on(jdbi).insert(new Book(title, author));
        return author;
    }

    @Transactional
    public void insertAuthorWithBookThenFail(String name, String title) {
        insertAuthorWithBook(name, title);
        throw new Abort();
    }

    /** Runs {@code work} in a default {@code @Transactional}: READ COMMITTED on PostgreSQL. */
    @Transactional
    public <T> T readCommitted(Supplier<T> work) {
        return work.get();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public <T> T repeatableRead(Supplier<T> work) {
        return work.get();
    }

    /** Writes a book with a DAO, then loads every author with their books, in one transaction at REPEATABLE READ. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public List<Author> insertBookThenLoad(long author, String title) {
        BookDao.on(jdbi).insert(new Book(title, author));
        return AuthorLoader.withBooksSelectIn().list(jdbi);
    }

    public List<Author> authorsWithBooks() {
        return AuthorLoader.withBooksSelectIn().list(jdbi);
    }
}
