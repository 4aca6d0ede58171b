package dev.loadplan.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.GeneratedNames;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.plan.DaoPlanner;
import dev.loadplan.processor.plan.StatementConstant;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Entity>Dao}: how the entity's fields bind to its insert and update statements, each with its SQL
 * type, and typed entry points, on top of the runtime's {@code EntityDao}, which runs the statements (one row or a
 * batch) and checks the version. Plain statements, no lambdas: a DAO per entity must stay cheap to compile.
 */
public final class DaoWriter {

    private static final ClassName HANDLE = ClassName.get("org.jdbi.v3.core", "Handle");
    private static final ClassName JDBI = ClassName.get("org.jdbi.v3.core", "Jdbi");
    private static final ClassName ARGUMENT = ClassName.get("org.jdbi.v3.core.argument", "Argument");
    private static final TypeName ARGUMENTS = ArrayTypeName.of(ARGUMENT);
    private static final ClassName ENTITY_DAO = ClassName.get("dev.loadplan", "EntityDao");
    private static final ClassName FIRST_COLUMN = ClassName.get("dev.loadplan.internal", "FirstColumn");
    private static final ClassName BINDING = ClassName.get("dev.loadplan.internal", "Binding");
    private static final ClassName DAO_STATEMENTS = ClassName.get("dev.loadplan.internal", "DaoStatements");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");

    private DaoWriter() {
    }

