package dev.loadplan.planner.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables one statement reads: a table and the relations joined to it, each with the tree of its own joins.
 * Columns are selected depth first, in declaration order, so each node's columns start at a fixed offset.
 */
public final class SelectTree {

    /**
     * One joined relation and what is joined below it. {@code callerAlias}, when set, is what the caller's own
     * statement calls the relation's table: loadplan writes its columns but not its join, which the caller wrote.
     * {@code criteria} are what the link's plan says of its rows: the condition goes in the join's ON clause (so a
     * parent with no matching child stays), the order replaces the relationship's declared one, a page joins the
     * ranked children ({@link #rankedJoin}). A {@code nested} relation is no join of the statement: it is one column
     * holding the target rows of each row as JSON ({@link SqlComposer#nestedColumn}), whose tree {@code target} is.
     */
    public record Join(RelationShape relation, SelectTree target, String callerAlias,
            SqlComposer.Criteria criteria, boolean nested) {

        public Join(RelationShape relation, SelectTree target) {
            this(relation, target, null, SqlComposer.Criteria.NONE, false);
        }

        public Join(RelationShape relation, SelectTree target, String callerAlias) {
            this(relation, target, callerAlias, SqlComposer.Criteria.NONE, false);
        }

        public Join(RelationShape relation, SelectTree target, String callerAlias, SqlComposer.Criteria criteria) {
            this(relation, target, callerAlias, criteria, false);
        }

        /** {@code relation} nested in one column, {@code target} the tree of what that column holds per child. */
        public static Join nested(RelationShape relation, SelectTree target, SqlComposer.Criteria criteria) {
            return new Join(relation, target, null, criteria, true);
        }


        String alias(String parentPath) {
            return callerAlias != null ? callerAlias : joinAlias(parentPath, relation);
        }
    }

    private final TableShape table;
    private final List<Join> joins;

    private SelectTree(TableShape table, List<Join> joins) {
        this.table = table;
        this.joins = List.copyOf(joins);
    }

    public static SelectTree of(TableShape table) {
        return new SelectTree(table, List.of());
    }

    public static SelectTree of(TableShape table, List<Join> joins) {
        return new SelectTree(table, joins);
    }

    public TableShape table() {
        return table;
    }

    public List<Join> joins() {
        return joins;
    }

    /** All columns this tree selects: its own, one for each nested relation, and every joined table's. */
    public int columnCount() {
        int count = table.columns().size();
        for (Join join : joins) {
            count += join.nested() ? 1 : join.target().columnCount();
        }
        return count;
    }

