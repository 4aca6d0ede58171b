package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Domain.Link;
import dev.loadplan.it.differential.Domain.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The plans each generated domain is loaded with: every strategy pair on the first two links of the path, a sample
 * of three-link paths and of sibling links (joined side by side among them), every wildcard, filtered pages, plans
 * that go back up a relationship, which records refuse, and plans going down a link that keeps its strategy
 * ({@code with<Field>(plan)}: declared, under a wildcard, named before or after it).
 */
final class DomainPlans {

    private DomainPlans() {
    }

    static List<PlanNode> of(Domain domain, Random random) {
        List<PlanNode> plans = new ArrayList<>();
        plans.add(PlanNode.EMPTY);
        for (Strategy wildcard : Strategy.values()) {
            plans.add(PlanNode.EMPTY.withWildcard(wildcard));
        }
        Link first = domain.chain(0);
        Link second = domain.chain(1);
        Link third = domain.chain(2);
        Link sibling = domain.sibling();
        for (Strategy one : strategies(first.forward())) {
            if (!Oracle.loads(one)) {
                plans.add(PlanNode.EMPTY.with(first.forward().field(), one, null));
                continue;
            }
            for (Strategy two : strategies(second.forward())) {
                plans.add(PlanNode.EMPTY.with(first.forward().field(), one, link(second.forward(), two, null)));
            }
        }
        for (int i = 0; i < 20; i++) {
            Strategy one = pick(random, loading(first.forward()));
            Strategy two = pick(random, loading(second.forward()));
            Strategy three = pick(random, strategies(third.forward()));
            plans.add(PlanNode.EMPTY.with(first.forward().field(), one,
                    link(second.forward(), two, link(third.forward(), three, null))));
        }
        for (int i = 0; i < 10; i++) {
            // The first is both collections (or references) joined side by side.
            Strategy one = i == 0 ? Strategy.JOINED : pick(random, strategies(first.forward()));
            Strategy four = i == 0 ? Strategy.JOINED : pick(random, strategies(sibling.forward()));
            plans.add(PlanNode.EMPTY.with(first.forward().field(), one, Oracle.loads(one) ? PlanNode.EMPTY : null)
                    .with(sibling.forward().field(), four, Oracle.loads(four) ? PlanNode.EMPTY : null));
        }
        List<PlanNode> paged = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String order = domain.orderTable(0) + ".label" + (random.nextBoolean() ? " DESC" : "");
            paged.add(plans.get(random.nextInt(plans.size())).shaped(new PlanNode.Shaping(
                    domain.whereTable(0) + ".label <> :skip", Map.of("skip", pick(random, List.of("a", "b", "c"))),
                    order, 2 + random.nextInt(2), random.nextInt(2))));
        }
        plans.addAll(paged);
        List<PlanNode> filtered = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // Every other one keeps the first child or two of each parent, where the link is a collection.
            int limit = first.forward().shape() == Domain.Shape.LIST && i % 2 == 1 ? 1 + random.nextInt(2) : 0;
            PlanNode.Criteria rows = new PlanNode.Criteria(pick(random, List.of("a", "b", "c")), random.nextBoolean(),
                    limit);
            PlanNode plan = plans.get(1 + random.nextInt(plans.size() - 1)).withFirstLinkFiltered(rows);
            if (plan.links().isEmpty() || plan.links().get(0).target() == null
                    || plan.links().get(0).target().criteria() == null) {
                // The first link loads nothing: filter a link every plan can, the first of the path, SELECT_IN.
                plan = PlanNode.EMPTY.with(first.forward().field(), Strategy.SELECT_IN, PlanNode.EMPTY.filtered(rows));
            }
            filtered.add(plan);
        }
        plans.addAll(filtered);
        if (first.inverse() != null) {
            for (int i = 0; i < 2; i++) {
                Strategy down = pick(random, List.of(Strategy.JOINED, Strategy.SELECT_IN, Strategy.SUBQUERY,
                        Strategy.IMMEDIATE));
                Strategy up = pick(random, eager(first.inverse()));
                plans.add(PlanNode.EMPTY.with(first.forward().field(), down,
                        PlanNode.EMPTY.with(first.inverse().field(), up, PlanNode.EMPTY)));
            }
        }
        plans.addAll(keepingStrategies(domain, new Random(KEPT ^ domain.index())));
        return plans;
    }

    /** Where the draws of {@link #keepingStrategies} start, apart from the run's, which they leave as they were. */
    private static final long KEPT = 0xDEFA_017L;

    /**
     * Plans whose links keep their strategy ({@code with<Field>(plan)}): the first link of the path, with each
     * strategy named below it; the same under every wildcard, set before or after it; a strategy named before it
     * (which it keeps) or after it (which replaces it); keeping the second link's below a named first; and going back
     * up below a kept first link, which records refuse where it is eager.
     */
    private static List<PlanNode> keepingStrategies(Domain domain, Random random) {
        Side first = domain.chain(0).forward();
        Side second = domain.chain(1).forward();
        Side third = domain.chain(2).forward();
        List<PlanNode> plans = new ArrayList<>();
        for (Strategy two : strategies(second)) {
            plans.add(PlanNode.EMPTY.with(first.field(), null, link(second, two, null)));
        }
        for (Strategy wildcard : Strategy.values()) {
            PlanNode kept = PlanNode.EMPTY.with(first.field(), null, link(second, pick(random, strategies(second)),
                    null));
            plans.add(random.nextBoolean() ? kept.withWildcard(wildcard)
                    : PlanNode.EMPTY.withWildcard(wildcard).with(first.field(), null, kept.links().get(0).target()));
        }
        for (int i = 0; i < 3; i++) {
            Strategy one = pick(random, strategies(first));
            PlanNode named = PlanNode.EMPTY.with(first.field(), one, link(second, pick(random, strategies(second)),
                    null));
            plans.add(named.with(first.field(), null, link(second, pick(random, strategies(second)), null)));
        }
        for (int i = 0; i < 2; i++) {
            Strategy one = pick(random, strategies(first));
            plans.add(PlanNode.EMPTY.with(first.field(), null, link(second, pick(random, strategies(second)), null))
                    .with(first.field(), one, Oracle.loads(one) ? PlanNode.EMPTY : null));
        }
        for (int i = 0; i < 4; i++) {
            Strategy one = pick(random, loading(first));
            plans.add(PlanNode.EMPTY.with(first.field(), one, PlanNode.EMPTY.with(second.field(), null,
                    link(third, pick(random, strategies(third)), null))));
        }
        Side back = domain.chain(0).inverse();
        if (back != null) {
            plans.add(PlanNode.EMPTY.with(first.field(), null,
                    PlanNode.EMPTY.with(back.field(), pick(random, eager(back)), PlanNode.EMPTY)));
        }
        return plans;
    }

    /** A link below which nothing is named: a plan for the target only where the strategy loads it. */
    private static PlanNode link(Side side, Strategy strategy, PlanNode below) {
        return PlanNode.EMPTY.with(side.field(), strategy,
                Oracle.loads(strategy) ? below == null ? PlanNode.EMPTY : below : null);
    }

    /** The strategies a side has loader methods for: a plain reference is never LAZY nor RAISE. */
    static List<Strategy> strategies(Side side) {
        return List.of(Strategy.values()).stream().filter(strategy -> side.canDefer()
                || (strategy != Strategy.LAZY && strategy != Strategy.RAISE)).toList();
    }

    private static List<Strategy> loading(Side side) {
        return strategies(side).stream().filter(Oracle::loads).toList();
    }

    private static List<Strategy> eager(Side side) {
        return strategies(side).stream().filter(Oracle::eager).toList();
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
