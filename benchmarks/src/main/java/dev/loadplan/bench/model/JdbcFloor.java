package dev.loadplan.bench.model;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The floor: what a careful engineer writes by hand with JDBC for the statements loadplan runs, building the same
 * objects. Multi-statement loads run in one REPEATABLE READ transaction, as loadplan's do; the rest is reading
 * columns by index and stitching with hash maps.
 */
public final class JdbcFloor {

    private JdbcFloor() {
    }

    /** The statements of a select-in load of authors, then their books: {@code AuthorLoader.withBooksSelectIn()}. */
    public static List<Author> authorsBooks(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            List<Author> authors = new ArrayList<>();
            Map<Long, Author> byId = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(AuthorLoader.PLAIN);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Author author = author(rows, 1);
                    author.books = new ArrayList<>();
                    authors.add(author);
                    byId.put(author.id, author);
                }
            }
            books(connection, AuthorLoader.BOOKS_SELECT_IN, byId, null);
            connection.commit();
            end(connection);
            return authors;
        }
    }

    /** Authors with their books joined in one statement: {@code AuthorLoader.withBooksJoined()}. */
    public static List<Author> authorsBooksJoined(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(AuthorLoader.BOOKS_JOINED);
                ResultSet rows = statement.executeQuery()) {
            return joinedAuthors(rows);
        }
    }

    /** A page of authors with their books joined: the statement of {@code withBooksJoined().limit(n)}. */
    public static List<Author> authorPage(DataSource dataSource, String sql, long limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, limit);
            statement.setLong(2, 0);
            try (ResultSet rows = statement.executeQuery()) {
                return joinedAuthors(rows);
            }
        }
    }

    private static List<Author> joinedAuthors(ResultSet rows) throws SQLException {
        List<Author> authors = new ArrayList<>();
        Author current = null;
        while (rows.next()) {
            long id = rows.getLong(1);
            if (current == null || current.id != id) {
                current = author(rows, 1);
                current.books = new ArrayList<>();
                authors.add(current);
            }
            rows.getLong(3);
            if (!rows.wasNull()) {
                Book book = book(rows, 3);
                book.author = current;
                current.books.add(book);
            }
        }
        return authors;
    }

    /** Authors, their books, their reviews: three statements, {@code withBooksSelectIn(withReviewsSelectIn())}. */
    public static List<Author> authorsBooksReviews(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            List<Author> authors = new ArrayList<>();
            Map<Long, Author> byId = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(AuthorLoader.PLAIN);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Author author = author(rows, 1);
                    author.books = new ArrayList<>();
                    authors.add(author);
                    byId.put(author.id, author);
                }
            }
            Map<Long, Book> books = new HashMap<>();
            books(connection, AuthorLoader.BOOKS_SELECT_IN, byId, books);
            reviews(connection, books);
            connection.commit();
            end(connection);
            return authors;
        }
    }

    /** One author, its books and their reviews, by key: what {@code findById} of that plan runs. */
    public static Author authorById(DataSource dataSource, String byIdSql, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            Map<Long, Author> byId = new HashMap<>();
            Author found = null;
            try (PreparedStatement statement = connection.prepareStatement(byIdSql)) {
                statement.setLong(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        found = author(rows, 1);
                        found.books = new ArrayList<>();
                        byId.put(found.id, found);
                    }
                }
            }
            if (found != null) {
                Map<Long, Book> books = new HashMap<>();
                books(connection, AuthorLoader.BOOKS_SELECT_IN, byId, books);
                reviews(connection, books);
            }
            connection.commit();
            end(connection);
            return found;
        }
    }

    /** Books and their one author each, the authors loaded once each: {@code BookLoader.withAuthorSelectIn()}. */
    public static List<Book> booksAuthor(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            List<Book> books = new ArrayList<>();
            Map<Long, List<Book>> byAuthor = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(BookLoader.PLAIN);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Book book = book(rows, 1);
                    books.add(book);
                    long authorId = rows.getLong(4);
                    if (!rows.wasNull()) {
                        byAuthor.computeIfAbsent(authorId, key -> new ArrayList<>(4)).add(book);
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(BookLoader.AUTHOR_SELECT_IN)) {
                statement.setArray(1, keys(connection, byAuthor.keySet()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Author author = author(rows, 1);
                        for (Book book : byAuthor.get(author.id)) {
                            book.author = author;
                        }
                    }
                }
            }
            connection.commit();
            end(connection);
            return books;
        }
    }

    /** Books and their tags, many-to-many, one tag object per tag: {@code BookLoader.withTagsSelectIn()}. */
    public static List<Book> booksTags(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            List<Book> books = new ArrayList<>();
            Map<Long, Book> byId = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(BookLoader.PLAIN);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Book book = book(rows, 1);
                    book.tags = new ArrayList<>();
                    books.add(book);
                    byId.put(book.id, book);
                }
            }
            Map<Long, Tag> tags = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(BookLoader.TAGS_SELECT_IN)) {
                statement.setArray(1, keys(connection, byId.keySet()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long bookId = rows.getLong(1);
                        long tagId = rows.getLong(2);
                        Tag tag = tags.get(tagId);
                        if (tag == null) {
                            tag = new Tag();
                            tag.id = tagId;
                            tag.label = rows.getString(3);
                            tags.put(tagId, tag);
                        }
                        byId.get(bookId).tags.add(tag);
                    }
                }
            }
            connection.commit();
            end(connection);
            return books;
        }
    }

    private static void books(Connection connection, String sql, Map<Long, Author> authors, Map<Long, Book> books)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, keys(connection, authors.keySet()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Book book = book(rows, 1);
                    Author author = authors.get(rows.getLong(4));
                    book.author = author;
                    author.books.add(book);
                    if (books != null) {
                        book.reviews = new ArrayList<>();
                        books.put(book.id, book);
                    }
                }
            }
        }
    }

    private static void reviews(Connection connection, Map<Long, Book> books) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BookLoader.REVIEWS_SELECT_IN)) {
            statement.setArray(1, keys(connection, books.keySet()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Review review = new Review();
                    review.id = rows.getLong(1);
                    review.stars = rows.getInt(2);
                    review.body = rows.getString(3);
                    Book book = books.get(rows.getLong(4));
                    review.book = book;
                    book.reviews.add(review);
                }
            }
        }
    }

    private static Author author(ResultSet rows, int first) throws SQLException {
        Author author = new Author();
        author.id = rows.getLong(first);
        author.name = rows.getString(first + 1);
        return author;
    }

    private static Book book(ResultSet rows, int first) throws SQLException {
        Book book = new Book();
        book.id = rows.getLong(first);
        book.title = rows.getString(first + 1);
        book.year = rows.getInt(first + 2);
        return book;
    }

    private static Array keys(Connection connection, java.util.Collection<Long> keys) throws SQLException {
        return connection.createArrayOf("bigint", keys.toArray());
    }

    /** A REPEATABLE READ transaction, so the statements read one snapshot; its isolation set within it. */
    private static void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")) {
            statement.execute();
        }
    }

    private static void end(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
    }
}
