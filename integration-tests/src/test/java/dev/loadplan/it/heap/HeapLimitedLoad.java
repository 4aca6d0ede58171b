package dev.loadplan.it.heap;

import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads every author with its books, select-in, in a JVM of its own whose heap limit the caller sets: by
 * {@code stream} (1,000 roots at a time, each dropped once counted) or by {@code list}. Prints the roots and books
 * read and the heap's peak use, as {@code roots=N books=N peakHeapMb=N}.
 *
 * <p>Arguments: {@code stream|list <jdbc url> <user>}.
 */
public final class HeapLimitedLoad {

    private HeapLimitedLoad() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        Jdbi jdbi = Jdbi.create(args[1], args[2], "");
        long[] counts = new long[2];
        jdbi.useHandle(handle -> {
            if (mode.equals("stream")) {
                try (Stream<Author> authors = AuthorLoader.withBooksSelectIn().stream(handle)) {
                    authors.forEach(author -> {
                        counts[0]++;
                        counts[1] += author.books().size();
                    });
                }
            } else {
                for (Author author : AuthorLoader.withBooksSelectIn().list(handle)) {
                    counts[0]++;
                    counts[1] += author.books().size();
                }
            }
        });
        System.out.printf("roots=%d books=%d peakHeapMb=%d%n", counts[0], counts[1], peakHeapBytes() >> 20);
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
