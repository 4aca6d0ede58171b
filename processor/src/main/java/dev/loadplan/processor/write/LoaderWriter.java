package dev.loadplan.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.sql.SqlIdentifiers;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.GeneratedNames;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.plan.DefaultLinkEntryPoint;
import dev.loadplan.processor.plan.EntryPoint;
import dev.loadplan.processor.plan.LoaderPlanner;
import dev.loadplan.processor.plan.StatementConstant;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Entity>Loader}: the SQL of every static entry point's plan as constants, the entry points, which
 * return plans built once, and the typed plan class whose methods chain and nest.
 */
public final class LoaderWriter {

    private static final ClassName LOADER_PLAN = ClassName.get("dev.loadplan", "LoaderPlan");
    private static final ClassName STRATEGY = ClassName.get("dev.loadplan", "Strategy");
    private static final ClassName LOADER_SCHEMA = ClassName.get("dev.loadplan", "LoaderSchema");
    private static final ClassName PLAN_SPEC = ClassName.get("dev.loadplan.internal", "PlanSpec");
    private static final ClassName HANDLE = ClassName.get("org.jdbi.v3.core", "Handle");
    private static final ClassName JDBI = ClassName.get("org.jdbi.v3.core", "Jdbi");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");

    private LoaderWriter() {
    }

    public static JavaFile write(EntityModel entity, LoaderPlanner.Loader loader, Provenance provenance) {
        ClassName self = entity.loaderName();
        ClassName plan = self.nestedClass("Plan");
        ClassName plans = self.nestedClass("Plans");
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("Typed loader plans for {@link $T}. Start from {@link #plain()} or a {@code with...} "
                        + "method; each\n", entity.type())
                .addJavadoc("returns an immutable {@link Plan} that chains, nests and runs with {@code list}.\n")
                .addJavadoc("\n<p>Every statement a static entry point's plan runs is a constant below, declared "
                        + "defaults\nincluded, and each entry point names the constants it runs, in order: the "
                        + "SQL can be read\nwithout running anything.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        if (entity.isView()) {
            type.addJavadoc("\n<p>{@link $T} is a view of {@link $T}: its statements select only the columns it "
                    + "holds, and\nevery plan loads each relationship it holds, so none of its objects is ever "
                    + "unloaded. A plan\nthat does not name one loads it as {@code $L} declares it when that loads "
                    + "with the parent,\nelse SELECT_IN; a wildcard that would leave one unloaded is refused.\n",
                    entity.type(), entity.viewOf(), entity.viewOf().simpleName());
        }
        provenance.mark(type);
        for (StatementConstant statement : loader.constants()) {
            type.addField(Sources.constant(statement));
        }
        type.addField(FieldSpec.builder(LOADER_SCHEMA, "SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The table, columns and statements above, and the plan of each static entry point with "
                        + "the\nconstants it runs, for {@code SchemaCheck} to compare with a live database.\n")
                .initializer(schema(entity, loader, plans))
                .build());
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(MethodSpec.methodBuilder("fromSql")
                .addJavadoc("Loads {@link $T}s from your own statement, as SQLAlchemy's {@code contains_eager}: write\n"
                        + "{@code {columns}} where the select list goes, and loadplan writes there the columns of\n"
                        + "{@code $L} and of each relationship you name with a {@code contains...} method, whose\n"
                        + "joins your statement makes. Bind its named parameters with {@code bind}.\n"
                        + "\n<pre>{@code\n$L.fromSql(\"SELECT {columns} FROM $L JOIN ... WHERE ...\")\n}</pre>\n",
                        entity.type(), entity.table().table(), entity.loaderName().simpleName(),
                        entity.table().table())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(plan)
                .addParameter(String.class, "sql")
                .addStatement("return new $T($T.fromSql($T.INSTANCE, sql))", plan, PLAN_SPEC, entity.mappingName())
                .build());
        RelationshipModel previous = null;
        for (EntryPoint entryPoint : loader.entryPoints()) {
            if (entryPoint.relationship() != null && entryPoint.relationship() != previous) {
                // A relationship's entry points start with the one that keeps its strategy.
                previous = entryPoint.relationship();
                type.addMethod(defaultLinkEntryPoint(entity, defaultLink(loader, previous), plan, plans));
            }
            type.addMethod(MethodSpec.methodBuilder(entryPoint.method())
                    .addJavadoc("$L\n", Sources.wrap(summary(entity, entryPoint) + ": " + entryPoint.runs() + "."))
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(plan)
                    .addStatement("return $T.$L", plans, plansField(entryPoint))
                    .build());
            if (!entryPoint.loads()) {
                continue;
            }
            RelationshipModel relationship = entryPoint.relationship();
            type.addMethod(MethodSpec.methodBuilder(entryPoint.method())
                    .addJavadoc("As {@link #$L()}, and below each of the $L what the {@code $L} plan loads.\n",
                            entryPoint.method(), relationship.field(), relationship.field())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(plan)
                    .addParameter(targetPlan(relationship), relationship.field())
                    .addStatement("return $T.PLAIN.$L($L)", plans, entryPoint.method(), relationship.field())
                    .build());
        }
        type.addType(plansClass(entity, loader, plan, plans));
        type.addType(planClass(entity, plan));
        return Sources.file(self.packageName(), type.build());
    }