    public static JavaFile write(EntityModel entity, Provenance provenance) {
        ClassName self = entity.daoName();
        ColumnModel id = entity.id();
        boolean updates = !DaoPlanner.updateColumns(entity).isEmpty();
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("Reads and writes {@link $T}s. {@code insert} writes every column but a key the database "
                        + "assigns.\n{@code update} writes every column a field holds, as the field is; a foreign key "
                        + "that only a\nrelationship holds is written when the relationship holds what it points at "
                        + "(a loaded {@code Ref},\na plain reference that is not null) and otherwise keeps its stored "
                        + "key: set {@code Ref.empty()}, or a\nmapped key column to null, to clear it.\n",
                        entity.type())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(ENTITY_DAO, entity.type()));
        if (entity.version() != null) {
            type.addJavadoc("\n<p>{@code update} writes only a row still at the version the entity was read with, "
                    + "and adds one to it;\na row changed or deleted since throws {@code OptimisticLockException}.\n");
        }
        type.addJavadoc("\n<p>A write the database refuses throws {@code LoadPlanException} naming the method, the "
                + "entity and its\nkey (a batch's, the entry the driver names), with the database's error as its "
                + "cause.\n");
        provenance.mark(type);
        for (StatementConstant statement : DaoPlanner.statements(entity)) {
            type.addField(Sources.constant(statement));
        }
        CodeBlock.Builder statements = CodeBlock.builder().add("$T.of($S)$>$>\n.insert($L)", DAO_STATEMENTS,
                entity.simpleName(), GeneratedNames.INSERT);
        if (updates) {
            statements.add(".update($L)", GeneratedNames.UPDATE);
        }
        statements.add(".delete($L).count($L)", GeneratedNames.DELETE, GeneratedNames.COUNT);
        if (id.generated()) {
            statements.add("\n.generatedKey($S, $T.$L)", entity.table().idColumn(), FIRST_COLUMN,
                    id.type().columnType());
        }
        if (entity.version() != null) {
            statements.add("\n.versioned($L, $L)", GeneratedNames.DELETE_VERSION, GeneratedNames.CURRENT_VERSION);
        }
        statements.add("$<$<");
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(JDBI, "jdbi")
                .addParameter(HANDLE, "handle")
                .addStatement("super(jdbi, handle, $T.plain(),\n$L)", entity.loaderName(), statements.build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("on")
                .addJavadoc("A DAO that opens a handle for each call.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(JDBI, "jdbi")
                .addStatement("return new $T($T.requireNonNull(jdbi, $S), null)", self, OBJECTS, "jdbi")
                .build());
        type.addMethod(MethodSpec.methodBuilder("on")
                .addJavadoc("A DAO that works inside {@code handle}, and its transaction when one is open.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(HANDLE, "handle")
                .addStatement("return new $T(null, $T.requireNonNull(handle, $S))", self, OBJECTS, "handle")
                .build());
        type.addMethod(MethodSpec.methodBuilder("findById")
                .addJavadoc("The {@link $T} whose key is {@code id}, as {@link $T#plain()} loads it: with the "
                        + "relationships\nwhose declarations say how to load them, and no other; empty when there is "
                        + "none.\n", entity.type(), entity.loaderName())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(OPTIONAL, entity.type()))
                .addParameter(id.javaType(), "id")
                .addStatement("return findByKey(id)")
                .build());
        type.addMethod(insert(entity));
        type.addMethod(insertAll(entity));
        if (updates) {
            type.addMethod(update(entity));
            type.addMethod(updateAll(entity));
        }
        CodeBlock deleteById = entity.version() == null
                ? CodeBlock.of("Deletes the row whose key is {@code id}; false when there was none.\n")
                : CodeBlock.of("Deletes the row whose key is {@code id}, whatever its version; false when there was "
                        + "none. To delete\nonly the version you read, and so never discard another writer's change, "
                        + "use {@link #delete($T)}.\n", entity.type());
        type.addMethod(MethodSpec.methodBuilder("delete")
                .addJavadoc(deleteById)
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(id.javaType(), "id")
                .addStatement("return deleteByKey(id)")
                .build());
        if (entity.version() != null) {
            type.addMethod(MethodSpec.methodBuilder("delete")
                    .addJavadoc("Deletes the row of {@code entity} only if it is still at the version {@code entity} "
                            + "was read with.\n\n@throws dev.loadplan.OptimisticLockException when the row changed "
                            + "since {@code entity} was read, or has\n    been deleted; nothing was deleted\n")
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(entity.type(), "entity")
                    .addStatement("deleteEntity(entity)")
                    .build());
        }
        for (RelationshipModel relationship : DaoPlanner.linkedRelationships(entity)) {
            type.addMethod(links(entity, relationship, GeneratedNames.linkMethod(relationship), GeneratedNames.linkConstant(relationship),
                    "Links {@code entity} to each of {@code targets} ({@code $L} rows), in one batch and one "
                            + "transaction\n"
                            + "(yours when one is open); a link already there is left as it is.\n\n"
                            + "@return how many links were added\n"));
            type.addMethod(links(entity, relationship, GeneratedNames.unlinkMethod(relationship),
                    GeneratedNames.unlinkConstant(relationship),
                    "Removes the links of {@code entity} to each of {@code targets} ({@code $L} rows), in one batch "
                            + "and one\ntransaction (yours when one is open); a link not there is no error.\n\n"
                            + "@return how many links were removed\n"));
        }
        type.addMethod(insertValues(entity));
        if (updates) {
            type.addMethod(updateValues(entity));
        }
        type.addMethod(hook(entity, "keyOf", ClassName.OBJECT)
                .addStatement("return $L", id.access().read("entity"))
                .build());
        if (id.generated()) {
            type.addMethod(hook(entity, "withKey", entity.type())
                    .addParameter(Object.class, "key")
                    .addCode(withComponent(entity, id, CodeBlock.of("($T) key", id.javaType().box())))
                    .build());
        }
        ColumnModel version = entity.version();
        if (version != null) {
            type.addMethod(hook(entity, "versionOf", ClassName.OBJECT)
                    .addStatement("return $L", version.access().read("entity"))
                    .build());
            type.addMethod(hook(entity, "withNextVersion", entity.type())
                    .addCode(withComponent(entity, version, CodeBlock.of("$L + 1",
                            version.access().read("entity"))))
                    .build());
        }
        return Sources.file(self.packageName(), type.build());
    }

    /** {@code linkTags(Book entity, List<Tag> targets)}: the association rows of one many-to-many, written. */
    private static MethodSpec links(EntityModel entity, RelationshipModel relationship, String name, String constant,
            String javadoc) {
        TypeName targets = ParameterizedTypeName.get(LIST, relationship.target());
        return MethodSpec.methodBuilder(name)
                .addJavadoc(javadoc, relationship.shape().joinTableFrom())
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addParameter(entity.type(), "entity")
                .addParameter(targets, "targets")
                .addStatement("$T<$T> keys = new $T<>(targets.size())", LIST, Object.class, ARRAY_LIST)
                .beginControlFlow("for ($T target : targets)", relationship.target())
                .addStatement("keys.add($T.id($T.requireNonNull(target, $S)))",
                        GeneratedNames.mapping(relationship.target()), OBJECTS, "target")
                .endControlFlow()
                .addStatement("return writeLinks($S, $L, keyOf($T.requireNonNull(entity, $S)), keys)", name, constant,
                        OBJECTS, "entity")
                .build();
    }

