package dev.loadplan.planner.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * How a statement finds its first table's rows: its FROM and WHERE, without columns, the tree's joins or order. A
 * {@code SUBQUERY} link below any node of the statement repeats it, reduced to the one column it matches on. A class,
 * not a record, so its parts stay inside this package.
 */
public final class RowSource {

    /** A table, or a paged derived table. */
    private final Sql.Source from;
    /** The association table's join, for the children of a many-to-many. */
    private final List<Sql.Join> joins;
    /** What the first table is called in {@code from}. */
    private final String alias;
    private final Sql.Conjunction where;

    private RowSource(Sql.Source from, List<Sql.Join> joins, String alias, Sql.Conjunction where) {
        this.from = from;
        this.joins = List.copyOf(joins);
        this.alias = alias;
        this.where = where;
    }

    /**
     * The root statement's rows. Paged, they are the page itself, in a derived table named like the root table,
     * so a subquery selects exactly the parents the page holds.
     */
    public static RowSource root(TableShape root, RootShaping shaping) {
        if (shaping.paged()) {
            return new RowSource(Sql.Source.derived(SqlComposer.rootRows(root, shaping, false), root.table()), List.of(),
                    root.table(), Sql.Conjunction.NONE);
        }
        return new RowSource(Sql.Source.of(root.from()), List.of(), root.table(),
                Sql.Conjunction.ofNullable(shaping.where()));
    }

    /**
     * The rows of a batched statement: the target's rows whose parent key meets {@code keyCondition}, such as
     * {@code " = ANY(?)"} or {@code " IN (...)"}, and what the link's plan says: its condition, and for a link
     * limited per parent, only the ranks it keeps.
     */
    public static RowSource children(RelationShape relation, TableShape target, String keyCondition,
            SqlComposer.Criteria criteria) {
        if (criteria.page() != null) {
            String alias = target.table();
            return new RowSource(Sql.Source.derived(SqlComposer.rankedRows(relation, target, keyCondition, criteria),
                    alias), List.of(), alias, Sql.Conjunction.of(criteria.ranks(alias)));
        }
        return filtered(relation, target, keyCondition, criteria.where());
    }

    /**
     * The target's rows whose parent key meets {@code keyCondition}, or with none (null), every parent's, and the
     * caller's condition {@code where}, or null.
     */
    static RowSource filtered(RelationShape relation, TableShape target, String keyCondition, String where) {
        String alias = target.table();
        List<Sql.Join> joins = relation.selectsParentKeySeparately()
                ? List.of(SelectTree.associationJoin(relation, false, null, alias, true)) : List.of();
        List<String> conditions = keyCondition == null ? List.of()
                : List.of(SqlComposer.parentKeyColumn(relation, alias) + keyCondition);
        return new RowSource(Sql.Source.of(target.from()), joins, alias, new Sql.Conjunction(conditions, where));
    }

    Sql.Source from() {
        return from;
    }

    List<Sql.Join> joins() {
        return joins;
    }

    Sql.Conjunction where() {
        return where;
    }

    /** One relation followed from a node of the statement to the node below it, with what the link's plan says. */
    public record Hop(RelationShape relation, TableShape target, SqlComposer.Criteria criteria) {
    }

    /**
     * One column of the rows reached by following {@code path} from the first table: the keys a {@code SUBQUERY}
     * link below that node matches its children to. Inner joins, since only rows that exist have children.
     */
    public String keys(List<Hop> path, String column) {
        List<Sql.Join> allJoins = new ArrayList<>(joins);
        String parentAlias = alias;
        String parentPath = "";
        for (Hop hop : path) {
            String childAlias = SelectTree.joinAlias(parentPath, hop.relation());
            allJoins.addAll(SelectTree.relationJoins(hop.relation(), hop.target(), hop.criteria(), false, parentAlias,
                    childAlias));
            parentAlias = childAlias;
            parentPath = childAlias;
        }
        return SqlPrinter.inline(new Sql.Select(List.of(parentAlias + '.' + column), from, allJoins, where, List.of(),
                false));
    }
}
