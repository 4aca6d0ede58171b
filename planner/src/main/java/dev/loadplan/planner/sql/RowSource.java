package dev.loadplan.planner.sql;

import java.util.List;

/**
 * How a statement finds its first table's rows: its FROM and WHERE, without columns, joins or order. A
 * {@code SUBQUERY} link below any node of the statement repeats it, reduced to the one column it matches on.
 *
 * @param from the FROM clause's content: a table, a paged derived table, or a table with its association join
 * @param alias what the first table is called in {@code from}
 * @param where the condition, or null
 */
public record RowSource(String from, String alias, String where) {

    /**
     * The root statement's rows. Paged, they are the page itself, in a derived table named like the root table,
     * so a subquery selects exactly the parents the page holds.
     */
    public static RowSource root(TableShape root, RootShaping shaping) {
        if (shaping.paged()) {
            return new RowSource("(" + SqlComposer.rootRows(root, shaping) + ") AS " + root.table(), root.table(),
                    null);
        }
        return new RowSource(root.from(), root.table(), shaping.where());
    }

    /**
     * The rows of a batched statement: the target's rows whose parent key meets {@code keyCondition}, such as
     * {@code " = ANY(?)"} or {@code " IN (...)"}.
     */
    public static RowSource children(RelationShape relation, TableShape target, String keyCondition) {
        return filteredChildren(relation, target, keyCondition, null);
    }

    /**
     * As {@link #children(RelationShape, TableShape, String)}, with what the link's plan says: its condition, and
     * for a link limited per parent, only the ranks it keeps.
     */
    public static RowSource children(RelationShape relation, TableShape target, String keyCondition,
            SqlComposer.Criteria criteria) {
        if (criteria.page() != null) {
            return new RowSource(SqlComposer.rankedRows(relation, target, keyCondition, criteria), target.table(),
                    criteria.ranks(target.table()));
        }
        return filteredChildren(relation, target, keyCondition, criteria.where());
    }

    private static RowSource filteredChildren(RelationShape relation, TableShape target, String keyCondition,
            String where) {
        String alias = target.table();
        String from = relation.selectsParentKeySeparately()
                ? target.from() + " " + SqlComposer.associationJoin(relation, alias)
                : target.from();
        String condition = SqlComposer.parentKeyColumn(relation, alias) + keyCondition;
        return new RowSource(from, alias, where == null ? condition : condition + " AND (" + where + ")");
    }

    /** One relation followed from a node of the statement to the node below it, with what the link's plan says. */
    public record Hop(RelationShape relation, TableShape target, SqlComposer.Criteria criteria) {
    }

    /**
     * One column of the rows reached by following {@code path} from the first table: the keys a {@code SUBQUERY}
     * link below that node matches its children to. Inner joins, since only rows that exist have children.
     */
    public String keys(List<Hop> path, String column) {
        StringBuilder sql = new StringBuilder("SELECT ");
        String parentAlias = alias;
        String parentPath = "";
        StringBuilder joins = new StringBuilder();
        for (Hop hop : path) {
            String childAlias = SelectTree.joinAlias(parentPath, hop.relation());
            SqlComposer.Criteria criteria = hop.criteria();
            if (criteria.page() != null) {
                joins.append(' ').append(SelectTree.rankedJoin(hop.relation(), hop.target(), criteria, true,
                        parentAlias, childAlias));
            } else {
                for (String clause : SelectTree.joinClauses(hop.relation(), "JOIN ", hop.target().from(),
                        parentAlias, childAlias)) {
                    joins.append(' ').append(clause);
                }
                if (criteria.where() != null) {
                    joins.append(" AND (")
                            .append(SqlFragment.requalify(criteria.where(), hop.target(), childAlias))
                            .append(')');
                }
            }
            parentAlias = childAlias;
            parentPath = childAlias;
        }
        sql.append(parentAlias).append('.').append(column).append(" FROM ").append(from).append(joins);
        if (where != null) {
            sql.append(" WHERE ").append(where);
        }
        return sql.toString();
    }
}
