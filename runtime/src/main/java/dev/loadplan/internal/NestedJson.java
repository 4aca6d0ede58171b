package dev.loadplan.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the JSON of a nested column, as PostgreSQL writes it ({@code json_agg} of {@code json_build_array}), into
 * rows of values in PostgreSQL's text form, which the driver reads as it reads a column: an array of rows, each an
 * array of values. A string becomes its UTF-8 bytes unescaped; a number stays as written; {@code true} and
 * {@code false} become {@code t} and {@code f}, as a {@code boolean} column reads; {@code null} stays null; an array
 * (the column of a link nested below) stays JSON, to be split when its row is read. A hand-written scanner, not a
 * JSON library: it sees only what {@code json_build_array} writes, and copies nothing it does not keep.
 */
final class NestedJson {

    private static final byte[] TRUE = {'t'};
    private static final byte[] FALSE = {'f'};

    private final byte[] json;
    private int at;

    private NestedJson(byte[] json) {
        this.json = json;
    }

    /**
     * The rows of {@code json}, each of {@code columns} values; a value of a column {@code dateTimes} marks has its
     * ISO 8601 {@code T} replaced by the space of PostgreSQL's own text form.
     */
    static List<byte[][]> rows(byte[] json, int columns, boolean[] dateTimes) {
        NestedJson reader = new NestedJson(json);
        List<byte[][]> rows = new ArrayList<>();
        reader.expect('[');
        if (reader.peek() == ']') {
            reader.at++;
            return rows;
        }
        while (true) {
            rows.add(reader.row(columns, dateTimes));
            if (reader.next() == ']') {
                return rows;
            }
            reader.at--;
            reader.expect(',');
        }
    }

    private byte[][] row(int columns, boolean[] dateTimes) {
        byte[][] values = new byte[columns][];
        expect('[');
        for (int column = 0; column < columns; column++) {
            if (column > 0) {
                expect(',');
            }
            values[column] = value();
            if (dateTimes[column] && values[column] != null) {
                isoToPostgres(values[column]);
            }
        }
        expect(']');
        return values;
    }

    private byte[] value() {
        byte first = peek();
        return switch (first) {
            case '"' -> string();
            case '[' -> array();
            case 'n' -> literal("null");
            case 't' -> literal("true");
            case 'f' -> literal("false");
            default -> number();
        };
    }

    private byte[] literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (at >= json.length || json[at++] != word.charAt(i)) {
                throw malformed("'" + word + "'");
            }
        }
        return switch (word) {
            case "true" -> TRUE;
            case "false" -> FALSE;
            default -> null;
        };
    }

    private byte[] number() {
        int start = at;
        while (at < json.length && isNumberByte(json[at])) {
            at++;
        }
        if (at == start) {
            throw malformed("a value");
        }
        return Arrays.copyOfRange(json, start, at);
    }

    private static boolean isNumberByte(byte b) {
        return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
    }

    /** The array starting here, as its JSON text, brackets and strings inside it skipped over whole. */
    private byte[] array() {
        int start = at;
        int depth = 0;
        while (at < json.length) {
            byte b = json[at++];
            if (b == '"') {
                skipString();
            } else if (b == '[') {
                depth++;
            } else if (b == ']' && --depth == 0) {
                return Arrays.copyOfRange(json, start, at);
            }
        }
        throw malformed("']'");
    }

    private void skipString() {
        while (at < json.length) {
            byte b = json[at++];
            if (b == '\\') {
                at++;
            } else if (b == '"') {
                return;
            }
        }
        throw malformed("'\"'");
    }

    /** The string starting here, unescaped; bytes outside escapes are UTF-8 already and copied as they are. */
    private byte[] string() {
        at++;
        int start = at;
        while (at < json.length && json[at] != '"' && json[at] != '\\') {
            at++;
        }
        if (at < json.length && json[at] == '"') {
            return Arrays.copyOfRange(json, start, at++);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(at - start + 16);
        out.write(json, start, at - start);
        while (at < json.length) {
            byte b = json[at++];
            if (b == '"') {
                return out.toByteArray();
            }
            if (b != '\\') {
                out.write(b);
                continue;
            }
            if (at >= json.length) {
                break;
            }
            byte escaped = json[at++];
            switch (escaped) {
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'u' -> {
                    int unit = hex4();
                    if (Character.isHighSurrogate((char) unit) && at + 1 < json.length && json[at] == '\\'
                            && json[at + 1] == 'u') {
                        at += 2;
                        int low = hex4();
                        out.writeBytes(new String(new char[] {(char) unit, (char) low})
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        out.writeBytes(String.valueOf((char) unit).getBytes(StandardCharsets.UTF_8));
                    }
                }
                default -> out.write(escaped); // \" \\ \/
            }
        }
        throw malformed("'\"'");
    }

    private int hex4() {
        if (at + 4 > json.length) {
            throw malformed("four hex digits");
        }
        int unit = Integer.parseInt(new String(json, at, 4, StandardCharsets.US_ASCII), 16);
        at += 4;
        return unit;
    }

    /** PostgreSQL's JSON writes a date-time as ISO 8601 ({@code 2024-05-01T10:00:00}); its text form has a space. */
    private static void isoToPostgres(byte[] value) {
        for (int i = 0; i < value.length; i++) {
            if (value[i] == 'T') {
                value[i] = ' ';
                return;
            }
        }
    }

    private void expect(char expected) {
        if (next() != expected) {
            at--;
            throw malformed("'" + expected + "'");
        }
    }

    private byte next() {
        skipSpace();
        if (at >= json.length) {
            throw malformed("more");
        }
        return json[at++];
    }

    private byte peek() {
        skipSpace();
        if (at >= json.length) {
            throw malformed("more");
        }
        return json[at];
    }

    private void skipSpace() {
        while (at < json.length && (json[at] == ' ' || json[at] == '\n' || json[at] == '\t' || json[at] == '\r')) {
            at++;
        }
    }

    private IllegalStateException malformed(String expected) {
        return new IllegalStateException("a nested column's JSON has no " + expected + " at byte " + at + " of "
                + json.length);
    }
}
