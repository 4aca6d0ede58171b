package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Domain.EntityDef;
import dev.loadplan.it.differential.Domain.Form;
import dev.loadplan.it.differential.Domain.Link;
import dev.loadplan.it.differential.Domain.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Java sources of a generated domain, as a user would write them: each entity in its form, and the driver
 * that builds typed plans with the generated loaders and reads entities back.
 */
final class DomainSources {

    private DomainSources() {
    }

    /**
     * Source text by qualified class name: the five entities, the superclasses they extend, and {@code Access}, the
     * driver.
     */
    static Map<String, String> of(Domain domain) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (EntityDef entity : domain.entities()) {
            entity(domain, entity, sources);
        }
        sources.put(domain.packageName() + ".Access", driver(domain));
        return sources;
    }

    private static String header(String packageName) {
        String domainPackage = packageName.endsWith(".base") ? packageName.substring(0, packageName.length() - 5)
                : null;
        return "package " + packageName + ";\n\n"
                + (domainPackage == null ? "" : "import " + domainPackage + ".*;\n")
                + "import dev.loadplan.Ref;\n"
                + "import dev.loadplan.Strategy;\n"
                + "import dev.loadplan.annotations.Column;\n"
                + "import dev.loadplan.annotations.Entity;\n"
                + "import dev.loadplan.annotations.Id;\n"
                + "import dev.loadplan.annotations.Relationship;\n"
                + "import java.util.List;\n\n";
    }

    /** A member of an entity: its annotations, type and name. */
    private record Member(String annotations, String type, String name) {
    }

    /** How many members {@link #members} gives entity {@code entity}, before the domain that holds it is made. */
    static int memberCount(int entity, List<Link> links) {
        int count = 3;
        for (Link link : links) {
            if (link.child() == entity && link.kind() == Domain.Kind.ONE_TO_MANY_BY_COLUMN) {
                count++;
            }
            if (link.parent() == entity) {
                count++;
            }
            if (link.child() == entity && link.inverse() != null) {
                count++;
            }
        }
        return count;
    }

    /** The members of an entity in declaration order: key, columns, the foreign keys it maps, relationships. */
    private static List<Member> members(Domain domain, EntityDef entity) {
        List<Member> members = new ArrayList<>();
        members.add(new Member("@Id", entity.genericKey() ? "K" : "long", "id"));
        members.add(new Member("", "String", "label"));
        members.add(new Member("", "Integer", "n"));
        for (Link link : domain.links()) {
            if (link.child() == entity.index() && link.kind() == Domain.Kind.ONE_TO_MANY_BY_COLUMN) {
                // A one-to-many by joinColumn matches children to parents by a column the child maps.
                members.add(new Member("@Column(\"" + link.keyColumn() + "\")", "Long", "l" + link.id() + "Id"));
            }
        }
        for (Relation relation : domain.relations(entity.index())) {
            members.add(new Member(relationship(domain, relation), type(relation), relation.field()));
        }
        if (members.size() != memberCount(entity.index(), domain.links())) {
            throw new IllegalStateException("memberCount disagrees with members for " + entity);
        }
        return members;
    }

    /**
     * Puts the source of {@code entity}, and of the superclasses that declare its first members, into
     * {@code sources}. A superclass keeps the entity's form: fields of the entity's package are package-private,
     * those of another package public (the driver reads them, as generated code does); with accessors, private
     * fields and public accessors wherever they are.
     */
    private static void entity(Domain domain, EntityDef entity, Map<String, String> sources) {
        List<Member> members = members(domain, entity);
        String schema = entity.schema() == null ? "" : "schema = \"" + entity.schema() + "\", ";
        String table = "@Entity(" + schema + "table = \"" + domain.table(entity.index()) + "\")\n";
        String name = domain.packageName() + "." + entity.name();
        if (entity.form() == Form.RECORD) {
            StringBuilder source = new StringBuilder(header(domain.packageName())).append(table);
            source.append("public record ").append(entity.name()).append("(\n");
            List<String> components = new ArrayList<>();
            for (Member member : members) {
                components.add("        " + (member.annotations().isEmpty() ? "" : member.annotations() + " ")
                        + member.type() + " " + member.name());
            }
            sources.put(name, source.append(String.join(",\n", components)).append(") {\n}\n").toString());
            return;
        }
        String base = domain.packageName() + ".base";
        String key = entity.genericKey() ? "<Long>" : "";
        String superclass = switch (entity.hierarchy()) {
            case NONE -> null;
            case SAME_PACKAGE -> entity.name() + "Base" + key;
            case OTHER_PACKAGE -> base + "." + entity.name() + "Base" + key;
            case TWO_LEVELS -> entity.name() + "Mid" + key;
        };
        switch (entity.hierarchy()) {
            case NONE -> {
            }
            case SAME_PACKAGE -> sources.put(domain.packageName() + "." + entity.name() + "Base",
                    classSource(domain.packageName(), "", entity.name() + "Base", entity, null,
                            members.subList(0, entity.inherited()), false));
            case OTHER_PACKAGE -> sources.put(base + "." + entity.name() + "Base",
                    classSource(base, "", entity.name() + "Base", entity, null,
                            members.subList(0, entity.inherited()), true));
            case TWO_LEVELS -> {
                sources.put(base + "." + entity.name() + "Top", classSource(base, "", entity.name() + "Top", entity,
                        null, members.subList(0, entity.top()), true));
                sources.put(domain.packageName() + "." + entity.name() + "Mid", classSource(domain.packageName(), "",
                        entity.name() + "Mid", entity, base + "." + entity.name() + "Top" + (entity.genericKey()
                                ? "<K>" : ""), members.subList(entity.top(), entity.inherited()), false));
            }
        }
        sources.put(name, classSource(domain.packageName(), table, entity.name(), entity, superclass,
                members.subList(entity.inherited(), members.size()), false));
    }

    /**
     * A class declaring {@code members} in {@code entity}'s form: the entity itself when {@code annotation} is not
     * empty, else one of its abstract superclasses, generic in the key's type when it declares the key or extends
     * a class that does.
     */
    private static String classSource(String packageName, String annotation, String simpleName, EntityDef entity,
            String superclass, List<Member> members, boolean otherPackage) {
        boolean isEntity = !annotation.isEmpty();
        boolean generic = !isEntity && entity.genericKey();
        StringBuilder source = new StringBuilder(header(packageName)).append(annotation)
                .append(isEntity ? "public class " : "public abstract class ").append(simpleName)
                .append(generic ? "<K>" : "").append(superclass == null ? "" : " extends " + superclass)
                .append(" {\n");
        boolean accessors = entity.form() == Form.ACCESSORS;
        String modifier = accessors ? "private " : otherPackage ? "public " : "";
        for (Member member : members) {
            source.append("    ").append(member.annotations().isEmpty() ? "" : member.annotations() + "\n    ")
                    .append(modifier).append(member.type()).append(' ').append(member.name()).append(";\n");
        }
        if (accessors) {
            for (Member member : members) {
                String property = Character.toUpperCase(member.name().charAt(0)) + member.name().substring(1);
                source.append("\n    public ").append(member.type()).append(" get").append(property)
                        .append("() {\n        return ").append(member.name()).append(";\n    }\n")
                        .append("\n    public void set").append(property).append('(').append(member.type())
                        .append(" value) {\n        this.").append(member.name()).append(" = value;\n    }\n");
            }
        }
        return source.append("}\n").toString();
    }

    private static String type(Relation relation) {
        String target = "E" + relation.target();
        return switch (relation.side().shape()) {
            case LIST -> "List<" + target + ">";
            case REF -> "Ref<" + target + ">";
            case PLAIN -> target;
        };
    }

    private static String relationship(Domain domain, Relation relation) {
        Link link = relation.link();
        List<String> attributes = new ArrayList<>();
        if (relation.joinTable()) {
            // Where the owner's schema is not the association table's, the side names it; "public" for none.
            String schema = domain.joinTableSchema(link);
            if (!Objects.equals(schema, domain.entity(relation.owner()).schema())) {
                attributes.add("joinTableSchema = \"" + (schema == null ? "public" : schema) + "\"");
            }
            attributes.add("joinTable = \"" + domain.joinTable(link) + "\"");
            attributes.add("joinColumn = \"" + (relation.forward() ? "p_id" : "c_id") + "\"");
            attributes.add("inverseJoinColumn = \"" + (relation.forward() ? "c_id" : "p_id") + "\"");
        } else if (owns(relation)) {
            attributes.add("joinColumn = \"" + link.keyColumn() + "\"");
        } else {
            attributes.add("mappedBy = \"" + relation.other().field() + "\"");
        }
        if (relation.side().orderBy() != null) {
            attributes.add("orderBy = \"" + relation.side().orderBy() + "\"");
        }
        if (relation.side().declared() != null) {
            attributes.add("strategy = Strategy." + relation.side().declared().name());
        }
        return "@Relationship(" + String.join(", ", attributes) + ")";
    }

    /**
     * Whether the side names the foreign key itself: the side of the table that holds it, and a one-to-many by
     * column, which names the child's column.
     */
    private static boolean owns(Relation relation) {
        if (relation.forward() && relation.link().kind() == Domain.Kind.ONE_TO_MANY_BY_COLUMN) {
            return true;
        }
        return !relation.keyInTarget();
    }

    /** The driver: plans built from {@link PlanNode}s with the typed loaders, and entities read by form. */
    private static String driver(Domain domain) {
        StringBuilder source = new StringBuilder("package " + domain.packageName() + ";\n\n"
                + "import dev.loadplan.Strategy;\n"
                + "import dev.loadplan.it.differential.DomainAccess;\n"
                + "import dev.loadplan.it.differential.PlanNode;\n"
                + "import java.util.List;\n"
                + "import java.util.Map;\n"
                + "import org.jdbi.v3.core.Handle;\n\n"
                + "public final class Access implements DomainAccess {\n\n"
                + "    @Override\n"
                + "    public List<?> load(Handle handle, PlanNode root) {\n"
                + "        E0Loader.Plan plan = e0(root);\n"
                + "        PlanNode.Shaping rows = root.shaping();\n"
                + "        if (rows != null) {\n"
                + "            plan = plan.where(rows.where()).orderBy(rows.orderBy()).limit(rows.limit())"
                + ".offset(rows.offset());\n"
                + "            for (Map.Entry<String, Object> bind : rows.binds().entrySet()) {\n"
                + "                plan = plan.bind(bind.getKey(), bind.getValue());\n"
                + "            }\n"
                + "        }\n"
                + "        return plan.list(handle);\n"
                + "    }\n");
        for (EntityDef entity : domain.entities()) {
            source.append(planBuilder(domain, entity));
        }
        source.append("\n    @Override\n    public String type(Object entity) {\n");
        for (EntityDef entity : domain.entities()) {
            source.append("        if (entity instanceof ").append(entity.name()).append(") {\n            return \"")
                    .append(entity.name()).append("\";\n        }\n");
        }
        source.append("        throw new IllegalArgumentException(String.valueOf(entity));\n    }\n");
        source.append(reader(domain, "long", "id", "id"));
        source.append(reader(domain, "String", "label", "label"));
        source.append(reader(domain, "Integer", "n", "n"));
        source.append("\n    @Override\n    public Object relation(Object entity, String field) {\n");
        for (EntityDef entity : domain.entities()) {
            source.append("        if (entity instanceof ").append(entity.name()).append(" e) {\n")
                    .append("            switch (field) {\n");
            for (Relation relation : domain.relations(entity.index())) {
                source.append("                case \"").append(relation.field()).append("\":\n")
                        .append("                    return ").append(read(entity, relation.field())).append(";\n");
            }
            source.append("                default:\n                    break;\n            }\n        }\n");
        }
        source.append("        throw new IllegalArgumentException(entity + \" has no \" + field);\n    }\n}\n");
        return source.toString();
    }

    private static String reader(Domain domain, String type, String method, String member) {
        StringBuilder source = new StringBuilder("\n    @Override\n    public " + type + " " + method
                + "(Object entity) {\n");
        for (EntityDef entity : domain.entities()) {
            source.append("        if (entity instanceof ").append(entity.name()).append(" e) {\n            return ")
                    .append(read(entity, member)).append(";\n        }\n");
        }
        return source.append("        throw new IllegalArgumentException(String.valueOf(entity));\n    }\n")
                .toString();
    }

    /** How generated code of the same package reads a member of an entity of this form. */
    private static String read(EntityDef entity, String member) {
        return switch (entity.form()) {
            case FIELDS -> "e." + member;
            case ACCESSORS -> "e.get" + Character.toUpperCase(member.charAt(0)) + member.substring(1) + "()";
            case RECORD -> "e." + member + "()";
        };
    }

    /** {@code static E1Loader.Plan e1(PlanNode node)}: the typed plan of a node, its links built recursively. */
    private static String planBuilder(Domain domain, EntityDef entity) {
        String loader = entity.name() + "Loader";
        String name = "e" + entity.index();
        StringBuilder source = new StringBuilder("\n    static " + loader + ".Plan " + name + "(PlanNode node) {\n"
                + "        " + loader + ".Plan plan = " + loader + ".plain();\n"
                + "        for (PlanNode.Link link : node.links()) {\n"
                + "            switch (link.field()) {\n");
        for (Relation relation : domain.relations(entity.index())) {
            String method = "with" + Character.toUpperCase(relation.field().charAt(0)) + relation.field().substring(1);
            String below = "e" + relation.target() + "(link.target())";
            source.append("                case \"").append(relation.field()).append("\":\n")
                    .append("                    if (link.keepsStrategy()) {\n")
                    .append("                        plan = plan.").append(method).append('(').append(below)
                    .append(");\n")
                    .append("                        break;\n")
                    .append("                    }\n")
                    .append("                    switch (link.strategy()) {\n");
            for (Strategy strategy : Strategy.values()) {
                boolean deferred = strategy == Strategy.LAZY || strategy == Strategy.RAISE;
                if (deferred && !relation.side().canDefer()) {
                    continue;
                }
                boolean loads = strategy != Strategy.NO_LOAD && strategy != Strategy.RAISE;
                source.append("                        case ").append(strategy.name()).append(":\n")
                        .append("                            plan = plan.").append(method).append(word(strategy))
                        .append('(').append(loads ? below : "").append(");\n")
                        .append("                            break;\n");
            }
            source.append("                        default:\n")
                    .append("                            throw new IllegalArgumentException(link.toString());\n")
                    .append("                    }\n")
                    .append("                    break;\n");
        }
        source.append("                default:\n")
                .append("                    throw new IllegalArgumentException(link.toString());\n")
                .append("            }\n        }\n")
                .append("        if (node.criteria() != null) {\n")
                .append("            plan = plan.where(\"").append(domain.whereTable(entity.index()))
                .append(".label <> :skip_").append(name)
                .append("\").bind(\"skip_").append(name).append("\", node.criteria().skip())\n")
                .append("                    .orderBy(\"").append(domain.orderTable(entity.index()))
                .append(".label\" + (node.criteria().descending() ? \" DESC\" : \"\"));\n")
                .append("            if (node.criteria().limit() > 0) {\n")
                .append("                plan = plan.limit(node.criteria().limit());\n")
                .append("            }\n")
                .append("        }\n")
                .append("        return node.wildcard() == null ? plan : plan.defaultStrategy(node.wildcard());\n")
                .append("    }\n");
        return source.toString();
    }

    private static String word(Strategy strategy) {
        StringBuilder word = new StringBuilder();
        for (String part : strategy.name().split("_")) {
            word.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return word.toString();
    }

    /**
     * The domain's schemas and tables, each where its declaration says: no foreign key constraints, so rows can go in
     * any order; unique keys for one-to-one.
     */
    static String ddl(Domain domain) {
        StringBuilder ddl = new StringBuilder();
        for (String schema : domain.schemas()) {
            ddl.append("create schema ").append(schema).append(";\n");
        }
        for (EntityDef entity : domain.entities()) {
            List<String> columns = new ArrayList<>(List.of("id bigint primary key", "label text not null",
                    "n integer"));
            for (Link link : domain.links()) {
                int holder = link.kind().keyInChild() ? link.child() : link.parent();
                if (link.kind() != Domain.Kind.MANY_TO_MANY && holder == entity.index()) {
                    columns.add(link.keyColumn() + " bigint" + (link.kind().unique() ? " unique" : ""));
                }
            }
            ddl.append("create table ").append(domain.from(entity.index())).append(" (")
                    .append(String.join(", ", columns)).append(");\n");
        }
        for (Link link : domain.links()) {
            if (link.kind() == Domain.Kind.MANY_TO_MANY) {
                ddl.append("create table ").append(domain.joinTableFrom(link))
                        .append(" (p_id bigint not null, c_id bigint not null, primary key (p_id, c_id));\n");
            }
        }
        return ddl.toString();
    }
}
