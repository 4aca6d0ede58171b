package dev.loadplan.processor.validate;

import dev.loadplan.processor.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Tells what a field's type is to loadplan: a column type, a collection of entities, or an entity reference. */
final class TypeClassifier {

    private TypeClassifier() {
    }

    /** The column type of {@code type}, or null when no column type maps it. */
    static ScalarType scalar(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return ScalarType.forJavaName(type.toString());
        }
        if (type.getKind() == TypeKind.ARRAY) {
            TypeMirror component = ((ArrayType) type).getComponentType();
            return component.getKind() == TypeKind.BYTE ? ScalarType.BYTES : null;
        }
        if (type.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
            if (element.getKind() == ElementKind.ENUM) {
                return ScalarType.ENUM;
            }
            return ScalarType.forJavaName(element.getQualifiedName().toString());
        }
        return null;
    }

    /**
     * What to do with a field of a type no column type maps, said before the list of the types that work: the
     * {@code java.time} type for an old date class, a number or a String for an amount of time (no column type maps
     * {@code interval} yet), {@code @Relationship} for an entity or a container.
     */
    static String insteadOfUnsupported(TypeMirror type) {
        TypeElement element = declared(type);
        String name = element == null ? "" : element.getQualifiedName().toString();
        return switch (name) {
            case "java.util.Date", "java.sql.Timestamp", "java.util.Calendar" -> "Declare it as Instant or "
                    + "OffsetDateTime (for timestamptz) or LocalDateTime (for timestamp).";
            case "java.sql.Date" -> "Declare it as LocalDate.";
            case "java.sql.Time" -> "Declare it as LocalTime.";
            case "java.time.ZonedDateTime" -> "Declare it as OffsetDateTime or Instant: PostgreSQL's timestamptz "
                    + "keeps the instant, not the zone.";
            case "java.time.Duration" -> "Declare it as a long of seconds or milliseconds (a bigint column), or a "
                    + "String (Duration.toString()'s ISO-8601, a text column): PostgreSQL's interval is not "
                    + "supported yet.";
            case "java.time.Period" -> "Declare it as an int of days or months (an integer column), or a String "
                    + "(Period.toString()'s ISO-8601, a text column): PostgreSQL's interval is not supported yet.";
            default -> "For a relationship, add @Relationship.";
        };
    }

    /**
     * For a column declared {@code Optional<T>}, {@code OptionalInt}, {@code OptionalLong} or {@code OptionalDouble},
     * the plain type to declare instead ({@code String}, {@code Integer}); null for any other type, and for an
     * {@code Optional} of a type no column maps, which is told what it is told for that type.
     */
    static String plainInsteadOfOptional(TypeMirror type) {
        TypeElement element = declared(type);
        String name = element == null ? "" : element.getQualifiedName().toString();
        return switch (name) {
            case "java.util.OptionalInt" -> "Integer";
            case "java.util.OptionalLong" -> "Long";
            case "java.util.OptionalDouble" -> "Double";
            case "java.util.Optional" -> {
                TypeMirror content = elementType(type);
                if (content == null || scalar(content) == null) {
                    yield null;
                }
                TypeElement declared = declared(content);
                yield declared == null ? content.toString() : declared.getSimpleName().toString();
            }
            default -> null;
        };
    }

    /** Whether {@code type} is {@code java.util.Optional<...>}. */
    static boolean isOptional(TypeMirror type) {
        TypeElement element = declared(type);
        return element != null && element.getQualifiedName().contentEquals("java.util.Optional");
    }

    /** The declared class of {@code type}, or null when it is not a declared type. */
    static TypeElement declared(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement() : null;
    }

    /** Whether {@code type} is {@code java.util.List<...>}. */
    static boolean isList(TypeMirror type) {
        TypeElement element = declared(type);
        return element != null && element.getQualifiedName().contentEquals("java.util.List");
    }

    /** Whether {@code type} is {@code dev.loadplan.Ref<...>}. */
    static boolean isRef(TypeMirror type) {
        TypeElement element = declared(type);
        return element != null && element.getQualifiedName().contentEquals("dev.loadplan.Ref");
    }

    /**
     * For a relationship field holding its entities in another container than {@code List<T>} or {@code Ref<T>} (a
     * set, another list class, a map, an array, a list of refs, a ref of a list), how to declare it instead:
     * {@code List<Book>}. Null when the form is one loadplan reads.
     */
    static String listInstead(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return listOf(((ArrayType) type).getComponentType());
        }
        TypeElement element = declared(type);
        if (element == null) {
            return null;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        TypeMirror last = arguments.isEmpty() ? null : arguments.get(arguments.size() - 1);
        if (isList(type) || isRef(type)) {
            // List<Ref<Book>> and Ref<List<Book>>: the inner container is one too many.
            return last != null && (isRef(last) || isList(last) || isContainer(declared(last)))
                    ? listOf(elementType(last)) : null;
        }
        return isContainer(element) ? listOf(last) : null;
    }

    /** Whether {@code element} is a collection, an iterable or a map. */
    private static boolean isContainer(TypeElement element) {
        if (element == null) {
            return false;
        }
        String name = element.getQualifiedName().toString();
        if (name.equals("java.util.Collection") || name.equals("java.lang.Iterable") || name.equals("java.util.Map")) {
            return true;
        }
        List<TypeMirror> supertypes = new ArrayList<>(element.getInterfaces());
        supertypes.add(element.getSuperclass());
        return supertypes.stream().anyMatch(supertype -> isContainer(declared(supertype)));
    }

    private static String listOf(TypeMirror element) {
        TypeElement declared = element == null ? null : declared(element);
        return "List<" + (declared == null ? "Target" : declared.getSimpleName()) + ">";
    }

    /** The type argument of a {@code List<T>} or {@code Ref<T>}, or null when it has none (a raw type). */
    static TypeMirror elementType(TypeMirror listType) {
        DeclaredType declared = (DeclaredType) listType;
        return declared.getTypeArguments().isEmpty() ? null : declared.getTypeArguments().get(0);
    }

    /** The entity a to-one field points at, {@code Target} or {@code Ref<Target>}; null for a collection. */
    static TypeElement referencedEntity(TypeMirror type) {
        if (isList(type)) {
            return null;
        }
        if (isRef(type)) {
            TypeMirror argument = elementType(type);
            return argument == null ? null : declared(argument);
        }
        return declared(type);
    }
}
