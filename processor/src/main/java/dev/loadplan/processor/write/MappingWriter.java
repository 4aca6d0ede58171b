package dev.loadplan.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.loadplan.planner.Version;
import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.TableShape;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.GeneratedNames;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.model.ScalarType;
import dev.loadplan.processor.plan.LoaderPlanner;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Entity>Mapping}: how rows of the entity's table become objects, read by index, and how each
 * relationship is filled. The runtime calls it; users read it to see there is no magic.
 */
public final class MappingWriter {

    private static final String INTERNAL = "dev.loadplan.internal";
    private static final ClassName ENTITY_MAPPING = ClassName.get(INTERNAL, "EntityMapping");
    private static final ClassName RELATION = ClassName.get(INTERNAL, "Relation");
    private static final ClassName COLLECTION_RELATION = ClassName.get(INTERNAL, "CollectionRelation");
    private static final ClassName REF_RELATION = ClassName.get(INTERNAL, "RefRelation");
    private static final ClassName REFERENCE_RELATION = ClassName.get(INTERNAL, "ReferenceRelation");
    private static final ClassName REF = ClassName.get("dev.loadplan", "Ref");
    private static final ClassName RECORD_RELATIONS = ClassName.get(INTERNAL, "RecordRelations");
    private static final ClassName RECORD_HOLDER = ClassName.get(INTERNAL, "RecordHolder");
    private static final ClassName RECORD_BUILD = RECORD_HOLDER.nestedClass("RecordBuild");
    private static final ClassName COLUMN_INFO = ClassName.get(INTERNAL, "ColumnInfo");
    private static final ClassName ENUM_CONSTANTS = ClassName.get(INTERNAL, "EnumConstants");
    private static final ClassName COLUMN_TYPE = ClassName.get(INTERNAL, "ColumnType");
    private static final ClassName TABLE = ClassName.get("dev.loadplan.internal", "Table");
    private static final ClassName JOIN = ClassName.get("dev.loadplan.internal", "Join");
    private static final ClassName RELATION_SPEC = ClassName.get("dev.loadplan.internal", "RelationSpec");
    private static final ClassName STRATEGY = ClassName.get("dev.loadplan", "Strategy");
    private static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
    private static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");
    private static final ClassName LIST = ClassName.get("java.util", "List");

    private MappingWriter() {
    }

