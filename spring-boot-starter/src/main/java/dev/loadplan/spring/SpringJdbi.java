package dev.loadplan.spring;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * A {@link Jdbi} whose handles join the Spring-managed transaction of the calling thread: the starter's {@code Jdbi}
 * bean, and the way to make one of your own (a second database, say) that behaves the same.
 *
 * <p>Its {@code DataSource} is Spring's {@link TransactionAwareDataSourceProxy}: inside a {@code @Transactional} method
 * every handle it opens ({@code jdbi.open()}, {@code jdbi.withHandle(..)}, what {@code AuthorDao.on(jdbi)},
 * {@code list(jdbi)} and lazy reads open) runs on the transaction's connection, so DAO writes commit or roll back with
 * it and reads see its uncommitted writes; outside one, each handle gets a connection of its own from the pool, as
 * with {@code Jdbi.create(dataSource)}. Closing a handle opened inside Spring's transaction leaves that transaction
 * open: JDBI ends at close only a transaction the handle itself began, never one it found open, so committing or
 * rolling back stays Spring's.
 */
public final class SpringJdbi {

    private SpringJdbi() {
    }

    /**
     * A {@code Jdbi} on {@code dataSource} that joins Spring-managed transactions.
     *
     * @param dataSource the application's {@code DataSource}, as Spring's transaction manager knows it (not already
     *     wrapped in a {@code TransactionAwareDataSourceProxy}: a proxy given is used as it is)
     * @return a new {@code Jdbi}
     */
    public static Jdbi create(DataSource dataSource) {
        DataSource transactional = dataSource instanceof TransactionAwareDataSourceProxy
                ? dataSource
                : new TransactionAwareDataSourceProxy(dataSource);
        return Jdbi.create(transactional);
    }
}
