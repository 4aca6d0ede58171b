package dev.loadplan.processor.validate;

import static dev.loadplan.planner.sql.SqlIdentifiers.quoteIfNeeded;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.TableShape;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reporter;
import dev.loadplan.processor.diagnostics.Suggestions;
import dev.loadplan.processor.model.Accessor;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.RelationshipKind;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.model.ScalarType;
import dev.loadplan.processor.scan.EntityDeclaration;
import dev.loadplan.processor.scan.EntityScanner;
import dev.loadplan.processor.scan.FieldDeclaration;
import dev.loadplan.processor.scan.RelationshipAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks every declaration of a round and turns the sound ones into {@link EntityModel}s. It reports every
 * problem it finds, on the element and attribute at fault, and leaves out an entity with a problem, and any
 * entity whose relationships point at one, so that no code is generated from a broken model.
 */
public final class EntityValidator {

    private final EntityScanner scanner;
    private final Reporter reporter;
    private final Accessors accessors;
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    /** Set while relationships of an entity compiled before are read: problems there are not reported. */
    private boolean quiet;

    /** An entity while it is checked: its columns first, its relationships once every entity has columns. */
    private static final class Draft {
        final EntityDeclaration declaration;
        final boolean inRound;
        final List<ColumnModel> columns = new ArrayList<>();
        final List<FieldDeclaration> relationshipFields = new ArrayList<>();
        final List<RelationshipModel> relationships = new ArrayList<>();
        final List<String> targets = new ArrayList<>();
        final Map<String, Accessor> accessors = new LinkedHashMap<>();
        boolean failed;
        boolean relationshipsAdded;

        Draft(EntityDeclaration declaration, boolean inRound) {
            this.declaration = declaration;
            this.inRound = inRound;
        }

        String name() {
            return declaration.simpleName();
        }

        ColumnModel id() {
            return columns.stream().filter(ColumnModel::id).findFirst().orElse(null);
        }

        ColumnModel column(String name) {
            return columns.stream().filter(column -> column.name().equals(name)).findFirst().orElse(null);
        }

        /** The table as statements select it: quoted where needed, in select order. */
        TableShape table() {
            String schema = declaration.schema();
            return new TableShape(quoteIfNeeded(declaration.table()),
                    columns.stream().map(column -> quoteIfNeeded(column.name())).toList(),
                    columns.indexOf(id()), schema.isEmpty() ? null : quoteIfNeeded(schema));
        }

        List<String> columnNames() {
            return columns.stream().map(ColumnModel::name).toList();
        }
    }

    public EntityValidator(EntityScanner scanner, Reporter reporter, Elements elements, Types types) {
        this.scanner = scanner;
        this.reporter = reporter;
        this.accessors = new Accessors(elements, types);
    }

    /**
     * The round's sound entities, whose code the processor writes, and every sound entity they reach, those compiled
     * before included: the declared defaults of all of them decide what the generated constants show.
     */
    public record Validated(List<EntityModel> generated, List<EntityModel> reachable) {
    }

