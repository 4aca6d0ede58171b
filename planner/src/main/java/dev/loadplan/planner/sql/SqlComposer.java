package dev.loadplan.planner.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds every read a plan runs, which {@link SqlPrinter} writes. The processor calls it to write the SQL constants of
 * generated loaders, and the runtime calls it for plans built at run time, so both always agree.
 */
public final class SqlComposer {

    /** The rows of a recursive walk, as its statement names them. */
    private static final String TREE = "lp_tree";

    private SqlComposer() {
    }

    /**
     * The statement that reads the plan's root rows and every relation joined to them. With paging and a joined
     * collection, the root rows are limited in a derived table named like the root table, so the limit counts
     * parents, not joined rows, and the caller's fragments still name the root table. Outside it, the rows keep the
     * caller's order by their rank in it ({@code lp_rank}): the caller's order may name columns the derived table
     * does not select (a view selects only its own), so it is not repeated there.
     */
    public static String root(SelectTree tree, RootShaping shaping) {
        TableShape root = tree.table();
        boolean wrapRoot = shaping.paged() && tree.joinsCollection();
        boolean ranked = wrapRoot && shaping.orderBy() != null;
        Sql.Source from = wrapRoot ? Sql.Source.derived(rootRows(root, shaping, ranked), root.table())
                : Sql.Source.of(root.from());
        List<String> order = ranked ? new ArrayList<>(List.of(root.table() + ".lp_rank"))
                : orderThenKey(shaping.orderBy(), root);
        tree.appendJoinedOrder("", order);
        return SqlPrinter.statement(new Sql.Select(tree.columnList(root.table()), from, tree.joinClauses(root.table()),
                wrapRoot ? Sql.Conjunction.NONE : Sql.Conjunction.ofNullable(shaping.where()), order,
                !wrapRoot && shaping.paged()));
    }

    /**
     * The caller's own statement with its {@code {columns}} replaced by the select list of {@code tree}: the root
     * table's columns under its table name, then each contained relation's under the alias the caller gave it.
     */
    public static String callerStatement(String sql, String placeholder, SelectTree tree) {
        return sql.replace(placeholder, SqlPrinter.selectList(tree.columnList(tree.table().table())));
    }

    /**
     * The root statement of a recursive load: the root rows, and below them every row whose {@code relation}
     * key points at a row already found, each with its depth, in one statement. The walk stops at a cycle in the
     * data. Rows come depth by depth; the roots in the plan's order, each parent's children in the relation's.
     * The depth is the last column.
     */
    public static String recursiveRoot(SelectTree tree, RootShaping shaping, RelationShape relation) {
        TableShape root = tree.table();
        String table = root.table();
        List<String> rootOrder = orderThenKey(shaping.orderBy(), root);
        List<String> anchorColumns = columns(root);
        anchorColumns.add("0 AS lp_depth");
        anchorColumns.add(SqlPrinter.rank(null, rootOrder));
        Sql.Select anchor = new Sql.Select(anchorColumns, Sql.Source.of(root.from()), List.of(),
                Sql.Conjunction.ofNullable(shaping.where()), shaping.paged() ? rootOrder : List.of(), shaping.paged());
        List<String> stepColumns = columns(root);
        stepColumns.add(TREE + ".lp_depth + 1");
        stepColumns.add("0");
        Sql.Join toTree = new Sql.Join(false, Sql.Source.of(TREE), Sql.Conjunction.of(
                table + '.' + relation.targetColumn() + " = " + TREE + '.' + relation.sourceColumn()));
        Sql.Select step = new Sql.Select(stepColumns, Sql.Source.of(root.from()), List.of(toTree), Sql.Conjunction.NONE,
                List.of(), false);
        List<String> columns = tree.columnList(table);
        columns.add(table + ".lp_depth");
        List<String> order = new ArrayList<>();
        order.add(table + ".lp_depth");
        order.add(table + ".lp_rank");
        SelectTree.appendUniqueOrder(relation.orderBy(), root, table, order);
        tree.appendJoinedOrder("", order);
        Sql.Select body = new Sql.Select(columns, Sql.Source.of(TREE, table), tree.joinClauses(table),
                Sql.Conjunction.of("NOT " + table + '.' + Sql.Recursive.CYCLE_MARK), order, false);
        return SqlPrinter.statement(new Sql.Recursive(TREE, anchor, step, root.idColumn(), body));
    }

