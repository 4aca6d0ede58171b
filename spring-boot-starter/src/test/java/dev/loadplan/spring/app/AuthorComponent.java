package dev.loadplan.spring.app;

import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** Not a {@code @Repository}: what its methods throw reaches the caller as loadplan threw it. */
@Component
public class AuthorComponent {

    private final Jdbi jdbi;

    AuthorComponent(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void update(Author author) {
        AuthorDao.on(jdbi).update(author);
    }
}
