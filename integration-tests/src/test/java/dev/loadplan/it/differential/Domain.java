package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One generated domain: five entities, each a class with fields, a class with accessors or a record, joined by four
 * relationships of random kinds, each declaring a random default (or none) on either side. E0 -> E1 -> E2 -> E3
 * is the path plans follow; E0 -> E4 is a sibling of E0 -> E1, so two collections can be joined side by side.
 */
record Domain(int index, List<EntityDef> entities, List<Link> links) {

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

    record EntityDef(int index, Form form) {

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

    String table(int entity) {
        return "d" + index + "_e" + entity;
    }

    String joinTable(Link link) {
        return "d" + index + "_l" + link.id();
    }

    EntityDef entity(int index) {
        return entities.get(index);
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
        StringBuilder out = new StringBuilder("d" + index + ":");
        for (EntityDef entity : entities) {
            out.append(' ').append(entity.name()).append('=').append(entity.form().name().toLowerCase(Locale.ROOT));
        }
        for (Link link : links) {
            out.append("; E").append(link.parent()).append('.').append(link.forward().field()).append(' ')
                    .append(link.kind()).append(' ').append(link.forward().shape()).append(" declared ")
                    .append(link.forward().declared());
            if (link.inverse() != null) {
                out.append(" / E").append(link.child()).append('.').append(link.inverse().field()).append(' ')
                        .append(link.inverse().shape()).append(" declared ").append(link.inverse().declared());
            }
        }
        return out.toString();
    }

    /** A domain of random forms, kinds and declared defaults, the same for the same {@code index} and seed. */
    static Domain random(int index, Random random) {
        List<EntityDef> entities = new ArrayList<>();
        Form[] forms = Form.values();
        for (int i = 0; i < 5; i++) {
            entities.add(new EntityDef(i, forms[random.nextInt(forms.length)]));
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
        return new Domain(index, List.copyOf(entities), List.copyOf(links));
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