    /**
     * The statement of a {@code SELECT_IN} link: the children of every parent at once, the parents' keys bound as
     * one array, so the statement is the same whatever the number of parents.
     */
    public static String selectIn(RelationShape relation, SelectTree target, Criteria criteria) {
        return children(relation, target, " = ANY(?)", true, criteria);
    }

    /** The statement of a {@code SUBQUERY} link: the children of the parents that {@code parentKeys} selects. */
    public static String subquery(RelationShape relation, SelectTree target, String parentKeys, Criteria criteria) {
        return children(relation, target, " IN (" + parentKeys + ")", true, criteria);
    }

    /** The statement of an {@code IMMEDIATE} or {@code LAZY} link: the children of one parent. */
    public static String perParent(RelationShape relation, SelectTree target, Criteria criteria) {
        return children(relation, target, " = ?", false, criteria);
    }

    /**
     * What a link's plan says of the rows it loads: a condition and an order, each a caller's fragment naming the
     * target table, or null, and for a collection limited per parent, the prefix of its two parameters, or null. The
     * condition is added to the statement's WHERE; the order replaces the relationship's declared one, its primary key
     * breaking ties; the page keeps each parent's children ranked {@code _first} to {@code _last} in that order.
     */
    public record Criteria(String where, String orderBy, String page) {

        public static final Criteria NONE = new Criteria(null, null, null);

        public boolean any() {
            return where != null || orderBy != null || page != null;
        }

        /**
         * The prefix of the parameters of {@code relation}'s page ({@code Author.books}: {@code lp_author_books}),
         * bound to the first and last rank each parent keeps ({@code lp_author_books_first}, {@code ..._last}).
         */
        public static String pageOf(String qualifiedName) {
            return "lp_" + qualifiedName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        }

        /** The condition that keeps the ranks of the page, on the rows {@code alias} names. */
        String ranks(String alias) {
            return alias + ".lp_rank BETWEEN :" + page + "_first AND :" + page + "_last";
        }
    }

    /**
     * The column of a batched statement that holds each child's parent key: the association table's column
     * pointing at the parent, or the target's own column that matches it.
     */
    static String parentKeyColumn(RelationShape relation, String alias) {
        return relation.selectsParentKeySeparately()
                ? relation.joinTable() + '.' + relation.joinColumn()
                : alias + '.' + relation.targetColumn();
    }

    /** The parent key of the ranked rows {@code alias} ({@link #rankedRows}). */
    static String rankedParentKey(RelationShape relation, String alias) {
        return alias + '.' + (relation.selectsParentKeySeparately() ? "lp_parent_key" : relation.targetColumn());
    }

    /**
     * The statement of a batched link: its rows ({@link RowSource#children}) with the target's columns, and with an
     * association table, each row's parent key before them. A collection's rows come in its own order within each
     * parent, which is all its reader needs: it attaches each row to its parent by the parent key. For many
     * parents ({@code manyParents}), the order leads with that key where that measured faster (docs/order-by.md).
     */
    private static String children(RelationShape relation, SelectTree target, String keyCondition,
            boolean manyParents, Criteria criteria) {
        TableShape table = target.table();
        String alias = table.table();
        RowSource rows = RowSource.children(relation, table, keyCondition, criteria);
        List<String> columns = target.columnList(alias);
        if (selectsParentKeyFirst(relation, table)) {
            columns.add(0, criteria.page() != null ? rankedParentKey(relation, alias)
                    : parentKeyColumn(relation, alias));
        }
        List<Sql.Join> joins = new ArrayList<>(rows.joins());
        joins.addAll(target.joinClauses(alias));
        List<String> order = new ArrayList<>();
        if (relation.many()) {
            List<String> own = ownOrder(relation, table, alias, criteria);
            if (manyParents && criteria.page() == null && leadsWithParentKey(relation, target, alias, own)) {
                order.add(parentKeyColumn(relation, alias));
            }
            order.addAll(own);
        } else if (target.joinsCollection()) {
            order.add(alias + '.' + table.idColumn());
        }
        target.appendJoinedOrder("", order);
        return SqlPrinter.statement(new Sql.Select(columns, rows.from(), joins, rows.where(), order, false));
    }

