package dev.loadplan.planner.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes every statement a plan runs, one clause per line. The processor calls it to write the SQL constants of
 * generated loaders, and the runtime calls it for plans built at run time, so both always agree.
 */
public final class SqlComposer {

    /** Where a long SELECT list breaks, so the generated constants read well in an editor. */
    private static final int LINE_WIDTH = 90;

    private SqlComposer() {
    }

    /**
     * The statement that reads the plan's root rows and every relation joined to them. With paging and a joined
     * collection, the root rows are limited in a derived table named like the root table, so the limit counts
     * parents, not joined rows, and the caller's fragments still name the root table. Outside it, the derived table
     * has no schema, so the order repeated there names the root table by its name alone.
     */
    public static String root(SelectTree tree, RootShaping shaping) {
        TableShape root = tree.table();
        List<String> clauses = new ArrayList<>();
        clauses.add(selectList(tree.columnList(root.table())));
        boolean wrapRoot = shaping.paged() && tree.joinsCollection();
        if (wrapRoot) {
            clauses.add("FROM (" + rootRows(root, shaping) + ") AS " + root.table());
        } else {
            clauses.add("FROM " + root.from());
        }
        tree.appendJoins(root.table(), "", false, clauses);
        if (!wrapRoot && shaping.where() != null) {
            clauses.add("WHERE " + shaping.where());
        }
        String orderBy = wrapRoot && shaping.orderBy() != null
                ? SqlFragment.requalify(shaping.orderBy(), root, root.table()) : shaping.orderBy();
        clauses.add("ORDER BY " + String.join(", ", rootOrder(tree, orderBy)));
        if (!wrapRoot && shaping.paged()) {
            clauses.add(paging());
        }
        return String.join("\n", clauses);
    }


    /**
     * The caller's own statement with its {@code {columns}} replaced by the select list of {@code tree}: the root
     * table's columns under its table name, then each contained relation's under the alias the caller gave it.
     */
    public static String callerStatement(String sql, String placeholder, SelectTree tree) {
        return sql.replace(placeholder, selectList(tree.columnList(tree.table().table())).substring("SELECT ".length()));
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
        String rootOrder = (shaping.orderBy() == null ? "" : shaping.orderBy() + ", ") + table + '.' + root.idColumn();
        StringBuilder anchor = new StringBuilder("SELECT " + columns(root) + ", 0 AS lp_depth, row_number() OVER "
                + "(ORDER BY " + rootOrder + ") AS lp_rank FROM " + root.from());
        if (shaping.where() != null) {
            anchor.append(" WHERE ").append(shaping.where());
        }
        if (shaping.paged()) {
            anchor.append(" ORDER BY ").append(rootOrder).append(' ').append(paging());
        }
        List<String> clauses = new ArrayList<>();
        clauses.add("WITH RECURSIVE lp_tree AS (");
        clauses.add("(" + anchor + ")");
        clauses.add("UNION ALL");
        clauses.add("SELECT " + columns(root) + ", lp_tree.lp_depth + 1, 0 FROM " + root.from() + " JOIN lp_tree ON "
                + table + '.' + relation.targetColumn() + " = lp_tree." + relation.sourceColumn());
        clauses.add(") CYCLE " + root.idColumn() + " SET lp_cycle USING lp_path");
        List<String> columns = tree.columnList(table);
        columns.add(table + ".lp_depth");
        clauses.add(selectList(columns));
        clauses.add("FROM lp_tree AS " + table);
        tree.appendJoins(table, "", false, clauses);
        clauses.add("WHERE NOT " + table + ".lp_cycle");
        List<String> order = new ArrayList<>();
        order.add(table + ".lp_depth");
        order.add(table + ".lp_rank");
        SelectTree.appendUniqueOrder(relation.orderBy(), root, table, order);
        tree.appendJoinedOrder("", order);
        clauses.add("ORDER BY " + String.join(", ", order));
        return String.join("\n", clauses);
    }

    /**
     * The statement of a {@code SELECT_IN} link: the children of every parent at once, the parents' keys bound as
     * one array, so the statement is the same whatever the number of parents.
     */
    public static String selectIn(RelationShape relation, SelectTree target, Criteria criteria) {
        return children(relation, target, " = ANY(?)", criteria);
    }

    /** The statement of a {@code SUBQUERY} link: the children of the parents that {@code parentKeys} selects. */
    public static String subquery(RelationShape relation, SelectTree target, String parentKeys, Criteria criteria) {
        return children(relation, target, " IN (" + parentKeys + ")", criteria);
    }

