package dev.loadplan.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests a real PostgreSQL 17 (zonky embedded binaries, no Docker, no installed server).
 *
 * <ul>
 *   <li>One server per test run: it lives in the root context's store, so every test class shares it and
 *       JUnit closes it (stopping the server, deleting its data directory) when the run ends.</li>
 *   <li>One fresh database per test class ({@code CREATE DATABASE <simple class name>_<n>}), loaded from
 *       the class's {@link Schema} script, so classes cannot see each other's rows. It is dropped when the
 *       class finishes.</li>
 *   <li>Parameters of type {@link Jdbi} (that class's database) and {@link StatementCounter} (counting the
 *       statements of that {@code Jdbi}'s connections) can be injected into constructors, lifecycle methods and
 *       tests.</li>
 *   <li>The counter is reset before each test, so a test counts only its own statements.</li>
 * </ul>
 *
 * <p>Usage: {@code @ExtendWith(EmbeddedPostgresExtension.class) @Schema("schema/authors_books.sql")}.
 * As root, zonky starts PostgreSQL inside {@code unshare -U}, where it runs as {@code nobody}, because
 * PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgresExtension
        implements BeforeAllCallback, BeforeEachCallback, BeforeTestExecutionCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedPostgresExtension.class);

    /** Makes database names unique within the run even for test classes with the same simple name. */
    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

    /** Identifiers are cut at 63 bytes by PostgreSQL; stay well below so the counter suffix survives. */
    private static final int MAX_NAME_PREFIX = 40;

    @Override
    public void beforeAll(ExtensionContext context) {
        // Create the database now rather than on first injection, so a broken schema script fails the
        // class up front instead of its first test.
        classDatabase(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Start each test (including its @BeforeEach methods) from zero, not from the previous test's count.
        classDatabase(context).counter().reset();
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        // Reset again right before the test method itself, after the @BeforeEach methods have run, so
        // fixture inserts made there do not show up in the test's count.
        classDatabase(context).counter().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Jdbi.class || type == StatementCounter.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ClassDatabase database = classDatabase(extensionContext);
        return parameterContext.getParameter().getType() == Jdbi.class ? database.jdbi() : database.counter();
    }

    /**
     * The database of the test class that {@code context} belongs to, created on first use. Lazily,
     * because with {@code @TestInstance(PER_CLASS)} the constructor is resolved before {@link #beforeAll}.
     */
    private static ClassDatabase classDatabase(ExtensionContext context) {
        Server server = server(context);
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        // Keyed by the class: stores inherit from their parents, so a @Nested class would otherwise find
        // (and share) its enclosing class's database instead of getting its own.
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(
                testClass,
                key -> ClassDatabase.create(server, testClass),
                ClassDatabase.class);
    }

    /**
     * Walks up from a method-level (or template invocation, or dynamic test) context to the context of its
     * test class, so the database is stored there and closed when the class is done, not after one test.
     */
    private static ExtensionContext classContext(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext current = context;
        while (current.getParent().flatMap(ExtensionContext::getTestClass).filter(testClass::equals).isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }

    /** The run-wide server, started on first use. The root store is shared by every test class. */
    private static Server server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, key -> Server.start(), Server.class);
    }

    /**
     * The embedded server. JUnit 5.13+ closes stored {@link AutoCloseable} values at the end of the
     * context that owns the store (here the root, so at the end of the run); the older
     * {@code Store.CloseableResource} is deprecated. Zonky's own shutdown hook is a second safety net.
     */
    private record Server(EmbeddedPostgres postgres, Jdbi admin) implements AutoCloseable {

        static Server start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        // A throwaway cluster: durability buys nothing here and syncing costs time,
                        // notably on every CREATE DATABASE. (zonky already sets synchronous_commit=off.)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                // Not the tests' Jdbi: CREATE/DROP DATABASE must not show up in any StatementCounter.
                return new Server(postgres, Jdbi.create(postgres.getPostgresDatabase()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }

    /** One test class's database, its Jdbi and the counter on that Jdbi. Dropped when the class ends. */
    private record ClassDatabase(Server server, String name, Jdbi jdbi, StatementCounter counter)
            implements AutoCloseable {

        static ClassDatabase create(Server server, Class<?> testClass) {
            String name = databaseName(testClass);
            // Safe to inline: databaseName() yields only [a-z0-9_]; the numeric suffix keeps it off keywords.
            server.admin().useHandle(handle -> handle.execute("CREATE DATABASE " + name));

            // zonky's DataSource opens a new connection per Handle: no pool to size or to leak. A plain Jdbi, as
            // README shows and users write: no PostgresPlugin, so what loadplan binds must carry its SQL types.
            DataSource database = server.postgres().getDatabase("postgres", name);
            String schema = schemaScript(testClass);
            if (schema != null) {
                Jdbi.create(database).useHandle(handle -> handle.createScript(schema).execute());
            }
            // Counts below JDBI, on the connections: the schema, loaded before, never shows up in it.
            StatementCounter counter = new StatementCounter();
            Jdbi jdbi = Jdbi.create(counter.wrap(database));
            return new ClassDatabase(server, name, jdbi, counter);
        }

        /**
         * Keeps the server small over a long run (each database is a copy of template1, ~7 MB).
         * FORCE ends connections a test may have leaked, which would otherwise make DROP fail.
         */
        @Override
        public void close() {
            server.admin().useHandle(handle -> handle.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        }

        private static String databaseName(Class<?> testClass) {
            String base = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            if (base.length() > MAX_NAME_PREFIX) {
                base = base.substring(0, MAX_NAME_PREFIX);
            }
            return base + "_" + DATABASE_COUNTER.incrementAndGet();
        }

        /** The script named by the nearest {@link Schema} on the class, its superclasses or enclosing classes. */
        private static String schemaScript(Class<?> testClass) {
            for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
                Schema schema = type.getAnnotation(Schema.class); // getAnnotation honours @Inherited
                if (schema != null) {
                    return readResource(testClass, schema.value());
                }
            }
            return null;
        }

        private static String readResource(Class<?> testClass, String path) {
            String resource = path.startsWith("/") ? path.substring(1) : path;
            try (InputStream in = testClass.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("@Schema(\"" + path + "\") on " + testClass.getName()
                            + ": no such resource on the test classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read @Schema resource " + path, e);
            }
        }
    }
}
