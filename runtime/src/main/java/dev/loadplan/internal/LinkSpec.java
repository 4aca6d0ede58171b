package dev.loadplan.internal;

import dev.loadplan.Strategy;

/**
 * One link of a plan: a relationship, the strategy that loads it, and what to load below it.
 *
 * @param target the plan for the relationship's entities; never null (an empty plan loads nothing below)
 */
public record LinkSpec<P, C>(Relation<P, C> relation, Strategy strategy, PlanSpec<C> target) {
}
