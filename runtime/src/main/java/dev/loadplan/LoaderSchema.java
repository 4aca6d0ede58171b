package dev.loadplan;

import dev.loadplan.internal.EntityMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a generated loader expects of the database: its entity's table and columns, its fixed statements by
 * constant name, and the plan of each static entry point with the constants that hold what it runs. Generated
 * loaders expose one as {@code AuthorLoader.SCHEMA} for {@link SchemaCheck}.
 */
public final class LoaderSchema {

    /**
     * A static entry point, such as {@code withBooksSelectIn()}: the plan it returns, and the constants its Javadoc
     * names as what that plan runs, in order.
     *
     * @param method the entry point's name, such as {@code withBooksSelectIn}
     * @param plan the plan it returns
     * @param constants the names of the constants holding what the plan runs, in order
     */
    public record EntryPoint(String method, LoaderPlan<?, ?> plan, List<String> constants) {

        /**
         * An entry point, keeping a copy of {@code constants}.
         *
         * @param method the entry point's name, such as {@code withBooksSelectIn}
         * @param plan the plan it returns
         * @param constants the names of the constants holding what the plan runs, in order
         */
        public EntryPoint {
            constants = List.copyOf(constants);
        }
    }

    private final EntityMapping<?> mapping;
    private final Map<String, String> statements;
    private final List<EntryPoint> entryPoints;

    private LoaderSchema(EntityMapping<?> mapping, Map<String, String> statements, List<EntryPoint> entryPoints) {
        this.mapping = mapping;
        this.statements = statements;
        this.entryPoints = entryPoints;
    }

    /**
     * The schema of a loader with no statement yet. Generated loaders build theirs from it.
     *
     * @param mapping the generated mapping of the loader's entity
     * @return a schema with no statement and no entry point
     */
    public static LoaderSchema of(EntityMapping<?> mapping) {
        return new LoaderSchema(mapping, Map.of(), List.of());
    }

    /**
     * This schema with one more statement, by the name of its constant.
     *
     * @param name the constant's name, such as {@code PLAIN}
     * @param sql the statement it holds
     * @return a new schema
     */
    public LoaderSchema with(String name, String sql) {
        Map<String, String> next = new LinkedHashMap<>(statements);
        next.put(name, sql);
        return new LoaderSchema(mapping, Collections.unmodifiableMap(next), entryPoints);
    }

    /**
     * This schema with one more entry point, whose plan runs the statements of {@code constants}, in order.
     *
     * @param method the entry point's name, such as {@code withBooksSelectIn}
     * @param plan the plan it returns
     * @param constants the names of the constants holding what the plan runs, in order
     * @return a new schema
     */
    public LoaderSchema entryPoint(String method, LoaderPlan<?, ?> plan, String... constants) {
        List<EntryPoint> next = new ArrayList<>(entryPoints);
        next.add(new EntryPoint(method, plan, List.of(constants)));
        return new LoaderSchema(mapping, statements, List.copyOf(next));
    }

    /** {@return the loader's constants: statement by name, in the order the loader declares them} */
    public Map<String, String> statements() {
        return statements;
    }

    /** {@return the loader's static entry points, in the order the loader declares them} */
    public List<EntryPoint> entryPoints() {
        return entryPoints;
    }

    EntityMapping<?> mapping() {
        return mapping;
    }

    String loaderName() {
        return mapping.entityName() + "Loader";
    }

    @Override
    public String toString() {
        return loaderName() + " " + List.copyOf(statements.keySet());
    }
}
