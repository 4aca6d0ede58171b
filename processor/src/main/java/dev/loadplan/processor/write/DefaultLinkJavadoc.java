package dev.loadplan.processor.write;

import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.GeneratedNames;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.plan.DefaultLinkEntryPoint;

/**
 * What the Javadoc of {@code withBooks(BookLoader.Plan books)} says, on the loader and on its plan: which strategy
 * the link keeps, named as the declaration has it, and that the plan given applies below it whenever it loads.
 */
final class DefaultLinkJavadoc {

    private DefaultLinkJavadoc() {
    }

    /** The static entry point's: the link keeps what {@code plain()} gives the relationship. */
    static String ofEntryPoint(EntityModel entity, DefaultLinkEntryPoint entryPoint) {
        RelationshipModel relationship = entryPoint.relationship();
        LoadStrategy strategy = entryPoint.atRoot();
        String field = relationship.field();
        String when = strategy == LoadStrategy.LAZY ? " (when first read, here)"
                : strategy.loads() ? "" : " (" + strategy + " loads none)";
        return "Loads {@code " + entity.table().table() + "} with {@code " + entity.simpleName() + "." + field
                + "} loaded as {@link #plain()} loads it, " + strategy + ": " + why(entity, relationship, strategy)
                + ". Below each of the " + field + ", whenever they load" + when + ", what the {@code " + field
                + "} plan loads: SQLAlchemy's {@code defaultload}. A {@code defaultStrategy} on the plan changes how "
                + "{@code " + field + "} loads; naming how, as {@code "
                + GeneratedNames.entryPoint(relationship, LoadStrategy.SELECT_IN) + "(" + field + ")} does, replaces "
                + "this link.";
    }

    /** The plan's method: the link keeps the strategy it has where the plan is used. */
    static String ofPlanMethod(EntityModel entity, RelationshipModel relationship) {
        String field = relationship.field();
        LoadStrategy declared = relationship.declaredStrategy();
        String fallBacks = relationship.alwaysLoaded()
                ? ". A view's relationship is always loaded: a {@code defaultStrategy} that would leave it unloaded, or "
                        + "load it on read where its field is no Ref, is refused"
                : relationship.form().canDefer()
                ? ". An eager one is not followed into an entity already on the path, where it is RAISE"
                : ". A plain reference, it is NO_LOAD where that would be LAZY or RAISE, or eager into an entity "
                        + "already on the path";
        return "This plan going down {@code " + entity.simpleName() + "." + field + "} without naming how it loads: "
                + "below each of the " + field + ", whenever they load (on first read too), what the {@code " + field
                + "} plan loads. {@code " + field + "} keeps the strategy it has: the one this plan names for it, "
                + "whose plan the one given replaces; else the {@code defaultStrategy} in force; else its declared "
                + "default, " + declared + fallBacks + ". SQLAlchemy's {@code defaultload}.";
    }

    /** Why {@code plain()} gives {@code relationship} {@code strategy}: its declaration, or a fall-back of it. */
    private static String why(EntityModel entity, RelationshipModel relationship, LoadStrategy strategy) {
        LoadStrategy declared = relationship.declaredStrategy();
        if (relationship.alwaysLoaded()) {
            return strategy == declared && declared != LoadStrategy.SELECT_IN ? "its declared default"
                    : "as a view loads each relationship it holds: its entity's declared default when that loads with "
                            + "the parent, else SELECT_IN";
        }
        if (strategy == declared) {
            return "its declared default";
        }
        if (!declared.fits(relationship.form().canDefer())) {
            return "its declared default, " + declared + ", which a plain reference reads as absent";
        }
        return "its declared default, " + declared + ", is eager, and not followed into {@code "
                + entity.simpleName() + "}, already on the path";
    }
}
