package dev.loadplan.processor.validate;

import static dev.loadplan.planner.sql.SqlIdentifiers.quoteIfNeeded;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.diagnostics.Suggestions;
import dev.loadplan.processor.model.Accessor;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.scan.EntityScanner;
import dev.loadplan.processor.scan.FieldDeclaration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Turns a {@code @View} into the model of a read-only entity on its entity's table: each field is one of the
 * entity's, by name (or a column, by {@code @Column}), of a type the entity's fits; each relationship is the entity's,
 * holding the target entity or a view of it, and always loaded. The view selects its fields' columns, its id and the
 * foreign keys of its to-one relationships, nothing else: a statement loading a relationship into it selects each
 * row's parent key apart.
 */
final class ViewRules {

    /**
     * Whole numbers, narrowest first: a view may read a column into a wider one, which the driver reads exactly. Not
     * a {@code double} for a {@code float}: a {@code real} column read as a double is 0.1 in text and
     * 0.10000000149011612 in binary, whichever transfer the driver picks (README: "Every value reads the same").
     */
    private static final List<TypeKind> WIDENING = List.of(TypeKind.BYTE, TypeKind.SHORT, TypeKind.INT,
            TypeKind.LONG);

    private final FieldRules fieldRules;
    private final Types types;

    ViewRules(FieldRules fieldRules, Types types) {
        this.fieldRules = fieldRules;
        this.types = types;
    }

    /** Checks the view class itself: loaders create it, and it names an entity. Returns the entity's draft, or null. */
    Draft entity(Draft view, Draft.Lookup lookup, Reports reports) {
        TypeElement type = view.declaration.element();
        AnnotationMirror entityAnnotation = EntityScanner.entityAnnotation(type);
        if (entityAnnotation != null) {
            TypeElement viewed = EntityScanner.viewedType(type);
            reports.error(type, entityAnnotation, null, Message.VIEW_ON_ENTITY, view.name(),
                    viewed == null ? "the viewed entity" : viewed.getSimpleName());
            return null;
        }
        String whyNot = whyNotInstantiable(type);
        if (whyNot != null) {
            reports.error(type, Message.VIEW_CLASS, view.name(), whyNot);
            return null;
        }
        TypeElement viewed = EntityScanner.viewedType(view.declaration);
        Draft entity = viewed == null || EntityScanner.isView(viewed) ? null : lookup.of(viewed);
        if (entity == null) {
            reports.error(type, view.declaration.annotation(), "value", Message.VIEW_OF_NON_ENTITY, view.name(),
                    viewed == null ? annotationValue(view.declaration.annotation()) : viewed.getSimpleName(),
                    whatToName(viewed));
            return null;
        }
        view.targets.add(Draft.qualifiedName(viewed));
        view.viewed = entity;
        return entity;
    }

    /** What a view that names no entity should name instead: a view's entity for a view, else any entity. */
    private static String whatToName(TypeElement viewed) {
        TypeElement entity = viewed == null ? null : EntityScanner.viewedType(viewed);
        if (entity == null) {
            return "Name the @Entity class whose table the view reads";
        }
        return viewed.getSimpleName() + " is a @View of " + entity.getSimpleName() + ": name " + entity.getSimpleName()
                + ", whose table both read";
    }

    /** The {@code @View}'s value as written, for a message about a value that names no class. */
    private static String annotationValue(AnnotationMirror view) {
        Object value = valueOf(view);
        return value == null ? "nothing" : value.toString() + ".class";
    }

