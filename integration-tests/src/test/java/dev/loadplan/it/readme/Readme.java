package dev.loadplan.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's README.md and its fenced code blocks, with the README line each of their lines is on. */
final class Readme {

    /** A fence opens with three or more backticks or tildes and the block's language; it closes with the same. */
    private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})\\s*(\\S*).*$");
    private static final Pattern HTML_COMMENT = Pattern.compile("^\\s*<!--(.*)-->\\s*$");

    private Readme() {
    }

    /**
     * One fenced block.
     *
     * @param firstLine the README line (from 1) of the block's first line, the one below its opening fence
     * @param marker the text of a one-line HTML comment right above the fence (blank lines between allowed), or null
     * @param section the nearest {@code ## } heading above the block, without the hashes, or "" when none
     */
    record Block(String language, int firstLine, List<String> lines, String marker, String section) {

        Block {
            lines = List.copyOf(lines);
        }

        /** The README line of the block's {@code index}th line (from 0). */
        int line(int index) {
            return firstLine + index;
        }
    }

    /** The repository root: the parent folder of this module's. */
    static Path root() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path root = module.getParent();
        assertThat(root.resolve("README.md")).as("README.md above the module " + module).exists();
        return root;
    }

    static String text() {
        try {
            return Files.readString(root().resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fenced block of {@code text} in {@code language} ("java", "xml"), in README order. */
    static List<Block> blocks(String text, String language) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        String section = "";
        String marker = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.matches()) {
                if (lines[i].startsWith("## ")) {
                    section = lines[i].substring(3).trim();
                }
                Matcher comment = HTML_COMMENT.matcher(lines[i]);
                if (comment.matches()) {
                    marker = comment.group(1).trim();
                } else if (!lines[i].isBlank()) {
                    marker = null;
                }
                continue;
            }
            int first = i + 1;
            int close = first;
            while (close < lines.length && !closes(lines[close], fence.group(1))) {
                close++;
            }
            if (fence.group(2).equals(language)) {
                List<String> content = List.of(lines).subList(first, Math.min(close, lines.length));
                blocks.add(new Block(language, first + 1, content, marker, section));
            }
            marker = null;
            i = close;
        }
        return blocks;
    }

    private static boolean closes(String line, String opening) {
        String trimmed = line.strip();
        return trimmed.startsWith(opening) && trimmed.chars().allMatch(c -> c == opening.charAt(0));
    }
}
