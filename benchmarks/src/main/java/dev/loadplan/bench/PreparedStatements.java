package dev.loadplan.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@code DataSource} whose connections note the SQL of every statement prepared on them: what reaches the driver,
 * below JDBI and loadplan alike. Only the check that the floors run loadplan's statements uses it, never a timed run.
 * The statements loadplan sends in one round trip reach the driver as one, each on lines of its own between lines
 * holding a semicolon: each is noted, but for the transaction control riding with them.
 */
final class PreparedStatements {

    private static final Pattern ROUND_TRIP = Pattern.compile("\n;\n");
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile("(?i)(SET TRANSACTION|COMMIT|SHOW "
            + "transaction_isolation)\\b.*");

    private PreparedStatements() {
    }

    /** {@code dataSource}, noting into {@code prepared} the SQL of each statement its connections prepare. */
    static DataSource noting(DataSource dataSource, List<String> prepared) {
        return proxy(DataSource.class, (proxy, method, args) -> {
            Object result = invoke(dataSource, method, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return proxy(Connection.class, (connectionProxy, connectionMethod, connectionArgs) -> {
                if (connectionMethod.getName().equals("prepareStatement")) {
                    for (String statement : ROUND_TRIP.split((String) connectionArgs[0])) {
                        if (!TRANSACTION_CONTROL.matcher(statement).matches()) {
                            prepared.add(statement);
                        }
                    }
                }
                return invoke(connection, connectionMethod, connectionArgs);
            });
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(PreparedStatements.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