    private static MethodSpec insert(EntityModel entity) {
        ColumnModel id = entity.id();
        MethodSpec.Builder method = MethodSpec.methodBuilder("insert")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(entity.type(), "entity");
        if (entity.record()) {
            return method.addJavadoc("Inserts {@code entity}; returns the record as stored, holding its key.\n")
                    .returns(entity.type())
                    .addStatement("return insertEntity(entity)")
                    .build();
        }
        if (!id.generated()) {
            return method.addJavadoc("Inserts {@code entity}, key included.\n")
                    .addStatement("insertEntity(entity)")
                    .build();
        }
        return method.addJavadoc("Inserts {@code entity}, sets the key the database assigned on it, and returns the "
                        + "key.\n")
                .returns(id.javaType())
                .addStatement("insertEntity(entity)")
                .addStatement("return $L", id.access().read("entity"))
                .build();
    }

    private static MethodSpec insertAll(EntityModel entity) {
        TypeName list = ParameterizedTypeName.get(LIST, entity.type());
        MethodSpec.Builder method = MethodSpec.methodBuilder("insertAll")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(list, "entities");
        if (entity.record()) {
            return method.addJavadoc("Inserts every entity in one batch; returns the records as stored, holding their "
                            + "keys, in order.\n")
                    .returns(list)
                    .addStatement("return insertEntities(entities)")
                    .build();
        }
        return method.addJavadoc(entity.id().generated()
                        ? "Inserts every entity in one batch, and sets on each the key the database assigned.\n"
                        : "Inserts every entity in one batch, keys included.\n")
                .addStatement("insertEntities(entities)")
                .build();
    }

