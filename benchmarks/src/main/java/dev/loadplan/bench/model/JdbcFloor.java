package dev.loadplan.bench.model;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
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

    /**
     * The statements a floor of several statements runs, as loadplan writes them: the root's, then one per level
     * below it. Select-in statements bind their parents' keys as an array; subquery statements repeat the root query
     * and bind what it binds (the key of {@code findById}, or nothing).
     */
    public record Statements(List<String> sql, boolean subquery) {

        public Statements {
            sql = List.copyOf(sql);
        }

        public static Statements selectIn(List<String> sql) {
            return new Statements(sql, false);
        }

        public static Statements subquery(List<String> sql) {
            return new Statements(sql, true);
        }

        String get(int index) {
            return sql.get(index);
        }

        /** Binds a statement below the root: its parents' keys, or what the root bound. */
        void bindBelowRoot(PreparedStatement statement, Connection connection, Collection<Long> parentKeys,
                Long rootId) throws SQLException {
            if (!subquery) {
                statement.setArray(1, keys(connection, parentKeys));
            } else if (rootId != null) {
                statement.setLong(1, rootId);
            }
        }
    }

    /** Authors, then their books: the statements of {@code AuthorLoader.withBooksSelectIn()} or its subquery form. */
    public static List<Author> authorsBooks(DataSource dataSource, Statements statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            List<Author> authors = new ArrayList<>();
            Map<Long, Author> byId = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(statements.get(0));
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Author author = author(rows, 1);
                    author.books = new ArrayList<>();
                    authors.add(author);
                    byId.put(author.id, author);
                }
            }
            books(connection, statements, byId, null, null);
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

    /**
     * A page of authors, then their books: the statements of {@code withBooksSelectIn().limit(n)}, its root
     * statement given with JDBC's {@code ?} for the limit and the offset.
     */
    public static List<Author> authorPageSelectIn(DataSource dataSource, String rootSql, long limit)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            List<Author> authors = new ArrayList<>();
            Map<Long, Author> byId = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(rootSql)) {
                statement.setLong(1, limit);
                statement.setLong(2, 0);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Author author = author(rows, 1);
                        author.books = new ArrayList<>();
                        authors.add(author);
                        byId.put(author.id, author);
                    }
                }
            }
            books(connection, Statements.selectIn(List.of(rootSql, AuthorLoader.BOOKS_SELECT_IN)), byId, null, null);
            connection.commit();
            end(connection);
            return authors;
        }
    }

    /**
     * Authors, their books and the books' reviews in one joined statement, {@code sql}: that of
     * {@code withBooksJoined(withReviewsJoined())}, or of its {@code findById} when {@code id} is given.
     */
    public static List<Author> authorsBooksReviewsJoined(DataSource dataSource, String sql, Long id)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (id != null) {
                statement.setLong(1, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return joinedAuthorsBooksReviews(rows);
            }
        }
    }

    /**
     * A page of authors with their books and the books' reviews in one joined statement: that of
     * {@code withBooksJoined(withReviewsJoined()).limit(n)}, given with JDBC's {@code ?} for the limit and the offset.
     */
    public static List<Author> authorPageBooksReviewsJoined(DataSource dataSource, String sql, long limit)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, limit);
            statement.setLong(2, 0);
            try (ResultSet rows = statement.executeQuery()) {
                return joinedAuthorsBooksReviews(rows);
            }
        }
    }

    /**
     * The rows of a joined statement of authors, books and reviews, ordered by author, book and review: each object
     * is made when its key first changes, with no map.
     */
    private static List<Author> joinedAuthorsBooksReviews(ResultSet rows) throws SQLException {
        List<Author> authors = new ArrayList<>();
        Author author = null;
        Book book = null;
        while (rows.next()) {
            long authorId = rows.getLong(1);
            if (author == null || author.id != authorId) {
                author = author(rows, 1);
                author.books = new ArrayList<>();
                authors.add(author);
                book = null;
            }
            long bookId = rows.getLong(3);
            if (rows.wasNull()) {
                continue;
            }
            if (book == null || book.id != bookId) {
                book = book(rows, 3);
                book.author = author;
                book.reviews = new ArrayList<>();
                author.books.add(book);
            }
            rows.getLong(7);
            if (!rows.wasNull()) {
                Review review = review(rows, 7);
                review.book = book;
                book.reviews.add(review);
            }
        }
        return authors;
    }

    /** Books with their author joined, one object per author: {@code BookLoader.withAuthorJoined()}. */
    public static List<Book> booksAuthorJoined(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(BookLoader.AUTHOR_JOINED);
                ResultSet rows = statement.executeQuery()) {
            List<Book> books = new ArrayList<>();
            Map<Long, Author> authors = new HashMap<>();
            while (rows.next()) {
                Book book = book(rows, 1);
                books.add(book);
                long authorId = rows.getLong(5);
                if (!rows.wasNull()) {
                    Author author = authors.get(authorId);
                    if (author == null) {
                        author = author(rows, 5);
                        authors.put(authorId, author);
                    }
                    book.author = author;
                }
            }
            return books;
        }
    }

    /** Books with their tags joined, one object per tag: {@code BookLoader.withTagsJoined()}. */
    public static List<Book> booksTagsJoined(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(BookLoader.TAGS_JOINED);
                ResultSet rows = statement.executeQuery()) {
            List<Book> books = new ArrayList<>();
            Map<Long, Tag> tags = new HashMap<>();
            Book book = null;
            while (rows.next()) {
                long bookId = rows.getLong(1);
                if (book == null || book.id != bookId) {
                    book = book(rows, 1);
                    book.tags = new ArrayList<>();
                    books.add(book);
                }
                long tagId = rows.getLong(5);
                if (!rows.wasNull()) {
                    Tag tag = tags.get(tagId);
                    if (tag == null) {
                        tag = new Tag();
                        tag.id = tagId;
                        tag.label = rows.getString(6);
                        tags.put(tagId, tag);
                    }
                    book.tags.add(tag);
                }
            }
            return books;
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

    /**
     * Authors, their books, their reviews: the three statements of {@code withBooksSelectIn(withReviewsSelectIn())}
     * or of its subquery form.
     */
    public static List<Author> authorsBooksReviews(DataSource dataSource, Statements statements)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            List<Author> authors;
            try (PreparedStatement root = connection.prepareStatement(statements.get(0))) {
                authors = withBooksReviews(connection, statements, root);
            }
            connection.commit();
            end(connection);
            return authors;
        }
    }

    /** The authors {@code root}, bound, reads, then their books and the books' reviews. */
    private static List<Author> withBooksReviews(Connection connection, Statements statements,
            PreparedStatement root) throws SQLException {
        List<Author> authors = new ArrayList<>();
        Map<Long, Author> byId = new HashMap<>();
        try (ResultSet rows = root.executeQuery()) {
            while (rows.next()) {
                Author author = author(rows, 1);
                author.books = new ArrayList<>();
                authors.add(author);
                byId.put(author.id, author);
            }
        }
        Map<Long, Book> books = new HashMap<>();
        books(connection, statements, byId, books, null);
        reviews(connection, statements, books, null);
        return authors;
    }

    /** One author, its books and their reviews, by key: the statements {@code findById} of that plan runs. */
    public static Author authorById(DataSource dataSource, Statements statements, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            Author found = authorById(connection, statements, id);
            connection.commit();
            end(connection);
            return found;
        }
    }

    /**
     * {@link #authorById(DataSource, Statements, long)} outside a transaction, each statement committing on its own:
     * what the statements alone cost, with no BEGIN, isolation or COMMIT among them, though they may read
     * different snapshots.
     */
    public static Author authorByIdAutocommit(DataSource dataSource, Statements statements, long id)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return authorById(connection, statements, id);
        }
    }

    private static Author authorById(Connection connection, Statements statements, long id) throws SQLException {
        Map<Long, Author> byId = new HashMap<>();
        Author found = null;
        try (PreparedStatement statement = connection.prepareStatement(statements.get(0))) {
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
            books(connection, statements, byId, books, id);
            reviews(connection, statements, books, id);
        }
        return found;
    }

    /**
     * A page of authors, their books, their reviews: the select-in statements of
     * {@code withBooksSelectIn(withReviewsSelectIn()).limit(n)}, the root's given with JDBC's {@code ?} for the limit
     * and the offset; in one REPEATABLE READ transaction as loadplan runs them, or each committing on its own when
     * {@code autocommit}.
     */
    public static List<Author> authorPageBooksReviews(DataSource dataSource, Statements statements, long limit,
            boolean autocommit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!autocommit) {
                begin(connection);
            }
            List<Author> authors;
            try (PreparedStatement root = connection.prepareStatement(statements.get(0))) {
                root.setLong(1, limit);
                root.setLong(2, 0);
                authors = withBooksReviews(connection, statements, root);
            }
            if (!autocommit) {
                connection.commit();
                end(connection);
            }
            return authors;
        }
    }

    /** Books and their one author each, the authors loaded once each: {@code BookLoader.withAuthorSelectIn()}. */
    public static List<Book> booksAuthor(DataSource dataSource, Statements statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            List<Book> books = new ArrayList<>();
            Map<Long, List<Book>> byAuthor = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(statements.get(0));
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
            try (PreparedStatement statement = connection.prepareStatement(statements.get(1))) {
                statements.bindBelowRoot(statement, connection, byAuthor.keySet(), null);
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
    public static List<Book> booksTags(DataSource dataSource, Statements statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            begin(connection);
            List<Book> books = new ArrayList<>();
            Map<Long, Book> byId = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(statements.get(0));
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Book book = book(rows, 1);
                    book.tags = new ArrayList<>();
                    books.add(book);
                    byId.put(book.id, book);
                }
            }
            Map<Long, Tag> tags = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(statements.get(1))) {
                statements.bindBelowRoot(statement, connection, byId.keySet(), null);
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

    private static void books(Connection connection, Statements statements, Map<Long, Author> authors,
            Map<Long, Book> books, Long rootId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.get(1))) {
            statements.bindBelowRoot(statement, connection, authors.keySet(), rootId);
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

    private static void reviews(Connection connection, Statements statements, Map<Long, Book> books, Long rootId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statements.get(2))) {
            statements.bindBelowRoot(statement, connection, books.keySet(), rootId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Review review = review(rows, 1);
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

    private static Review review(ResultSet rows, int first) throws SQLException {
        Review review = new Review();
        review.id = rows.getLong(first);
        review.stars = rows.getInt(first + 1);
        review.body = rows.getString(first + 2);
        return review;
    }

    private static Book book(ResultSet rows, int first) throws SQLException {
        Book book = new Book();
        book.id = rows.getLong(first);
        book.title = rows.getString(first + 1);
        book.year = rows.getInt(first + 2);
        return book;
    }

    static Array keys(Connection connection, Collection<Long> keys) throws SQLException {
        return connection.createArrayOf("bigint", keys.toArray());
    }

    /** A REPEATABLE READ transaction, so the statements read one snapshot; its isolation set within it. */
    static void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")) {
            statement.execute();
        }
    }

    static void end(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
    }
}
