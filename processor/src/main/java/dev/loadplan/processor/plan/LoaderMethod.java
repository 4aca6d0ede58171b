package dev.loadplan.processor.plan;

import dev.loadplan.Strategy;
import dev.loadplan.processor.model.RelationshipModel;

/**
 * One loader entry point, such as {@code withBooksSelectIn}: a relationship and the strategy that loads it.
 *
 * @param statements the names of the constants holding the statements it runs, in order
 */
public record LoaderMethod(String name, RelationshipModel relationship, Strategy strategy, String statements) {
}
