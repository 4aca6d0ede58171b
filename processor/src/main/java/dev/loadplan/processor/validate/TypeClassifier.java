package dev.loadplan.processor.validate;

import dev.loadplan.processor.model.ScalarType;
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

    /** Whether {@code type} is some other collection or map that a user might write for a relationship. */
    static boolean isOtherCollection(TypeMirror type) {
        TypeElement element = declared(type);
        if (element == null) {
            return false;
        }
        String name = element.getQualifiedName().toString();
        return name.equals("java.util.Set") || name.equals("java.util.Collection") || name.equals("java.util.Map")
                || name.equals("java.util.SortedSet") || name.equals("java.lang.Iterable");
    }

    /** The type argument of a {@code List<T>} or {@code Ref<T>}, or null when it has none (a raw type). */
    static TypeMirror elementType(TypeMirror listType) {
        DeclaredType declared = (DeclaredType) listType;
        return declared.getTypeArguments().isEmpty() ? null : declared.getTypeArguments().get(0);
    }
}