    /** The static {@code withBooks(BookLoader.Plan books)}: the plan's method on {@code plain()}. */
    private static MethodSpec defaultLinkEntryPoint(EntityModel entity, DefaultLinkEntryPoint entryPoint,
            ClassName plan, ClassName plans) {
        RelationshipModel relationship = entryPoint.relationship();
        return MethodSpec.methodBuilder(entryPoint.method())
                .addJavadoc("$L\n", Sources.wrap(DefaultLinkJavadoc.ofEntryPoint(entity, entryPoint)))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(plan)
                .addParameter(targetPlan(relationship), relationship.field())
                .addStatement("return $T.PLAIN.$L($L)", plans, entryPoint.method(), relationship.field())
                .build();
    }

    private static DefaultLinkEntryPoint defaultLink(LoaderPlanner.Loader loader, RelationshipModel relationship) {
        return loader.defaultLinks().stream().filter(entryPoint -> entryPoint.relationship() == relationship)
                .findFirst().orElseThrow();
    }

    /** What an entry point loads, before what it runs. */
    private static String summary(EntityModel entity, EntryPoint entryPoint) {
        String table = "{@code " + entity.table().table() + "}";
        if (entryPoint.relationship() == null) {
            return "Loads " + table + " rows" + (entryPoint.loadsDefaults()
                    ? ", and the relationships whose declarations say how to load them" : " and no relationship");
        }
        String relationship = "{@code " + entity.simpleName() + "." + entryPoint.relationship().field() + "}";
        if (entryPoint.recursive()) {
            return "Loads " + table + " with " + relationship + " loaded to every depth, in one statement";
        }
        return "Loads " + table + " with " + relationship + " loaded " + entryPoint.strategy();
    }

