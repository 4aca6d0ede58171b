package dev.loadplan.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.plan.DaoPlanner;
import dev.loadplan.processor.plan.StatementConstant;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Entity>Dao}: insert and update, which bind the entity's own fields, on top of the runtime's
 * {@code EntityDao} (find, count, delete, and where the handle comes from). Plain statements, no lambdas: a DAO
 * per entity must stay cheap to compile.
 */
public final class DaoWriter {

    private static final ClassName HANDLE = ClassName.get("org.jdbi.v3.core", "Handle");
    private static final ClassName JDBI = ClassName.get("org.jdbi.v3.core", "Jdbi");
    private static final ClassName ENTITY_DAO = ClassName.get("dev.loadplan", "EntityDao");
    private static final ClassName FIRST_COLUMN = ClassName.get("dev.loadplan", "FirstColumn");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");

    private DaoWriter() {
    }

    public static JavaFile write(EntityModel entity, List<? extends Element> originatingElements) {
        ClassName self = entity.daoName();
        ColumnModel id = entity.id();
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("Reads and writes single {@link $T}s. Relationships are not written: a foreign key is "
                        + "written\nfrom its column's field, or from the key of the entity a relationship points at.\n",
                        entity.type())
                .addAnnotation(Sources.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(ENTITY_DAO, entity.type()));
        originatingElements.forEach(type::addOriginatingElement);
        for (StatementConstant statement : DaoPlanner.statements(entity)) {
            type.addField(Sources.constant(statement));
        }
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(JDBI, "jdbi")
                .addParameter(HANDLE, "handle")
                .addStatement("super(jdbi, handle, $T.plain(), $L, $L)", entity.loaderName(), DaoPlanner.COUNT,
                        DaoPlanner.DELETE)
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
        if (!DaoPlanner.updateColumns(entity).isEmpty()) {
            type.addMethod(update(entity));
        }
        type.addMethod(MethodSpec.methodBuilder("delete")
                .addJavadoc("Deletes the row whose key is {@code id}; false when there was none.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(id.javaType(), "id")
                .addStatement("return deleteByKey(id)")
                .build());
        return Sources.file(self.packageName(), type.build());
    }

    private static MethodSpec insert(EntityModel entity) {
        ColumnModel id = entity.id();
        CodeBlock binds = binds(entity, DaoPlanner.insertColumns(entity), 0);
        MethodSpec.Builder method = MethodSpec.methodBuilder("insert")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(entity.type(), "entity")
                .addStatement("$T handle = open()", HANDLE)
                .beginControlFlow("try");
        if (id.generated()) {
            method.addJavadoc("Inserts {@code entity}, sets the key the database assigned on it (a record keeps "
                            + "its own),\nand returns the key.\n")
                    .returns(id.javaType())
                    .addStatement("$T key = handle.createQuery($L)$L\n.map($T.$L)\n.one()", id.javaType(),
                            DaoPlanner.INSERT, binds, FIRST_COLUMN, id.type().columnType());
            if (entity.record()) {
                method.addComment("A record cannot take its key after construction: the caller builds one with it.");
            } else {
                method.addStatement(ColumnCode.assign(id.access(), "entity", CodeBlock.of("key")));
            }
            method.addStatement("return key");
        } else {
            method.addJavadoc("Inserts {@code entity}, key included.\n")
                    .addStatement("handle.createUpdate($L)$L\n.execute()", DaoPlanner.INSERT, binds);
        }
        return method.nextControlFlow("finally")
                .addStatement("release(handle)")
                .endControlFlow()
                .build();
    }

    private static MethodSpec update(EntityModel entity) {
        List<Integer> columns = DaoPlanner.updateColumns(entity);
        CodeBlock binds = binds(entity, columns, 0);
        return MethodSpec.methodBuilder("update")
                .addJavadoc("Writes every column of {@code entity} but its key; false when no row has its key.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(entity.type(), "entity")
                .addStatement("$T handle = open()", HANDLE)
                .beginControlFlow("try")
                .addStatement("return handle.createUpdate($L)$L\n.bind($L, $L)\n.execute() == 1", DaoPlanner.UPDATE,
                        binds, columns.size(), entity.id().access().read("entity"))
                .nextControlFlow("finally")
                .addStatement("release(handle)")
                .endControlFlow()
                .build();
    }

    /** {@code .bind(0, entity.name)} for each column, positions counted from {@code first}. */
    private static CodeBlock binds(EntityModel entity, List<Integer> columns, int first) {
        CodeBlock.Builder code = CodeBlock.builder();
        int position = first;
        for (int index : columns) {
            code.add("\n.bind($L, $L)", position++, value(entity, entity.columns().get(index)));
        }
        return code.build();
    }

    /** A mapped column's field, or for a foreign key only a relationship maps, the key of what it points at. */
    private static CodeBlock value(EntityModel entity, ColumnModel column) {
        if (column.isMapped()) {
            return ColumnCode.value(column, "entity");
        }
        for (RelationshipModel relationship : entity.relationships()) {
            if (relationship.shape().sourceColumn().equals(entity.table().columns().get(entity.columns().indexOf(column)))
                    && !relationship.isCollection() && relationship.inverseOf() == null) {
                // With null on one side, a primitive key on the other is boxed: the value stays null.
                String reference = relationship.access().read("entity");
                if (relationship.form() == FieldForm.REF) {
                    // An unloaded Ref throws here rather than writing NULL over the key the row has.
                    return CodeBlock.of("$L == null || $L.get() == null ? null : $L", reference, reference,
                            relationship.targetId().read(reference + ".get()"));
                }
                return CodeBlock.of("$L == null ? null : $L", reference, relationship.targetId().read(reference));
            }
        }
        throw new IllegalStateException(entity.simpleName() + " has no relationship for column " + column.name());
    }
}
