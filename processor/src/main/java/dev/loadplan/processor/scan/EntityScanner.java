package dev.loadplan.processor.scan;

import com.palantir.javapoet.ClassName;
import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.sql.SqlIdentifiers;
import dev.loadplan.processor.model.GeneratedNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @Entity} classes into {@link EntityDeclaration}s. It checks nothing: that is the validator's job,
 * so that every problem is reported in one place, against the declarations read here.
 *
 * <p>Annotations are read as the compiler models them, by name, so the processor needs neither the annotation
 * classes nor the runtime that holds them.
 */
public final class EntityScanner {

    /** The annotations the processor reads. */
    public static final String ENTITY = "dev.loadplan.annotations.Entity";
    public static final String ID = "dev.loadplan.annotations.Id";
    public static final String COLUMN = "dev.loadplan.annotations.Column";
    public static final String RELATIONSHIP = "dev.loadplan.annotations.Relationship";
    public static final String VERSION = "dev.loadplan.annotations.Version";

    private final Map<String, EntityDeclaration> scanned = new HashMap<>();
    private final Elements elements;
    private final Set<String> sources;

    /**
     * @param elements the compilation's elements, for the mappings of entities read from class files
     * @param sources the qualified names of the entities this round compiles from source; every other entity was
     *     compiled before
     */
    public EntityScanner(Elements elements, Set<String> sources) {
        this.elements = elements;
        this.sources = Set.copyOf(sources);
    }

