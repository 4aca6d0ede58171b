package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Domain.Relation;
import dev.loadplan.it.differential.Domain.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What rows of one entity's table are read into: the entity ({@code E<n>}) or its view ({@code V<n>}). The planner
 * tells them apart (an eager default stops at a mapping already on the path, a back-reference fills a field holding
 * the parent's own mapping), and so do the oracle and the renderer.
 */
record Mapping(int entity, boolean view) {

    static Mapping entity(int entity) {
        return new Mapping(entity, false);
    }

    static Mapping view(int entity) {
        return new Mapping(entity, true);
    }

    String name() {
        return (view ? "V" : "E") + entity;
    }

    /** Whether it is built as a record: a record cannot hold the record that holds it. */
    boolean isRecord(Domain domain) {
        return (view ? domain.view(entity).form() : domain.entity(entity).form()) == Domain.Form.RECORD;
    }

    /**
     * A relationship as this mapping holds it: the domain's relation, the side as the mapping declares it (a view's
     * shape and default are its own), the mapping its field holds, and whether every plan loads it (a view's).
     */
    record Held(Relation relation, Side side, Mapping target, boolean alwaysLoaded) {

        String field() {
            return relation.field();
        }

        boolean many() {
            return relation.many();
        }

        /**
         * Whether a plan can load it with {@code strategy}, which its loader then has a method for: a view's with
         * the parent, or on first read in a {@code Ref}; an entity's any way but lazily or raising in a plain field.
         */
        boolean fits(Strategy strategy) {
            if (alwaysLoaded) {
                return Oracle.eager(strategy) || strategy == Strategy.LAZY && side.shape() == Domain.Shape.REF;
            }
            return side.canDefer() || strategy != Strategy.LAZY && strategy != Strategy.RAISE;
        }

        /** The strategies its loader has methods for, in the enum's order. */
        List<Strategy> strategies() {
            return Stream.of(Strategy.values()).filter(this::fits).toList();
        }
    }

    /** The relationships the mapping holds, in declaration order. */
    List<Held> relations(Domain domain) {
        List<Held> held = new ArrayList<>();
        if (!view) {
            for (Relation relation : domain.relations(entity)) {
                held.add(new Held(relation, relation.side(), entity(relation.target()), false));
            }
            return held;
        }
        for (ViewDef.ViewRelation relation : domain.view(entity).relations()) {
            int target = relation.relation().target();
            held.add(new Held(relation.relation(), relation.side(),
                    relation.holdsView() ? view(target) : entity(target), true));
        }
        return held;
    }

    Held relation(Domain domain, String field) {
        return relations(domain).stream().filter(held -> held.field().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name() + " has no " + field));
    }

    @Override
    public String toString() {
        return name();
    }
}
