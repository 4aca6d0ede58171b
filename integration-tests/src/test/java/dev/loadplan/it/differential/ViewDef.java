package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Domain.Form;
import dev.loadplan.it.differential.Domain.Relation;
import dev.loadplan.it.differential.Domain.Shape;
import dev.loadplan.it.differential.Domain.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code @View} of one entity, {@code V<n>} of {@code E<n>}: its form, the columns it holds (its id always) and the
 * relationships, each holding the target entity or its view, in declaration order ({@code members}).
 *
 * @param members the names of its fields in declaration order, columns and relationships mixed
 */
record ViewDef(int entity, Form form, List<ViewColumn> columns, List<ViewRelation> relations, List<String> members) {

    /** The columns an entity's table has that a view may hold or leave out: every one but the id and the keys. */
    static final List<String> VALUE_COLUMNS = List.of("label", "n", "weight");

    /**
     * A column the view holds: the entity's column {@code column}, in the view's field {@code field} of type
     * {@code type}, named by {@code @Column} when {@code annotated} (the field then needs not have the entity's name).
     */
    record ViewColumn(String column, String field, String type, boolean annotated) {
    }

    /**
     * One of the entity's relationships as the view holds it: a {@code List}, or for a to-one a plain reference or a
     * {@code Ref} whatever the entity declares; of the target's view when {@code holdsView}, else of the entity.
     */
    record ViewRelation(Relation relation, Shape shape, boolean holdsView) {

        String field() {
            return relation.field();
        }

        /**
         * The relationship's side as the view has it: its own shape, and what a plan that does not name it loads it
         * with: the entity's declared default where that loads with the parent, else SELECT_IN.
         */
        Side side() {
            Side declared = relation.side();
            Strategy strategy = declared.declared() != null && Oracle.eager(declared.declared()) ? declared.declared()
                    : Strategy.SELECT_IN;
            return new Side(declared.field(), shape, strategy, declared.orderBy());
        }
    }

    String name() {
        return "V" + entity;
    }

    /** The view's field holding {@code column}, or null when it does not hold it. */
    ViewColumn column(String column) {
        return columns.stream().filter(held -> held.column().equals(column)).findFirst().orElse(null);
    }

    /** The value columns of the entity's table the view leaves out, which its statements must not name. */
    List<String> leftOut() {
        List<String> out = new ArrayList<>();
        for (String column : VALUE_COLUMNS) {
            if (column(column) == null) {
                out.add(column);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        List<String> fields = new ArrayList<>();
        for (String member : members) {
            ViewColumn column = columns.stream().filter(held -> held.field().equals(member)).findFirst()
                    .orElse(null);
            if (column != null) {
                fields.add((column.annotated() ? "@Column(" + column.column() + ") " : "") + column.type() + " "
                        + column.field());
                continue;
            }
            ViewRelation relation = relations.stream().filter(held -> held.field().equals(member)).findFirst()
                    .orElseThrow();
            String target = (relation.holdsView() ? "V" : "E") + relation.relation().target();
            fields.add(switch (relation.shape()) {
                case LIST -> "List<" + target + ">";
                case REF -> "Ref<" + target + ">";
                case PLAIN -> target;
            } + " " + member);
        }
        return name() + "=" + form.name().toLowerCase(Locale.ROOT) + " view(" + String.join(", ", fields) + ")";
    }
}
