package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.heap.HeapLimitedLoad;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.DatabaseUrl;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A million authors with a book each, select-in, in a JVM whose heap is limited to {@value #HEAP}: {@code stream}
 * reads them all, {@code list} runs out of memory. Each in a process of its own ({@link HeapLimitedLoad}), so the
 * limit is the JVM's own, not an estimate.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamUnderHeapLimitTest {

    private static final int ROOTS = 1_000_000;
    private static final String HEAP = "-Xmx128m";

    private String url;

    @BeforeAll
    void data(Jdbi jdbi) {
        LibraryData.large(jdbi, ROOTS, 1);
        url = DatabaseUrl.of(jdbi);
    }

    @Test
    void streamReadsAMillionRootsWithinTheLimit() throws Exception {
        Run stream = run("stream");

        assertThat(stream.exitCode()).as(stream.output()).isZero();
        assertThat(stream.output()).contains("roots=" + ROOTS + " books=" + ROOTS);
    }

    @Test
    void listRunsOutOfMemoryUnderTheSameLimit() throws Exception {
        Run list = run("list");

        assertThat(list.exitCode()).as(list.output()).isNotZero();
        assertThat(list.output()).contains("OutOfMemoryError");
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, HEAP, "-cp", System.getProperty("java.class.path"),
                HeapLimitedLoad.class.getName(), mode, url, "postgres"))
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(mode + " did not end");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
