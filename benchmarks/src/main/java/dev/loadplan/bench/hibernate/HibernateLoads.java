package dev.loadplan.bench.hibernate;

import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM with its best fetch for each graph: join fetch where one collection is fetched, subselect fetch for
 * a second level (two bags cannot be join-fetched together), a read-only session, and every collection initialised
 * before the session closes.
 */
public final class HibernateLoads implements AutoCloseable {

    private final SessionFactory sessions;

    public HibernateLoads(DataSource dataSource) {
        Properties settings = new Properties();
        settings.put("hibernate.connection.datasource", dataSource);
        settings.put("hibernate.show_sql", "false");
        settings.put("hibernate.hbm2ddl.auto", "none");
        settings.put("hibernate.query.fail_on_pagination_over_collection_fetch", "true");
        sessions = new Configuration().addProperties(settings).addAnnotatedClass(HAuthor.class)
                .addAnnotatedClass(HBook.class).addAnnotatedClass(HReview.class).addAnnotatedClass(HTag.class)
                .buildSessionFactory();
    }

    private Session readOnly() {
        Session session = sessions.openSession();
        session.setDefaultReadOnly(true);
        return session;
    }

    public List<HAuthor> authorsBooks() {
        try (Session session = readOnly()) {
            return session.createSelectionQuery("from HAuthor a left join fetch a.books order by a.id", HAuthor.class)
                    .getResultList();
        }
    }

    public List<HAuthor> authorsBooksReviews() {
        try (Session session = readOnly()) {
            List<HAuthor> authors = session.createSelectionQuery(
                    "from HAuthor a left join fetch a.books order by a.id", HAuthor.class).getResultList();
            // Subselect fetch: the first read loads the reviews of every book of the session in one statement.
            for (HAuthor author : authors) {
                for (HBook book : author.books) {
                    Hibernate.initialize(book.reviews);
                }
            }
            return authors;
        }
    }

    public HAuthor authorById(long id) {
        try (Session session = readOnly()) {
            HAuthor author = session.createSelectionQuery(
                    "from HAuthor a left join fetch a.books where a.id = :id", HAuthor.class)
                    .setParameter("id", id).getSingleResultOrNull();
            if (author != null) {
                for (HBook book : author.books) {
                    Hibernate.initialize(book.reviews);
                }
            }
            return author;
        }
    }

    public List<HBook> booksAuthor() {
        try (Session session = readOnly()) {
            return session.createSelectionQuery("from HBook b left join fetch b.author order by b.id", HBook.class)
                    .getResultList();
        }
    }

    public List<HBook> booksTags() {
        try (Session session = readOnly()) {
            return session.createSelectionQuery("from HBook b left join fetch b.tags order by b.id", HBook.class)
                    .getResultList();
        }
    }

    /**
     * A page of authors with their books: the page by key first, then its books joined, since a limit over a
     * collection fetch would be applied in memory.
     */
    public List<HAuthor> authorPage(int size) {
        try (Session session = readOnly()) {
            List<Long> ids = session.createSelectionQuery("select a.id from HAuthor a order by a.id", Long.class)
                    .setMaxResults(size).getResultList();
            return session.createSelectionQuery(
                    "from HAuthor a left join fetch a.books where a.id in :ids order by a.id", HAuthor.class)
                    .setParameter("ids", ids).getResultList();
        }
    }

    /**
     * A page of authors with their books and the books' reviews: the page by key, its books joined, then the reviews
     * of every book of the session by subselect fetch.
     */
    public List<HAuthor> authorPageBooksReviews(int size) {
        try (Session session = readOnly()) {
            List<Long> ids = session.createSelectionQuery("select a.id from HAuthor a order by a.id", Long.class)
                    .setMaxResults(size).getResultList();
            List<HAuthor> authors = session.createSelectionQuery(
                    "from HAuthor a left join fetch a.books where a.id in :ids order by a.id", HAuthor.class)
                    .setParameter("ids", ids).getResultList();
            for (HAuthor author : authors) {
                for (HBook book : author.books) {
                    Hibernate.initialize(book.reviews);
                }
            }
            return authors;
        }
    }

    @Override
    public void close() {
        sessions.close();
    }
}
