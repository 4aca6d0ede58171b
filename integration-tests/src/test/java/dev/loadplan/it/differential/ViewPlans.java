package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Mapping.Held;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The plans each generated domain's root view, {@code V0}, is loaded with, as {@link DomainPlans} draws the entity
 * plans: its declared defaults; every wildcard that loads with the parent, and those that would leave a relationship
 * unloaded, which are refused; each relationship with every strategy it fits; every strategy of a path's first link
 * over a sample of the second's (into a view or an entity); a sample of three-link paths, of siblings, of wildcards
 * on sub-plans, of filtered pages and links, of links keeping their strategy, and of plans going back up from the
 * held entity or view.
 */
final class ViewPlans {

    private ViewPlans() {
    }

    static List<PlanNode> of(Domain domain, Random random) {
        List<Held> relations = Mapping.view(0).relations(domain);
        List<PlanNode> plans = new ArrayList<>();
        plans.add(PlanNode.EMPTY);
        eager().forEach(wildcard -> plans.add(PlanNode.EMPTY.withWildcard(wildcard)));
        // V0 always holds a relationship, which these would leave unloaded.
        plans.add(PlanNode.EMPTY.withWildcard(Strategy.RAISE));
        plans.add(PlanNode.EMPTY.withWildcard(Strategy.NO_LOAD));
        for (Held relation : relations) {
            for (Strategy strategy : relation.strategies()) {
                plans.add(PlanNode.EMPTY.with(relation.field(), strategy, PlanNode.EMPTY));
            }
        }
        Held path = relations.stream().filter(relation -> !below(domain, relation).isEmpty()).findFirst()
                .orElse(null);
        if (path != null) {
            // Every strategy of the first link, each over three of the second's: the links above already have each
            // strategy alone, and the full product would cost the run a third more time for little.
            Held second = pick(random, below(domain, path));
            for (Strategy one : path.strategies()) {
                List<Strategy> twos = new ArrayList<>(second.strategies());
                Collections.shuffle(twos, random);
                for (Strategy two : twos.subList(0, Math.min(3, twos.size()))) {
                    plans.add(PlanNode.EMPTY.with(path.field(), one, link(second, two, null)));
                }
            }
        }
        for (int i = 0; i < 10; i++) {
            plans.add(walk(domain, pick(random, relations), 3, random));
        }
        if (relations.size() > 1) {
            for (int i = 0; i < 6; i++) {
                // The first is both relationships joined side by side.
                Held one = relations.get(i % 2);
                Held other = relations.get(1 - i % 2);
                plans.add(PlanNode.EMPTY
                        .with(one.field(), i == 0 ? Strategy.JOINED : pick(random, one.strategies()), PlanNode.EMPTY)
                        .with(other.field(), i == 0 ? Strategy.JOINED : pick(random, other.strategies()),
                                PlanNode.EMPTY));
            }
        }
        for (int i = 0; i < 4; i++) {
            // What a view holds may have a wildcard of its own: one that loads with the parent below a view, any
            // below an entity, whose relationships it may leave unloaded.
            Held relation = pick(random, relations);
            List<Strategy> wildcards = relation.target().view() ? eager() : List.of(Strategy.values());
            plans.add(PlanNode.EMPTY.with(relation.field(), pick(random, relation.strategies()),
                    PlanNode.EMPTY.withWildcard(pick(random, wildcards))));
        }
        plans.addAll(keepingStrategies(domain, relations, random));
        plans.addAll(goingBackUp(domain, relations, random));
        List<PlanNode> drawn = List.copyOf(plans);
        // Ordered by label whether the view holds it or not: a page's order may name any column of the table.
        for (int i = 0; i < 5; i++) {
            String order = domain.orderTable(0) + ".label" + (random.nextBoolean() ? " DESC" : "");
            plans.add(pick(random, drawn).shaped(new PlanNode.Shaping(domain.whereTable(0) + ".label <> :skip",
                    Map.of("skip", pick(random, List.of("a", "b", "c"))), order, 2 + random.nextInt(2),
                    random.nextInt(2))));
        }
        for (int i = 0; i < 6; i++) {
            PlanNode plan = pick(random, drawn);
            if (plan.links().isEmpty() || plan.wildcard() != null && !Oracle.eager(plan.wildcard())) {
                plan = PlanNode.EMPTY.with(pick(random, relations).field(), Strategy.SELECT_IN, PlanNode.EMPTY);
            }
            // Every other one keeps the first child or two of each parent, where the link is a collection.
            boolean many = Mapping.view(0).relation(domain, plan.links().get(0).field()).many();
            int limit = many && i % 2 == 1 ? 1 + random.nextInt(2) : 0;
            plans.add(plan.withFirstLinkFiltered(new PlanNode.Criteria(pick(random, List.of("a", "b", "c")),
                    random.nextBoolean(), limit)));
        }
        return plans;
    }

