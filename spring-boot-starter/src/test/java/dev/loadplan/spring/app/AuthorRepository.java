package dev.loadplan.spring.app;

import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;

/** A {@code @Repository}: Spring translates what its methods throw into {@code DataAccessException}s. */
@Repository
public class AuthorRepository {

    private final Jdbi jdbi;

    AuthorRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long insert(Author author) {
        return AuthorDao.on(jdbi).insert(author);
    }

    public void insertBook(Book book) {
        BookDao.on(jdbi).insert(book);
    }

    public void update(Author author) {
        AuthorDao.on(jdbi).update(author);
    }

    public Author find(long id) {
        return AuthorDao.on(jdbi).findById(id).orElseThrow();
    }
}
