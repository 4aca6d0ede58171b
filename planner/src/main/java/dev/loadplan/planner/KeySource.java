package dev.loadplan.planner;

import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.RowSource;
import dev.loadplan.planner.sql.SqlComposer;
import dev.loadplan.planner.sql.TableShape;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@code SUBQUERY} link below a node finds its parents: the rows of the node's statement, the joins from
 * the statement's first table down to the node, and what that statement binds ({@code keysSlot}).
 */
record KeySource(RowSource rows, List<RowSource.Hop> path, int keysSlot, String keysArrayType) {

    KeySource through(RelationShape relation, TableShape target, SqlComposer.Criteria criteria) {
        List<RowSource.Hop> next = new ArrayList<>(path);
        next.add(new RowSource.Hop(relation, target, criteria));
        return new KeySource(rows, next, keysSlot, keysArrayType);
    }

    String keys(String column) {
        return rows.keys(path, column);
    }
}
