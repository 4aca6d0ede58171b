package dev.loadplan.processor.scan;

import dev.loadplan.planner.LoadStrategy;

/** The attributes of a {@code @Relationship}, with {@code strategySet} telling an explicit strategy apart. */
public record RelationshipAttributes(
        String mappedBy,
        String joinColumn,
        String joinTable,
        String joinTableSchema,
        String inverseJoinColumn,
        String orderBy,
        LoadStrategy strategy,
        boolean strategySet,
        boolean innerJoin) {
}
