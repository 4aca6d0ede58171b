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
 * their rows read back, and the plans each is loaded with, of its root entity and of its root view.
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
        // So do the views, and their plans, added after both.
        Random views = new Random(seed ^ 0x71E35L);
        Random viewPlans = new Random(seed ^ 0x71E35_0A7L);
        List<Domain> domains = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Domain entities = Domain.random(i, random, layouts, hierarchies);
            Domain domain = entities.withViews(DomainViews.random(entities, views));
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
                List<Load> loads = new ArrayList<>();
                DomainPlans.of(domain, random).forEach(plan -> loads.add(new Load(false, plan)));
                ViewPlans.of(domain, viewPlans).forEach(plan -> loads.add(new Load(true, plan)));
                cases.add(new Case(domain, access, new Oracle(domain, DomainData.read(handle, domain)), loads));
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
        return domains.stream().mapToInt(domain -> domain.loads().size()).sum();
    }

    /** How many of them load views. */
    public int viewCount() {
        return (int) domains.stream().flatMap(domain -> domain.loads().stream()).filter(Load::view).count();
    }

    /** A graph as text, and every row that came back as more than one object. */
    public record Rendered(List<String> graph, List<String> identityProblems) {
    }

    /** A plan of the domain's root entity, {@code E0}, or of its root view, {@code V0}. */
    public record Load(boolean view, PlanNode plan) {

        Mapping root() {
            return view ? Mapping.view(0) : Mapping.entity(0);
        }

        @Override
        public String toString() {
            return view ? "V0 " + plan : plan.toString();
        }
    }

    /** One generated domain: its driver, what it must load, and its plans. */
    public static final class Case {
        private final Domain domain;
        private final DomainAccess access;
        private final Oracle oracle;
        private final List<Load> loads;

        Case(Domain domain, DomainAccess access, Oracle oracle, List<Load> loads) {
            this.domain = domain;
            this.access = access;
            this.oracle = oracle;
            this.loads = List.copyOf(loads);
        }

        public List<Load> loads() {
            return loads;
        }

        /** What the planner must say when it refuses the plan, or null when it must build it. */
        public String refusal(Load load) {
            return oracle.refusal(load.root(), load.plan());
        }

        public List<?> load(Handle handle, Load load) {
            return load.view() ? access.loadView(handle, load.plan()) : access.load(handle, load.plan());
        }

        /** The graph loadplan built, read as a user reads it (lazy relationships load now, on the open handle). */
        public Rendered render(List<?> roots, Load load) {
            GraphRenderer renderer = new GraphRenderer(domain, access, oracle.shared(load.root(), load.plan()));
            return new Rendered(renderer.render(roots, oracle.root(load.root(), load.plan())), renderer.problems());
        }

        /** The graph the plan must build, from the raw rows. */
        public List<String> expected(Load load) {
            return oracle.expected(load.root(), load.plan());
        }

        /**
         * Whether the load may fail with a cycle of records that each of its places alone would not make: records it
         * reads at two places ({@link SharedMappings}).
         */
        public boolean mayHoldRecordsBothWays(Load load) {
            return oracle.shared(load.root(), load.plan()).stream().anyMatch(mapping -> mapping.isRecord(domain));
        }

        /** The statements the load must run before anything is read; null where it depends on the path taken. */
        public Integer statementsAtLoad(Load load) {
            return oracle.statementsAtLoad(load.root(), load.plan());
        }

        /**
         * The columns {@code statements}, run by a view load, name that a view of it leaves out; none for an entity
         * load.
         */
        public List<String> columnsLeftOut(Load load, List<String> statements) {
            if (!load.view()) {
                return List.of();
            }
            return new ViewColumns(domain, oracle.root(load.root(), load.plan()), load.plan().shaping() != null)
                    .problems(statements);
        }

        @Override
        public String toString() {
            return domain.toString();
        }
    }
}
