package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.planner.sql.JdbcSql;
import dev.loadplan.planner.sql.RootShaping;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.Arguments;
import org.jdbi.v3.core.enums.EnumStrategy;
import org.jdbi.v3.core.enums.Enums;
import org.jdbi.v3.core.qualifier.QualifiedType;
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

    /**
     * The values of a statement in its JDBC form, whose parameters are {@code names} in order: {@code keys} for a
     * step's keys ({@link JdbcSql#KEYS}), loadplan's own paging and key, and the caller's named values, bound as the
     * handle's {@code Jdbi} binds them (its argument factories), as a statement run through JDBI would.
     */
    Argument[] arguments(List<String> names, Argument keys, Handle handle) {
        if (names.size() == 1 && keys != null && names.get(0).equals(JdbcSql.KEYS)) {
            return new Argument[] {keys};
        }
        Argument[] arguments = new Argument[names.size()];
        for (int i = 0; i < arguments.length; i++) {
            String name = names.get(i);
            arguments[i] = switch (name) {
                case JdbcSql.KEYS -> keys;
                // A null limit binds NULL, which PostgreSQL reads as LIMIT ALL.
                case RootShaping.LIMIT_PARAMETER -> Binding.bigint(limit);
                case RootShaping.OFFSET_PARAMETER -> Binding.bigint(offset == null ? 0 : offset);
                case RootShaping.ID_PARAMETER -> Binding.key(id);
                default -> callerArgument(name, handle);
            };
        }
        return arguments;
    }

    /**
     * Whether a Java enum binds by name: then as an untyped value, as DAO writes bind it, which PostgreSQL reads as the
     * type the fragment compares it with, a text column's or an enum type's (JDBI would bind it as varchar, and
     * {@code mood = :m} would fail with {@code operator does not exist: mood = character varying}). A {@code Jdbi}
     * set to bind enums by ordinal keeps its own way.
     */
    private static boolean byName(Enums enums) {
        return enums.getDefaultStrategy() == EnumStrategy.BY_NAME;
    }

    private Argument callerArgument(String name, Handle handle) {
        if (!named.containsKey(name)) {
            throw new LoadPlanException("the plan's SQL names :" + name + ", which no plan of it binds: call "
                    + "bind(\"" + name + "\", value) on the plan whose where or orderBy names it");
        }
        Object value = named.get(name);
        if (value instanceof Enum<?> constant && byName(handle.getConfig(Enums.class))) {
            return Binding.enumName(constant);
        }
        Class<?> valueClass = value == null ? Object.class : value.getClass();
        QualifiedType<?> type = QualifiedType.of(valueClass);
        return handle.getConfig(Arguments.class).findFor(type, value).orElseThrow(() -> new LoadPlanException(
                "no JDBI argument factory binds :" + name + ", a " + type));
    }

    void applyTo(SqlStatement<?> statement) {
        boolean enumsByName = byName(statement.getConfig(Enums.class));
        named.forEach((name, value) -> {
            if (value instanceof Enum<?> constant && enumsByName) {
                statement.bind(name, Binding.enumName(constant));
            } else {
                statement.bind(name, value);
            }
        });
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