    private static MethodSpec update(EntityModel entity) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("update")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(entity.type(), "entity");
        if (entity.record() && entity.version() != null) {
            return method.addJavadoc("Updates the row of {@code entity}, as the class Javadoc says; returns the record "
                            + "as stored, at its\nnext version.\n")
                    .returns(entity.type())
                    .addStatement("return updateEntity(entity)")
                    .build();
        }
        return method.addJavadoc(entity.version() != null
                        ? "Updates the row of {@code entity}, as the class Javadoc says, and sets its next version on "
                                + "it.\n"
                        : "Updates the row of {@code entity}, as the class Javadoc says; false when no row has its "
                                + "key.\n")
                .returns(boolean.class)
                .addStatement("return updateEntity(entity) != null")
                .build();
    }

    private static MethodSpec updateAll(EntityModel entity) {
        TypeName list = ParameterizedTypeName.get(LIST, entity.type());
        MethodSpec.Builder method = MethodSpec.methodBuilder("updateAll")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(list, "entities");
        String stale = entity.version() == null ? ""
                : " A row changed since its entity\nwas read fails the batch, which then changes no row.";
        if (entity.record() && entity.version() != null) {
            return method.addJavadoc("Updates the row of every entity in one batch; returns the records as stored, at "
                            + "their next\nversions.$L\n", stale)
                    .returns(list)
                    .addStatement("return updateEntities(entities)")
                    .build();
        }
        return method.addJavadoc("Updates the row of every entity in one batch; returns how many rows had their "
                        + "key.$L\n", stale)
                .returns(int.class)
                .addStatement("return updated(updateEntities(entities))")
                .build();
    }

    private static MethodSpec insertValues(EntityModel entity) {
        List<CodeBlock> values = new ArrayList<>();
        for (int index : DaoPlanner.insertColumns(entity)) {
            ColumnModel column = entity.columns().get(index);
            values.add(bound(column, value(entity, column)));
        }
        return hook(entity, "insertValues", ARGUMENTS)
                .addStatement("return $L", arguments(values))
                .build();
    }

    private static MethodSpec updateValues(EntityModel entity) {
        List<CodeBlock> values = new ArrayList<>();
        for (DaoPlanner.UpdateColumn update : DaoPlanner.updateColumns(entity)) {
            ColumnModel column = entity.columns().get(update.index());
            switch (update.write()) {
                case VALUE -> values.add(bound(column, value(entity, column)));
                case IF_HELD -> {
                    RelationshipModel relationship = owner(entity, column);
                    values.add(CodeBlock.of("$T.bool($L)", BINDING, held(relationship)));
                    values.add(bound(column, key(relationship)));
                }
                case NEXT_VERSION -> {
                    // Set in the statement itself; the version read is bound in the WHERE clause.
                }
            }
        }
        ColumnModel id = entity.id();
        values.add(bound(id, CodeBlock.of("$L", id.access().read("entity"))));
        ColumnModel version = entity.version();
        if (version != null) {
            values.add(bound(version, CodeBlock.of("$L", version.access().read("entity"))));
        }
        return hook(entity, "updateValues", ARGUMENTS)
                .addStatement("return $L", arguments(values))
                .build();
    }

    /** {@code new Argument[] {...}}, a value a line when there are several. */
    private static CodeBlock arguments(List<CodeBlock> values) {
        if (values.isEmpty()) {
            return CodeBlock.of("new $T[0]", ARGUMENT);
        }
        if (values.size() == 1) {
            return CodeBlock.of("new $T[] {$L}", ARGUMENT, values.get(0));
        }
        // A statement's continuation lines are indented by JavaPoet itself.
        return CodeBlock.of("new $T[] {\n$L}", ARGUMENT, CodeBlock.join(values, ",\n"));
    }

    /** An overridden method of {@code EntityDao} taking the entity. */
    private static MethodSpec.Builder hook(EntityModel entity, String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(returns)
                .addParameter(entity.type(), "entity");
    }

    /**
     * The entity with {@code column} set to {@code value}: a class has the field set and is returned, a record is
     * constructed again with every other component as it was.
     */
    private static CodeBlock withComponent(EntityModel entity, ColumnModel column, CodeBlock value) {
        if (!entity.record()) {
            return CodeBlock.builder()
                    .addStatement(ColumnCode.assign(column.access(), "entity", value))
                    .addStatement("return entity")
                    .build();
        }
        List<CodeBlock> components = new ArrayList<>();
        for (String component : entity.components()) {
            components.add(component.equals(column.field()) ? value : CodeBlock.of("entity.$L()", component));
        }
        return CodeBlock.builder()
                .addStatement("return new $T($L)", entity.type(), CodeBlock.join(components, ", "))
                .build();
    }

    /** {@code Binding.text(value)}: the value with its column's SQL type. */
    private static CodeBlock bound(ColumnModel column, CodeBlock value) {
        return CodeBlock.of("$T.$L($L)", BINDING, column.type().binding(), value);
    }

    /** A mapped column's field, or for a foreign key only a relationship holds, the key of what it points at. */
    private static CodeBlock value(EntityModel entity, ColumnModel column) {
        return column.isMapped() ? CodeBlock.of("$L", column.access().read("entity")) : key(owner(entity, column));
    }

    /** The to-one relationship that holds the foreign key {@code column}, which no field maps. */
    private static RelationshipModel owner(EntityModel entity, ColumnModel column) {
        String name = entity.table().columns().get(entity.columns().indexOf(column));
        for (RelationshipModel relationship : entity.relationships()) {
            if (relationship.shape().sourceColumn().equals(name) && !relationship.isCollection()
                    && relationship.inverseOf() == null) {
                return relationship;
            }
        }
        throw new IllegalStateException(entity.simpleName() + " has no relationship for column " + column.name());
    }

    /** Whether the relationship holds what it points at, so its foreign key is written. */
    private static CodeBlock held(RelationshipModel relationship) {
        String reference = relationship.access().read("entity");
        return relationship.form() == FieldForm.REF ? CodeBlock.of("$T.loaded($L)", BINDING, reference)
                : CodeBlock.of("$L != null", reference);
    }

    /** The key of what the relationship points at; null when it points at nothing, or holds nothing loaded. */
    private static CodeBlock key(RelationshipModel relationship) {
        String reference = relationship.access().read("entity");
        if (relationship.form() == FieldForm.REF) {
            // An unloaded Ref is not read: reading it would throw, or load it.
            return CodeBlock.of("$T.loaded($L) && $L.get() != null ? $T.id($L.get()) : null", BINDING, reference,
                    reference, GeneratedNames.mapping(relationship.target()), reference);
        }
        // Through the target's mapping, which can read a package-private key from the target's own package.
        return CodeBlock.of("$L == null ? null : $T.id($L)", reference, GeneratedNames.mapping(relationship.target()),
                reference);
    }
}