    /** The declaration of {@code type}, read once per round, or null when it is not an {@code @Entity}. */
    public EntityDeclaration scan(TypeElement type) {
        String name = type.getQualifiedName().toString();
        EntityDeclaration known = scanned.get(name);
        if (known != null) {
            return known;
        }
        AnnotationMirror entity = mirror(type, ENTITY);
        if (entity == null) {
            return null;
        }
        String declaredTable = string(entity, "table");
        String table = declaredTable.isEmpty() ? SqlIdentifiers.snakeCase(type.getSimpleName().toString())
                : declaredTable;
        List<FieldDeclaration> fields = new ArrayList<>();
        for (VariableElement field : instanceFields(type)) {
            fields.add(field(field));
        }
        List<FieldDeclaration> unmappable = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (isUnmapped(field) && !loadplanAnnotations(field).isEmpty()) {
                unmappable.add(field(field));
            }
        }
        EntityDeclaration declaration = new EntityDeclaration(type, entity, table, string(entity, "schema"),
                List.copyOf(fields), List.copyOf(unmappable));
        scanned.put(name, declaration);
        return declaration;
    }

    /**
     * The fields that map columns and relationships, in declaration order, whichever compiler asks. A record's come in
     * the order of its components, which its canonical constructor takes: Eclipse's compiler lists a record's fields
     * sorted by name, and {@code getRecordComponents()} is in declared order in every compiler. A class compiled
     * before, whose fields Eclipse's compiler also lists by name, takes the order its mapping wrote down.
     */
    private List<VariableElement> instanceFields(TypeElement type) {
        List<VariableElement> fields = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (!isUnmapped(field)) {
                fields.add(field);
            }
        }
        if (type.getKind() != ElementKind.RECORD) {
            return sources.contains(type.getQualifiedName().toString()) ? fields : inCompiledOrder(type, fields);
        }
        Map<String, VariableElement> byName = new HashMap<>();
        fields.forEach(field -> byName.put(field.getSimpleName().toString(), field));
        List<VariableElement> inComponentOrder = new ArrayList<>();
        for (RecordComponentElement component : type.getRecordComponents()) {
            VariableElement field = byName.get(component.getSimpleName().toString());
            if (field != null) {
                inComponentOrder.add(field);
            }
        }
        return inComponentOrder;
    }

    /**
     * {@code fields} of a class compiled before in the order its mapping's {@link GeneratedNames#DECLARED_FIELDS}
     * lists; as they are when there is no such mapping (the class was compiled without loadplan's processor).
     */
    private List<VariableElement> inCompiledOrder(TypeElement type, List<VariableElement> fields) {
        TypeElement mapping = elements.getTypeElement(GeneratedNames.mapping(ClassName.get(type)).canonicalName());
        if (mapping == null) {
            return fields;
        }
        for (VariableElement constant : ElementFilter.fieldsIn(mapping.getEnclosedElements())) {
            if (constant.getSimpleName().contentEquals(GeneratedNames.DECLARED_FIELDS)
                    && constant.getConstantValue() instanceof String names) {
                List<String> order = List.of(names.split(","));
                List<VariableElement> ordered = new ArrayList<>(fields);
                // Stable: a field the mapping does not list (none, unless it is stale) keeps its place at the end.
                ordered.sort(Comparator.comparingInt(field -> {
                    int index = order.indexOf(field.getSimpleName().toString());
                    return index < 0 ? order.size() : index;
                }));
                return ordered;
            }
        }
        return fields;
    }

    /** Whether {@code field} is static or transient: no column, and the way a user leaves a field unmapped. */
    private static boolean isUnmapped(VariableElement field) {
        return field.getModifiers().contains(Modifier.STATIC) || field.getModifiers().contains(Modifier.TRANSIENT);
    }

    /** The loadplan annotations on {@code field}, as written in a message ({@code @Column}), in declaration order. */
    public static List<String> loadplanAnnotations(Element field) {
        List<String> names = new ArrayList<>();
        for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (List.of(ID, COLUMN, RELATIONSHIP, VERSION).contains(name)) {
                names.add("@" + name.substring(name.lastIndexOf('.') + 1));
            }
        }
        return names;
    }

    private static FieldDeclaration field(VariableElement field) {
        String name = field.getSimpleName().toString();
        AnnotationMirror id = mirror(field, ID);
        AnnotationMirror column = mirror(field, COLUMN);
        AnnotationMirror relationship = mirror(field, RELATIONSHIP);
        String columnName = column != null ? string(column, "value") : SqlIdentifiers.snakeCase(name);
        RelationshipAttributes attributes = null;
        if (relationship != null) {
            attributes = new RelationshipAttributes(string(relationship, "mappedBy").trim(),
                    string(relationship, "joinColumn").trim(), string(relationship, "joinTable").trim(),
                    string(relationship, "joinTableSchema").trim(), string(relationship, "inverseJoinColumn").trim(), string(relationship, "orderBy").trim(),
                    LoadStrategy.valueOf(value(relationship, "strategy").toString()),
                    isSet(relationship, "strategy"), (Boolean) value(relationship, "innerJoin"));
        }
        Boolean generated = id != null && isSet(id, "generated") ? (Boolean) value(id, "generated") : null;
        return new FieldDeclaration(field, name, field.asType(), id, generated, column, columnName, relationship,
                attributes, mirror(field, VERSION));
    }

    /**
     * The value of an annotation's attribute, its default when not written: a {@code String}, a {@code Boolean},
     * or for an enum the constant's {@code VariableElement}, whose {@code toString()} is its name.
     */
    private static Object value(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue().getValue();
            }
        }
        for (ExecutableElement method : ElementFilter.methodsIn(mirror.getAnnotationType().asElement()
                .getEnclosedElements())) {
            if (method.getSimpleName().contentEquals(attribute) && method.getDefaultValue() != null) {
                return method.getDefaultValue().getValue();
            }
        }
        throw new IllegalStateException("@" + mirror.getAnnotationType() + " has no attribute " + attribute);
    }

    private static String string(AnnotationMirror mirror, String attribute) {
        return (String) value(mirror, attribute);
    }

    private static AnnotationMirror mirror(Element element, String name) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(name)) {
                return mirror;
            }
        }
        return null;
    }

    private static boolean isSet(AnnotationMirror mirror, String attribute) {
        return mirror != null && mirror.getElementValues().keySet().stream()
                .anyMatch(method -> method.getSimpleName().contentEquals(attribute));
    }

    /** The element's kind as a user says it: "an interface", "an enum", "a record", "an annotation type". */
    public static String kindWithArticle(Element element) {
        String kind = element.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    /** Whether {@code element} is a class or a record, which can carry {@code @Entity}, unlike an interface. */
    public static boolean isClass(Element element) {
        return element.getKind() == ElementKind.CLASS || element.getKind() == ElementKind.RECORD;
    }
}