    public static JavaFile write(EntityModel entity, Provenance provenance) {
        ClassName self = entity.mappingName();
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("Reads rows of {@code $L} into {@link $T}s, columns by index, and fills its relationships.\n",
                        entity.table().table(), entity.type())
                .addJavadoc("Used by {@link $T}; internal to loadplan's generated code.\n", entity.loaderName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(ENTITY_MAPPING, entity.type()));
        provenance.mark(type);

        // Fields in initialization order: the instance needs the table, the relations list needs the relations.
        type.addField(FieldSpec.builder(TABLE, "TABLE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(table(entity))
                .build());
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, COLUMN_INFO), "COLUMNS", Modifier.PRIVATE,
                        Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("What each column of {@code TABLE} is to {@link $T}, for the schema check.\n", entity.type())
                .initializer(columnInfos(entity))
                .build());
        type.addField(FieldSpec.builder(String.class, "GENERATED_BY", Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("The loadplan version whose planner wrote this code and its loader's constants: a runtime "
                        + "of another\nversion refuses it, as its SQL could differ from what they show.\n")
                .initializer("$S", Version.CURRENT)
                .build());
        if (!entity.record()) {
            type.addField(FieldSpec.builder(String.class, GeneratedNames.DECLARED_FIELDS, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("$T's fields in declaration order, which a compilation reading $T from its class "
                            + "file\nreads here: Eclipse's compiler lists a compiled class's fields sorted by name.\n",
                            entity.type(), entity.type())
                    .initializer("$S", String.join(",", entity.components()))
                    .build());
        }
        type.addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The mapping's only instance.\n")
                .initializer("new $T()", self)
                .build());
        List<String> relationFields = new ArrayList<>();
        for (RelationshipModel relationship : entity.relationships()) {
            String field = GeneratedNames.relationConstant(relationship);
            relationFields.add(field);
            ClassName relationClass = self.nestedClass(GeneratedNames.relationClass(relationship));
            type.addField(FieldSpec.builder(
                            ParameterizedTypeName.get(RELATION, entity.type(), relationship.target()), field,
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("{@code $L.$L}: $L.\n", entity.simpleName(), relationship.field(),
                            describe(relationship))
                    .initializer("new $T()", relationClass)
                    .build());
            type.addType(relationClass(entity, relationship));
        }
        TypeName relationList = ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(RELATION, entity.type(),
                WildcardTypeName.subtypeOf(Object.class)));
        type.addField(FieldSpec.builder(relationList, "RELATIONS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", LIST, String.join(", ", relationFields))
                .build());

        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addStatement("super($S, TABLE, COLUMNS, GENERATED_BY)", entity.simpleName())
                .build());
        type.addMethod(readId(entity));
        type.addMethod(id(entity));
        if (entity.record() && entity.relationships().isEmpty()) {
            type.addMethod(readLeafRecord(entity));
        } else if (entity.record()) {
            type.addMethod(readRecord(entity));
            type.addMethod(completeRecord(entity));
            type.addMethod(MethodSpec.methodBuilder("buildsRecords")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(boolean.class)
                    .addStatement("return true")
                    .build());
        } else {
            type.addMethod(read(entity));
        }
        type.addMethod(MethodSpec.methodBuilder("relations")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(relationList)
                .addStatement("return RELATIONS")
                .build());
        return Sources.file(self.packageName(), type.build());
    }

    /** {@code Table.named("books").columns("id", "title", "author_id").key("id")}. */
    private static CodeBlock table(EntityModel entity) {
        List<CodeBlock> columns = new ArrayList<>();
        for (String column : entity.table().columns()) {
            columns.add(CodeBlock.of("$S", column));
        }
        TableShape table = entity.table();
        CodeBlock.Builder code = CodeBlock.builder().add("$T.named($S)", TABLE, table.table());
        if (table.schema() != null) {
            code.add(".inSchema($S)", table.schema());
        }
        return code.add("$>$>\n.columns($L)\n.key($S)$<$<", CodeBlock.join(columns, ", "), table.idColumn()).build();
    }

    private static CodeBlock columnInfos(EntityModel entity) {
        List<CodeBlock> infos = new ArrayList<>();
        for (ColumnModel column : entity.columns()) {
            if (column.type() == ScalarType.ENUM && column.isMapped()) {
                infos.add(CodeBlock.of("\n$L\n.constants(new $T<>($S, $T::valueOf, $T::values))", columnInfo(column),
                        ENUM_CONSTANTS, ((ClassName) column.javaType()).simpleName(), column.javaType(),
                        column.javaType()));
            } else {
                infos.add(CodeBlock.of("\n$L", columnInfo(column)));
            }
        }
        return CodeBlock.of("$T.of($>$>$L$<$<)", LIST, CodeBlock.join(infos, ","));
    }

    /** {@code ColumnInfo.primitive("id", ColumnType.LONG)}, or {@code nullable} for a field that holds NULL. */
    private static CodeBlock columnInfo(ColumnModel column) {
        return CodeBlock.of("$T.$L($S, $T.$L)", COLUMN_INFO, column.type().isPrimitive() ? "primitive" : "nullable",
                column.field(), COLUMN_TYPE, column.type().columnType());
    }

    /**
     * The entity's key as generated code of other entities reads it: from the entity's own package, where a
     * package-private field or accessor can be read.
     */
    private static MethodSpec id(EntityModel entity) {
        ColumnModel id = entity.id();
        return MethodSpec.methodBuilder("id")
                .addJavadoc("The primary key of {@code entity}, for the generated code of entities in other "
                        + "packages.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(id.javaType())
                .addParameter(entity.type(), "entity")
                .addStatement("return $L", id.access().read("entity"))
                .build();
    }

    private static MethodSpec readId(EntityModel entity) {
        ColumnModel id = entity.id();
        return MethodSpec.methodBuilder("readId")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(RESULT_SET, "row")
                .addParameter(int.class, "offset")
                .addException(SQL_EXCEPTION)
                .addStatement("return $L", ColumnCode.readAt(id.type().boxed(), id.javaType().box(),
                        CodeBlock.of("offset + $L", entity.idIndex() + 1)))
                .build();
    }

    private static MethodSpec read(EntityModel entity) {
        MethodSpec.Builder method = rowReader(entity.type())
                .addStatement("$T entity = new $T()", entity.type(), entity.type());
        if (!entity.relationships().isEmpty()) {
            method.addComment("Relationships start undecided, whatever the constructor put there: the plan decides.");
            for (RelationshipModel relationship : entity.relationships()) {
                method.addStatement(ColumnCode.assign(relationship.access(), "entity", CodeBlock.of("null")));
            }
        }
        List<ColumnModel> columns = entity.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnModel column = columns.get(i);
            if (!column.isMapped()) {
                continue;
            }
            if (column.type() == ScalarType.ENUM) {
                method.addCode(ColumnCode.readEnum(column, "entity", i));
            } else {
                method.addStatement(ColumnCode.assign(column.access(), "entity",
                        ColumnCode.read(column.type(), column.javaType(), i)));
            }
        }
        return method.addStatement("return entity").build();
    }

    /** {@code public <returns> read(ResultSet row, int offset)}, the mapping's reader of a row, its body to come. */
    private static MethodSpec.Builder rowReader(TypeName returns) {
        return MethodSpec.methodBuilder("read")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addParameter(RESULT_SET, "row")
                .addParameter(int.class, "offset")
                .addException(SQL_EXCEPTION);
    }

    /**
     * The record of a row, built at once: it holds no relationship, so nothing of it waits for the load, and the
     * runtime takes it as it takes a class's entity, with no holder to build it from later.
     */
    private static MethodSpec readLeafRecord(EntityModel entity) {
        MethodSpec.Builder method = rowReader(ClassName.OBJECT)
                .addJavadoc("The record of the row: it holds no relationship, so it is built at once.\n");
        List<ColumnModel> columns = entity.columns();
        List<CodeBlock> arguments = new ArrayList<>();
        for (String component : entity.components()) {
            ColumnModel column = columns.stream().filter(candidate -> component.equals(candidate.field()))
                    .findFirst().orElseThrow();
            int index = columns.indexOf(column);
            if (column.type() == ScalarType.ENUM) {
                String name = column.field() + "Name";
                method.addStatement("String $L = row.getString(offset + $L)", name, index + 1);
                arguments.add(ColumnCode.enumConstant(name, index));
            } else {
                arguments.add(ColumnCode.read(column.type(), column.javaType(), index));
            }
        }
        return method.addStatement("return new $T($>$>\n$L$<$<)", entity.type(), CodeBlock.join(arguments, ",\n"))
                .build();
    }

    /**
     * A record's row: its columns in the slots of their components, relationship slots left for the load to fill,
     * in a holder the record is built from once the load is complete.
     */
    private static MethodSpec readRecord(EntityModel entity) {
        MethodSpec.Builder method = rowReader(ClassName.OBJECT)
                .addJavadoc("The row's values, by component, until every relationship of the record is loaded.\n")
                .addStatement("Object[] values = new Object[$L]", entity.components().size());
        List<ColumnModel> columns = entity.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnModel column = columns.get(i);
            if (!column.isMapped()) {
                continue;
            }
            int slot = entity.componentIndex(column.field());
            if (column.type() == ScalarType.ENUM) {
                String name = column.field() + "Name";
                method.addStatement("String $L = row.getString(offset + $L)", name, i + 1);
                method.addStatement("values[$L] = $L", slot, ColumnCode.enumConstant(name, i));
            } else {
                method.addStatement("values[$L] = $L", slot, ColumnCode.read(column.type(), column.javaType(), i));
            }
        }
        return method.addStatement("return new $T(this, values[$L], values)", RECORD_HOLDER,
                entity.componentIndex(entity.id().field())).build();
    }

    /** Builds the record from its holder, each relationship's children built first. */
    private static MethodSpec completeRecord(EntityModel entity) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (String component : entity.components()) {
            int slot = entity.componentIndex(component);
            RelationshipModel relationship = entity.relationships().stream()
                    .filter(candidate -> candidate.field().equals(component)).findFirst().orElse(null);
            if (relationship != null) {
                arguments.add(CodeBlock.of("$L.built(holder, build)", relationInstance(relationship)));
            } else {
                ColumnModel column = entity.columns().stream()
                        .filter(candidate -> component.equals(candidate.field())).findFirst().orElseThrow();
                arguments.add(CodeBlock.of("($T) holder.value($L)", column.javaType(), slot));
            }
        }
        return MethodSpec.methodBuilder("complete")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(entity.type())
                .addParameter(Object.class, "read")
                .addParameter(RECORD_BUILD, "build")
                .addStatement("return (($T) read).build(build, holder -> new $T($>$>\n$L$<$<))", RECORD_HOLDER,
                        entity.type(), CodeBlock.join(arguments, ",\n"))
                .build();
    }

    /** The relation's instance as its own class, whose {@code built} the record's constructor call needs. */
    private static CodeBlock relationInstance(RelationshipModel relationship) {
        return CodeBlock.of("(($L) $L)", GeneratedNames.relationClass(relationship), GeneratedNames.relationConstant(relationship));
    }

    private static TypeSpec relationClass(EntityModel entity, RelationshipModel relationship) {
        ClassName target = relationship.target();
        TypeName fieldType = switch (relationship.form()) {
            case COLLECTION -> ParameterizedTypeName.get(LIST, target);
            case REF -> ParameterizedTypeName.get(REF, target);
            case REFERENCE -> target;
        };
        ClassName base = switch (relationship.form()) {
            case COLLECTION -> entity.record() ? RECORD_RELATIONS.nestedClass("Collection") : COLLECTION_RELATION;
            case REF -> entity.record() ? RECORD_RELATIONS.nestedClass("Reference") : REF_RELATION;
            case REFERENCE -> entity.record() ? RECORD_RELATIONS.nestedClass("Plain") : REFERENCE_RELATION;
        };
        TypeSpec.Builder type = TypeSpec.classBuilder(GeneratedNames.relationClass(relationship))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(base, entity.type(), target));
        // A record's relationship waits in the slot of its component until the record is built.
        CodeBlock slot = entity.record() ? CodeBlock.of(",\n$L", entity.componentIndex(relationship.field()))
                : CodeBlock.of("");
        // A view's relationship is loaded by every plan: on first read too, when its field is a Ref.
        String always = !relationship.alwaysLoaded() ? ""
                : relationship.form() == FieldForm.REF ? "\n.alwaysLoadedOrOnRead()" : "\n.alwaysLoaded()";
        type.addMethod(MethodSpec.constructorBuilder()
                .addStatement("super($T.of($S)$>$>\n.join($L)\n.declared($T.$L)\n.keysBoundAs($S)\n.loadedBy($S)$L$<$<$L)",
                        RELATION_SPEC, entity.simpleName() + "." + relationship.field(), join(relationship.shape()),
                        STRATEGY, relationship.declaredStrategy().name(), relationship.keyType().keyArrayType(),
                        LoaderPlanner.loaderMethods(entity, relationship), always, slot)
                .build());
        type.addMethod(MethodSpec.methodBuilder("target")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ENTITY_MAPPING, target))
                .addStatement("return $T.INSTANCE", GeneratedNames.mapping(target))
                .build());
        ScalarType keyType = relationship.keyType();
        type.addMethod(MethodSpec.methodBuilder("readKey")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(RESULT_SET, "row")
                .addParameter(int.class, "index")
                .addException(SQL_EXCEPTION)
                .addStatement("return $L", ColumnCode.readAt(keyType, keyTypeName(keyType), CodeBlock.of("index + 1")))
                .build());
        if (entity.record()) {
            return type.build();
        }
        type.addMethod(MethodSpec.methodBuilder("get")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(fieldType)
                .addParameter(entity.type(), "parent")
                .addStatement("return $L", relationship.access().read("parent"))
                .build());
        type.addMethod(MethodSpec.methodBuilder("set")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addParameter(entity.type(), "parent")
                .addParameter(fieldType, "value")
                .addStatement(ColumnCode.assign(relationship.access(), "parent", CodeBlock.of("value")))
                .build());
        return type.build();
    }

    /** {@code Join.foreignKeyInTarget("books", "author_id").from("id").orderBy("id")}, and the other two kinds. */
    private static CodeBlock join(RelationShape shape) {
        CodeBlock.Builder code = CodeBlock.builder();
        switch (shape.kind()) {
            case FOREIGN_KEY_IN_TARGET -> {
                code.add("$T.foreignKeyInTarget($S, $S).from($S)", JOIN, shape.name(), shape.targetColumn(),
                        shape.sourceColumn());
                if (!shape.many()) {
                    code.add(".single()");
                }
            }
            case FOREIGN_KEY_IN_SOURCE -> {
                code.add("$T.foreignKeyInSource($S, $S).to($S)", JOIN, shape.name(), shape.sourceColumn(),
                        shape.targetColumn());
                if (shape.innerJoin()) {
                    code.add(".innerJoin()");
                }
            }
            case JOIN_TABLE -> {
                code.add("$T.joinTable($S, $S)", JOIN, shape.name(), shape.joinTable());
                if (shape.joinTableSchema() != null) {
                    code.add(".inSchema($S)", shape.joinTableSchema());
                }
                code.add(".from($S, $S).to($S, $S)", shape.sourceColumn(), shape.joinColumn(),
                        shape.inverseJoinColumn(), shape.targetColumn());
            }
        }
        for (OrderTerm term : shape.orderBy()) {
            code.add(term.descending() ? ".orderByDescending($S)" : ".orderBy($S)", term.column());
        }
        return code.build();
    }

    private static TypeName keyTypeName(ScalarType keyType) {
        return ClassName.bestGuess(keyType.javaName());
    }

    private static String describe(RelationshipModel relationship) {
        String kind = relationship.kind().description();
        return relationship.inverseOf() == null ? kind : kind + ", inverse of {@code " + relationship.inverseOf() + "}";
    }
}
