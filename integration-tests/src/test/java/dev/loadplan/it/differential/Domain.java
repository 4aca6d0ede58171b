package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * One generated domain: five entities, each a class with fields, a class with accessors or a record, joined by four
 * relationships of random kinds, each declaring a random default (or none) on either side. E0 -> E1 -> E2 -> E3
 * is the path plans follow; E0 -> E4 is a sibling of E0 -> E1, so two collections can be joined side by side.
 * Its {@link Layout} says which schemas its tables live in, and fragments name tables with their schema where
 * {@code qualifiedWhere} says.
 *
 * @param qualifiedWhere whether {@code where} fragments name a table with its schema (and {@code orderBy} fragments
 *     without), or the other way round; no matter without schemas
 * @param views the domain's {@code @View}s, at most one per entity, {@code V0} (of {@code E0}, the root of view
 *     plans) among them; none until {@link #withViews} adds them
 */
record Domain(int index, List<EntityDef> entities, List<Link> links, Layout layout, boolean qualifiedWhere,
        List<ViewDef> views) {

    /** Where a domain's tables live: the schema dimension. */
    enum Layout {
        /** Every table unqualified, on the search path. */
        UNQUALIFIED,
        /** Every entity, and every association table with it, in schema {@code d<N>s}. */
        ONE_SCHEMA,
        /**
         * Entities spread over {@code d<N>s} and {@code d<N>t}, every many-to-many across the two: its association
         * table lives in the owning entity's schema (the parent's, whose side declares it first), which the other
         * side names with {@code joinTableSchema}.
         */
        TWO_SCHEMAS,
        /**
         * Entities spread as in {@link #TWO_SCHEMAS}, every association table in a third schema, {@code d<N>j},
         * which both sides name with {@code joinTableSchema}.
         */
        JOIN_TABLE_SCHEMA
    }

    /** How an entity's class is written. */
    enum Form {
        FIELDS,
        ACCESSORS,
        RECORD
    }

    /** How a side of a relationship holds what it points at. */
    enum Shape {
        LIST,
        REF,
        PLAIN
    }

    /** The kinds of relationship, as seen from the parent (the side a plan starts from). */
    enum Kind {
        /** Parent {@code List} by {@code mappedBy}; the child's to-one owns the foreign key. */
        ONE_TO_MANY,
        /** Parent {@code List} by {@code joinColumn}; the child maps the column, and may point back. */
        ONE_TO_MANY_BY_COLUMN,
        /** Parent to-one by {@code joinColumn}; the child may have the {@code List} of its parents. */
        MANY_TO_ONE,
        /** Parent to-one by a unique {@code joinColumn}; the child points back by {@code mappedBy}. */
        ONE_TO_ONE,
        /** Parent to-one by {@code mappedBy}; the child owns a unique foreign key. */
        ONE_TO_ONE_INVERSE,
        /** Both sides {@code List}s through an association table; the child's is optional. */
        MANY_TO_MANY;

        /** Whether the foreign key is in the child's table. */
        boolean keyInChild() {
            return this == ONE_TO_MANY || this == ONE_TO_MANY_BY_COLUMN || this == ONE_TO_ONE_INVERSE;
        }

        boolean forwardMany() {
            return this == ONE_TO_MANY || this == ONE_TO_MANY_BY_COLUMN || this == MANY_TO_MANY;
        }

        boolean inverseMany() {
            return this == MANY_TO_ONE || this == MANY_TO_MANY;
        }

        boolean inverseRequired() {
            return this == ONE_TO_MANY || this == ONE_TO_ONE || this == ONE_TO_ONE_INVERSE;
        }

        boolean unique() {
            return this == ONE_TO_ONE || this == ONE_TO_ONE_INVERSE;
        }
    }

    /** Where a class entity's members are declared: the superclass dimension. */
    enum Hierarchy {
        /** All in the entity. */
        NONE,
        /** The first members in an abstract {@code E<n>Base} of the entity's package. */
        SAME_PACKAGE,
        /** The first members in a public abstract {@code E<n>Base} of package {@code base}, reached by accessors. */
        OTHER_PACKAGE,
        /** The first members in {@code base.E<n>Top}, the next in {@code E<n>Mid} of the entity's package. */
        TWO_LEVELS
    }

    /**
     * An entity: its class's form, and its table's schema (null for none, on the search path).
     *
     * @param hierarchy where a class's members are declared; {@code NONE} for a record
     * @param inherited how many of its members, from the first ({@code id}), superclasses declare; of those, the
     *     first {@code top} the topmost under {@code TWO_LEVELS}
     * @param genericKey whether the superclass declaring {@code id} is generic, {@code <K>}, and the entity fixes it
     *     as {@code Long}
     */
    record EntityDef(int index, Form form, String schema, Hierarchy hierarchy, int inherited, int top,
            boolean genericKey) {

        String name() {
            return "E" + index;
        }
    }

    /**
     * One side of a relationship: the field, how it holds, its declared default (null for none), its order (null
     * for primary key order; for a {@code LIST} only).
     */
    record Side(String field, Shape shape, Strategy declared, String orderBy) {

        boolean canDefer() {
            return shape != Shape.PLAIN;
        }
    }

    /** A relationship between {@code parent} and {@code child}: the parent's side, and the child's (or null). */
    record Link(int id, int parent, int child, Kind kind, Side forward, Side inverse) {

        /** The foreign key column: in the child's table when {@link Kind#keyInChild()}, else in the parent's. */
        String keyColumn() {
            return "l" + id + "_id";
        }
    }

    /**
     * A relationship as one entity declares it: one side of a link, seen from {@code owner}.
     *
     * @param forward whether it is the parent's side
     */
    record Relation(Link link, boolean forward) {

        Side side() {
            return forward ? link.forward() : link.inverse();
        }

        String field() {
            return side().field();
        }

        int owner() {
            return forward ? link.parent() : link.child();
        }

        int target() {
            return forward ? link.child() : link.parent();
        }

        boolean many() {
            return side().shape() == Shape.LIST;
        }

        /** Whether the foreign key is in the target's table: one-to-many, or the inverse side of a one-to-one. */
        boolean keyInTarget() {
            return link.kind() != Kind.MANY_TO_MANY && (forward == link.kind().keyInChild());
        }

        boolean joinTable() {
            return link.kind() == Kind.MANY_TO_MANY;
        }

        /** The other side of the link, or null when it has none. */
        Relation other() {
            Relation other = new Relation(link, !forward);
            return other.side() == null ? null : other;
        }
    }

    String packageName() {
        return "diff.d" + index;
    }

    /** The entity's table, its name alone, as {@code @Entity(table = ...)} names it. */
    String table(int entity) {
        return "d" + index + "_e" + entity;
    }

    /** The entity's table as raw SQL names it: with its schema when it has one. */
    String from(int entity) {
        return qualified(entity(entity).schema(), table(entity));
    }

    /** The association table of a many-to-many, its name alone, as {@code joinTable} names it. */
    String joinTable(Link link) {
        return "d" + index + "_l" + link.id();
    }

    /**
     * The schema the association table of a many-to-many lives in (null for none): the owning entity's, the parent's,
     * whose side declares the association first, unless the layout puts it in a schema of its own.
     */
    String joinTableSchema(Link link) {
        return layout == Layout.JOIN_TABLE_SCHEMA ? "d" + index + "j" : entity(link.parent()).schema();
    }

    /** The association table as raw SQL names it: with its schema when it has one. */
    String joinTableFrom(Link link) {
        return qualified(joinTableSchema(link), joinTable(link));
    }

    /** The table a {@code where} fragment on the entity names: with its schema where the domain says so. */
    String whereTable(int entity) {
        return qualifiedWhere ? from(entity) : table(entity);
    }

    /** The table an {@code orderBy} fragment on the entity names: with its schema where {@code where}'s is not. */
    String orderTable(int entity) {
        return qualifiedWhere ? table(entity) : from(entity);
    }

    /** Every schema the domain's tables live in, to create before them. */
    Set<String> schemas() {
        Set<String> schemas = new LinkedHashSet<>();
        for (EntityDef entity : entities) {
            if (entity.schema() != null) {
                schemas.add(entity.schema());
            }
        }
        for (Link link : links) {
            if (link.kind() == Kind.MANY_TO_MANY && joinTableSchema(link) != null) {
                schemas.add(joinTableSchema(link));
            }
        }
        return schemas;
    }

    private static String qualified(String schema, String table) {
        return schema == null ? table : schema + '.' + table;
    }

    EntityDef entity(int index) {
        return entities.get(index);
    }

    /** This domain with {@code views}. */
    Domain withViews(List<ViewDef> views) {
        return new Domain(index, entities, links, layout, qualifiedWhere, List.copyOf(views));
    }

    /** The view of {@code entity}, or null when it has none. */
    ViewDef view(int entity) {
        return views.stream().filter(view -> view.entity() == entity).findFirst().orElse(null);
    }

    Link chain(int step) {
        return links.get(step);
    }

    Link sibling() {
        return links.get(3);
    }

    /** The relationships {@code entity} declares, in declaration order. */
    List<Relation> relations(int entity) {
        List<Relation> relations = new ArrayList<>();
        for (Link link : links) {
            if (link.parent() == entity) {
                relations.add(new Relation(link, true));
            }
            if (link.child() == entity && link.inverse() != null) {
                relations.add(new Relation(link, false));
            }
        }
        return relations;
    }

    Relation relation(int entity, String field) {
        return relations(entity).stream().filter(relation -> relation.field().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("E" + entity + " has no " + field));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("d" + index + " " + layout);
        if (layout != Layout.UNQUALIFIED) {
            out.append(qualifiedWhere ? " (where names schema.table)" : " (orderBy names schema.table)");
        }
        out.append(':');
        for (EntityDef entity : entities) {
            out.append(' ').append(entity.name()).append('=').append(entity.form().name().toLowerCase(Locale.ROOT));
            if (entity.schema() != null) {
                out.append(" in ").append(entity.schema());
            }
            if (entity.hierarchy() != Hierarchy.NONE) {
                out.append(" inheriting ").append(entity.inherited()).append(" members ")
                        .append(entity.hierarchy().name().toLowerCase(Locale.ROOT))
                        .append(entity.hierarchy() == Hierarchy.TWO_LEVELS ? " (" + entity.top() + " from the top)"
                                : "")
                        .append(entity.genericKey() ? ", key generic" : "");
            }
        }
        for (Link link : links) {
            out.append("; E").append(link.parent()).append('.').append(link.forward().field()).append(' ')
                    .append(link.kind()).append(' ').append(link.forward().shape()).append(" declared ")
                    .append(link.forward().declared());
            if (link.inverse() != null) {
                out.append(" / E").append(link.child()).append('.').append(link.inverse().field()).append(' ')
                        .append(link.inverse().shape()).append(" declared ").append(link.inverse().declared());
            }
            if (link.kind() == Kind.MANY_TO_MANY) {
                out.append(" via ").append(joinTableFrom(link));
            }
        }
        for (ViewDef view : views) {
            out.append("; ").append(view);
        }
        return out.toString();
    }

    /**
     * A domain of random forms, kinds and declared defaults, the same for the same {@code index} and seed; its layout
     * drawn from {@code layouts} and its superclasses from {@code hierarchies}, so that adding either dimension left
     * the rest of each seed's domains as it was.
     */
    static Domain random(int index, Random random, Random layouts, Random hierarchies) {
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            forms.add(Form.values()[random.nextInt(Form.values().length)]);
        }
        List<Link> links = new ArrayList<>();
        int[][] pairs = {{0, 1}, {1, 2}, {2, 3}, {0, 4}};
        Kind[] kinds = Kind.values();
        for (int id = 0; id < pairs.length; id++) {
            int parent = pairs[id][0];
            int child = pairs[id][1];
            Kind kind = kinds[random.nextInt(kinds.length)];
            Shape forwardShape = kind.forwardMany() ? Shape.LIST : random.nextBoolean() ? Shape.REF : Shape.PLAIN;
            Side forward = side(random, "e" + child + (kind.forwardMany() ? "s" : ""), forwardShape);
            Side inverse = null;
            if (kind.inverseRequired() || random.nextBoolean()) {
                Shape inverseShape = kind.inverseMany() ? Shape.LIST : random.nextBoolean() ? Shape.REF : Shape.PLAIN;
                inverse = side(random, "e" + parent + (kind.inverseMany() ? "s" : ""), inverseShape);
            }
            links.add(new Link(id, parent, child, kind, forward, inverse));
        }
        Layout layout = Layout.values()[layouts.nextInt(Layout.values().length)];
        String[] schemas = schemas(index, layout, links, layouts);
        List<EntityDef> entities = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Hierarchy hierarchy = forms.get(i) == Form.RECORD ? Hierarchy.NONE
                    : Hierarchy.values()[hierarchies.nextInt(Hierarchy.values().length)];
            // At least the key, and up to every member (the entity then declares none of its own).
            int members = DomainSources.memberCount(i, links);
            int inherited = hierarchy == Hierarchy.NONE ? 0 : 1 + hierarchies.nextInt(members);
            int top = hierarchy == Hierarchy.TWO_LEVELS ? 1 + hierarchies.nextInt(inherited) : inherited;
            boolean genericKey = hierarchy != Hierarchy.NONE && hierarchies.nextBoolean();
            entities.add(new EntityDef(i, forms.get(i), schemas[i], hierarchy, inherited, top, genericKey));
        }
        return new Domain(index, List.copyOf(entities), List.copyOf(links), layout, layouts.nextBoolean(), List.of());
    }

    /**
     * Each entity's schema under {@code layout}. Spread over two, the parent of each link (always placed before its
     * child) picks the child's: the other schema for a many-to-many, so its sides disagree on where they are, and
     * at random for the rest.
     */
    private static String[] schemas(int index, Layout layout, List<Link> links, Random layouts) {
        String[] schemas = new String[5];
        if (layout == Layout.UNQUALIFIED) {
            return schemas;
        }
        String one = "d" + index + "s";
        String two = "d" + index + "t";
        if (layout == Layout.ONE_SCHEMA) {
            Arrays.fill(schemas, one);
            return schemas;
        }
        schemas[0] = layouts.nextBoolean() ? one : two;
        for (Link link : links) {
            String parent = schemas[link.parent()];
            boolean across = link.kind() == Kind.MANY_TO_MANY || layouts.nextBoolean();
            schemas[link.child()] = across ? (parent.equals(one) ? two : one) : parent;
        }
        return schemas;
    }

    private static Side side(Random random, String field, Shape shape) {
        List<Strategy> declarable = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            if (shape != Shape.PLAIN || (strategy != Strategy.LAZY && strategy != Strategy.RAISE)) {
                declarable.add(strategy);
            }
        }
        // Half declare nothing, as most relationships do.
        Strategy declared = random.nextBoolean() ? null : declarable.get(random.nextInt(declarable.size()));
        String orderBy = null;
        if (shape == Shape.LIST) {
            orderBy = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> "label";
                default -> "label DESC";
            };
        }
        return new Side(field, shape, declared, orderBy);
    }
}
