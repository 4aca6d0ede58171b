package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Domain.EntityDef;
import dev.loadplan.it.differential.Domain.Form;
import dev.loadplan.it.differential.Domain.Link;
import dev.loadplan.it.differential.Domain.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
     * Source text by qualified class name: the five entities, the superclasses they extend, the views, and
     * {@code Access}, the driver.
     */
    static Map<String, String> of(Domain domain) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (EntityDef entity : domain.entities()) {
            entity(domain, entity, sources);
        }
        for (ViewDef view : domain.views()) {
            sources.put(domain.packageName() + "." + view.name(), view(domain, view));
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
                + "import dev.loadplan.annotations.View;\n"
                + "import java.util.List;\n\n";
    }

    /** A member of an entity: its annotations, type and name. */
    private record Member(String annotations, String type, String name) {
    }

    /**
     * How many members {@link #members} gives entity {@code entity} before its {@code weight}, which it declares last
     * itself, so that the superclasses drawn for a seed stayed as they were when it was added; known before the
     * domain that holds the entity is made.
     */
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

    /**
     * The members of an entity in declaration order: key, columns, the foreign keys it maps, relationships, and an
     * {@code int} column, which a view may read into a wider type.
     */
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
        members.add(new Member("", "int", "weight"));
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
                    classSource(domain.packageName(), "", entity.name() + "Base", entity.form(), entity.genericKey(),
                            null, members.subList(0, entity.inherited()), false));
            case OTHER_PACKAGE -> sources.put(base + "." + entity.name() + "Base",
                    classSource(base, "", entity.name() + "Base", entity.form(), entity.genericKey(), null,
                            members.subList(0, entity.inherited()), true));
            case TWO_LEVELS -> {
                sources.put(base + "." + entity.name() + "Top", classSource(base, "", entity.name() + "Top",
                        entity.form(), entity.genericKey(), null, members.subList(0, entity.top()), true));
                sources.put(domain.packageName() + "." + entity.name() + "Mid", classSource(domain.packageName(), "",
                        entity.name() + "Mid", entity.form(), entity.genericKey(), base + "." + entity.name() + "Top"
                                + (entity.genericKey() ? "<K>" : ""), members.subList(entity.top(),
                                entity.inherited()), false));
            }
        }
        sources.put(name, classSource(domain.packageName(), table, entity.name(), entity.form(), false, superclass,
                members.subList(entity.inherited(), members.size()), false));
    }

    /**
     * A class declaring {@code members} in {@code form}: an entity or a view when {@code annotation} is not empty,
     * else one of an entity's abstract superclasses, generic in the key's type ({@code genericKey}) when it declares
     * the key or extends a class that does.
     */
    private static String classSource(String packageName, String annotation, String simpleName, Form form,
            boolean genericKey, String superclass, List<Member> members, boolean otherPackage) {
        boolean concrete = !annotation.isEmpty();
        boolean generic = !concrete && genericKey;
        StringBuilder source = new StringBuilder(header(packageName)).append(annotation)
                .append(concrete ? "public class " : "public abstract class ").append(simpleName)
                .append(generic ? "<K>" : "").append(superclass == null ? "" : " extends " + superclass)
                .append(" {\n");
        boolean accessors = form == Form.ACCESSORS;
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

    /** A view in its form: a record of its members, or a class with fields, or with private fields and accessors. */
    private static String view(Domain domain, ViewDef view) {
        List<Member> members = new ArrayList<>();
        for (String field : view.members()) {
            ViewDef.ViewColumn column = view.columns().stream().filter(held -> held.field().equals(field))
                    .findFirst().orElse(null);
            if (column != null) {
                members.add(new Member(column.annotated() ? "@Column(\"" + column.column() + "\")" : "",
                        column.type(), field));
                continue;
            }
            ViewDef.ViewRelation relation = view.relations().stream().filter(held -> held.field().equals(field))
                    .findFirst().orElseThrow();
            String target = (relation.holdsView() ? "V" : "E") + relation.relation().target();
            members.add(new Member("", switch (relation.shape()) {
                case LIST -> "List<" + target + ">";
                case REF -> "Ref<" + target + ">";
                case PLAIN -> target;
            }, field));
        }
        String annotation = "@View(E" + view.entity() + ".class)\n";
        if (view.form() != Form.RECORD) {
            return classSource(domain.packageName(), annotation, view.name(), view.form(), false, null, members,
                    false);
        }
        List<String> components = new ArrayList<>();
        for (Member member : members) {
            components.add("        " + (member.annotations().isEmpty() ? "" : member.annotations() + " ")
                    + member.type() + " " + member.name());
        }
        return header(domain.packageName()) + annotation + "public record " + view.name() + "(\n"
                + String.join(",\n", components) + ") {\n}\n";
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

    /** The driver: plans built from {@link PlanNode}s with the typed loaders, and entities and views read by form. */
    private static String driver(Domain domain) {
        StringBuilder source = new StringBuilder("package " + domain.packageName() + ";\n\n"
                + "import dev.loadplan.Strategy;\n"
                + "import dev.loadplan.it.differential.DomainAccess;\n"
                + "import dev.loadplan.it.differential.PlanNode;\n"
                + "import java.util.List;\n"
                + "import java.util.Map;\n"
                + "import org.jdbi.v3.core.Handle;\n\n"
                + "public final class Access implements DomainAccess {\n");
        source.append(rootLoad("load", "E0Loader", "e0"));
        source.append(rootLoad("loadView", "V0Loader", "v0"));
        for (EntityDef entity : domain.entities()) {
            source.append(planBuilder(domain, entity.name(), Mapping.entity(entity.index())));
        }
        for (ViewDef view : domain.views()) {
            source.append(planBuilder(domain, view.name(), Mapping.view(view.entity())));
        }
        source.append("\n    @Override\n    public String type(Object entity) {\n");
        for (String type : types(domain)) {
            source.append("        if (entity instanceof ").append(type).append(") {\n            return \"")
                    .append(type).append("\";\n        }\n");
        }
        source.append("        throw new IllegalArgumentException(String.valueOf(entity));\n    }\n");
        source.append("\n    @Override\n    public long id(Object entity) {\n");
        for (EntityDef entity : domain.entities()) {
            source.append(returnIf(entity.name(), read(entity.form(), "id")));
        }
        for (ViewDef view : domain.views()) {
            source.append(returnIf(view.name(), read(view.form(), view.column("id").field())));
        }
        source.append("        throw new IllegalArgumentException(String.valueOf(entity));\n    }\n");
        source.append("\n    @Override\n    public Object column(Object entity, String column) {\n");
        for (EntityDef entity : domain.entities()) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String column : ViewDef.VALUE_COLUMNS) {
                columns.put(column, read(entity.form(), column));
            }
            source.append(switchIf(entity.name(), "column", columns));
        }
        for (ViewDef view : domain.views()) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (ViewDef.ViewColumn column : view.columns()) {
                columns.put(column.column(), read(view.form(), column.field()));
            }
            source.append(switchIf(view.name(), "column", columns));
        }
        source.append("        throw new IllegalArgumentException(entity + \" has no column \" + column);\n    }\n");
        source.append("\n    @Override\n    public Object relation(Object entity, String field) {\n");
        for (EntityDef entity : domain.entities()) {
            Map<String, String> relations = new LinkedHashMap<>();
            for (Relation relation : domain.relations(entity.index())) {
                relations.put(relation.field(), read(entity.form(), relation.field()));
            }
            source.append(switchIf(entity.name(), "field", relations));
        }
        for (ViewDef view : domain.views()) {
            Map<String, String> relations = new LinkedHashMap<>();
            for (ViewDef.ViewRelation relation : view.relations()) {
                relations.put(relation.field(), read(view.form(), relation.field()));
            }
            source.append(switchIf(view.name(), "field", relations));
        }
        source.append("        throw new IllegalArgumentException(entity + \" has no \" + field);\n    }\n}\n");
        return source.toString();
    }

    /** The entities' and views' class names. */
    private static List<String> types(Domain domain) {
        List<String> types = new ArrayList<>();
        domain.entities().forEach(entity -> types.add(entity.name()));
        domain.views().forEach(view -> types.add(view.name()));
        return types;
    }

    /** {@code List<?> method(Handle, PlanNode)}: the roots loaded with the plan {@code builder} builds, shaped. */
    private static String rootLoad(String method, String loader, String builder) {
        return "\n    @Override\n"
                + "    public List<?> " + method + "(Handle handle, PlanNode root) {\n"
                + "        " + loader + ".Plan plan = " + builder + "(root);\n"
                + "        PlanNode.Shaping rows = root.shaping();\n"
                + "        if (rows != null) {\n"
                + "            plan = plan.where(rows.where()).orderBy(rows.orderBy()).limit(rows.limit())"
                + ".offset(rows.offset());\n"
                + "            for (Map.Entry<String, Object> bind : rows.binds().entrySet()) {\n"
                + "                plan = plan.bind(bind.getKey(), bind.getValue());\n"
                + "            }\n"
                + "        }\n"
                + "        return plan.list(handle);\n"
                + "    }\n";
    }

    private static String returnIf(String type, String read) {
        return "        if (entity instanceof " + type + " e) {\n            return " + read + ";\n        }\n";
    }

    /** Returns, for an instance of {@code type}, what {@code reads} reads for the value of {@code variable}. */
    private static String switchIf(String type, String variable, Map<String, String> reads) {
        StringBuilder source = new StringBuilder("        if (entity instanceof " + type + " e) {\n"
                + "            switch (" + variable + ") {\n");
        for (Map.Entry<String, String> read : reads.entrySet()) {
            source.append("                case \"").append(read.getKey()).append("\":\n")
                    .append("                    return ").append(read.getValue()).append(";\n");
        }
        return source.append("                default:\n                    break;\n            }\n        }\n")
                .toString();
    }

    /** How generated code of the same package reads a member of an entity or a view of this form. */
    private static String read(Form form, String member) {
        return switch (form) {
            case FIELDS -> "e." + member;
            case ACCESSORS -> "e.get" + Character.toUpperCase(member.charAt(0)) + member.substring(1) + "()";
            case RECORD -> "e." + member + "()";
        };
    }

    /**
     * {@code static E1Loader.Plan e1(PlanNode node)} ({@code v1} for view {@code V1}): the typed plan of a node, its
     * links built recursively, each with the plan of the mapping its field holds.
     */
    private static String planBuilder(Domain domain, String type, Mapping mapping) {
        String loader = type + "Loader";
        String name = type.toLowerCase(Locale.ROOT);
        StringBuilder source = new StringBuilder("\n    static " + loader + ".Plan " + name + "(PlanNode node) {\n"
                + "        " + loader + ".Plan plan = " + loader + ".plain();\n"
                + "        for (PlanNode.Link link : node.links()) {\n"
                + "            switch (link.field()) {\n");
        for (Mapping.Held relation : mapping.relations(domain)) {
            String method = "with" + Character.toUpperCase(relation.field().charAt(0)) + relation.field().substring(1);
            String below = relation.target().name().toLowerCase(Locale.ROOT) + "(link.target())";
            source.append("                case \"").append(relation.field()).append("\":\n")
                    .append("                    if (link.keepsStrategy()) {\n")
                    .append("                        plan = plan.").append(method).append('(').append(below)
                    .append(");\n")
                    .append("                        break;\n")
                    .append("                    }\n")
                    .append("                    switch (link.strategy()) {\n");
            for (Strategy strategy : relation.strategies()) {
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
                .append("            plan = plan.where(\"").append(domain.whereTable(mapping.entity()))
                .append(".label <> :skip_").append(name)
                .append("\").bind(\"skip_").append(name).append("\", node.criteria().skip())\n")
                .append("                    .orderBy(\"").append(domain.orderTable(mapping.entity()))
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
            word.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
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
                    "n integer", "weight integer not null"));
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
