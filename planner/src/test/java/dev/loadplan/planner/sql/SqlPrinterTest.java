package dev.loadplan.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each clause the printer writes, from model values to text, in a statement and on one line. */
class SqlPrinterTest {

    private static final Sql.Source AUTHORS = Sql.Source.of("authors");
    private static final Sql.Join BOOKS = new Sql.Join(true, Sql.Source.of("library.books", "lp_books"),
            Sql.Conjunction.of("lp_books.author_id = authors.id"));

    @Test
    void aStatementHasOneClausePerLineInSqlOrder() {
        Sql.Join country = new Sql.Join(false, Sql.Source.of("countries", "lp_country"),
                Sql.Conjunction.of("lp_country.id = authors.country_id"));
        Sql.Select select = new Sql.Select(List.of("authors.id", "lp_books.id"), AUTHORS, List.of(country, BOOKS),
                Sql.Conjunction.of("authors.active"), List.of("authors.name DESC", "authors.id"), true);
        assertThat(SqlPrinter.statement(select)).isEqualTo("""
                SELECT authors.id, lp_books.id
                FROM authors
                JOIN countries AS lp_country ON lp_country.id = authors.country_id
                LEFT OUTER JOIN library.books AS lp_books ON lp_books.author_id = authors.id
                WHERE authors.active
                ORDER BY authors.name DESC, authors.id
                LIMIT :lp_limit OFFSET :lp_offset""");
    }

    @Test
    void anEmptyClauseIsLeftOut() {
        Sql.Select select = new Sql.Select(List.of("count(*)"), AUTHORS, List.of(), Sql.Conjunction.NONE, List.of(),
                false);
        assertThat(SqlPrinter.statement(select)).isEqualTo("SELECT count(*)\nFROM authors");
    }

    @Test
    void theCallersFragmentGetsParenthesesOfItsOwnAfterLoadplansTerms() {
        Sql.Select byKeys = new Sql.Select(List.of("books.id"), Sql.Source.of("books"), List.of(),
                new Sql.Conjunction(List.of("books.author_id = ANY(?)", "books.id > 0"), "books.a OR books.b"),
                List.of(), false);
        assertThat(SqlPrinter.inline(byKeys))
                .isEqualTo("SELECT books.id FROM books WHERE books.author_id = ANY(?) AND books.id > 0 AND "
                        + "(books.a OR books.b)");
        Sql.Select fragmentOnly = new Sql.Select(List.of("books.id"), Sql.Source.of("books"), List.of(),
                new Sql.Conjunction(List.of(), "books.a OR books.b"), List.of(), false);
        assertThat(SqlPrinter.inline(fragmentOnly)).isEqualTo("SELECT books.id FROM books WHERE (books.a OR books.b)");
        Sql.Join filtered = new Sql.Join(true, Sql.Source.of("books", "lp_books"),
                new Sql.Conjunction(List.of("lp_books.author_id = authors.id"), "lp_books.year > :y"));
        Sql.Select joined = new Sql.Select(List.of("authors.id"), AUTHORS, List.of(filtered), Sql.Conjunction.NONE,
                List.of(), false);
        assertThat(SqlPrinter.inline(joined)).isEqualTo("SELECT authors.id FROM authors LEFT OUTER JOIN books AS "
                + "lp_books ON lp_books.author_id = authors.id AND (lp_books.year > :y)");
    }

    @Test
    void aDerivedTableIsWrittenOnOneLineInParenthesesUnderItsAlias() {
        Sql.Select page = new Sql.Select(List.of("authors.id", "authors.name"), AUTHORS, List.of(),
                Sql.Conjunction.NONE, List.of("authors.id"), true);
        Sql.Select select = new Sql.Select(List.of("authors.id"), Sql.Source.derived(page, "authors"), List.of(BOOKS),
                Sql.Conjunction.NONE, List.of("authors.id"), false);
        assertThat(SqlPrinter.statement(select)).isEqualTo("""
                SELECT authors.id
                FROM (SELECT authors.id, authors.name FROM authors ORDER BY authors.id LIMIT :lp_limit OFFSET \
                :lp_offset) AS authors
                LEFT OUTER JOIN library.books AS lp_books ON lp_books.author_id = authors.id
                ORDER BY authors.id""");
    }

    @Test
    void aLongSelectListContinuesOnIndentedLinesAndANestedColumnStartsItsOwn() {
        List<String> columns = List.of("lp_author__books__reviews.id", "lp_author__books__reviews.book_id",
                "lp_author__books__reviews.stars", "(SELECT x\n    FROM y)", "authors.id");
        assertThat(SqlPrinter.selectList(columns)).isEqualTo("""
                lp_author__books__reviews.id, lp_author__books__reviews.book_id,
                    lp_author__books__reviews.stars,
                    (SELECT x
                        FROM y), authors.id""");
        Sql.Select select = new Sql.Select(columns, AUTHORS, List.of(), Sql.Conjunction.NONE, List.of(), false);
        assertThat(SqlPrinter.statement(select)).startsWith("SELECT " + SqlPrinter.selectList(columns) + "\nFROM ");
        assertThat(SqlPrinter.inline(select)).startsWith("SELECT " + String.join(", ", columns) + " FROM ");
    }

