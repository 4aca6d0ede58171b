package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plan as data: the links it names, each with the plan below it, its wildcard, for the root, how its rows are
 * filtered and paged, and for a link's plan, how the link filters and orders what it loads. Generated drivers turn it
 * into the typed plan of their domain.
 *
 * @param wildcard the plan's {@code defaultStrategy}, or null
 * @param shaping how the root rows are filtered and paged, or null
 * @param criteria how a link's plan filters and orders its rows, or null
 */
public record PlanNode(List<Link> links, Strategy wildcard, Shaping shaping, Criteria criteria) {

    public static final PlanNode EMPTY = new PlanNode(List.of(), null, null, null);

    /**
     * A link the plan names: a relationship field, its strategy, and the plan below it. A null strategy is
     * {@code with<Field>(plan)}, which keeps the strategy the field has (SQLAlchemy's {@code defaultload}).
     */
    public record Link(String field, Strategy strategy, PlanNode target) {

        public boolean keepsStrategy() {
            return strategy == null;
        }
    }

    /** {@code where(where).bind(binds).orderBy(orderBy).limit(limit).offset(offset)} on the root. */
    public record Shaping(String where, Map<String, Object> binds, String orderBy, long limit, long offset) {
    }

    /**
     * {@code where("<table>.label <> :skip_e<n>").bind("skip_e<n>", skip).orderBy("<table>.label [DESC]")} on a
     * link's plan, and {@code .limit(limit)} when it is above 0: the link loads the children whose label is not
     * {@code skip}, by label, the first {@code limit} of each parent.
     */
    public record Criteria(String skip, boolean descending, int limit) {
    }

    public PlanNode with(String field, Strategy strategy, PlanNode target) {
        List<Link> next = new ArrayList<>(links);
        next.add(new Link(field, strategy, target));
        return new PlanNode(List.copyOf(next), wildcard, shaping, criteria);
    }

    public PlanNode withWildcard(Strategy strategy) {
        return new PlanNode(links, strategy, shaping, criteria);
    }

    public PlanNode shaped(Shaping rows) {
        return new PlanNode(links, wildcard, rows, criteria);
    }

    public PlanNode filtered(Criteria rows) {
        return new PlanNode(links, wildcard, shaping, rows);
    }

    /** This plan with its first link's plan filtered by {@code rows}; as it is when the first link loads nothing. */
    public PlanNode withFirstLinkFiltered(Criteria rows) {
        if (links.isEmpty() || links.get(0).target() == null) {
            return this;
        }
        List<Link> next = new ArrayList<>(links);
        Link first = next.get(0);
        next.set(0, new Link(first.field(), first.strategy(), first.target().filtered(rows)));
        return new PlanNode(List.copyOf(next), wildcard, shaping, criteria);
    }

    /** The link the plan has for {@code field} once every call is made, as {@link #effective()} says; or null. */
    public Link link(String field) {
        return effective().stream().filter(link -> link.field().equals(field)).findFirst().orElse(null);
    }

    /**
     * The plan's links once its calls are made in order, each field's last in place of those before it, at the
     * end: naming a field again replaces its link, and a link keeping the strategy keeps the one named before it,
     * with its own plan below.
     */
    public List<Link> effective() {
        List<Link> effective = new ArrayList<>();
        for (Link link : links) {
            Link before = effective.stream().filter(kept -> kept.field().equals(link.field())).findFirst()
                    .orElse(null);
            effective.remove(before);
            effective.add(link.keepsStrategy() && before != null && !before.keepsStrategy()
                    ? new Link(link.field(), before.strategy(), link.target()) : link);
        }
        return effective;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Link link : links) {
            out.append(out.length() == 0 ? "" : ", ").append(link.field()).append(' ')
                    .append(link.keepsStrategy() ? "kept" : link.strategy());
            if (link.target() != null && link.target().criteria() != null) {
                Criteria rows = link.target().criteria();
                out.append(" [label <> ").append(rows.skip()).append(rows.descending() ? ", DESC" : "")
                        .append(rows.limit() > 0 ? ", first " + rows.limit() + "]" : "]");
            }
            if (link.target() != null && (!link.target().links().isEmpty() || link.target().wildcard() != null)) {
                out.append(" (").append(link.target()).append(')');
            }
        }
        if (wildcard != null) {
            out.append(out.length() == 0 ? "" : ", ").append("* ").append(wildcard);
        }
        if (shaping != null) {
            out.append(out.length() == 0 ? "" : ", ").append("paged");
        }
        return out.length() == 0 ? "plain" : out.toString();
    }
}