    /**
     * A path of up to {@code links} links down from {@code relation}, each with a strategy it fits: one that loads
     * where the path goes on, any for the last.
     */
    private static PlanNode walk(Domain domain, Held relation, int links, Random random) {
        List<Held> next = below(domain, relation);
        if (links == 1 || next.isEmpty()) {
            return link(relation, pick(random, relation.strategies()), null);
        }
        return PlanNode.EMPTY.with(relation.field(), pick(random, loading(relation)),
                walk(domain, pick(random, next), links - 1, random));
    }

    /**
     * Plans whose links keep their strategy ({@code with<Field>(plan)}): a view's relationship then loads by its
     * default or the wildcard in force, set before or after it.
     */
    private static List<PlanNode> keepingStrategies(Domain domain, List<Held> relations, Random random) {
        List<PlanNode> plans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Held relation = pick(random, relations);
            List<Held> next = below(domain, relation);
            PlanNode target = PlanNode.EMPTY;
            if (!next.isEmpty()) {
                Held second = pick(random, next);
                target = link(second, pick(random, second.strategies()), null);
            }
            PlanNode kept = PlanNode.EMPTY.with(relation.field(), null, target);
            plans.add(switch (i) {
                case 0, 1 -> kept;
                case 2 -> kept.withWildcard(pick(random, eager()));
                default -> PlanNode.EMPTY.withWildcard(pick(random, eager())).with(relation.field(), null, target);
            });
        }
        return plans;
    }

    /** Plans that load, below a relationship of the root view, the other side back, with the parent. */
    private static List<PlanNode> goingBackUp(Domain domain, List<Held> relations, Random random) {
        List<PlanNode> plans = new ArrayList<>();
        for (Held relation : relations) {
            Held back = below(domain, relation).stream()
                    .filter(held -> held.relation().link().equals(relation.relation().link())).findFirst()
                    .orElse(null);
            if (back != null) {
                plans.add(PlanNode.EMPTY.with(relation.field(), pick(random, relation.strategies()),
                        PlanNode.EMPTY.with(back.field(), pick(random, eager(back)), PlanNode.EMPTY)));
            }
        }
        return plans;
    }

    /** A link below which nothing is named: a plan for the target only where the strategy loads it. */
    private static PlanNode link(Held relation, Strategy strategy, PlanNode below) {
        return PlanNode.EMPTY.with(relation.field(), strategy,
                Oracle.loads(strategy) ? below == null ? PlanNode.EMPTY : below : null);
    }

    /** The relationships of what {@code relation} holds. */
    private static List<Held> below(Domain domain, Held relation) {
        return relation.target().relations(domain);
    }

    private static List<Strategy> eager() {
        return Stream.of(Strategy.values()).filter(Oracle::eager).toList();
    }

    private static List<Strategy> eager(Held relation) {
        return relation.strategies().stream().filter(Oracle::eager).toList();
    }

    private static List<Strategy> loading(Held relation) {
        return relation.strategies().stream().filter(Oracle::loads).toList();
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