    /** Validates the round's entities; returns the models of those that are sound, in the order given. */
    public Validated validate(List<EntityDeclaration> entities) {
        for (EntityDeclaration entity : entities) {
            drafts.put(qualifiedName(entity.element()), new Draft(entity, true));
        }
        for (Draft draft : List.copyOf(drafts.values())) {
            checkClass(draft);
            checkFields(draft);
        }
        for (Draft draft : List.copyOf(drafts.values())) {
            if (draft.inRound) {
                addForeignKeyColumns(draft);
            }
        }
        for (Draft draft : List.copyOf(drafts.values())) {
            if (draft.inRound) {
                addRelationships(draft);
            }
        }
        addRelationshipsOfEntitiesCompiledBefore();
        dropDependentsOfFailed();
        List<EntityModel> generated = new ArrayList<>();
        List<EntityModel> reachable = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            if (!draft.failed) {
                EntityModel model = new EntityModel(ClassName.get(draft.declaration.element()), draft.table(),
                        draft.columns, draft.relationships, draft.declaration.element().getKind() == ElementKind.RECORD,
                        draft.declaration.fields().stream().map(FieldDeclaration::name).toList());
                reachable.add(model);
                if (draft.inRound) {
                    generated.add(model);
                }
            }
        }
        return new Validated(generated, reachable);
    }

    private void addRelationships(Draft draft) {
        draft.relationshipsAdded = true;
        for (FieldDeclaration field : draft.relationshipFields) {
            RelationshipModel relationship = relationship(draft, field);
            if (relationship != null) {
                draft.relationships.add(relationship);
            }
        }
    }

    /**
     * The relationships of entities compiled before, and of those they reach, for their declared defaults. They were
     * checked when they were compiled: one loadplan cannot map now is left out, quietly, rather than failing a
     * build that cannot change it.
     */
    private void addRelationshipsOfEntitiesCompiledBefore() {
        boolean added = true;
        while (added) {
            added = false;
            for (Draft draft : List.copyOf(drafts.values())) {
                if (!draft.inRound && !draft.relationshipsAdded && !draft.failed) {
                    quiet = true;
                    try {
                        addRelationships(draft);
                    } finally {
                        quiet = false;
                        draft.failed = false;
                    }
                    added = true;
                }
            }
        }
    }

    private void checkClass(Draft draft) {
        TypeElement type = draft.declaration.element();
        if (!EntityScanner.isClass(type)) {
            fail(draft, type, Message.ENTITY_NOT_A_CLASS, draft.name(), EntityScanner.kindWithArticle(type));
            return;
        }
        String table = draft.declaration.table();
        if (table.contains(".") || table.contains("\"")) {
            // Quoted as one name, "sales.orders" would name a table of that name, with a dot in it.
            String named = table.replace("\"", "");
            int dot = named.indexOf('.');
            String instead = dot < 0 ? "table = \"" + named + "\""
                    : "schema = \"" + named.substring(0, dot) + "\", table = \"" + named.substring(dot + 1) + "\"";
            fail(draft, type, Message.ENTITY_TABLE_QUALIFIED, draft.name(), table, instead);
        }
        if (!type.getTypeParameters().isEmpty()) {
            fail(draft, type, Message.ENTITY_GENERIC, draft.name(), type.getTypeParameters().stream()
                    .map(parameter -> parameter.getSimpleName().toString())
                    .collect(Collectors.joining(", ", "<", ">")));
        }
        TypeElement entitySuperclass = draft.declaration.entitySuperclass();
        if (entitySuperclass != null) {
            fail(draft, type, Message.ENTITY_SUPERCLASS_IS_ENTITY, draft.name(),
                    entitySuperclass.getQualifiedName(), entitySuperclass.getSimpleName(), draft.name());
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)) {
            // Its implicit constructor is private too: this is the cause to report, not the constructor.
            fail(draft, type, Message.ENTITY_PRIVATE, draft.name());
            return;
        }
        if (type.getKind() == ElementKind.RECORD) {
            // A record is static, concrete, and has its canonical constructor.
            return;
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            fail(draft, type, Message.ENTITY_NESTED_NOT_STATIC, draft.name());
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            fail(draft, type, Message.ENTITY_ABSTRACT, draft.name());
        }
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        boolean noArguments = constructors.stream().anyMatch(constructor -> constructor.getParameters().isEmpty()
                && !constructor.getModifiers().contains(Modifier.PRIVATE));
        if (!noArguments) {
            fail(draft, type, Message.ENTITY_NO_CONSTRUCTOR, draft.name());
        }
    }

    private void checkFields(Draft draft) {
        // Only in the round: an entity compiled before cannot change, and what it left unmapped stays so.
        for (FieldDeclaration field : draft.inRound ? draft.declaration.unmappable() : List.<FieldDeclaration>of()) {
            String annotations = String.join(" and ", EntityScanner.loadplanAnnotations(field.element()));
            fail(draft, field.element(), field.element().getModifiers().contains(Modifier.STATIC)
                    ? Message.STATIC_FIELD_MAPPED : Message.TRANSIENT_FIELD_MAPPED, draft.name(), field.name(),
                    annotations, annotations);
        }
        for (EntityDeclaration.HiddenField hidden : draft.inRound ? draft.declaration.hidden()
                : List.<EntityDeclaration.HiddenField>of()) {
            FieldDeclaration below = hidden.below();
            FieldDeclaration above = hidden.above();
            fail(draft, below.element(), Message.FIELD_HIDES_INHERITED, below.declaringClass().getSimpleName(),
                    below.name(), above.declaringClass().getSimpleName(), above.name(), draft.name(),
                    above.declaringClass().getSimpleName(), above.name());
        }
        List<FieldDeclaration> ids = new ArrayList<>();
        List<FieldDeclaration> versions = new ArrayList<>();
        for (FieldDeclaration field : draft.declaration.fields()) {
            if (field.id() != null) {
                // Counted even when the field is unusable, so its own error is the only one reported.
                ids.add(field);
            }
            if (field.version() != null) {
                versions.add(field);
            }
            boolean record = draft.declaration.element().getKind() == ElementKind.RECORD;
            TypeElement entity = draft.declaration.element();
            Accessor accessor = record ? new Accessor(field.name(), field.name(), null)
                    : accessors.find(entity, field);
            if (accessor == null) {
                // In the entity's package, only a private field is out of reach, and making it package-private will do.
                if (packageName(field.declaringClass()).equals(packageName(entity))) {
                    fail(draft, field.element(), Message.PRIVATE_FIELD, field.declaringClass().getSimpleName(),
                            field.name(), Accessors.suggestion(field));
                } else {
                    fail(draft, field.element(), Message.INHERITED_FIELD_UNREACHABLE, draft.name(), field.name(),
                            field.declaringClass().getQualifiedName(), packageName(entity),
                            accessors.whyUnreachable(entity, field), Accessors.suggestion(field),
                            field.declaringClass().getSimpleName());
                }
                continue;
            }
            draft.accessors.put(field.name(), accessor);
            if (!record && field.element().getModifiers().contains(Modifier.FINAL)) {
                fail(draft, field.element(), Message.FINAL_FIELD, field.declaringClass().getSimpleName(),
                        field.name());
                continue;
            }
            if (field.isRelationship()) {
                if (field.column() != null) {
                    fail(draft, field.element(), Message.COLUMN_ON_RELATIONSHIP, draft.name(), field.name(),
                            field.columnName());
                } else if (field.id() != null) {
                    fail(draft, field.element(), Message.ID_ON_RELATIONSHIP, draft.name(), field.name());
                } else if (field.version() != null) {
                    fail(draft, field.element(), Message.VERSION_ON_RELATIONSHIP, draft.name(), field.name());
                } else {
                    draft.relationshipFields.add(field);
                }
                continue;
            }
            column(draft, field);
        }
        if (ids.isEmpty()) {
            fail(draft, draft.declaration.element(), Message.MISSING_ID, draft.name());
        } else if (ids.size() > 1) {
            fail(draft, ids.get(1).element(), Message.DUPLICATE_ID, draft.name(),
                    String.join(", ", ids.stream().map(FieldDeclaration::name).toList()));
        }
        if (versions.size() > 1) {
            fail(draft, versions.get(1).element(), Message.DUPLICATE_VERSION, draft.name(),
                    String.join(", ", versions.stream().map(FieldDeclaration::name).toList()));
        }
    }

    private void column(Draft draft, FieldDeclaration field) {
        if (field.column() != null && field.columnName().isBlank()) {
            reportOn(draft, field, field.column(), "value", Message.EMPTY_COLUMN_NAME, draft.name(), field.name());
            return;
        }
        String name = field.columnName();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            reportOn(draft, field, field.column(), "value", Message.QUOTED_COLUMN_NAME, draft.name(), field.name(),
                    name, name.substring(1, name.length() - 1).replace("\"\"", "\""));
            return;
        }
        String plain = TypeClassifier.plainInsteadOfOptional(field.type());
        if (plain != null) {
            fail(draft, field.element(), Message.COLUMN_OPTIONAL, draft.name(), field.name(), field.type(), plain);
            return;
        }
        ScalarType type = TypeClassifier.scalar(field.type());
        if (type == null) {
            fail(draft, field.element(), Message.UNSUPPORTED_TYPE, draft.name(), field.name(), field.type(),
                    TypeClassifier.insteadOfUnsupported(field.type()), ScalarType.supportedNames());
            return;
        }
        if (field.id() != null && !type.canBeKey()) {
            fail(draft, field.element(), Message.ID_TYPE, draft.name(), field.name(), field.type(),
                    ScalarType.keyNames());
            return;
        }
        if (field.version() != null && field.id() != null) {
            fail(draft, field.element(), Message.VERSION_ON_ID, draft.name(), field.name());
            return;
        }
        if (field.version() != null && !type.canBeVersion()) {
            fail(draft, field.element(), Message.VERSION_TYPE, draft.name(), field.name(), field.type());
            return;
        }
        ColumnModel existing = draft.column(field.columnName());
        if (existing != null) {
            reportOn(draft, field, field.column(), "value", Message.DUPLICATE_COLUMN, draft.name(), field.name(),
                    field.columnName(), draft.name(), existing.field());
            return;
        }
        // Unless the @Id says, the database assigns numeric keys and the application UUID and text ones.
        boolean generated = field.id() != null
                && (field.idGenerated() != null ? field.idGenerated() : type.generatedByDefault());
        draft.columns.add(new ColumnModel(field.name(), field.columnName(), type, TypeName.get(field.type()),
                field.id() != null, generated, draft.accessors.get(field.name()), field.version() != null));
    }

    /**
     * Selects the foreign keys that only a relationship maps, so rows can be matched to the rows they point at.
     */
    private void addForeignKeyColumns(Draft draft) {
        for (FieldDeclaration field : draft.relationshipFields) {
            RelationshipAttributes attributes = field.attributes();
            if (attributes.joinColumn().isEmpty() || !attributes.joinTable().isEmpty()
                    || TypeClassifier.isList(field.type())) {
                continue;
            }
            Draft target = draftOf(referencedEntity(field.type()));
            if (target == null || target.id() == null) {
                continue;
            }
            ScalarType keyType = target.id().type().boxed();
            ColumnModel mapped = draft.column(attributes.joinColumn());
            if (mapped == null) {
                draft.columns.add(new ColumnModel(null, attributes.joinColumn(), keyType,
                        target.id().javaType().box(), false, false, null, false));
            } else if (mapped.type().boxed() != keyType) {
                reportOn(draft, field, field.relationship(), "joinColumn", Message.JOIN_COLUMN_TYPE, draft.name(),
                        field.name(), attributes.joinColumn(), draft.name(), mapped.field(), mapped.javaType(),
                        target.name(), target.id().javaType());
            }
        }
    }

    private RelationshipModel relationship(Draft draft, FieldDeclaration field) {
        RelationshipAttributes attributes = field.attributes();
        boolean many = TypeClassifier.isList(field.type());
        boolean ref = TypeClassifier.isRef(field.type());
        FieldForm form = many ? FieldForm.COLLECTION : ref ? FieldForm.REF : FieldForm.REFERENCE;
        if (optionalRelationship(draft, field, many, ref)) {
            return null;
        }
        String declareAs = TypeClassifier.listInstead(field.type());
        if (declareAs != null) {
            fail(draft, field.element(), Message.RELATIONSHIP_COLLECTION_TYPE, draft.name(), field.name(),
                    field.type(), declareAs);
            return null;
        }
        TypeMirror targetType = many || ref ? TypeClassifier.elementType(field.type()) : field.type();
        TypeElement targetElement = targetType == null ? null : TypeClassifier.declared(targetType);
        Draft target = draftOf(targetElement);
        if (target == null) {
            String shown = targetType == null ? "nothing (a raw " + (ref ? "Ref" : "List") + ")" : targetType.toString();
            fail(draft, field.element(), Message.RELATIONSHIP_TARGET_NOT_ENTITY, draft.name(), field.name(), shown,
                    shown);
            return null;
        }
        draft.targets.add(qualifiedName(targetElement));
        boolean ok = checkStrategyFits(draft, field, form, target) & checkAttributesFit(draft, field, many);
        if (!ok || draft.id() == null || target.id() == null) {
            draft.failed = true;
            return null;
        }
        if (!attributes.joinTable().isEmpty()) {
            return manyToMany(draft, field, target);
        }
        if (!attributes.mappedBy().isEmpty()) {
            return inverse(draft, field, target, form);
        }
        if (many && !attributes.joinColumn().isEmpty()) {
            return oneToManyByJoinColumn(draft, field, target);
        }
        if (many) {
            fail(draft, field.element(), Message.COLLECTION_NEEDS_MAPPING, draft.name(), field.name(), target.name(),
                    target.name());
            return null;
        }
        if (attributes.joinColumn().isEmpty()) {
            reportOn(draft, field, field.relationship(), null, Message.REFERENCE_NEEDS_MAPPING, draft.name(),
                    field.name(), draft.declaration.table(), target.name());
            return null;
        }
        RelationShape shape = RelationShape.foreignKeyInSource(field.name(), quoteIfNeeded(attributes.joinColumn()),
                quoteIfNeeded(target.id().name()), attributes.innerJoin());
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), form,
                ClassName.get(target.declaration.element()),
                ownsOneToOne(draft, field, target) ? RelationshipKind.ONE_TO_ONE_OWNER : RelationshipKind.MANY_TO_ONE,
                shape, target.table(), target.id().type().boxed(), attributes.strategy(), null);
    }

    /**
     * Reports a relationship wrapped in an {@code Optional} anywhere: {@code Optional<Book>} and {@code Ref<Optional<Book>>}
     * are told to be {@code Ref<Book>} or {@code Book}, {@code Optional<List<Book>>} and {@code List<Optional<Book>>}
     * {@code List<Book>}, rather than to annotate {@code Optional} with {@code @Entity}.
     */
    private boolean optionalRelationship(Draft draft, FieldDeclaration field, boolean many, boolean ref) {
        TypeMirror outer = field.type();
        TypeMirror content = TypeClassifier.isOptional(outer) || many || ref ? TypeClassifier.elementType(outer) : null;
        boolean optional = TypeClassifier.isOptional(outer);
        if (!optional && (content == null || !TypeClassifier.isOptional(content))) {
            return false;
        }
        if (!optional) {
            content = TypeClassifier.elementType(content);
        }
        boolean collection = many || (optional && content != null && TypeClassifier.isList(content));
        TypeMirror entity = collection && !many && content != null ? TypeClassifier.elementType(content) : content;
        TypeElement declared = entity == null ? null : TypeClassifier.declared(entity);
        String target = declared == null ? "Target" : declared.getSimpleName().toString();
        if (collection) {
            fail(draft, field.element(), Message.RELATIONSHIP_COLLECTION_TYPE, draft.name(), field.name(), outer,
                    "List<" + target + ">");
        } else {
            fail(draft, field.element(), Message.RELATIONSHIP_OPTIONAL, draft.name(), field.name(), outer, target,
                    target);
        }
        return true;
    }

    /** A plain reference field reads as null when not loaded: it cannot be declared LAZY or RAISE. */
    private boolean checkStrategyFits(Draft draft, FieldDeclaration field, FieldForm form, Draft target) {
        LoadStrategy strategy = field.attributes().strategy();
        if (field.attributes().strategySet() && !form.canDefer()
                && (strategy == LoadStrategy.LAZY || strategy == LoadStrategy.RAISE)) {
            return reportOn(draft, field, field.relationship(), "strategy", Message.DEFERRED_PLAIN_REFERENCE,
                    draft.name(), field.name(), strategy, target.name(), target.name(), target.name());
        }
        return true;
    }

    /** Checks the attributes that do not fit the field's cardinality, reporting all of them. */
    private boolean checkAttributesFit(Draft draft, FieldDeclaration field, boolean many) {
        RelationshipAttributes attributes = field.attributes();
        boolean ok = true;
        if (!attributes.mappedBy().isEmpty() && !attributes.joinColumn().isEmpty()) {
            ok = reportOn(draft, field, field.relationship(), "mappedBy", Message.MAPPED_BY_WITH_JOIN_COLUMN,
                    draft.name(), field.name());
        }
        if (many && attributes.innerJoin()) {
            ok = reportOn(draft, field, field.relationship(), "innerJoin", Message.INNER_JOIN_ON_COLLECTION,
                    draft.name(), field.name());
        }
        if (!many && !attributes.orderBy().isEmpty()) {
            ok = reportOn(draft, field, field.relationship(), "orderBy", Message.ORDER_BY_ON_REFERENCE, draft.name(),
                    field.name());
        }
        if (!many && !attributes.joinTable().isEmpty()) {
            ok = reportOn(draft, field, field.relationship(), "joinTable", Message.JOIN_TABLE_ON_REFERENCE,
                    draft.name(), field.name());
        }
        String joinTable = attributes.joinTable();
        if (joinTable.contains(".") || joinTable.contains("\"")) {
            // Quoted as one name, "tracker.issue_labels" would name a table with a dot in it.
            String named = joinTable.replace("\"", "");
            int dot = named.indexOf('.');
            String instead = dot < 0 ? "joinTable = \"" + named + "\""
                    : "joinTableSchema = \"" + named.substring(0, dot) + "\", joinTable = \"" + named.substring(dot + 1)
                            + "\"";
            ok = reportOn(draft, field, field.relationship(), "joinTable", Message.JOIN_TABLE_QUALIFIED, draft.name(),
                    field.name(), joinTable, instead);
        }
        if (attributes.joinTableSchema().contains(".") || attributes.joinTableSchema().contains("\"")) {
            ok = reportOn(draft, field, field.relationship(), "joinTableSchema", Message.JOIN_TABLE_SCHEMA_NOT_A_NAME,
                    draft.name(), field.name(), attributes.joinTableSchema());
        }
        if (joinTable.isEmpty() && !attributes.joinTableSchema().isEmpty()) {
            ok = reportOn(draft, field, field.relationship(), "joinTableSchema",
                    Message.JOIN_TABLE_SCHEMA_WITHOUT_TABLE, draft.name(), field.name());
        }
        if (attributes.joinTable().isEmpty() && !attributes.inverseJoinColumn().isEmpty()) {
            ok = reportOn(draft, field, field.relationship(), "inverseJoinColumn",
                    Message.INVERSE_JOIN_COLUMN_WITHOUT_TABLE, draft.name(), field.name());
        }
        return ok;
    }

    private RelationshipModel manyToMany(Draft draft, FieldDeclaration field, Draft target) {
        RelationshipAttributes attributes = field.attributes();
        List<String> missing = new ArrayList<>();
        if (attributes.joinColumn().isEmpty()) {
            missing.add("joinColumn");
        }
        if (attributes.inverseJoinColumn().isEmpty()) {
            missing.add("inverseJoinColumn");
        }
        if (!missing.isEmpty()) {
            reportOn(draft, field, field.relationship(), "joinTable", Message.JOIN_TABLE_INCOMPLETE, draft.name(),
                    field.name(), attributes.joinTable(), String.join(" or ", missing), draft.name(), target.name());
            return null;
        }
        List<OrderTerm> order = orderBy(draft, field, target);
        if (order == null) {
            return null;
        }
        // The association table lives in the declaring entity's schema unless joinTableSchema names another.
        String schema = attributes.joinTableSchema().isEmpty() ? draft.declaration.schema()
                : attributes.joinTableSchema();
        RelationShape shape = RelationShape.joinTable(field.name(), quoteIfNeeded(draft.id().name()),
                quoteIfNeeded(target.id().name()), schema.isEmpty() ? null : quoteIfNeeded(schema),
                quoteIfNeeded(attributes.joinTable()),
                quoteIfNeeded(attributes.joinColumn()), quoteIfNeeded(attributes.inverseJoinColumn()), order);
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), FieldForm.COLLECTION,
                ClassName.get(target.declaration.element()), RelationshipKind.MANY_TO_MANY, shape, target.table(),
                draft.id().type().boxed(), attributes.strategy(), null);
    }

    /**
     * A one-to-many that names the target's foreign key itself, with no field on the target pointing back: the
     * target must map the column, so its rows can be matched to their parents.
     */
    private RelationshipModel oneToManyByJoinColumn(Draft draft, FieldDeclaration field, Draft target) {
        RelationshipAttributes attributes = field.attributes();
        ColumnModel foreignKey = target.column(attributes.joinColumn());
        if (foreignKey == null || foreignKey.type().boxed() != draft.id().type().boxed()) {
            reportOn(draft, field, field.relationship(), "joinColumn", Message.JOIN_COLUMN_NOT_MAPPED, draft.name(),
                    field.name(), target.declaration.table(), attributes.joinColumn(), target.name(),
                    attributes.joinColumn(), draft.id().type().boxed().javaName().replace("java.lang.", ""),
                    target.name());
            return null;
        }
        List<OrderTerm> order = orderBy(draft, field, target);
        if (order == null) {
            return null;
        }
        RelationShape shape = RelationShape.foreignKeyInTarget(field.name(), true, quoteIfNeeded(draft.id().name()),
                quoteIfNeeded(attributes.joinColumn()), order);
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), FieldForm.COLLECTION,
                ClassName.get(target.declaration.element()), RelationshipKind.ONE_TO_MANY, shape, target.table(),
                draft.id().type().boxed(), attributes.strategy(), null);
    }

    /** A relationship whose foreign key the target owns: one-to-many, or the inverse side of one-to-one. */
    private RelationshipModel inverse(Draft draft, FieldDeclaration field, Draft target, FieldForm form) {
        boolean many = form == FieldForm.COLLECTION;
        RelationshipAttributes attributes = field.attributes();
        String mappedBy = attributes.mappedBy();
        FieldDeclaration owner = target.declaration.field(mappedBy).filter(FieldDeclaration::isRelationship)
                .orElse(null);
        FieldDeclaration column = target.declaration.field(mappedBy).filter(candidate -> !candidate.isRelationship())
                .orElse(null);
        if (column != null) {
            List<String> candidates = relationshipsPointingAt(target, draft);
            reportOn(draft, field, field.relationship(), "mappedBy", Message.MAPPED_BY_COLUMN, draft.name(),
                    field.name(), mappedBy, target.name(), mappedBy, target.name(), draft.name(),
                    candidates.isEmpty() ? "it has none" : String.join(", ", candidates), column.columnName());
            return null;
        }
        if (owner == null) {
            List<String> candidates = relationshipsPointingAt(target, draft);
            List<String> all = target.declaration.fields().stream().filter(FieldDeclaration::isRelationship)
                    .map(FieldDeclaration::name).toList();
            reportOn(draft, field, field.relationship(), "mappedBy", Message.UNKNOWN_MAPPED_BY, draft.name(),
                    field.name(), mappedBy, target.name(), Suggestions.didYouMean(mappedBy, all), target.name(),
                    draft.name(), candidates.isEmpty() ? "none" : String.join(", ", candidates));
            return null;
        }
        TypeElement ownerTarget = referencedEntity(owner.type());
        if (ownerTarget == null || !qualifiedName(ownerTarget).equals(qualifiedName(draft.declaration.element()))) {
            reportOn(draft, field, field.relationship(), "mappedBy", Message.MAPPED_BY_WRONG_TARGET, draft.name(),
                    field.name(), mappedBy, target.name(), mappedBy, owner.type(), draft.name());
            return null;
        }
        if (owner.attributes().joinColumn().isEmpty() || !owner.attributes().joinTable().isEmpty()) {
            reportOn(draft, field, field.relationship(), "mappedBy", Message.MAPPED_BY_NOT_OWNING, draft.name(),
                    field.name(), mappedBy, target.name(), mappedBy);
            return null;
        }
        List<OrderTerm> order = many ? orderBy(draft, field, target) : List.of();
        if (order == null) {
            return null;
        }
        RelationShape shape = RelationShape.foreignKeyInTarget(field.name(), many, quoteIfNeeded(draft.id().name()),
                quoteIfNeeded(owner.attributes().joinColumn()), order);
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), form,
                ClassName.get(target.declaration.element()),
                many ? RelationshipKind.ONE_TO_MANY : RelationshipKind.ONE_TO_ONE_INVERSE, shape, target.table(),
                draft.id().type().boxed(), attributes.strategy(), target.name() + '.' + mappedBy);
    }

    /** The collection's order on the target table; the target's primary key when none is given. */
    private List<OrderTerm> orderBy(Draft draft, FieldDeclaration field, Draft target) {
        String orderBy = field.attributes().orderBy();
        if (orderBy.isEmpty()) {
            return List.of(new OrderTerm(quoteIfNeeded(target.id().name()), false));
        }
        List<OrderTerm> terms = new ArrayList<>();
        for (String part : orderBy.split(",", -1)) {
            String[] words = part.trim().split("\\s+");
            boolean syntaxOk = !words[0].isEmpty() && (words.length == 1 || (words.length == 2
                    && (words[1].equalsIgnoreCase("ASC") || words[1].equalsIgnoreCase("DESC"))));
            if (!syntaxOk) {
                reportOn(draft, field, field.relationship(), "orderBy", Message.ORDER_BY_SYNTAX, draft.name(),
                        field.name(), orderBy, target.declaration.table());
                return null;
            }
            if (target.column(words[0]) == null) {
                reportOn(draft, field, field.relationship(), "orderBy", Message.ORDER_BY_UNKNOWN_COLUMN, draft.name(),
                        field.name(), words[0], target.name(), target.declaration.table(),
                        Suggestions.didYouMean(words[0], target.columnNames()),
                        String.join(", ", target.columnNames()));
                return null;
            }
            terms.add(new OrderTerm(quoteIfNeeded(words[0]), words.length == 2 && words[1].equalsIgnoreCase("DESC")));
        }
        return terms;
    }

    private boolean ownsOneToOne(Draft draft, FieldDeclaration field, Draft target) {
        return target.declaration.fields().stream().anyMatch(other -> other.isRelationship()
                && other.attributes().mappedBy().equals(field.name())
                && referencedEntity(other.type()) != null
                && qualifiedName(referencedEntity(other.type())).equals(qualifiedName(draft.declaration.element())));
    }

    /** The entity a to-one field points at, {@code Target} or {@code Ref<Target>}; null for a collection. */
    private static TypeElement referencedEntity(TypeMirror type) {
        if (TypeClassifier.isList(type)) {
            return null;
        }
        if (TypeClassifier.isRef(type)) {
            TypeMirror argument = TypeClassifier.elementType(type);
            return argument == null ? null : TypeClassifier.declared(argument);
        }
        return TypeClassifier.declared(type);
    }

    private List<String> relationshipsPointingAt(Draft owner, Draft target) {
        String targetName = qualifiedName(target.declaration.element());
        return owner.declaration.fields().stream()
                .filter(FieldDeclaration::isRelationship)
                .filter(field -> {
                    TypeElement element = referencedEntity(field.type());
                    return element != null && qualifiedName(element).equals(targetName);
                })
                .map(FieldDeclaration::name)
                .toList();
    }

    /** The draft of an entity, scanning and checking one outside the round (compiled before) on first use. */
    private Draft draftOf(TypeElement type) {
        if (type == null || !EntityScanner.isClass(type)) {
            return null;
        }
        String name = qualifiedName(type);
        Draft draft = drafts.get(name);
        if (draft == null) {
            EntityDeclaration declaration = scanner.scan(type);
            if (declaration == null) {
                return null;
            }
            draft = new Draft(declaration, false);
            drafts.put(name, draft);
            checkFields(draft);
            addForeignKeyColumns(draft);
        }
        return draft;
    }

    /** Leaves out every entity that refers, directly or not, to one that failed: its code would not compile. */
    private void dropDependentsOfFailed() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Draft draft : drafts.values()) {
                if (draft.failed) {
                    continue;
                }
                for (String target : draft.targets) {
                    Draft other = drafts.get(target);
                    if (other != null && other.failed) {
                        draft.failed = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    private void fail(Draft draft, javax.lang.model.element.Element element, Message message, Object... arguments) {
        draft.failed = true;
        if (!quiet) {
            reporter.error(element, message, arguments);
        }
    }

    private boolean reportOn(Draft draft, FieldDeclaration field, javax.lang.model.element.AnnotationMirror annotation,
            String attribute, Message message, Object... arguments) {
        draft.failed = true;
        if (!quiet) {
            reporter.error(field.element(), annotation, attribute, message, arguments);
        }
        return false;
    }

    private static String packageName(TypeElement type) {
        javax.lang.model.element.Element enclosing = type;
        while (!(enclosing instanceof javax.lang.model.element.PackageElement)) {
            enclosing = enclosing.getEnclosingElement();
        }
        return ((javax.lang.model.element.PackageElement) enclosing).getQualifiedName().toString();
    }

    private static String qualifiedName(TypeElement type) {
        return type.getQualifiedName().toString();
    }
}
