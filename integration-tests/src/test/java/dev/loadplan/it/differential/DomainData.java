package dev.loadplan.it.differential;

import dev.loadplan.it.differential.Domain.EntityDef;
import dev.loadplan.it.differential.Domain.Link;
import dev.loadplan.it.differential.Domain.Relation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A domain's rows, written with plain SQL and read back with plain SQL, and the relationships between them
 * computed here from those rows: the independent side of the differential test.
 */
final class DomainData {

    /** A row: its label, n and weight, and the foreign key columns its table holds. */
    record Row(long id, String label, Integer n, int weight, Map<String, Long> keys) {

        /** The value of a column: {@code label}, {@code n}, {@code weight}, its id or a foreign key. */
        Object value(String column) {
            return switch (column) {
                case "id" -> id;
                case "label" -> label;
                case "n" -> n;
                case "weight" -> weight;
                default -> keys.get(column);
            };
        }
    }

    private final Domain domain;
    private final List<Map<Long, Row>> rows = new ArrayList<>();
    private final Map<Integer, List<long[]>> pairs = new LinkedHashMap<>();

    private DomainData(Domain domain) {
        this.domain = domain;
    }

    /** Writes random rows for {@code domain}: ids out of order, repeated labels, null and dangling-free keys. */
    static void fill(Handle handle, Domain domain, Random random) {
        List<List<Long>> ids = new ArrayList<>();
        for (EntityDef ignored : domain.entities()) {
            List<Long> all = IntStream.range(1, 60).mapToObj(i -> (long) i).collect(Collectors.toList());
            Collections.shuffle(all, random);
            ids.add(new ArrayList<>(all.subList(0, 4 + random.nextInt(5))));
        }
        Map<Integer, Map<Long, Map<String, Long>>> keys = new TreeMap<>();
        for (EntityDef entity : domain.entities()) {
            keys.put(entity.index(), new LinkedHashMap<>());
            for (long id : ids.get(entity.index())) {
                keys.get(entity.index()).put(id, new LinkedHashMap<>());
            }
        }
        for (Link link : domain.links()) {
            if (link.kind() == Domain.Kind.MANY_TO_MANY) {
                PreparedBatch batch = handle.prepareBatch("insert into " + domain.joinTableFrom(link)
                        + " (p_id, c_id) values (?, ?)");
                for (long parent : ids.get(link.parent())) {
                    List<Long> children = new ArrayList<>(ids.get(link.child()));
                    Collections.shuffle(children, random);
                    for (long child : children.subList(0, Math.min(random.nextInt(4), children.size()))) {
                        batch.add(parent, child);
                    }
                }
                if (batch.size() > 0) {
                    batch.execute();
                }
                continue;
            }
            int holder = link.kind().keyInChild() ? link.child() : link.parent();
            List<Long> targets = new ArrayList<>(ids.get(link.kind().keyInChild() ? link.parent() : link.child()));
            Collections.shuffle(targets, random);
            int next = 0;
            for (long id : ids.get(holder)) {
                Long key;
                if (random.nextInt(5) == 0) {
                    key = null;
                } else if (link.kind().unique()) {
                    key = next < targets.size() ? targets.get(next++) : null;
                } else {
                    key = targets.get(random.nextInt(targets.size()));
                }
                keys.get(holder).get(id).put(link.keyColumn(), key);
            }
        }
        String[] labels = {"a", "b", "c"};
        for (EntityDef entity : domain.entities()) {
            Map<Long, Map<String, Long>> byId = keys.get(entity.index());
            List<String> keyColumns = byId.values().iterator().next().keySet().stream().toList();
            List<String> columns = new ArrayList<>(List.of("id", "label", "n", "weight"));
            columns.addAll(keyColumns);
            PreparedBatch batch = handle.prepareBatch("insert into " + domain.from(entity.index()) + " ("
                    + String.join(", ", columns) + ") values (" + String.join(", ",
                    Collections.nCopies(columns.size(), "?")) + ")");
            for (Map.Entry<Long, Map<String, Long>> row : byId.entrySet()) {
                List<Object> values = new ArrayList<>();
                values.add(row.getKey());
                values.add(labels[random.nextInt(labels.length)]);
                values.add(random.nextInt(3) == 0 ? null : random.nextInt(100));
                values.add(weight(domain, entity, row.getKey()));
                for (String column : keyColumns) {
                    values.add(row.getValue().get(column));
                }
                batch.add(values.toArray());
            }
            batch.execute();
        }
    }

