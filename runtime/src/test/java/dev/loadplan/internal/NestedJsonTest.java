package dev.loadplan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON of a nested column, as PostgreSQL writes it, split into the text-form values the driver reads: each case
 * is a value {@code json_build_array} can write. Against a real PostgreSQL, every column type is checked through
 * the whole path by the integration tests ({@code ScalarRoundTripTest}).
 */
class NestedJsonTest {

    private static final boolean[] NO_DATE_TIMES = new boolean[4];

    @Test
    void anEmptyArrayHasNoRows() {
        assertThat(NestedJson.rows(bytes("[]"), 2, NO_DATE_TIMES)).isEmpty();
    }

    @Test
    void numbersStayAsWrittenAndBooleansBecomeTheDriversTextForm() {
        List<List<String>> rows = text(NestedJson.rows(bytes("[[1, -2.50e+3, true, false], [9223372036854775807, "
                + "0.1, null, \"NaN\"]]"), 4, NO_DATE_TIMES));

        assertThat(rows).containsExactly(List.of("1", "-2.50e+3", "t", "f"),
                Arrays.asList("9223372036854775807", "0.1", null, "NaN"));
    }

    @Test
    void stringsAreUnescapedToUtf8() {
        String json = "[[\"plain\", \"q\\\"b\\\\s\\/\", \"\\b\\f\\n\\r\\t\\u0001\", \"日本 \\u00e9 \\ud834\\udd1e 🎉\"]]";

        List<List<String>> rows = text(NestedJson.rows(bytes(json), 4, NO_DATE_TIMES));

        assertThat(rows).containsExactly(List.of("plain", "q\"b\\s/", "\b\f\n\r\t\u0001", "日本 é 𝄞 🎉"));
    }

    @Test
    void aNestedColumnStaysJsonWithItsBracketsAndStringsWhole() {
        String inner = "[[1, \"a ] [ \\\" b\"], [2, null]]";

        List<List<String>> rows = text(NestedJson.rows(bytes("[[7, " + inner + "], [8, []]]"), 2, NO_DATE_TIMES));

        assertThat(rows).containsExactly(List.of("7", inner), List.of("8", "[]"));
        assertThat(text(NestedJson.rows(bytes(rows.get(0).get(1)), 2, NO_DATE_TIMES)))
                .containsExactly(List.of("1", "a ] [ \" b"), Arrays.asList("2", null));
    }

    @Test
    void dateTimesGetPostgresSpaceInsteadOfIsoT() {
        boolean[] dateTimes = {false, true, true};
        String json = "[[\"Tuesday\", \"2024-03-31T02:30:00.654321\", \"0044-03-15T03:00:00+05:21:10 BC\"], "
                + "[\"T\", \"infinity\", null]]";

        List<List<String>> rows = text(NestedJson.rows(bytes(json), 3, dateTimes));

        assertThat(rows).containsExactly(List.of("Tuesday", "2024-03-31 02:30:00.654321",
                "0044-03-15 03:00:00+05:21:10 BC"), Arrays.asList("T", "infinity", null));
    }

    @Test
    void whatPostgresNeverWritesIsRefusedNamingWhere() {
        assertThatThrownBy(() -> NestedJson.rows(bytes("[[1, 2]"), 2, NO_DATE_TIMES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a nested column's JSON has no more at byte 7 of 7");
        assertThatThrownBy(() -> NestedJson.rows(bytes("[[1, 2, 3]]"), 2, NO_DATE_TIMES))
                .hasMessage("a nested column's JSON has no ']' at byte 6 of 11");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static List<List<String>> text(List<byte[][]> rows) {
        List<List<String>> text = new ArrayList<>();
        for (byte[][] row : rows) {
            List<String> values = new ArrayList<>();
            for (byte[] value : row) {
                values.add(value == null ? null : new String(value, StandardCharsets.UTF_8));
            }
            text.add(values);
        }
        return text;
    }
}