    private static Object valueOf(AnnotationMirror annotation) {
        for (var entry : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value")) {
                return entry.getValue().getValue();
            }
        }
        return null;
    }

    private static String whyNotInstantiable(TypeElement type) {
        if (!EntityScanner.isClass(type)) {
            return "it is " + EntityScanner.kindWithArticle(type) + "; put @View on a record or a class";
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)) {
            return "it is private, and the code generated beside it must reach it; make it package-private or public";
        }
        if (!type.getTypeParameters().isEmpty()) {
            return "it declares type parameters " + type.getTypeParameters().stream()
                    .map(parameter -> parameter.getSimpleName().toString())
                    .collect(Collectors.joining(", ", "<", ">"))
                    + "; loaders create instances of one concrete class, so remove them";
        }
        if (type.getKind() == ElementKind.RECORD) {
            return null;
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            return "it is an inner class; make it a top-level or static nested class";
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            return "it is abstract; loaders create instances of it, so make it concrete";
        }
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        boolean noArguments = constructors.stream().anyMatch(constructor -> constructor.getParameters().isEmpty()
                && !constructor.getModifiers().contains(Modifier.PRIVATE));
        return noArguments ? null : "it has no constructor without parameters that is not private, by which loaders "
                + "create it; add one";
    }

    /**
     * Adds the view's columns: each field's that is a column of the entity, reporting an id it lacks, then the foreign
     * keys of its to-one relationships that it does not name. Relationship fields are kept for {@link #relationship},
     * once every view has columns.
     */
    void addColumns(Draft view, Draft entity, Reports reports) {
        for (FieldDeclaration field : view.declaration.fields()) {
            if (!fieldRules.assignable(view, field, reports)) {
                continue;
            }
            Accessor accessor = view.accessors.get(field.name());
            String annotation = field.id() != null ? "@Id" : field.version() != null ? "@Version"
                    : field.relationship() != null ? "@Relationship" : null;
            if (annotation != null) {
                // Then mapped as if it were not there: the field is right otherwise, so no error about what it names.
                reports.error(field.element(), Message.VIEW_FIELD_ANNOTATION, view.name(), field.name(), annotation,
                        entity.name(), annotation);
            }
            FieldDeclaration entityField = entityField(entity, field);
            if (entityField == null && field.column() != null) {
                reports.error(field.element(), field.column(), "value", Message.VIEW_UNKNOWN_COLUMN, view.name(),
                        field.name(), field.columnName(), entity.name(), entity.name(),
                        nearestFirst(entity.columns.stream().filter(ColumnModel::isMapped).map(ColumnModel::name)
                                .toList(), field.columnName()));
            } else if (entityField == null) {
                reports.error(field.element(), Message.VIEW_UNKNOWN_FIELD, view.name(), field.name(), entity.name(),
                        entity.name(), nearestFirst(entity.declaration.fields().stream().map(FieldDeclaration::name)
                                .toList(), field.name()));
            } else if (entityField.isRelationship()) {
                view.relationshipFields.add(field);
            } else {
                addColumn(view, entity, field, entityField, accessor, reports);
            }
        }
        ColumnModel id = entity.id();
        if (id != null && view.column(id.name()) == null) {
            reports.error(view.declaration.element(), Message.VIEW_WITHOUT_ID, view.name(), entity.name(),
                    simpleName(entity.declaration.field(id.field()).orElseThrow().type()), id.field());
        }
        for (FieldDeclaration field : view.relationshipFields) {
            addForeignKey(view, entity, field);
        }
    }

    /**
     * Adds the foreign key a to-one relationship field joins on, when the view does not name it: its rows are matched
     * to their targets by it. The keys of relationships into the view are no column of it: a statement loading them
     * selects each row's parent key apart.
     */
    private static void addForeignKey(Draft view, Draft entity, FieldDeclaration field) {
        for (RelationshipModel relationship : entity.relationships) {
            RelationShape shape = relationship.shape();
            if (relationship.field().equals(field.name()) && shape.kind() == RelationShape.Kind.FOREIGN_KEY_IN_SOURCE
                    && !holds(view, shape.sourceColumn())) {
                ColumnModel key = entity.columns.stream()
                        .filter(column -> quoteIfNeeded(column.name()).equals(shape.sourceColumn())).findFirst()
                        .orElseThrow();
                view.columns.add(new ColumnModel(null, key.name(), key.type().boxed(), key.javaType().box(), false,
                        false, null, false));
            }
        }
    }

    /** The entity's field a view's field stands for: the one mapping its {@code @Column}, else the one of its name. */
    private static FieldDeclaration entityField(Draft entity, FieldDeclaration field) {
        if (field.column() != null) {
            ColumnModel column = entity.column(field.columnName());
            return column == null || !column.isMapped() ? null : entity.declaration.field(column.field()).orElse(null);
        }
        return entity.declaration.field(field.name()).orElse(null);
    }

    private void addColumn(Draft view, Draft entity, FieldDeclaration field, FieldDeclaration entityField,
            Accessor accessor, Reports reports) {
        ColumnModel column = entity.columns.stream().filter(candidate -> entityField.name().equals(candidate.field()))
                .findFirst().orElse(null);
        if (column == null) {
            // The entity's own error says why its field is no column.
            view.failed = true;
            return;
        }
        if (!fits(entityField.type(), field.type())) {
            reports.error(field.element(), Message.VIEW_COLUMN_TYPE, view.name(), field.name(),
                    simpleName(field.type()), entity.name(), entityField.name(), simpleName(entityField.type()),
                    fitting(entityField.type()));
            return;
        }
        view.columns.add(new ColumnModel(field.name(), column.name(), TypeClassifier.scalar(field.type()),
                TypeName.get(field.type()), column.id(), column.generated(), accessor, false));
    }

    /**
     * Whether a view's field of type {@code view} can hold every value of the entity's field of type {@code entity}:
     * the same type, its boxed type, or a wider primitive whole number. Never a primitive for a boxed one,
     * whose null it could not hold, nor a wider boxed number: the driver reads a boxed number only from its own
     * column type.
     */
    private boolean fits(TypeMirror entity, TypeMirror view) {
        if (types.isSameType(entity, view)) {
            return true;
        }
        if (!entity.getKind().isPrimitive()) {
            return false;
        }
        if (!view.getKind().isPrimitive()) {
            TypeMirror unboxed = unboxed(view);
            return unboxed != null && unboxed.getKind() == entity.getKind();
        }
        int from = WIDENING.indexOf(entity.getKind());
        return from >= 0 && WIDENING.indexOf(view.getKind()) >= from;
    }

    /** The primitive {@code type} boxes; null when it boxes none. */
    private TypeMirror unboxed(TypeMirror type) {
        try {
            return types.unboxedType(type);
        } catch (IllegalArgumentException notBoxed) {
            return null;
        }
    }

    /**
     * Every type a view's field may be declared as to hold {@code entity}'s values, as {@link #fits} allows them:
     * {@code int, Integer or long}.
     */
    private String fitting(TypeMirror entity) {
        if (!entity.getKind().isPrimitive()) {
            return simpleName(entity);
        }
        List<String> choices = new ArrayList<>(List.of(entity.toString(),
                types.boxedClass((PrimitiveType) entity).getSimpleName().toString()));
        int from = WIDENING.indexOf(entity.getKind());
        if (from >= 0) {
            WIDENING.subList(from + 1, WIDENING.size())
                    .forEach(wider -> choices.add(types.getPrimitiveType(wider).toString()));
        }
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }

    /** {@code names}, those nearest {@code name} first, ties in their order. */
    private static String nearestFirst(List<String> names, String name) {
        return names.stream()
                .sorted(Comparator.comparingInt(candidate -> Suggestions.distance(name.toLowerCase(),
                        candidate.toLowerCase())))
                .collect(Collectors.joining(", "));
    }

    /** The type as a message shows it: {@code List<BookLine>}, without packages. */
    private static String simpleName(TypeMirror type) {
        return type.toString().replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }

    /**
     * The relationship of {@code view} that {@code field} holds, or null once reported: the entity's relationship of
     * the same name, holding the entity it points at or a view of it, loaded by every plan.
     */
    RelationshipModel relationship(Draft view, Draft entity, FieldDeclaration field, Draft.Lookup entities,
            Draft.Lookup views, Reports reports) {
        RelationshipModel declared = entity.relationships.stream()
                .filter(relationship -> relationship.field().equals(field.name())).findFirst().orElse(null);
        if (declared == null) {
            // The entity's own error says why its field is no relationship.
            view.failed = true;
            return null;
        }
        boolean many = TypeClassifier.isList(field.type());
        boolean ref = TypeClassifier.isRef(field.type());
        FieldForm form = many ? FieldForm.COLLECTION : ref ? FieldForm.REF : FieldForm.REFERENCE;
        TypeMirror held = many || ref ? TypeClassifier.elementType(field.type()) : field.type();
        TypeElement heldType = held == null ? null : TypeClassifier.declared(held);
        String target = declared.target().simpleName();
        boolean nested = held != null && (TypeClassifier.isList(held) || TypeClassifier.isRef(held));
        if (many != declared.isCollection() || heldType == null || nested) {
            reports.error(field.element(), Message.VIEW_RELATIONSHIP_FORM, view.name(), field.name(),
                    simpleName(field.type()), entity.name(), field.name(),
                    declared.isCollection() ? "a collection" : "a reference", howToHold(declared, field.type()));
            return null;
        }
        Draft targetDraft;
        if (EntityScanner.isView(heldType)) {
            targetDraft = views.of(heldType);
            if (targetDraft == null || targetDraft.viewed == null) {
                // The held view's own error says why it reads no entity; which it should read is told then.
                view.failed = true;
                return null;
            }
            if (!isOf(targetDraft.viewed, declared)) {
                reports.error(field.element(), Message.VIEW_RELATIONSHIP_TARGET, view.name(), field.name(),
                        heldType.getSimpleName() + ", a view of " + targetDraft.viewed.name(), entity.name(),
                        field.name(), target, target, target);
                return null;
            }
        } else {
            targetDraft = entities.of(heldType);
            if (targetDraft == null || !isOf(targetDraft, declared)) {
                reports.error(field.element(), Message.VIEW_RELATIONSHIP_TARGET, view.name(), field.name(),
                        heldType.getSimpleName(), entity.name(), field.name(), target, target, target);
                return null;
            }
        }
        view.targets.add(Draft.qualifiedName(heldType));
        if (targetDraft.viewed != null) {
            view.viewTargets.put(field.name(), targetDraft);
        }
        RelationShape shape = declared.shape();
        // Every plan loads it: with the parent as declared, or SELECT_IN where the declaration would not.
        LoadStrategy strategy = declared.declaredStrategy().eager() ? declared.declaredStrategy()
                : LoadStrategy.SELECT_IN;
        return new RelationshipModel(field.name(), view.accessors.get(field.name()), form,
                ClassName.get(targetDraft.declaration.element()), declared.kind(), shape, targetDraft.table(),
                declared.keyType(), strategy, declared.inverseOf(), true);
    }

    /**
     * How a view's field of {@code type} should hold {@code declared}'s targets: in the form the relationship needs,
     * what the field holds when that is its target or a view of it ({@code List<BookLine>}), else every choice.
     */
    private static String howToHold(RelationshipModel declared, TypeMirror type) {
        TypeMirror innermost = type;
        while (innermost != null && (TypeClassifier.isList(innermost) || TypeClassifier.isRef(innermost))) {
            innermost = TypeClassifier.elementType(innermost);
        }
        TypeElement held = innermost == null ? null : TypeClassifier.declared(innermost);
        boolean fits = held != null && (ClassName.get(held).equals(declared.target())
                || EntityScanner.viewedType(held) != null
                        && ClassName.get(EntityScanner.viewedType(held)).equals(declared.target()));
        String target = declared.target().simpleName();
        if (declared.isCollection()) {
            return fits ? "List<" + held.getSimpleName() + ">"
                    : "List<" + target + "> or a List of a @View of " + target;
        }
        return fits ? held.getSimpleName() + " or Ref<" + held.getSimpleName() + ">"
                : target + ", Ref<" + target + ">, a @View of " + target + " or a Ref of one";
    }

    /** Whether {@code entity} is the entity {@code declared} points at. */
    private static boolean isOf(Draft entity, RelationshipModel declared) {
        return ClassName.get(entity.declaration.element()).equals(declared.target());
    }

    private static boolean holds(Draft draft, String quotedColumn) {
        return draft.columns.stream().anyMatch(column -> quoteIfNeeded(column.name()).equals(quotedColumn));
    }

    /**
     * Reports each cycle of views once, on the field that closes it, with its whole path: a view whose relationships
     * lead back to itself. Every view on one is failed. A view failed for another error is followed too: its cycle is
     * an error of its own, reported with the rest.
     */
    static void checkCycles(List<Draft> views, Reports reports) {
        Set<Draft> onCycles = new HashSet<>();
        for (Draft view : views) {
            if (!onCycles.contains(view)) {
                cycleFrom(view, view, new ArrayList<>(), new ArrayList<>(), onCycles, reports);
            }
        }
    }

    /**
     * Follows {@code at}'s relationships that hold views; {@code steps} are the fields taken from {@code start}, as
     * {@code View.field}. Each view is followed once from one start: one reached again closes no cycle through it.
     * The views on a cycle found are added to {@code onCycles}, so that no cycle is reported twice.
     */
    private static boolean cycleFrom(Draft start, Draft at, List<String> steps, List<Draft> seen,
            Set<Draft> onCycles, Reports reports) {
        seen.add(at);
        for (FieldDeclaration field : at.relationshipFields) {
            Draft next = at.viewTargets.get(field.name());
            if (next == null || onCycles.contains(next)) {
                continue;
            }
            steps.add(at.name() + "." + field.name());
            if (next == start || !seen.contains(next)
                    && cycleFrom(start, next, steps, seen, onCycles, reports)) {
                if (next == start) {
                    reports.error(field.element(), Message.VIEW_CYCLE, at.name(), field.name(),
                            String.join(" -> ", steps) + " -> " + start.name(), start.viewed.name());
                }
                next.failed = true;
                onCycles.add(next);
                return true;
            }
            steps.remove(steps.size() - 1);
        }
        return false;
    }
}
