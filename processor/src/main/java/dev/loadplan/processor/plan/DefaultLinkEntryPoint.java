package dev.loadplan.processor.plan;

import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.processor.model.RelationshipModel;

/**
 * A loader's entry point that goes down a relationship without naming its strategy, as SQLAlchemy's
 * {@code defaultload}: {@code withBooks(BookLoader.Plan)}, whose link keeps the strategy it would have and whose
 * plan applies below it whenever it loads. It runs no constant of its own: its statements depend on the plan given.
 *
 * @param method its name, {@code withBooks}
 * @param atRoot the strategy {@code plain()} gives the relationship, declared defaults and the planner's fall-backs
 *     included: what the link of the static entry point keeps, unless a wildcard is added
 */
public record DefaultLinkEntryPoint(String method, RelationshipModel relationship, LoadStrategy atRoot) {
}
