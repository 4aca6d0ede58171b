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
     * The joins that follow {@code relation} from the rows {@code parentAlias} to its target rows {@code alias}, with
     * what the link's plan says: its condition in the ON clause (so a parent with no matching child stays under an
     * outer join), or for a page, the ranked children ({@link #rankedJoin}). A many-to-many joins its association
     * table first, aliased {@code alias__link}. Each condition names the joined table's column first.
     */
    static List<Sql.Join> relationJoins(RelationShape relation, TableShape target, SqlComposer.Criteria criteria,
            boolean outer, String parentAlias, String alias) {
        if (criteria.page() != null) {
            return List.of(rankedJoin(relation, target, criteria, outer, parentAlias, alias));
        }
        List<Sql.Join> joins = new ArrayList<>(2);
        String parentKey = parentAlias + '.' + relation.sourceColumn();
        if (relation.selectsParentKeySeparately()) {
            String link = alias + "__link";
            joins.add(associationJoin(relation, outer, link, parentAlias, false));
            parentKey = link + '.' + relation.inverseJoinColumn();
        }
        String where = criteria.where() == null ? null : SqlFragment.requalify(criteria.where(), target, alias);
        joins.add(new Sql.Join(outer, Sql.Source.of(target.from(), alias),
                new Sql.Conjunction(List.of(alias + '.' + relation.targetColumn() + " = " + parentKey), where)));
        return joins;
    }

    /**
     * Many-to-many {@code relation}'s association table, under {@code link} (its own name when null), joined to the
     * rows {@code alias} read before it: to the target rows when {@code toTarget} (a batched or nested statement,
     * which reads the target first), else to the parent rows (a joined link, which joins the target after it).
     */
    static Sql.Join associationJoin(RelationShape relation, boolean outer, String link, String alias,
            boolean toTarget) {
        String linkName = link == null ? relation.joinTable() : link;
        String condition = toTarget
                ? linkName + '.' + relation.inverseJoinColumn() + " = " + alias + '.' + relation.targetColumn()
                : linkName + '.' + relation.joinColumn() + " = " + alias + '.' + relation.sourceColumn();
        return new Sql.Join(outer, Sql.Source.of(relation.joinTableFrom(), link), Sql.Conjunction.of(condition));
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

    /** The joins of this tree's relations to its table, read as {@code alias}. */
    List<Sql.Join> joinClauses(String alias) {
        List<Sql.Join> out = new ArrayList<>();
        appendJoins(alias, "", false, out);
        return out;
    }

    /**
     * Appends the joins below this node. Once a join is outer, everything below it is outer too, or an inner join
     * deeper down would drop the rows that the outer join kept.
     */
    private void appendJoins(String alias, String path, boolean underOuterJoin, List<Sql.Join> out) {
        for (Join join : joins) {
            if (join.callerAlias() != null || join.nested()) {
                continue;
            }
            String childAlias = joinAlias(path, join.relation());
            boolean inner = join.relation().innerJoin() && !underOuterJoin;
            out.addAll(relationJoins(join.relation(), join.target().table, join.criteria(), !inner, alias, childAlias));
            join.target().appendJoins(childAlias, childAlias, !inner, out);
        }
    }

    /**
     * The join of a collection limited per parent: a derived table of the target's rows ranked among their parent's
     * by the link's order, joined on the parent's key and the ranks of the page. Measured against a LATERAL join of
     * each parent's children (with LIMIT or with the same ranking) in {@code benchmarks}' {@code TopNForms}: as fast
     * for a page of parents, twice as fast for all of them.
     */
    private static Sql.Join rankedJoin(RelationShape relation, TableShape target, SqlComposer.Criteria criteria,
            boolean outer, String parentAlias, String alias) {
        return new Sql.Join(outer,
                Sql.Source.derived(SqlComposer.rankedRows(relation, target, null, criteria), alias),
                Sql.Conjunction.of(SqlComposer.rankedParentKey(relation, alias) + " = " + parentAlias + '.'
                        + relation.sourceColumn(), criteria.ranks(alias)));
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
