package dev.loadplan;

import dev.loadplan.internal.EntityMapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a generated loader expects of the database: its entity's table and columns, and its fixed
 * statements by constant name. Generated loaders expose one as {@code AuthorLoader.SCHEMA} for
 * {@link SchemaCheck}.
 */
public final class LoaderSchema {

    private final EntityMapping<?> mapping;
    private final Map<String, String> statements;

    private LoaderSchema(EntityMapping<?> mapping, Map<String, String> statements) {
        this.mapping = mapping;
        this.statements = statements;
    }

    /** The schema of a loader with no statement yet. */
    public static LoaderSchema of(EntityMapping<?> mapping) {
        return new LoaderSchema(mapping, Map.of());
    }

    /** This schema with one more statement, by the name of its constant. */
    public LoaderSchema with(String name, String sql) {
        Map<String, String> next = new LinkedHashMap<>(statements);
        next.put(name, sql);
        return new LoaderSchema(mapping, Collections.unmodifiableMap(next));
    }

    EntityMapping<?> mapping() {
        return mapping;
    }

    Map<String, String> statements() {
        return statements;
    }

    String loaderName() {
        return mapping.entityName() + "Loader";
    }

    @Override
    public String toString() {
        return loaderName() + " " + List.copyOf(statements.keySet());
    }
}
