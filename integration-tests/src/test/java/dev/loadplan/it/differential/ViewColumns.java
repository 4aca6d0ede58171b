package dev.loadplan.it.differential;

import dev.loadplan.it.differential.Mapping.Held;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a view load's statements name no column a view leaves out: in each statement, every table it reads
 * (under its own name or an alias) is read for a mapping of the load, and a table of an entity whose view the load
 * reads may name, of its value columns, only those the view holds. Keys are not checked; nor is {@code label}
 * where a fragment or a declared order of the load names it on that table; nor is an alias naming every value
 * column, where the load reads the entity itself too (the entity's columns, read under another alias).
 */
final class ViewColumns {

    /** A table read by a statement: {@code FROM|JOIN [schema.]table [AS alias]}. */
    private static final Pattern SOURCE =
            Pattern.compile("\\b(?:FROM|JOIN)\\s+(?:\\w+\\.)?(\\w+)(?:\\s+AS\\s+(\\w+))?");
    /** A column named by its table or alias, itself perhaps named with its schema. */
    private static final Pattern COLUMN = Pattern.compile("(?:\\w+\\.)?(\\w+)\\.(\\w+)(?![\\w.])");

    private final Domain domain;
    private final Set<Mapping> mappings = new LinkedHashSet<>();
    /** The entities on whose tables a fragment or a declared order of the load names {@code label}. */
    private final Set<Integer> labelNamed = new HashSet<>();

    /**
     * The load from {@code root}, with {@code shaped} telling whether the root's rows are filtered and ordered by
     * fragments of their own.
     */
    ViewColumns(Domain domain, Oracle.Node root, boolean shaped) {
        this.domain = domain;
        if (shaped) {
            labelNamed.add(root.mapping.entity());
        }
        walk(root, null, 0);
    }

    /**
     * Every mapping the load reads, each once its relationships are resolved; lazy links may lead round forever, so
     * the walk stops deeper than the renderer reads.
     */
    private void walk(Oracle.Node node, Held into, int depth) {
        mappings.add(node.mapping);
        if (node.criteria != null || into != null && into.side().orderBy() != null) {
            labelNamed.add(node.mapping.entity());
        }
        if (depth > Oracle.DEPTH + 1) {
            return;
        }
        for (Held relation : node.mapping.relations(domain)) {
            Oracle.Edge edge = node.edge(relation);
            if (edge.target() != null) {
                walk(edge.target(), relation, depth + 1);
            }
        }
    }

    /** Every column {@code statements} name that a view of the load leaves out, with the statement naming it. */
    List<String> problems(List<String> statements) {
        List<String> problems = new ArrayList<>();
        for (String sql : statements) {
            for (Map.Entry<String, Set<String>> named : columnsByAlias(sql).entrySet()) {
                int entity = entity(named.getKey(), sql);
                if (entity < 0 || !mappings.contains(Mapping.view(entity))) {
                    continue;
                }
                Set<String> columns = named.getValue();
                if (mappings.contains(Mapping.entity(entity)) && columns.containsAll(ViewDef.VALUE_COLUMNS)) {
                    continue;
                }
                for (String column : domain.view(entity).leftOut()) {
                    if (columns.contains(column) && !(column.equals("label") && labelNamed.contains(entity))) {
                        problems.add(named.getKey() + "." + column + ", which V" + entity + " leaves out, in "
                                + sql);
                    }
                }
            }
        }
        return problems;
    }

    /** The columns named under each table or alias of the statement. */
    private static Map<String, Set<String>> columnsByAlias(String sql) {
        Map<String, Set<String>> named = new HashMap<>();
        Matcher column = COLUMN.matcher(sql);
        while (column.find()) {
            named.computeIfAbsent(column.group(1), alias -> new HashSet<>()).add(column.group(2));
        }
        return named;
    }

    /** The entity whose table {@code alias} names in {@code sql}, or -1 for another table or a derived one. */
    private int entity(String alias, String sql) {
        Matcher source = SOURCE.matcher(sql);
        while (source.find()) {
            String name = source.group(2) != null ? source.group(2) : source.group(1);
            if (name.equals(alias)) {
                for (Domain.EntityDef entity : domain.entities()) {
                    if (domain.table(entity.index()).equals(source.group(1))) {
                        return entity.index();
                    }
                }
            }
        }
        return -1;
    }
}
