package dev.loadplan.it.differential;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The generated domains of one run, ready to load: compiled with the processor, their tables created and filled,
 * their rows read back, and the plans each is loaded with.
 */
public final class DifferentialCases {

    private final List<Case> domains;

    private DifferentialCases(List<Case> domains) {
        this.domains = domains;
    }

    /** {@code count} domains from {@code seed}: generated, compiled, and their tables created and filled. */
    public static DifferentialCases prepare(Jdbi jdbi, long seed, int count) {
        Random random = new Random(seed);
        // The schema dimension draws from a stream of its own, so the rest of each domain is what the seed made of it
        // before that dimension was added.
        Random layouts = new Random(~seed);
        // So does the superclass dimension, added after it.
        Random hierarchies = new Random(seed ^ 0x5EEDL);
        List<Domain> domains = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Domain domain = Domain.random(i, random, layouts, hierarchies);
            domains.add(domain);
            sources.putAll(DomainSources.of(domain));
        }
        Path folder = Path.of(System.getProperty("basedir", "."), "target", "differential");
        ClassLoader classes = GeneratedSources.compile(folder, sources);
        List<Case> cases = new ArrayList<>();
        jdbi.useHandle(handle -> {
            for (Domain domain : domains) {
                handle.createScript(DomainSources.ddl(domain)).execute();
                DomainData.fill(handle, domain, random);
                DomainAccess access = access(classes, domain);
                cases.add(new Case(domain, access, new Oracle(domain, DomainData.read(handle, domain)),
                        DomainPlans.of(domain, random)));
            }
        });
        return new DifferentialCases(List.copyOf(cases));
    }

    private static DomainAccess access(ClassLoader classes, Domain domain) {
        try {
            return (DomainAccess) Class.forName(domain.packageName() + ".Access", true, classes)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the driver of " + domain.packageName() + " did not load", e);
        }
    }

    public List<Case> domains() {
        return domains;
    }

    /** How many plans the run loads in all. */
    public int count() {
        return domains.stream().mapToInt(domain -> domain.plans().size()).sum();
    }

    /** A graph as text, and every row that came back as more than one object. */
    public record Rendered(List<String> graph, List<String> identityProblems) {
    }

    /** One generated domain: its driver, what it must load, and its plans. */
    public static final class Case {
        private final Domain domain;
        private final DomainAccess access;
        private final Oracle oracle;
        private final List<PlanNode> plans;

        Case(Domain domain, DomainAccess access, Oracle oracle, List<PlanNode> plans) {
            this.domain = domain;
            this.access = access;
            this.oracle = oracle;
            this.plans = List.copyOf(plans);
        }

        public List<PlanNode> plans() {
            return plans;
        }

        /** What the planner must say when it refuses the plan, or null when it must build it. */
        public String refusal(PlanNode plan) {
            return oracle.refusal(plan);
        }

        public List<?> load(Handle handle, PlanNode plan) {
            return access.load(handle, plan);
        }

        /** The graph loadplan built, read as a user reads it (lazy relationships load now, on the open handle). */
        public Rendered render(List<?> roots, PlanNode plan) {
            GraphRenderer renderer = new GraphRenderer(domain, access);
            return new Rendered(renderer.render(roots, oracle.root(plan)), renderer.problems());
        }

        /** The graph the plan must build, from the raw rows. */
        public List<String> expected(PlanNode plan) {
            return oracle.expected(plan);
        }

        /** The statements the load must run before anything is read; null where it depends on the path taken. */
        public Integer statementsAtLoad(PlanNode plan) {
            return oracle.statementsAtLoad(plan);
        }

        @Override
        public String toString() {
            return domain.toString();
        }
    }
}