    /**
     * Whether a batched collection's statement orders by the parent key before the collection's own order
     * {@code own}, measured on 10,000 to 50,000 rows (docs/order-by.md). Through an association table, always: its
     * primary key (parent, child) then gives the rows in that order without a sort, and a sort by parent first
     * meets few ties. Into the target's own table, only when {@code own} is more than the target's key: the key
     * alone is the order of the target's primary key index, which beat sorting by parent; any other order is
     * sorted, faster with the parent first. Never through an association table into a target that joins a
     * collection: a child of several parents would come in one run per parent, and its reader, which sees the
     * child's key and not the parent's, would take the next parent's run for more of the first and attach the joined
     * children again; in the child's own order, its rows of every parent make one run.
     */
    private static boolean leadsWithParentKey(RelationShape relation, SelectTree target, String alias,
            List<String> own) {
        if (relation.selectsParentKeySeparately()) {
            return !target.joinsCollection();
        }
        return !own.equals(List.of(alias + '.' + target.table().idColumn()));
    }

    /**
     * The children of a link limited per parent, each ranked among its parent's ({@code lp_rank}), to be read as a
     * derived table; with an association table, each row's parent key is its {@code lp_parent_key}. With no
     * {@code keyCondition} (null), the children of every parent, which a join then matches to its parent. Which ranks
     * to keep is for the statement around it ({@link Criteria#ranks}). For a page of 20 parents this measured as fast
     * as ranking each parent's children in a LATERAL join: PostgreSQL can push the join's key into the ranking, which
     * partitions by it.
     */
    static Sql.Select rankedRows(RelationShape relation, TableShape table, String keyCondition, Criteria criteria) {
        String alias = table.table();
        String keyColumn = parentKeyColumn(relation, alias);
        RowSource rows = RowSource.filtered(relation, table, keyCondition, criteria.where());
        List<String> columns = new ArrayList<>();
        columns.add(alias + ".*");
        if (relation.selectsParentKeySeparately()) {
            columns.add(keyColumn + " AS lp_parent_key");
        }
        columns.add(SqlPrinter.rank(keyColumn, ownOrder(relation, table, alias, criteria)));
        return new Sql.Select(columns, rows.from(), rows.joins(), rows.where(), List.of(), false);
    }

    /** A collection's own order on {@code alias}: the link's, else the declared one; its key breaks ties. */
    static List<String> ownOrder(RelationShape relation, TableShape table, String alias, Criteria criteria) {
        List<String> order = new ArrayList<>();
        if (criteria.orderBy() != null) {
            order.add(SqlFragment.requalify(criteria.orderBy(), table, alias));
            order.add(alias + '.' + table.idColumn());
        } else {
            SelectTree.appendUniqueOrder(relation.orderBy(), table, alias, order);
        }
        return order;
    }

