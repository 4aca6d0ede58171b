package dev.loadplan.bench.model;

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
 * The list page's floor: hand-written JDBC selecting exactly the view's columns (an author's id and name, a book's
 * id, title and author's key), in the statements {@link AuthorCardLoader} runs, into the same records. Each card is
 * made with the list its books are added to afterwards, as a careful engineer fills a record's list.
 */
public final class ListPageFloor {

    private ListPageFloor() {
    }

    /** Authors, then their books' lines: {@code AuthorCardLoader.withBooksSelectIn()}, in one snapshot. */
    public static List<AuthorCard> selectIn(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            JdbcFloor.begin(connection);
            List<AuthorCard> cards = new ArrayList<>();
            Map<Long, List<BookLine>> booksByAuthor = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(AuthorCardLoader.PLAIN);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<BookLine> books = new ArrayList<>();
                    AuthorCard card = new AuthorCard(rows.getLong(1), rows.getString(2), books);
                    cards.add(card);
                    booksByAuthor.put(card.id(), books);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(AuthorCardLoader.BOOKS_SELECT_IN)) {
                statement.setArray(1, JdbcFloor.keys(connection, booksByAuthor.keySet()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        booksByAuthor.get(rows.getLong(1)).add(new BookLine(rows.getLong(2), rows.getString(3)));
                    }
                }
            }
            connection.commit();
            JdbcFloor.end(connection);
            return cards;
        }
    }

    /**
     * Authors with their books' lines joined in one statement: {@code AuthorCardLoader.withBooksJoined()}. Its rows
     * come ordered by author, so a card is made when the author's key changes, with no map.
     */
    public static List<AuthorCard> joined(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(AuthorCardLoader.BOOKS_JOINED);
                ResultSet rows = statement.executeQuery()) {
            List<AuthorCard> cards = new ArrayList<>();
            AuthorCard card = null;
            while (rows.next()) {
                long id = rows.getLong(1);
                if (card == null || card.id() != id) {
                    card = new AuthorCard(id, rows.getString(2), new ArrayList<>());
                    cards.add(card);
                }
                long bookId = rows.getLong(3);
                if (!rows.wasNull()) {
                    card.books().add(new BookLine(bookId, rows.getString(4)));
                }
            }
            return cards;
        }
    }
}
