package dev.loadplan.processor.plan;

import dev.loadplan.Strategy;
import dev.loadplan.processor.model.RelationshipModel;

/**
 * One loader entry point, such as {@code withBooksSelectIn}: a relationship and the strategy that loads it.
 *
 * @param statements what it runs, in order and when, as Javadoc
 */
public record LoaderMethod(String name, RelationshipModel relationship, Strategy strategy, String statements) {
}
