package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plan as data: the links it names, each with the plan below it, its wildcard, and for the root, how its rows
 * are filtered and paged. Generated drivers turn it into the typed plan of their domain.
 *
 * @param wildcard the plan's {@code defaultStrategy}, or null
 * @param shaping how the root rows are filtered and paged, or null
 */
public record PlanNode(List<Link> links, Strategy wildcard, Shaping shaping) {

    public static final PlanNode EMPTY = new PlanNode(List.of(), null, null);

    /** A link the plan names: a relationship field, its strategy, and the plan below it. */
    public record Link(String field, Strategy strategy, PlanNode target) {
    }

    /** {@code where(where).bind(binds).orderBy(orderBy).limit(limit).offset(offset)} on the root. */
    public record Shaping(String where, Map<String, Object> binds, String orderBy, long limit, long offset) {
    }

    public PlanNode with(String field, Strategy strategy, PlanNode target) {
        List<Link> next = new ArrayList<>(links);
        next.add(new Link(field, strategy, target));
        return new PlanNode(List.copyOf(next), wildcard, shaping);
    }

    public PlanNode withWildcard(Strategy strategy) {
        return new PlanNode(links, strategy, shaping);
    }

    public PlanNode shaped(Shaping rows) {
        return new PlanNode(links, wildcard, rows);
    }

    public Link link(String field) {
        return links.stream().filter(link -> link.field().equals(field)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Link link : links) {
            out.append(out.length() == 0 ? "" : ", ").append(link.field()).append(' ').append(link.strategy());
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