    /** The statement of an {@code IMMEDIATE} or {@code LAZY} link: the children of one parent. */
    public static String perParent(RelationShape relation, SelectTree target, Criteria criteria) {
        return children(relation, target, " = ?", criteria);
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

    static String associationJoin(RelationShape relation, String alias) {
        return "JOIN " + relation.joinTableFrom() + " ON " + relation.joinTable() + '.' + relation.inverseJoinColumn()
                + " = " + alias + '.' + relation.targetColumn();
    }

    private static String children(RelationShape relation, SelectTree target, String keyCondition,
            Criteria criteria) {
        if (criteria.page() != null) {
            return pagedChildren(relation, target, keyCondition, criteria);
        }
        TableShape table = target.table();
        String alias = table.table();
        List<String> columns = target.columnList(alias);
        List<String> clauses = new ArrayList<>();
        String keyColumn = parentKeyColumn(relation, alias);
        if (relation.selectsParentKeySeparately()) {
            columns.add(0, keyColumn);
        }
        clauses.add(selectList(columns));
        clauses.add("FROM " + table.from());
        if (relation.selectsParentKeySeparately()) {
            clauses.add(associationJoin(relation, alias));
        }
        target.appendJoins(alias, "", false, clauses);
        clauses.add("WHERE " + keyColumn + keyCondition + (criteria.where() == null ? ""
                : " AND (" + criteria.where() + ")"));
        List<String> order = new ArrayList<>();
        if (relation.many()) {
            order.addAll(ownOrder(relation, table, alias, criteria));
        } else if (target.joinsCollection()) {
            order.add(alias + '.' + table.idColumn());
        }
        target.appendJoinedOrder("", order);
        if (!order.isEmpty()) {
            clauses.add("ORDER BY " + String.join(", ", order));
        }
        return String.join("\n", clauses);
    }

    /**
     * The statement of a link limited per parent: each child ranked among its parent's by the link's order in a
     * derived table named like the target table (so the caller's fragments and the joins below still name it), and
     * only the ranks of the page kept. One statement for every parent, as without the page.
     */
    private static String pagedChildren(RelationShape relation, SelectTree target, String keyCondition,
            Criteria criteria) {
        TableShape table = target.table();
        String alias = table.table();
        List<String> own = ownOrder(relation, table, alias, criteria);
        List<String> columns = target.columnList(alias);
        if (relation.selectsParentKeySeparately()) {
            columns.add(0, alias + ".lp_parent_key");
        }
        List<String> clauses = new ArrayList<>();
        clauses.add(selectList(columns));
        clauses.add("FROM " + rankedRows(relation, table, keyCondition, criteria));
        target.appendJoins(alias, "", false, clauses);
        clauses.add("WHERE " + criteria.ranks(alias));
        List<String> order = new ArrayList<>(own);
        target.appendJoinedOrder("", order);
        clauses.add("ORDER BY " + String.join(", ", order));
        return String.join("\n", clauses);
    }

    /**
     * The children of a link limited per parent, each ranked among its parent's ({@code lp_rank}), as a derived table
     * named like the target table; with an association table, each row's parent key is its {@code lp_parent_key}.
     * Which ranks to keep is for the statement around it ({@link Criteria#ranks}).
     */
    static String rankedRows(RelationShape relation, TableShape table, String keyCondition, Criteria criteria) {
        return rankedRows(relation, table, keyCondition, criteria, table.table());
    }

    /**
     * As {@link #rankedRows(RelationShape, TableShape, String, Criteria)}, named {@code name}; with no
     * {@code keyCondition} (null), the children of every parent, which a join then matches to its parent. For a page
     * of 20 parents this measured as fast as ranking each parent's children in a LATERAL join: PostgreSQL can push the
     * join's key into the ranking, which partitions by it.
     */
    static String rankedRows(RelationShape relation, TableShape table, String keyCondition, Criteria criteria,
            String name) {
        String alias = table.table();
        boolean separateKey = relation.selectsParentKeySeparately();
        String keyColumn = parentKeyColumn(relation, alias);
        StringBuilder ranked = new StringBuilder("(SELECT ").append(alias).append(".*");
        if (separateKey) {
            ranked.append(", ").append(keyColumn).append(" AS lp_parent_key");
        }
        ranked.append(", row_number() OVER (PARTITION BY ").append(keyColumn).append(" ORDER BY ")
                .append(String.join(", ", ownOrder(relation, table, alias, criteria))).append(") AS lp_rank FROM ")
                .append(table.from());
        if (separateKey) {
            ranked.append(' ').append(associationJoin(relation, alias));
        }
        List<String> conditions = new ArrayList<>();
        if (keyCondition != null) {
            conditions.add(keyColumn + keyCondition);
        }
        if (criteria.where() != null) {
            conditions.add("(" + criteria.where() + ")");
        }
        if (!conditions.isEmpty()) {
            ranked.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        return ranked.append(") AS ").append(name).toString();
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
        String from;
        String parentKey;
        List<String> conditions = new ArrayList<>();
        if (criteria.page() != null) {
            from = rankedRows(relation, table, null, criteria, alias);
            parentKey = alias + '.'
                    + (relation.selectsParentKeySeparately() ? "lp_parent_key" : relation.targetColumn());
        } else if (relation.selectsParentKeySeparately()) {
            String link = alias + "__link";
            from = table.from() + " AS " + alias + " JOIN " + relation.joinTableFrom() + " AS " + link + " ON " + link
                    + '.' + relation.inverseJoinColumn() + " = " + alias + '.' + relation.targetColumn();
            parentKey = link + '.' + relation.joinColumn();
        } else {
            from = table.from() + " AS " + alias;
            parentKey = alias + '.' + relation.targetColumn();
        }
        conditions.add(parentKey + " = " + parentAlias + '.' + relation.sourceColumn());
        if (criteria.page() != null) {
            conditions.add(criteria.ranks(alias));
        } else if (criteria.where() != null) {
            conditions.add("(" + SqlFragment.requalify(criteria.where(), table, alias) + ")");
        }
        String head = "(SELECT coalesce(json_agg(json_build_array(";
        return head + wrapped(values, "        ", head.length()) + ")\n        ORDER BY " + String.join(", ", order)
                + "), '[]')\n    FROM " + from + "\n    WHERE " + String.join(" AND ", conditions) + ")";
    }

    /**
     * Where in a batched statement's rows the parent key is: the first column for an association table,
     * otherwise the target's own column that matches the parent.
     */
    public static int parentKeyIndex(RelationShape relation, TableShape target) {
        return relation.selectsParentKeySeparately() ? 0 : target.indexOf(relation.targetColumn());
    }

    /** Where in a batched statement's rows the target's columns start. */
    public static int targetOffset(RelationShape relation) {
        return relation.selectsParentKeySeparately() ? 1 : 0;
    }

    private static List<String> rootOrder(SelectTree tree, String orderBy) {
        TableShape root = tree.table();
        List<String> order = new ArrayList<>();
        if (orderBy != null) {
            order.add(orderBy);
        }
        // The primary key breaks ties, so pages and the rows of each parent are stable.
        order.add(root.table() + '.' + root.idColumn());
        tree.appendJoinedOrder("", order);
        return order;
    }

    /** The root rows of a paged plan on one line: every root column, the caller's filter and order, the page. */
    static String rootRows(TableShape root, RootShaping shaping) {
        List<String> clauses = new ArrayList<>();
        clauses.add("SELECT " + columns(root));
        clauses.add("FROM " + root.from());
        if (shaping.where() != null) {
            clauses.add("WHERE " + shaping.where());
        }
        if (shaping.paged()) {
            clauses.add("ORDER BY " + (shaping.orderBy() == null ? "" : shaping.orderBy() + ", ")
                    + root.table() + '.' + root.idColumn());
            clauses.add(paging());
        }
        return oneLine(clauses);
    }

    /** The SELECT clause, continued on indented lines when it would run past {@code LINE_WIDTH}. */
    private static String selectList(List<String> columns) {
        return "SELECT " + wrapped(columns, "    ", "SELECT ".length());
    }

    /**
     * {@code items} separated by commas, a line continued on a new one starting with {@code indent} when it would run
     * past {@code LINE_WIDTH}; {@code used} characters of the first line are written already. An item of several lines
     * (a nested column) starts a line of its own, its lines indented as well.
     */
    private static String wrapped(List<String> items, String indent, int used) {
        StringBuilder out = new StringBuilder();
        int lineLength = used;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            int lastBreak = item.lastIndexOf('\n');
            if (i > 0) {
                out.append(',');
                lineLength++;
                if (lastBreak >= 0 || lineLength + 1 + item.length() > LINE_WIDTH) {
                    out.append('\n').append(indent);
                    lineLength = indent.length();
                } else {
                    out.append(' ');
                    lineLength++;
                }
            }
            if (lastBreak >= 0) {
                out.append(item.replace("\n", "\n" + indent));
                lineLength = indent.length() + item.length() - lastBreak - 1;
            } else {
                out.append(item);
                lineLength += item.length();
            }
        }
        return out.toString();
    }

    private static String paging() {
        return "LIMIT :" + RootShaping.LIMIT_PARAMETER + " OFFSET :" + RootShaping.OFFSET_PARAMETER;
    }

    private static String columns(TableShape table) {
        List<String> columns = new ArrayList<>(table.columns().size());
        for (String column : table.columns()) {
            columns.add(table.table() + '.' + column);
        }
        return String.join(", ", columns);
    }

    private static String oneLine(List<String> clauses) {
        return String.join(" ", clauses);
    }
}
