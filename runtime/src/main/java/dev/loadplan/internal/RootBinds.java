package dev.loadplan.internal;

import dev.loadplan.planner.sql.RootShaping;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The values the root query binds: the caller's named parameters, paging, and the key of {@code findById}.
 * Statements that repeat the root query as a subquery bind the same values.
 */
public final class RootBinds {

    /** Binds nothing: for statements that do not repeat a root query. */
    static final RootBinds NONE = new RootBinds(java.util.Map.of(), false, null, null, false, null);

    private final Map<String, Object> named;
    private final boolean paged;
    private final Long limit;
    private final Long offset;
    private final Object id;
    private final boolean byId;

    private RootBinds(Map<String, Object> named, boolean paged, Long limit, Long offset, boolean byId, Object id) {
        this.named = named;
        this.paged = paged;
        this.limit = limit;
        this.offset = offset;
        this.byId = byId;
        this.id = id;
    }

    public static RootBinds of(PlanSpec<?> spec) {
        boolean paged = spec.shape().paged();
        return new RootBinds(spec.binds(), paged, spec.limit(), spec.offset(), false, null);
    }

    public RootBinds withId(Object key) {
        return new RootBinds(named, paged, limit, offset, true, key);
    }

    /** Whether the caller bound named values, which their {@code Jdbi} binds. */
    boolean hasNamed() {
        return !named.isEmpty();
    }

    /** Loadplan's own values for a statement in its JDBC form, whose parameters are {@code names}, in order. */
    Argument[] arguments(List<String> names) {
        Argument[] arguments = new Argument[names.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (names.get(i)) {
                // A null limit binds NULL, which PostgreSQL reads as LIMIT ALL.
                case RootShaping.LIMIT_PARAMETER -> Binding.bigint(limit);
                case RootShaping.OFFSET_PARAMETER -> Binding.bigint(offset == null ? 0 : offset);
                case RootShaping.ID_PARAMETER -> Binding.key(id);
                default -> throw new IllegalStateException("not a parameter of loadplan: " + names.get(i));
            };
        }
        return arguments;
    }

    void applyTo(SqlStatement<?> statement) {
        named.forEach(statement::bind);
        if (paged) {
            // A null limit binds NULL, which PostgreSQL reads as LIMIT ALL.
            statement.bind(RootShaping.LIMIT_PARAMETER, limit);
            statement.bind(RootShaping.OFFSET_PARAMETER, offset == null ? Long.valueOf(0) : offset);
        }
        if (byId) {
            statement.bind(RootShaping.ID_PARAMETER, Binding.key(id));
        }
    }
}
