package dev.loadplan.processor.scan;

import static dev.loadplan.processor.scan.AnnotationValues.isSet;
import static dev.loadplan.processor.scan.AnnotationValues.mirror;
import static dev.loadplan.processor.scan.AnnotationValues.string;
import static dev.loadplan.processor.scan.AnnotationValues.value;

import com.palantir.javapoet.ClassName;
import dev.loadplan.planner.sql.SqlIdentifiers;
import dev.loadplan.processor.model.GeneratedNames;
import dev.loadplan.processor.scan.EntityDeclaration.HiddenField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

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
    public static final String VIEW = "dev.loadplan.annotations.View";

    private final Map<String, EntityDeclaration> scanned = new HashMap<>();
    private final Elements elements;
    private final Types types;
    private final Set<String> sources;

    /**
     * @param elements the compilation's elements, for the mappings of entities read from class files
     * @param types the compilation's types, for the type an inherited field has in the entity
     * @param sources the qualified names of the entities this round compiles from source; every other entity was
     *     compiled before
     */
    public EntityScanner(Elements elements, Types types, Set<String> sources) {
        this.elements = elements;
        this.types = types;
        this.sources = Set.copyOf(sources);
    }

    /** The declaration of {@code type}, read once per round, or null when it is not an {@code @Entity}. */
    public EntityDeclaration scan(TypeElement type) {
        String name = type.getQualifiedName().toString();
        AnnotationMirror entity = mirror(type, ENTITY);
        if (entity == null || isView(type)) {
            // A view is no entity, whatever else it carries: its own rules report it.
            return null;
        }
        EntityDeclaration known = scanned.get(name);
        if (known != null) {
            return known;
        }
        String declaredTable = string(entity, "table");
        String table = declaredTable.isEmpty() ? SqlIdentifiers.snakeCase(type.getSimpleName().toString())
                : declaredTable;
        return declaration(type, entity, table, string(entity, "schema"));
    }

    /**
     * The declaration of {@code type}, a {@code @View}, read once per round, or null when it is not one. Its fields are
     * read as an entity's; it names no table (its entity's is its), so its table and schema are empty.
     */
    public EntityDeclaration scanView(TypeElement type) {
        EntityDeclaration known = scanned.get(type.getQualifiedName().toString());
        if (known != null) {
            return known;
        }
        AnnotationMirror view = mirror(type, VIEW);
        return view == null ? null : declaration(type, view, "", "");
    }

    /** The class a {@code @View} names as its entity; null when it names none the compiler knows. */
    public static TypeElement viewedType(EntityDeclaration view) {
        return viewedType(view.annotation());
    }

    /** The class {@code type}'s {@code @View} names as its entity; null when it is no view or names none. */
    public static TypeElement viewedType(TypeElement type) {
        AnnotationMirror view = mirror(type, VIEW);
        return view == null ? null : viewedType(view);
    }

    private static TypeElement viewedType(AnnotationMirror view) {
        return value(view, "value") instanceof TypeMirror viewed
                && viewed.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) viewed).asElement() : null;
    }

    /** {@code type}'s {@code @Entity}, or null when it carries none. */
    public static AnnotationMirror entityAnnotation(TypeElement type) {
        return mirror(type, ENTITY);
    }

    /** Whether {@code type} carries {@code @View}. */
    public static boolean isView(TypeElement type) {
        return mirror(type, VIEW) != null;
    }

    private EntityDeclaration declaration(TypeElement type, AnnotationMirror annotation, String table,
            String schema) {
        String name = type.getQualifiedName().toString();
        List<TypeElement> superclasses = superclasses(type);
        TypeElement entitySuperclass = superclasses.stream().filter(superclass -> mirror(superclass, ENTITY) != null)
                .reduce((first, second) -> second).orElse(null);
        List<FieldDeclaration> fields = new ArrayList<>();
        for (VariableElement field : instanceFields(type, superclasses)) {
            fields.add(field(type, field));
        }
        List<FieldDeclaration> unmappable = new ArrayList<>();
        List<HiddenField> hidden = new ArrayList<>();
        List<TypeElement> chain = new ArrayList<>(superclasses);
        chain.add(type);
        Map<String, FieldDeclaration> byName = new HashMap<>();
        for (TypeElement declaring : chain) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                if (isUnmapped(field) && !loadplanAnnotations(field).isEmpty()) {
                    unmappable.add(field(type, field));
                }
                if (field.getModifiers().contains(Modifier.STATIC)) {
                    continue;
                }
                // Generated code names a field by its name: one declared below a mapped field of the same name
                // would be the one it reads, so a superclass's column would silently take the wrong value.
                FieldDeclaration above = byName.get(field.getSimpleName().toString());
                if (above != null) {
                    hidden.add(new HiddenField(field(type, field), above));
                }
                if (!isUnmapped(field)) {
                    byName.put(field.getSimpleName().toString(), field(type, field));
                }
            }
        }
        EntityDeclaration declaration = new EntityDeclaration(type, annotation, table, schema,
                List.copyOf(fields), List.copyOf(unmappable), List.copyOf(superclasses), entitySuperclass,
                List.copyOf(hidden));
        scanned.put(name, declaration);
        return declaration;
    }

    /**
     * The fields that map columns and relationships, in declaration order, whichever compiler asks: a class's own
     * after those of its superclasses, from the top. A record's come in the order of its components, which its
     * canonical constructor takes: Eclipse's compiler lists a record's fields sorted by name, and
     * {@code getRecordComponents()} is in declared order in every compiler. A class compiled before, whose fields
     * Eclipse's compiler also lists by name, takes the order its mapping wrote down. A field hidden by one of the same
     * name below it is left out: it is an error the validator reports.
     */
    private List<VariableElement> instanceFields(TypeElement type, List<TypeElement> superclasses) {
        List<VariableElement> fields = new ArrayList<>();
        List<TypeElement> chain = new ArrayList<>(superclasses);
        chain.add(type);
        for (TypeElement declaring : chain) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                if (!isUnmapped(field)) {
                    fields.removeIf(above -> above.getSimpleName().equals(field.getSimpleName()));
                    fields.add(field);
                }
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
     * The superclasses of {@code type} whose fields it inherits, from the top: every class between it and
     * {@code java.lang.Object}, except those of the JDK ({@code java.*} and {@code javax.*}), whose fields are no
     * columns of an application's table. A record has none.
     */
    private static List<TypeElement> superclasses(TypeElement type) {
        List<TypeElement> superclasses = new ArrayList<>();
        TypeMirror superclass = type.getSuperclass();
        while (superclass.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
            String name = element.getQualifiedName().toString();
            if (name.startsWith("java.") || name.startsWith("javax.")) {
                break;
            }
            superclasses.add(0, element);
            superclass = element.getSuperclass();
        }
        return superclasses;
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

    /** {@code field} as {@code entity} has it: an inherited field with the type arguments its superclass was given. */
    private FieldDeclaration field(TypeElement entity, VariableElement field) {
        String name = field.getSimpleName().toString();
        AnnotationMirror id = mirror(field, ID);
        AnnotationMirror column = mirror(field, COLUMN);
        AnnotationMirror relationship = mirror(field, RELATIONSHIP);
        String columnName = column != null ? string(column, "value") : SqlIdentifiers.snakeCase(name);
        RelationshipAttributes attributes = null;
        if (relationship != null) {
            attributes = RelationshipAttributes.of(relationship);
        }
        Boolean generated = id != null && isSet(id, "generated") ? (Boolean) value(id, "generated") : null;
        TypeMirror type = field.getEnclosingElement().equals(entity) ? field.asType()
                : types.asMemberOf((DeclaredType) entity.asType(), field);
        return new FieldDeclaration(field, (TypeElement) field.getEnclosingElement(), name, type, id, generated,
                column, columnName, relationship, attributes, mirror(field, VERSION));
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
