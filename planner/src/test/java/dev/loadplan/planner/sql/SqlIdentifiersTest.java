package dev.loadplan.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlIdentifiersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "authors       | authors",
        "author_id     | author_id",
        "user          | \"user\"",
        "order         | \"order\"",
        "desc          | \"desc\"",
        "Mixed         | \"Mixed\"",
        "two words     | \"two words\"",
        "9lives        | \"9lives\"",
        "say\"hi       | \"say\"\"hi\"",
    })
    void quotesOnlyWhatPostgresNeedsQuoted(String identifier, String expected) {
        assertThat(SqlIdentifiers.quoteIfNeeded(identifier)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "authorId, author_id",
        "BookReview, book_review",
        "id, id",
        "URLValue, url_value",
        "billingAddress, billing_address",
        "already_snake, already_snake",
    })
    void snakeCasesJavaNames(String javaName, String expected) {
        assertThat(SqlIdentifiers.snakeCase(javaName)).isEqualTo(expected);
    }
}
