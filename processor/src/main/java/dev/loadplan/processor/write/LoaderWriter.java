package dev.loadplan.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.loadplan.Strategy;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.GeneratedNames;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.plan.LoaderMethod;
import dev.loadplan.processor.plan.LoaderPlanner;
import dev.loadplan.processor.plan.StatementConstant;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Entity>Loader}: the SQL of every single-relationship plan as constants, static entry points,
 * and the typed plan class whose methods chain and nest.
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

    public static JavaFile write(EntityModel entity, List<? extends Element> originatingElements) {
        ClassName self = entity.loaderName();
        ClassName plan = self.nestedClass("Plan");
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("Typed loader plans for {@link $T}. Start from {@link #plain()} or a {@code with...} "
                        + "method; each\n", entity.type())
                .addJavadoc("returns an immutable {@link Plan} that chains, nests and runs with {@code list}.\n")
                .addJavadoc("\n<p>Every statement a single-relationship plan runs is a constant below, so the SQL can"
                        + " be read\nwithout running anything.\n")
                .addAnnotation(Sources.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        originatingElements.forEach(type::addOriginatingElement);
        for (StatementConstant statement : LoaderPlanner.statements(entity)) {
            type.addField(Sources.constant(statement));
        }
        CodeBlock.Builder schema = CodeBlock.builder().add("$T.of($T.INSTANCE)$>$>", LOADER_SCHEMA,
                entity.mappingName());
        for (StatementConstant statement : LoaderPlanner.statements(entity)) {
            schema.add("\n.with($S, $L)", statement.name(), statement.name());
        }
        schema.add("$<$<");
        type.addField(FieldSpec.builder(LOADER_SCHEMA, "SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The table, columns and statements above, for {@code SchemaCheck} to compare with a "
                        + "live database.\n")
                .initializer(schema.build())
                .build());
        type.addField(FieldSpec.builder(plan, "PLAIN_PLAN", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T($T.of($T.INSTANCE))", plan, PLAN_SPEC, entity.mappingName())
                .build());
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(MethodSpec.methodBuilder("plain")
                .addJavadoc("Loads {@code $L} rows and no relationship: one statement, {@link #$L}.\n",
                        entity.table().table(), LoaderPlanner.PLAIN)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(plan)
                .addStatement("return PLAIN_PLAN")
                .build());
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
        for (RelationshipModel relationship : entity.relationships()) {
            if (LoaderPlanner.isSelfReferentialCollection(entity, relationship)) {
                String recursive = recursiveMethod(relationship);
                type.addMethod(MethodSpec.methodBuilder(recursive)
                        .addJavadoc("Loads {@code $L} with {@code $L.$L} loaded to every depth, in one statement: "
                                + "{@link Plan#$L()}.\n", entity.table().table(), entity.simpleName(),
                                relationship.field(), recursive)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(plan)
                        .addStatement("return PLAIN_PLAN.$L()", recursive)
                        .build());
            }
        }
        for (LoaderMethod method : LoaderPlanner.methods(entity)) {
            type.addMethod(MethodSpec.methodBuilder(method.name())
                    .addJavadoc("Loads {@code $L} with {@code $L.$L} loaded $L: runs $L.\n", entity.table().table(),
                            entity.simpleName(), method.relationship().field(), method.strategy(),
                            method.statements())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(plan)
                    .addStatement("return PLAIN_PLAN.$L()", method.name())
                    .build());
            if (!loads(method)) {
                continue;
            }
            type.addMethod(MethodSpec.methodBuilder(method.name())
                    .addJavadoc("As {@link #$L()}, and below each of the $L what the {@code $L} plan loads.\n",
                            method.name(), method.relationship().field(), method.relationship().field())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(plan)
                    .addParameter(targetPlan(method.relationship()), method.relationship().field())
                    .addStatement("return PLAIN_PLAN.$L($L)", method.name(), method.relationship().field())
                    .build());
        }
        type.addType(planClass(entity, plan));
        return Sources.file(self.packageName(), type.build());
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
        for (LoaderMethod method : LoaderPlanner.methods(entity)) {
            RelationshipModel relationship = method.relationship();
            String relation = entity.mappingName().simpleName() + "." + MappingWriter.relationField(relationship);
            type.addMethod(MethodSpec.methodBuilder(method.name())
                    .addJavadoc("This plan with {@code $L.$L} loaded $L.\n", entity.simpleName(), relationship.field(),
                            method.strategy())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(plan)
                    .addStatement("return link($L, $T.$L, null)", relation, STRATEGY, method.strategy().name())
                    .build());
            if (!loads(method)) {
                continue;
            }
            type.addMethod(MethodSpec.methodBuilder(method.name())
                    .addJavadoc("This plan with {@code $L.$L} loaded $L, and below each of the $L what the\n"
                            + "{@code $L} plan loads.\n", entity.simpleName(), relationship.field(), method.strategy(),
                            relationship.field(), relationship.field())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(plan)
                    .addParameter(targetPlan(relationship), relationship.field())
                    .addStatement("return link($L, $T.$L, $L)", relation, STRATEGY, method.strategy().name(),
                            relationship.field())
                    .build());
        }
        for (RelationshipModel relationship : entity.relationships()) {
            String relation = entity.mappingName().simpleName() + "." + MappingWriter.relationField(relationship);
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
                String recursive = recursiveMethod(relationship);
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

    /** {@code withChildrenRecursive}. */
    private static String recursiveMethod(RelationshipModel relationship) {
        return "with" + Character.toUpperCase(relationship.field().charAt(0)) + relationship.field().substring(1)
                + "Recursive";
    }

    /** Whether the method loads the relationship, so a plan for what lies below it makes sense. */
    private static boolean loads(LoaderMethod method) {
        return method.strategy() != Strategy.NO_LOAD && method.strategy() != Strategy.RAISE;
    }

    private static ClassName targetPlan(RelationshipModel relationship) {
        return GeneratedNames.loaderPlan(relationship.target());
    }
}