    /**
     * The column of a {@code NESTED} link: the children of the row's {@code parentAlias} entity as one JSON array, in
     * the link's order, each child an array of its columns and then of the columns of the links nested below it;
     * {@code []} for none. A correlated subquery, so a deep graph stays one statement with one row per parent, where
     * joining it would return a row per combination of children. Values are PostgreSQL's own JSON: numbers as
     * written, text as strings, {@code true}/{@code false}, and date-times in ISO 8601, which the runtime reads back
     * as the driver reads their columns. With a page, the children are ranked among their parent's as a joined page is
     * ({@link #rankedRows}), PostgreSQL pushing the parent's key into the ranking.
     */
    static String nestedColumn(RelationShape relation, SelectTree target, Criteria criteria, String parentAlias,
            String alias) {
        TableShape table = target.table();
        List<String> values = new ArrayList<>();
        target.appendColumns(alias, alias, values);
        List<String> order = relation.many() ? ownOrder(relation, table, alias, criteria)
                : List.of(alias + '.' + table.idColumn());
        Sql.Source from;
        List<Sql.Join> joins = List.of();
        String parentKey;
        if (criteria.page() != null) {
            from = Sql.Source.derived(rankedRows(relation, table, null, criteria), alias);
            parentKey = rankedParentKey(relation, alias);
        } else if (relation.selectsParentKeySeparately()) {
            String link = alias + "__link";
            from = Sql.Source.of(table.from(), alias);
            joins = List.of(SelectTree.associationJoin(relation, false, link, alias, true));
            parentKey = link + '.' + relation.joinColumn();
        } else {
            from = Sql.Source.of(table.from(), alias);
            parentKey = alias + '.' + relation.targetColumn();
        }
        List<String> conditions = new ArrayList<>();
        conditions.add(parentKey + " = " + parentAlias + '.' + relation.sourceColumn());
        String where = null;
        if (criteria.page() != null) {
            conditions.add(criteria.ranks(alias));
        } else if (criteria.where() != null) {
            where = SqlFragment.requalify(criteria.where(), table, alias);
        }
        return SqlPrinter.jsonArray(new Sql.Select(values, from, joins, new Sql.Conjunction(conditions, where), order,
                false));
    }

    /**
     * Where in a batched statement's rows the parent key is: the first column for an association table,
     * otherwise the target's own column that matches the parent.
     */
    public static int parentKeyIndex(RelationShape relation, TableShape target) {
        return selectsParentKeyFirst(relation, target) ? 0 : target.indexOf(relation.targetColumn());
    }

    /**
     * Whether a batched statement's rows hold each child's parent key before the target's columns: the association
     * table's column, or a foreign key the target's columns leave out (a view that does not name it selects only
     * what it names, and the key here).
     */
    private static boolean selectsParentKeyFirst(RelationShape relation, TableShape target) {
        return relation.selectsParentKeySeparately() || !target.columns().contains(relation.targetColumn());
    }

    /** Where in a batched statement's rows the target's columns start. */
    public static int targetOffset(RelationShape relation, TableShape target) {
        return selectsParentKeyFirst(relation, target) ? 1 : 0;
    }

    /**
     * The root rows of a paged plan: every root column, the caller's filter and order, the page; when
     * {@code ranked}, each row's rank in that order too ({@code lp_rank}), for a statement around it to keep the order
     * by.
     */
    static Sql.Select rootRows(TableShape root, RootShaping shaping, boolean ranked) {
        List<String> order = orderThenKey(shaping.orderBy(), root);
        List<String> columns = columns(root);
        if (ranked) {
            columns.add(SqlPrinter.rank(null, order));
        }
        return new Sql.Select(columns, Sql.Source.of(root.from()), List.of(),
                Sql.Conjunction.ofNullable(shaping.where()), shaping.paged() ? order : List.of(), shaping.paged());
    }

    /** {@code orderBy}, if any, then the primary key, which breaks ties, so pages and each parent's rows are stable. */
    private static List<String> orderThenKey(String orderBy, TableShape table) {
        List<String> order = new ArrayList<>();
        if (orderBy != null) {
            order.add(orderBy);
        }
        order.add(table.table() + '.' + table.idColumn());
        return order;
    }

    private static List<String> columns(TableShape table) {
        List<String> columns = new ArrayList<>(table.columns().size());
        for (String column : table.columns()) {
            columns.add(table.table() + '.' + column);
        }
        return columns;
    }
}
