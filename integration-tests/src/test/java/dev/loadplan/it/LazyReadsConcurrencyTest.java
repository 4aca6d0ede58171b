package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.Book;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lazy reads of one graph from several threads: none waits on another's statement, a list read by two threads at once
 * is loaded once, and on virtual threads nothing pins its carrier. Each statement is held up at the driver, after it
 * ran and before loadplan reads its rows, which is where a lock held across I/O would show.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class LazyReadsConcurrencyTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private Jdbi jdbi;
    private StatementCounter counter;

    @BeforeEach
    void data(Jdbi jdbi, StatementCounter counter) {
        this.jdbi = jdbi;
        this.counter = counter;
        jdbi.useHandle(handle -> {
            handle.execute("truncate books, authors");
            handle.execute("insert into authors (id, name) values (1, 'Ann'), (2, 'Bob'), (3, 'Cy'), (4, 'Di')");
            handle.execute("insert into books (id, author_id, title) select 10 * a + b, a, 'book ' || (10 * a + b) "
                    + "from generate_series(1, 4) a, generate_series(1, 3) b");
        });
    }

    @AfterEach
    void stop() {
        counter.afterExecution(null);
        threads.shutdownNow();
    }

    @Test
    void aLazyReadDoesNotWaitForAnotherThreadsStatement() throws Exception {
        List<Author> authors = AuthorLoader.withBooksLazy().list(jdbi);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] first = new Thread[1];
        counter.afterExecution(sql -> {
            if (Thread.currentThread() == first[0]) {
                held.countDown();
                await(release);
            }
        });

        Future<List<String>> ann = threads.submit(() -> {
            first[0] = Thread.currentThread();
            return titles(authors.get(0).books());
        });
        assertThat(held.await(30, TimeUnit.SECONDS)).as("Ann's statement ran and is held").isTrue();
        Future<List<String>> bob = threads.submit(() -> titles(authors.get(1).books()));

        assertThat(bob.get(30, TimeUnit.SECONDS)).as("Bob's books, while Ann's statement is held")
                .containsExactly("book 21", "book 22", "book 23");
        assertThat(ann.isDone()).isFalse();
        release.countDown();
        assertThat(ann.get(30, TimeUnit.SECONDS)).containsExactly("book 11", "book 12", "book 13");
    }

    @Test
    void aListReadByTwoThreadsAtOnceIsLoadedOnce() throws Exception {
        List<Author> authors = AuthorLoader.withBooksLazy().list(jdbi);
        counter.reset();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        counter.afterExecution(sql -> {
            held.countDown();
            await(release);
        });

        Future<List<String>> first = threads.submit(() -> titles(authors.get(0).books()));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        Future<List<String>> second = threads.submit(() -> titles(authors.get(0).books()));
        Thread.sleep(200); // the second reader reaches the list and waits for the first's load
        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly("book 11", "book 12", "book 13");
        assertThat(second.get(30, TimeUnit.SECONDS)).containsExactly("book 11", "book 12", "book 13");
        assertThat(counter.statements()).as("one statement for the two readers")
                .containsExactly(AuthorLoader.BOOKS_PER_PARENT);
    }

    @Test
    void lazyReadsOnVirtualThreadsPinNoCarrier() throws Throwable {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21");
        List<Author> authors = AuthorLoader.withBooksLazy().list(jdbi);
        // The JDK's socket poller starts on a virtual thread's first read, pinning it while it does: not ours. So does
        // loading a class, such as JDBI's statement event, which JDBI loads on its first statement under a recording:
        // the warm-up runs under one.
        ExecutorService warmUp = virtualThreads();
        List<Author> other = AuthorLoader.withBooksLazy().list(jdbi);
        try (Recording warming = new Recording()) {
            warming.start();
            warmUp.submit(() -> other.get(0).books().size()).get(30, TimeUnit.SECONDS);
        }
        warmUp.shutdown();
        // Each statement parks its virtual thread for a while: while pinned, that would be a pinned event.
        counter.afterExecution(sql -> sleep(Duration.ofMillis(50)));
        Path dump = Files.createTempFile("lazy-reads", ".jfr");
        List<RecordedEvent> pinned;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            AtomicInteger books = new AtomicInteger();
            ExecutorService virtual = virtualThreads();
            try {
                List<Future<?>> reads = new ArrayList<>();
                for (int reader = 0; reader < 8; reader++) {
                    Author author = authors.get(reader % authors.size());
                    reads.add(virtual.submit(() -> books.addAndGet(author.books().size())));
                }
                for (Future<?> read : reads) {
                    read.get(30, TimeUnit.SECONDS);
                }
            } finally {
                virtual.shutdown();
            }
            recording.stop();
            recording.dump(dump);
            assertThat(books.get()).as("books read by the 8 readers").isEqualTo(24);
        }
        try {
            // The recording also holds events enabled by default, JDBI's own per statement among them.
            pinned = RecordingFile.readAllEvents(dump).stream()
                    .filter(event -> event.getEventType().getName().equals("jdk.VirtualThreadPinned")).toList();
        } finally {
            Files.delete(dump);
        }
        assertThat(pinned).as("virtual threads pinned during lazy reads").isEmpty();
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}, looked up: the tests compile for Java 17. */
    private static ExecutorService virtualThreads() throws Throwable {
        return (ExecutorService) MethodHandles.publicLookup()
                .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class))
                .invoke();
    }

    private static List<String> titles(List<Book> books) {
        return books.stream().map(Book::title).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