    /**
     * The plan of each static entry point, built once, when first used: a static entry point returns the same
     * plan every time, planned once.
     */
    private static TypeSpec plansClass(EntityModel entity, LoaderPlanner.Loader loader, ClassName plan,
            ClassName plans) {
        TypeSpec.Builder type = TypeSpec.classBuilder(plans)
                .addJavadoc("The plans the static entry points return, built on first use.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
        for (EntryPoint entryPoint : loader.entryPoints()) {
            CodeBlock initializer = entryPoint.relationship() == null
                    ? CodeBlock.of("new $T($T.of($T.INSTANCE))", plan, PLAN_SPEC, entity.mappingName())
                    : CodeBlock.of("PLAIN.$L()", entryPoint.method());
            type.addField(FieldSpec.builder(plan, plansField(entryPoint), Modifier.STATIC, Modifier.FINAL)
                    .initializer(initializer)
                    .build());
        }
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        return type.build();
    }

    /** {@code WITH_BOOKS_SELECT_IN} for {@code withBooksSelectIn}; {@code PLAIN} for {@code plain}. */
    private static String plansField(EntryPoint entryPoint) {
        return SqlIdentifiers.snakeCase(entryPoint.method()).toUpperCase(Locale.ROOT);
    }

    private static CodeBlock schema(EntityModel entity, LoaderPlanner.Loader loader, ClassName plans) {
        CodeBlock.Builder schema = CodeBlock.builder().add("$T.of($T.INSTANCE)$>$>", LOADER_SCHEMA,
                entity.mappingName());
        for (StatementConstant statement : loader.constants()) {
            schema.add("\n.with($S, $L)", statement.name(), statement.name());
        }
        for (EntryPoint entryPoint : loader.entryPoints()) {
            List<CodeBlock> names = entryPoint.constants().stream().map(name -> CodeBlock.of("$S", name)).toList();
            schema.add("\n.entryPoint($S, $T.$L, $L)", entryPoint.method() + "()", plans, plansField(entryPoint),
                    CodeBlock.join(names, ", "));
        }
        return schema.add("$<$<").build();
    }

    private static TypeSpec planClass(EntityModel entity, ClassName plan) {
        TypeName spec = ParameterizedTypeName.get(PLAN_SPEC, entity.type());
        TypeName idType = entity.id().javaType();
        TypeSpec.Builder type = TypeSpec.classBuilder(plan)
                .addJavadoc("An immutable plan for loading {@link $T}s; every method returns a new plan.\n",
                        entity.type())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(LOADER_PLAN, entity.type(), plan))
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(spec, "spec")
                        .addStatement("super(spec)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("create")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PROTECTED)
                        .returns(plan)
                        .addParameter(spec, "spec")
                        .addStatement("return new $T(spec)", plan)
                        .build());
        for (RelationshipModel relationship : entity.relationships()) {
            String relation = entity.mappingName().simpleName() + "." + GeneratedNames.relationConstant(relationship);
            type.addMethod(MethodSpec.methodBuilder(GeneratedNames.defaultLinkEntryPoint(relationship))
                    .addJavadoc("$L\n", Sources.wrap(DefaultLinkJavadoc.ofPlanMethod(entity, relationship)))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(plan)
                    .addParameter(targetPlan(relationship), relationship.field())
                    .addStatement("return defaultLink($L, $L)", relation, relationship.field())
                    .build());
            for (LoadStrategy strategy : LoaderPlanner.strategies(relationship)) {
                String method = GeneratedNames.entryPoint(relationship, strategy);
                type.addMethod(MethodSpec.methodBuilder(method)
                        .addJavadoc("This plan with {@code $L.$L} loaded $L.\n", entity.simpleName(),
                                relationship.field(), strategy)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(plan)
                        .addStatement("return link($L, $T.$L, null)", relation, STRATEGY, strategy.name())
                        .build());
                if (!strategy.loads()) {
                    continue;
                }
                type.addMethod(MethodSpec.methodBuilder(method)
                        .addJavadoc("This plan with {@code $L.$L} loaded $L, and below each of the $L what the\n"
                                + "{@code $L} plan loads.\n", entity.simpleName(), relationship.field(), strategy,
                                relationship.field(), relationship.field())
                        .addModifiers(Modifier.PUBLIC)
                        .returns(plan)
                        .addParameter(targetPlan(relationship), relationship.field())
                        .addStatement("return link($L, $T.$L, $L)", relation, STRATEGY, strategy.name(),
                                relationship.field())
                        .build());
            }
        }
        for (RelationshipModel relationship : entity.relationships()) {
            String relation = entity.mappingName().simpleName() + "." + GeneratedNames.relationConstant(relationship);
            String name = "contains" + Character.toUpperCase(relationship.field().charAt(0))
                    + relationship.field().substring(1);
            String table = relationship.targetTable().table();
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addJavadoc("Fills {@code $L.$L} from the rows of your {@code fromSql} statement, which joins "
                            + "{@code $L}\nunder its own name.\n", entity.simpleName(), relationship.field(), table)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(plan)
                    .addStatement("return contains($L, $S)", relation, table)
                    .build());
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addJavadoc("Fills {@code $L.$L} from the rows of your {@code fromSql} statement, which joins "
                            + "{@code $L}\nas {@code alias}.\n", entity.simpleName(), relationship.field(), table)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(plan)
                    .addParameter(String.class, "alias")
                    .addStatement("return contains($L, alias)", relation)
                    .build());
            if (LoaderPlanner.isSelfReferentialCollection(entity, relationship)) {
                String recursive = GeneratedNames.recursiveEntryPoint(relationship);
                type.addMethod(MethodSpec.methodBuilder(recursive)
                        .addJavadoc("This plan with {@code $L.$L} loaded to every depth in the root statement, with "
                                + "{@code WITH RECURSIVE}:\neach root gets its whole subtree, one statement for the "
                                + "lot. The walk stops at a cycle in the data.\n", entity.simpleName(),
                                relationship.field())
                        .addModifiers(Modifier.PUBLIC)
                        .returns(plan)
                        .addStatement("return recursive($L)", relation)
                        .build());
            }
        }
        type.addMethod(MethodSpec.methodBuilder("findById")
                .addJavadoc("Loads the {@link $T} whose key is {@code id}, with what this plan loads; empty when "
                        + "there is none.\n", entity.type())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(OPTIONAL, entity.type()))
                .addParameter(HANDLE, "handle")
                .addParameter(idType, "id")
                .addStatement("return findByKey(handle, id)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("findById")
                .addJavadoc("As {@link #findById(Handle, $T)}, on a handle of its own.\n", idType)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(OPTIONAL, entity.type()))
                .addParameter(JDBI, "jdbi")
                .addParameter(idType, "id")
                .addStatement("return findByKey(jdbi, id)")
                .build());
        return type.build();
    }

    private static ClassName targetPlan(RelationshipModel relationship) {
        return GeneratedNames.loaderPlan(relationship.target());
    }
}
