package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.planner.sql.JdbcSql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The named values of one load, gathered from the root plan and the plans of its links at every depth, with where
 * each was bound. One statement may hold fragments of several plans (a JOINED link's condition sits in the root
 * statement, a SUBQUERY repeats the root's), so a name means one value in the whole load: a name bound to two
 * different values is refused when the second is bound, whichever plan binds it and in whatever order, since the
 * load could only run one of them. The same value bound in two places is one value, and allowed: a filter repeated
 * at each level ({@code :tenant}) means the same thing everywhere.
 *
 * <p>A name bound but named by no fragment of the load is refused when the plan runs, before any statement: its
 * fragments may come after the bind, so only the complete plan knows. So is a name a fragment uses and no plan binds.
 */
final class PlanBinds {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> places = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();

    private PlanBinds() {
    }

    /** The values of {@code spec} and of its links; throws {@link IllegalArgumentException} on a name bound twice. */
    static PlanBinds of(PlanSpec<?> spec) {
        PlanBinds binds = new PlanBinds();
        spec.collect("the root", null, binds);
        return binds;
    }

    /** The names of the caller's parameters in {@code sql} (a fragment or a statement), in order, each once. */
    static List<String> namesIn(String sql) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : JdbcSql.of(sql).parameters()) {
            if (!name.equals(JdbcSql.KEYS) && !name.startsWith("lp_")) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** {@code name} bound to {@code value} by the plan at {@code place} ("the root", "the link Author.books"). */
    void bind(String name, Object value, String place) {
        if (!values.containsKey(name)) {
            values.put(name, value);
            places.put(name, place);
            return;
        }
        if (Objects.equals(values.get(name), value)) {
            return;
        }
        if (name.startsWith("lp_")) {
            throw new IllegalArgumentException(places.get(name) + " and " + place + " load one relationship with "
                    + "different limit or offset; a load pages a relationship one way");
        }
        throw new IllegalArgumentException(places.get(name) + " and " + place + " both bind :" + name
                + ", to different values; give one of them another name");
    }

    /** {@code names}, which a fragment of the load uses. */
    void use(List<String> names) {
        used.addAll(names);
    }

    /** Every value, by name; each name the load's fragments use is bound and each bound name is used. */
    Map<String, Object> checked() {
        List<String> unused = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!name.startsWith("lp_") && !used.contains(name)) {
                unused.add(name);
            }
        }
        if (!unused.isEmpty()) {
            throw new LoadPlanException(describeBinds(unused) + " in the plan's fragments; " + (used.isEmpty()
                    ? "they use no names" : "they use " + colons(used)));
        }
        for (String name : used) {
            if (!values.containsKey(name)) {
                throw new LoadPlanException("the plan's SQL names :" + name + ", which no plan of it binds: call "
                        + "bind(\"" + name + "\", value) on the plan whose where or orderBy names it");
            }
        }
        return Collections.unmodifiableMap(values);
    }

    private static String describeBinds(List<String> unused) {
        List<String> calls = unused.stream().map(name -> "bind(\"" + name + "\")").toList();
        return String.join(", ", calls) + (unused.size() == 1 ? " names no " : " name no ") + colons(unused);
    }

    private static String colons(Iterable<String> names) {
        List<String> shown = new ArrayList<>();
        names.forEach(name -> shown.add(":" + name));
        return String.join(", ", shown);
    }
}