    @Test
    void aJsonArrayIsACorrelatedSubqueryIndentedBelowItsColumn() {
        Sql.Join link = new Sql.Join(false, Sql.Source.of("book_tags", "lp_tags__link"),
                Sql.Conjunction.of("lp_tags__link.tag_id = lp_tags.id"));
        Sql.Select rows = new Sql.Select(List.of("lp_tags.id", "lp_tags.name"), Sql.Source.of("tags", "lp_tags"),
                List.of(link), new Sql.Conjunction(List.of("lp_tags__link.book_id = books.id"), "lp_tags.shown"),
                List.of("lp_tags.name", "lp_tags.id"), false);
        assertThat(SqlPrinter.jsonArray(rows)).isEqualTo("""
                (SELECT coalesce(json_agg(json_build_array(lp_tags.id, lp_tags.name)
                        ORDER BY lp_tags.name, lp_tags.id), '[]')
                    FROM tags AS lp_tags JOIN book_tags AS lp_tags__link ON lp_tags__link.tag_id = lp_tags.id
                    WHERE lp_tags__link.book_id = books.id AND (lp_tags.shown))""");
    }

    @Test
    void aRankCountsInItsPartitionOrOverAll() {
        assertThat(SqlPrinter.rank("books.author_id", List.of("books.title", "books.id")))
                .isEqualTo("row_number() OVER (PARTITION BY books.author_id ORDER BY books.title, books.id) AS "
                        + "lp_rank");
        assertThat(SqlPrinter.rank(null, List.of("authors.id")))
                .isEqualTo("row_number() OVER (ORDER BY authors.id) AS lp_rank");
    }

    @Test
    void aRecursiveWalkWritesItsAnchorAndStepOnALineEachThenTheStatementReadingThem() {
        Sql.Select anchor = new Sql.Select(List.of("nodes.id", "0 AS lp_depth"), Sql.Source.of("nodes"), List.of(),
                Sql.Conjunction.of("nodes.parent_id IS NULL"), List.of(), false);
        Sql.Join toTree = new Sql.Join(false, Sql.Source.of("lp_tree"),
                Sql.Conjunction.of("nodes.parent_id = lp_tree.id"));
        Sql.Select step = new Sql.Select(List.of("nodes.id", "lp_tree.lp_depth + 1"), Sql.Source.of("nodes"),
                List.of(toTree), Sql.Conjunction.NONE, List.of(), false);
        Sql.Select body = new Sql.Select(List.of("nodes.id"), Sql.Source.of("lp_tree", "nodes"), List.of(),
                Sql.Conjunction.of("NOT nodes.lp_cycle"), List.of("nodes.lp_depth"), false);
        assertThat(SqlPrinter.statement(new Sql.Recursive("lp_tree", anchor, step, "id", body))).isEqualTo("""
                WITH RECURSIVE lp_tree AS (
                (SELECT nodes.id, 0 AS lp_depth FROM nodes WHERE nodes.parent_id IS NULL)
                UNION ALL
                SELECT nodes.id, lp_tree.lp_depth + 1 FROM nodes JOIN lp_tree ON nodes.parent_id = lp_tree.id
                ) CYCLE id SET lp_cycle USING lp_path
                SELECT nodes.id
                FROM lp_tree AS nodes
                WHERE NOT nodes.lp_cycle
                ORDER BY nodes.lp_depth""");
    }

    @Test
    void anInsertWritesParametersTheDefaultsOrTheRowsOfASelect() {
        assertThat(SqlPrinter.statement(new Sql.Insert("books", List.of("title", "year"), null, "id")))
                .isEqualTo("INSERT INTO books (title, year)\nVALUES (?, ?)\nRETURNING id");
        assertThat(SqlPrinter.statement(new Sql.Insert("books", List.of(), null, "id")))
                .isEqualTo("INSERT INTO books\nDEFAULT VALUES\nRETURNING id");
        List<String> longNames = List.of("link.a_column_whose_name_is_long_enough_to_wrap_a_select_list",
                "link.another_column_whose_name_is_long_as_well");
        Sql.Select rows = new Sql.Select(longNames, Sql.Source.of("(VALUES (?, ?))", "link (a, b)"), List.of(),
                Sql.Conjunction.of("NOT EXISTS (SELECT 1)"), List.of(), false);
        assertThat(SqlPrinter.statement(new Sql.Insert("tags", List.of("a", "b"), rows, null)))
                .as("an INSERT's lists stay on one line").isEqualTo("INSERT INTO tags (a, b)\nSELECT "
                        + String.join(", ", longNames) + "\nFROM (VALUES (?, ?)) AS link (a, b)\n"
                        + "WHERE NOT EXISTS (SELECT 1)");
    }

    @Test
    void anUpdateAndADeleteFindTheirRowsByTheirConjunction() {
        Sql.Conjunction byKey = Sql.Conjunction.of("id = ?", "version = ?");
        assertThat(SqlPrinter.statement(new Sql.Update("sales.orders", List.of("total = ?", "version = version + 1"),
                byKey))).isEqualTo("UPDATE sales.orders\nSET total = ?, version = version + 1\nWHERE id = ? AND "
                        + "version = ?");
        assertThat(SqlPrinter.statement(new Sql.Delete("sales.orders", byKey)))
                .isEqualTo("DELETE FROM sales.orders\nWHERE id = ? AND version = ?");
    }
}
