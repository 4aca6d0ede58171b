package dev.loadplan.it.differential;

import dev.loadplan.it.differential.Domain.Form;
import dev.loadplan.it.differential.Domain.Link;
import dev.loadplan.it.differential.Domain.Relation;
import dev.loadplan.it.differential.Domain.Shape;
import dev.loadplan.it.differential.ViewDef.ViewColumn;
import dev.loadplan.it.differential.ViewDef.ViewRelation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The views of a generated domain, drawn at random: {@code V0} always (view plans start there), a view of each other
 * entity two times in three, each in any form, holding its id and a random subset of the entity's other columns
 * (sometimes renamed with {@code @Column}, an {@code int} sometimes read into a {@code long} or an {@code Integer})
 * and of its relationships, each holding the target's view where one exists and holding it makes no cycle of views,
 * else the target entity; a to-one as a plain reference or a {@code Ref}, whatever the entity declares.
 */
final class DomainViews {

    private DomainViews() {
    }

    static List<ViewDef> random(Domain domain, Random random) {
        boolean[] viewed = new boolean[domain.entities().size()];
        for (int entity = 0; entity < viewed.length; entity++) {
            viewed[entity] = entity == 0 || random.nextInt(3) > 0;
        }
        // The views one holds, as pairs {holder, held}: the processor refuses a view that leads back to itself, and
        // the entities' links form a tree, so a cycle of views would be two holding each other through one link.
        Set<List<Integer>> holding = new HashSet<>();
        List<ViewDef> views = new ArrayList<>();
        for (int entity = 0; entity < viewed.length; entity++) {
            if (viewed[entity]) {
                views.add(view(domain, entity, viewed, holding, random));
            }
        }
        return List.copyOf(views);
    }

    private static ViewDef view(Domain domain, int entity, boolean[] viewed, Set<List<Integer>> holding,
            Random random) {
        Form form = Form.values()[random.nextInt(Form.values().length)];
        List<ViewColumn> columns = columns(domain, entity, random);
        List<ViewRelation> relations = new ArrayList<>();
        List<Relation> declared = domain.relations(entity);
        for (Relation relation : declared) {
            // The root view holds most of its relationships, so that most view plans have links to follow.
            if (random.nextInt(4) < (entity == 0 ? 3 : 2)) {
                relations.add(relation(relation, entity, viewed, holding, random));
            }
        }
        if (entity == 0 && relations.isEmpty()) {
            relations.add(relation(declared.get(random.nextInt(declared.size())), entity, viewed, holding, random));
        }
        List<String> members = new ArrayList<>();
        columns.forEach(column -> members.add(column.field()));
        relations.forEach(relation -> members.add(relation.field()));
        Collections.shuffle(members, random);
        List<ViewRelation> inOrder = new ArrayList<>(relations);
        inOrder.sort((one, other) -> Integer.compare(members.indexOf(one.field()), members.indexOf(other.field())));
        return new ViewDef(entity, form, List.copyOf(columns), List.copyOf(inOrder), List.copyOf(members));
    }

    /** The id, then each other column half the time: those the entity maps as fields. */
    private static List<ViewColumn> columns(Domain domain, int entity, Random random) {
        List<ViewColumn> columns = new ArrayList<>();
        // A generic key is a Long in the entity, which only a Long holds; a long holds as a long or a Long.
        String idType = domain.entity(entity).genericKey() || random.nextInt(4) == 0 ? "Long" : "long";
        columns.add(column("id", "id", "key", idType, random));
        if (random.nextBoolean()) {
            columns.add(column("label", "label", "title", "String", random));
        }
        if (random.nextBoolean()) {
            columns.add(column("n", "n", "count", "Integer", random));
        }
        if (random.nextBoolean()) {
            String[] wider = {"int", "long", "Integer"};
            columns.add(column("weight", "weight", "heft", wider[random.nextInt(wider.length)], random));
        }
        for (Link link : domain.links()) {
            if (link.child() == entity && link.kind() == Domain.Kind.ONE_TO_MANY_BY_COLUMN && random.nextBoolean()) {
                columns.add(column(link.keyColumn(), "l" + link.id() + "Id", "parent" + link.id(), "Long", random));
            }
        }
        return columns;
    }

    /**
     * A column held in a field of the entity's name ({@code same}) or, one time in three, renamed ({@code other})
     * with {@code @Column}; one time in six the entity's name with {@code @Column} all the same.
     */
    private static ViewColumn column(String column, String same, String other, String type, Random random) {
        int draw = random.nextInt(6);
        return draw < 2 ? new ViewColumn(column, other, type, true)
                : new ViewColumn(column, same, type, draw == 2);
    }

    private static ViewRelation relation(Relation relation, int entity, boolean[] viewed,
            Set<List<Integer>> holding, Random random) {
        Shape shape = relation.many() ? Shape.LIST : random.nextBoolean() ? Shape.REF : Shape.PLAIN;
        int target = relation.target();
        boolean holdsView = viewed[target] && !holding.contains(List.of(target, entity)) && random.nextInt(3) > 0;
        if (holdsView) {
            holding.add(List.of(entity, target));
        }
        return new ViewRelation(relation, shape, holdsView);
    }
}
