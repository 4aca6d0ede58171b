package dev.loadplan.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.loadplan.LoadPlanConfig;
import dev.loadplan.bench.hibernate.HibernateLoads;
import dev.loadplan.bench.jooq.JooqLoads;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementContextListener;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One database for every contender of a run: the rows of the sizes below, one connection pool, and each
 * contender's entry to it. The PostgreSQL to use comes from {@code -Dloadplan.bench.url} (set by
 * {@link Benchmarks}, which starts an embedded one unless given a URL).
 */
@State(Scope.Benchmark)
public class BenchState {

    @Param("1000")
    public int authors;
    @Param("10")
    public int booksPerAuthor;
    @Param("5")
    public int reviewsPerBook;
    @Param("200")
    public int tags;
    @Param("3")
    public int tagsPerBook;

    public HikariDataSource dataSource;
    public Jdbi jdbi;
    /**
     * A second {@code Jdbi} on the same pool with something listening, as a traced service has: a {@code SqlLogger}
     * and a plan listener, each counting what it hears. Beside {@link #jdbi}, where nothing listens, it measures what
     * observing a load costs; both run the same statements the same way.
     */
    public Jdbi observedJdbi;
    /** What {@link #observedJdbi}'s listeners heard: statements, their rows, loads, their objects. */
    public final LongAdder statementsHeard = new LongAdder();
    public final LongAdder rowsHeard = new LongAdder();
    public final LongAdder loadsHeard = new LongAdder();
    public final LongAdder objectsHeard = new LongAdder();

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = pool(System.getProperty("loadplan.bench.url"), System.getProperty("loadplan.bench.user"),
                System.getProperty("loadplan.bench.password"));
        BenchData.fill(dataSource, size());
        BenchData.fillWide(dataSource, size());
        jdbi = Jdbi.create(dataSource);
        observedJdbi = Jdbi.create(dataSource);
        observedJdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statementsHeard.increment();
            }
        });
        observedJdbi.getConfig(SqlStatements.class).addContextListener(new StatementContextListener() {
            @Override
            public void contextCleaned(StatementContext context) {
                rowsHeard.add(context.getMappedRows());
            }
        });
        observedJdbi.getConfig(LoadPlanConfig.class).addPlanListener(load -> {
            loadsHeard.increment();
            return (ended, failure) -> objectsHeard.add(ended.objects());
        });
    }

    public BenchData.Size size() {
        return new BenchData.Size(authors, booksPerAuthor, reviewsPerBook, tags, tagsPerBook);
    }

    /** The author {@code findById} loads: one in the middle. */
    public long middleAuthor() {
        return Math.max(1, authors / 2);
    }

    @TearDown(Level.Trial)
    public void close() {
        dataSource.close();
    }

    /** Hibernate's session factory, built only for the benchmarks that use it: it takes a second or two. */
    @State(Scope.Benchmark)
    public static class Hibernate {
        public HibernateLoads loads;

        @Setup(Level.Trial)
        public void open(BenchState database) {
            loads = new HibernateLoads(database.dataSource);
        }

        @TearDown(Level.Trial)
        public void close() {
            loads.close();
        }
    }

    /** jOOQ's context, set up only for the benchmarks that use it. */
    @State(Scope.Benchmark)
    public static class Jooq {
        public JooqLoads loads;

        @Setup(Level.Trial)
        public void open(BenchState database) {
            loads = new JooqLoads(database.dataSource);
        }
    }

    static HikariDataSource pool(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no database: run the benchmarks through dev.loadplan.bench.Benchmarks, "
                    + "or pass -Dloadplan.bench.url=jdbc:postgresql://...");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        // Counts the bytes the server sends, for the round-robin run's bytes received per call.
        config.addDataSourceProperty("socketFactory", CountingSocketFactory.class.getName());
        return new HikariDataSource(config);
    }
}