    /** Whether a joined collection anywhere in the tree can return several rows for one row of this table. */
    public boolean joinsCollection() {
        for (Join join : joins) {
            if (!join.nested() && (join.relation().many() || join.target().joinsCollection())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The alias a joined relation's table gets: {@code lp_} and the path of relation names from the statement's
     * first table. A caller's fragment names tables, never {@code lp_} aliases, so the two cannot collide.
     */
    static String joinAlias(String parentPath, RelationShape relation) {
        String name = SqlIdentifiers.snakeCase(relation.name());
        return parentPath.isEmpty() ? "lp_" + name : parentPath + "__" + name;
    }

    /**
     * The JOIN clauses that follow {@code relation} from {@code parentAlias} to {@code alias} ({@code targetTable}
     * as FROM names it): one, or two through an association table aliased {@code alias__link}. {@code kind} is
     * {@code "JOIN "} or {@code "LEFT OUTER JOIN "}.
     */
    static List<String> joinClauses(RelationShape relation, String kind, String targetTable, String parentAlias,
            String alias) {
        return switch (relation.kind()) {
            case FOREIGN_KEY_IN_TARGET, FOREIGN_KEY_IN_SOURCE -> List.of(kind + targetTable + " AS " + alias + " ON "
                    + alias + '.' + relation.targetColumn() + " = " + parentAlias + '.' + relation.sourceColumn());
            case JOIN_TABLE -> {
                String linkAlias = alias + "__link";
                yield List.of(kind + relation.joinTableFrom() + " AS " + linkAlias + " ON " + linkAlias + '.'
                                + relation.joinColumn() + " = " + parentAlias + '.' + relation.sourceColumn(),
                        kind + targetTable + " AS " + alias + " ON " + alias + '.' + relation.targetColumn() + " = "
                                + linkAlias + '.' + relation.inverseJoinColumn());
            }
        };
    }

    void appendColumns(String alias, String path, List<String> out) {
        for (String column : table.columns()) {
            out.add(alias + '.' + column);
        }
        for (Join join : joins) {
            String childAlias = join.alias(path);
            if (join.nested()) {
                out.add(SqlComposer.nestedColumn(join.relation(), join.target(), join.criteria(), alias, childAlias));
            } else {
                join.target().appendColumns(childAlias, childAlias, out);
            }
        }
    }

    /**
     * Appends the JOIN clauses below this node. Once a join is outer, everything below it is outer too, or an
     * inner join deeper down would drop the rows that the outer join kept.
     */
    void appendJoins(String alias, String path, boolean underOuterJoin, List<String> clauses) {
        for (Join join : joins) {
            if (join.callerAlias() != null || join.nested()) {
                continue;
            }
            RelationShape relation = join.relation();
            String childAlias = joinAlias(path, relation);
            TableShape target = join.target().table;
            String from = target.from();
            boolean inner = relation.innerJoin() && !underOuterJoin;
            if (join.criteria().page() != null) {
                clauses.add(rankedJoin(relation, target, join.criteria(), inner, alias, childAlias));
                join.target().appendJoins(childAlias, childAlias, !inner, clauses);
                continue;
            }
            List<String> joined = new ArrayList<>(
                    joinClauses(relation, inner ? "JOIN " : "LEFT OUTER JOIN ", from, alias, childAlias));
            String where = join.criteria().where();
            if (where != null) {
                int last = joined.size() - 1;
                joined.set(last, joined.get(last) + " AND (" + SqlFragment.requalify(where, target, childAlias) + ")");
            }
            clauses.addAll(joined);
            join.target().appendJoins(childAlias, childAlias, !inner, clauses);
        }
    }

    /**
     * The join of a collection limited per parent: a derived table of the target's rows ranked among their parent's
     * by the link's order, joined on the parent's key and the ranks of the page. Measured against a LATERAL join of
     * each parent's children (with LIMIT or with the same ranking) in {@code benchmarks}' {@code TopNForms}: as fast
     * for a page of parents, twice as fast for all of them.
     */
    static String rankedJoin(RelationShape relation, TableShape target, SqlComposer.Criteria criteria, boolean inner,
            String parentAlias, String alias) {
        String parentKey = relation.selectsParentKeySeparately() ? "lp_parent_key" : relation.targetColumn();
        return (inner ? "JOIN " : "LEFT OUTER JOIN ") + SqlComposer.rankedRows(relation, target, null, criteria, alias)
                + " ON " + alias + '.' + parentKey + " = " + parentAlias + '.' + relation.sourceColumn() + " AND "
                + criteria.ranks(alias);
    }

    /**
     * Appends the order that keeps every joined collection in its declared order and the rows of each parent
     * together: each collection's terms, then its primary key when the terms leave ties.
     */
    void appendJoinedOrder(String path, List<String> out) {
        for (Join join : joins) {
            if (join.nested()) {
                continue;
            }
            String childAlias = join.alias(path);
            if (join.relation().many()) {
                out.addAll(SqlComposer.ownOrder(join.relation(), join.target().table, childAlias, join.criteria()));
            }
            join.target().appendJoinedOrder(childAlias, out);
        }
    }

    static void appendUniqueOrder(List<OrderTerm> terms, TableShape table, String alias, List<String> out) {
        boolean hasId = false;
        for (OrderTerm term : terms) {
            out.add(term.render(alias));
            hasId |= term.column().equals(table.idColumn());
        }
        if (!hasId) {
            out.add(alias + '.' + table.idColumn());
        }
    }

    List<String> columnList(String alias) {
        List<String> columns = new ArrayList<>(columnCount());
        appendColumns(alias, "", columns);
        return columns;
    }
}