    /**
     * The {@code weight} of a row: drawn from its place, not from the run's stream, which it leaves as it was before
     * the column was added; {@code int}'s bounds now and then, which a view reading it into a {@code long} must keep.
     */
    private static int weight(Domain domain, EntityDef entity, long id) {
        if (id % 11 == 0) {
            return id % 2 == 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
        return Long.hashCode((id * 31 + entity.index()) * 0x9E3779B97F4A7C15L + domain.index());
    }

    /** Every row of the domain, read back with plain SQL. */
    static DomainData read(Handle handle, Domain domain) {
        DomainData data = new DomainData(domain);
        for (EntityDef entity : domain.entities()) {
            Map<Long, Row> byId = new TreeMap<>();
            for (Map<String, Object> row : handle.createQuery("select * from " + domain.from(entity.index()))
                    .mapToMap().list()) {
                Map<String, Long> keyColumns = new LinkedHashMap<>();
                row.forEach((column, value) -> {
                    if (column.startsWith("l") && column.endsWith("_id")) {
                        keyColumns.put(column, value == null ? null : ((Number) value).longValue());
                    }
                });
                Object n = row.get("n");
                long id = ((Number) row.get("id")).longValue();
                byId.put(id, new Row(id, (String) row.get("label"), n == null ? null : ((Number) n).intValue(),
                        ((Number) row.get("weight")).intValue(), keyColumns));
            }
            data.rows.add(byId);
        }
        for (Link link : domain.links()) {
            if (link.kind() == Domain.Kind.MANY_TO_MANY) {
                data.pairs.put(link.id(), handle.createQuery("select p_id, c_id from " + domain.joinTableFrom(link))
                        .map((resultSet, context) -> new long[] {resultSet.getLong(1), resultSet.getLong(2)}).list());
            }
        }
        return data;
    }

    Row row(int entity, long id) {
        return rows.get(entity).get(id);
    }

    /** Every id of {@code entity}, in key order. */
    List<Long> ids(int entity) {
        return new ArrayList<>(rows.get(entity).keySet());
    }

    /** The ids {@code relation} of entity {@code id} points at, in the relation's order; at most one for a to-one. */
    List<Long> related(Relation relation, long id) {
        Link link = relation.link();
        List<Long> found = new ArrayList<>();
        if (relation.joinTable()) {
            for (long[] pair : pairs.get(link.id())) {
                if (pair[relation.forward() ? 0 : 1] == id) {
                    found.add(pair[relation.forward() ? 1 : 0]);
                }
            }
        } else if (relation.keyInTarget()) {
            for (Row row : rows.get(relation.target()).values()) {
                Long key = row.keys().get(link.keyColumn());
                if (key != null && key == id) {
                    found.add(row.id());
                }
            }
        } else {
            Long key = rows.get(relation.owner()).get(id).keys().get(link.keyColumn());
            if (key != null && rows.get(relation.target()).containsKey(key)) {
                found.add(key);
            }
        }
        found.sort(order(relation));
        return found;
    }

    /**
     * The key a batched statement matches {@code relation} of entity {@code id} by: its own key, or for a to-one
     * whose foreign key it holds, that key (null when it has none).
     */
    Long key(Relation relation, long id) {
        if (relation.joinTable() || relation.keyInTarget()) {
            return id;
        }
        return rows.get(relation.owner()).get(id).keys().get(relation.link().keyColumn());
    }

    /** The relation's order: its {@code orderBy} on label, then the primary key, as every statement orders. */
    private Comparator<Long> order(Relation relation) {
        Comparator<Long> byId = Comparator.naturalOrder();
        String orderBy = relation.side().orderBy();
        if (orderBy == null) {
            return byId;
        }
        Comparator<Long> byLabel = Comparator.comparing(id -> rows.get(relation.target()).get(id).label());
        return (orderBy.endsWith("DESC") ? byLabel.reversed() : byLabel).thenComparing(byId);
    }
}
