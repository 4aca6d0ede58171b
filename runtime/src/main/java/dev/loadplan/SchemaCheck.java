package dev.loadplan;

import dev.loadplan.internal.ColumnInfo;
import dev.loadplan.internal.ColumnType;
import dev.loadplan.internal.EntityMapping;
import dev.loadplan.internal.EnumConstants;
import dev.loadplan.planner.sql.TableShape;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks generated loaders against a live database without running a statement: each is only prepared and
 * described, as Room and sqlx check their queries. Run it in a test:
 *
 * <pre>{@code
 * SchemaCheck.verify(jdbi, AuthorLoader.SCHEMA, BookLoader.SCHEMA);   // throws, listing every mismatch
 * }</pre>
 *
 * <p>First the server: one older than PostgreSQL {@value #OLDEST_SUPPORTED_POSTGRES} is a mismatch of its own.
 * Each column is described on its own, so a renamed column or a changed type names its entity, field and
 * column; then every statement each loader's entry points run, declared defaults included, which finds what joins
 * need (foreign keys, association tables).
 */
public final class SchemaCheck {

    /**
     * The oldest PostgreSQL release loadplan runs on: a self-referential link loaded to a depth runs a recursive
     * statement that stops at a cycle with {@code CYCLE ... SET ... USING}, which PostgreSQL has since 14.
     */
    public static final int OLDEST_SUPPORTED_POSTGRES = 14;

    /** Where a mismatch about the server itself, not an entity, says it is. */
    static final String SERVER = "PostgreSQL";

    private SchemaCheck() {
    }

    /**
     * Throws {@link SchemaDriftException} listing every mismatch, or returns when there is none.
     *
     * @param jdbi the database to check against, on a handle of its own outside any transaction
     * @param loaders the {@code SCHEMA} of each generated loader to check, such as {@code AuthorLoader.SCHEMA}
     * @throws SchemaDriftException when the database differs from what a loader expects
     */
    public static void verify(Jdbi jdbi, LoaderSchema... loaders) {
        List<SchemaMismatch> mismatches = jdbi.withHandle(handle -> check(handle, loaders));
        if (!mismatches.isEmpty()) {
            throw new SchemaDriftException(mismatches);
        }
    }

    /**
     * Every mismatch between the loaders and the database {@code handle} is connected to.
     *
     * @param handle the database to check against; not in a transaction, which the first failed description
     *     would abort
     * @param loaders the {@code SCHEMA} of each generated loader to check, such as {@code AuthorLoader.SCHEMA}
     * @return every mismatch found, in the order of {@code loaders}; empty when there is none
     * @throws IllegalStateException when {@code handle} is in a transaction
     */
    public static List<SchemaMismatch> check(Handle handle, LoaderSchema... loaders) {
        if (handle.isInTransaction()) {
            // A failed description aborts a transaction, which would hide every mismatch after the first.
            throw new IllegalStateException("run the schema check outside a transaction");
        }
        Connection connection = handle.getConnection();
        List<SchemaMismatch> mismatches = new ArrayList<>();
        // First, so that a statement an older server cannot parse is read in its light.
        serverMismatch(connection).ifPresent(mismatches::add);
        for (LoaderSchema loader : loaders) {
            List<SchemaMismatch> columns = checkColumns(connection, loader.mapping());
            mismatches.addAll(columns);
            if (columns.isEmpty()) {
                // With a column wrong, every statement fails for the same reason: the columns already say it.
                checkStatements(connection, loader, mismatches);
            }
        }
        return List.copyOf(mismatches);
    }

    private static Optional<SchemaMismatch> serverMismatch(Connection connection) {
        try {
            // The driver answers from what the server said when the connection opened: no statement runs.
            DatabaseMetaData server = connection.getMetaData();
            return serverMismatch(server.getDatabaseMajorVersion(), server.getDatabaseProductVersion());
        } catch (SQLException e) {
            return Optional.of(new SchemaMismatch(SERVER, null, "server_version", e.getMessage()));
        }
    }

    /** A mismatch when a server of release {@code major} ({@code version} in full) is older than loadplan needs. */
    static Optional<SchemaMismatch> serverMismatch(int major, String version) {
        if (major >= OLDEST_SUPPORTED_POSTGRES) {
            return Optional.empty();
        }
        return Optional.of(new SchemaMismatch(SERVER, null, "server_version", "the server is PostgreSQL " + version
                + ", but loadplan needs PostgreSQL " + OLDEST_SUPPORTED_POSTGRES + " or newer (a recursive "
                + "statement's CYCLE clause, for one): upgrade the server"));
    }

    private static List<SchemaMismatch> checkColumns(Connection connection, EntityMapping<?> mapping) {
        TableShape table = mapping.table();
        List<SchemaMismatch> mismatches = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String column = table.columns().get(i);
            ColumnInfo info = mapping.columns().get(i);
            String qualified = table.table() + '.' + column;
            try {
                Description description = describe(connection, "SELECT " + qualified + " FROM " + table.from());
                if (info.type() == ColumnType.DOUBLE && description.typeName().equals("float4")) {
                    mismatches.add(new SchemaMismatch(mapping.entityName(), info.field(), qualified, "the column is "
                            + "float4 (real), but the field reads it as double: PostgreSQL's driver reads a real as "
                            + "0.1 in text and as 0.10000000149011612 once it transfers the column in binary, so one "
                            + "row would read differently from load to load; declare the field float (or Float), or "
                            + "the column double precision"));
                } else if (!info.type().reads(description.typeName(), description.enumType())) {
                    mismatches.add(new SchemaMismatch(mapping.entityName(), info.field(), qualified, "the column is "
                            + description.typeName() + ", but the field reads it as " + info.type().javaName()
                            + ", which needs " + info.type().postgresTypes()));
                } else if (info.constants() != null && description.enumType()) {
                    labelsMismatch(connection, description.typeName(), info.constants())
                            .ifPresent(problem -> mismatches.add(new SchemaMismatch(mapping.entityName(), info.field(),
                                    qualified, problem)));
                } else if (info.primitive() && description.nullable()) {
                    mismatches.add(new SchemaMismatch(mapping.entityName(), info.field(), qualified, "the column "
                            + "allows NULL, but the field is a primitive " + info.type().javaName()
                            + ", which would read NULL as 0: box it or make the column NOT NULL"));
                }
            } catch (SQLException e) {
                mismatches.add(new SchemaMismatch(mapping.entityName(), info.field(), qualified, e.getMessage()));
            }
        }
        return mismatches;
    }

    /**
     * What differs between a PostgreSQL enum type's labels and a Java enum's constants: a label the enum lacks fails
     * every load of a row that holds it, and a constant the type lacks fails every write of it.
     */
    private static Optional<String> labelsMismatch(Connection connection, String enumType, EnumConstants<?> constants)
            throws SQLException {
        List<String> labels = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT enumlabel FROM pg_enum WHERE enumtypid = ?::regtype ORDER BY enumsortorder")) {
            statement.setString(1, enumType);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    labels.add(rows.getString(1));
                }
            }
        }
        List<String> names = constants.names();
        List<String> unreadable = labels.stream().filter(label -> !names.contains(label)).toList();
        List<String> unwritable = names.stream().filter(name -> !labels.contains(name)).toList();
        if (unreadable.isEmpty() && unwritable.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        if (!unreadable.isEmpty()) {
            problems.add("the enum type " + enumType + " has " + String.join(", ", unreadable) + ", which "
                    + constants.name() + " lacks: a row holding " + (unreadable.size() == 1 ? "it" : "one")
                    + " cannot be read; add the constant" + (unreadable.size() == 1 ? "" : "s"));
        }
        if (!unwritable.isEmpty()) {
            problems.add(constants.name() + " has " + String.join(", ", unwritable) + ", which the enum type "
                    + enumType + " lacks: writing " + (unwritable.size() == 1 ? "it" : "one") + " fails; add the "
                    + "label" + (unwritable.size() == 1 ? "" : "s") + " (ALTER TYPE " + enumType + " ADD VALUE '"
                    + unwritable.get(0) + "')");
        }
        return Optional.of(String.join("; ", problems));
    }

    /**
     * Describes what the loader's entry points run, each statement once, named by the constant that holds it: the
     * statements of their plans, as the runtime plans them, not only the constants that show them.
     */
    private static void checkStatements(Connection connection, LoaderSchema loader, List<SchemaMismatch> out) {
        Map<String, String> names = new LinkedHashMap<>();
        loader.statements().forEach((name, sql) -> names.put(sql, loader.loaderName() + "." + name));
        for (LoaderSchema.EntryPoint entryPoint : loader.entryPoints()) {
            List<String> statements = entryPoint.plan().sql();
            for (int i = 0; i < statements.size(); i++) {
                names.putIfAbsent(statements.get(i),
                        loader.loaderName() + "." + entryPoint.method() + " statement " + (i + 1));
            }
        }
        for (Map.Entry<String, String> statement : names.entrySet()) {
            try {
                describe(connection, statement.getKey());
            } catch (SQLException e) {
                out.add(new SchemaMismatch(loader.mapping().entityName(), null, statement.getValue(),
                        e.getMessage()));
            }
        }
    }

    /** What PostgreSQL says of a statement's first result column, found by preparing it; nothing runs. */
    private record Description(String typeName, boolean enumType, boolean nullable) {
    }

    private static Description describe(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            ResultSetMetaData metadata = statement.getMetaData();
            if (metadata == null || metadata.getColumnCount() == 0) {
                return new Description("", false, true);
            }
            String typeName = metadata.getColumnTypeName(1);
            // The driver reports a user-defined enum type as OTHER, or as VARCHAR under the enum's own name.
            int sqlType = metadata.getColumnType(1);
            boolean enumType = sqlType == java.sql.Types.OTHER || (sqlType == java.sql.Types.VARCHAR
                    && !typeName.equals("varchar") && !typeName.equals("text"));
            return new Description(typeName, enumType,
                    metadata.isNullable(1) != ResultSetMetaData.columnNoNulls);
        }
    }
}
