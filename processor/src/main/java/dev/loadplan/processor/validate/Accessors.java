package dev.loadplan.processor.validate;

import dev.loadplan.processor.model.Accessor;
import dev.loadplan.processor.scan.FieldDeclaration;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Finds how generated code can reach a field: directly unless it is private, otherwise through a getter
 * ({@code getTitle()}, {@code isActive()} for a boolean, or record-style {@code title()}) and a setter
 * ({@code setTitle(v)} or {@code title(v)}) that the entity declares and that are not private. A boolean named as
 * Kotlin names one, {@code isActive}, has {@code isActive()} and {@code setActive(v)}.
 */
final class Accessors {

    private Accessors() {
    }

    /** How to reach the field, or null when it is private and lacks a getter or a setter. */
    static Accessor find(TypeElement entity, FieldDeclaration field) {
        if (!field.element().getModifiers().contains(Modifier.PRIVATE)) {
            return Accessor.direct(field.name());
        }
        List<ExecutableElement> methods = ElementFilter.methodsIn(entity.getEnclosedElements()).stream()
                .filter(method -> !method.getModifiers().contains(Modifier.PRIVATE)
                        && !method.getModifiers().contains(Modifier.STATIC))
                .toList();
        String name = field.name();
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String getter = null;
        for (String candidate : getterNames(name, capitalized, field.type())) {
            if (methods.stream().anyMatch(method -> isGetter(method, candidate, field.type()))) {
                getter = candidate;
                break;
            }
        }
        String setter = null;
        for (String candidate : setterNames(name, capitalized, field.type())) {
            if (methods.stream().anyMatch(method -> isSetter(method, candidate, field.type()))) {
                setter = candidate;
                break;
            }
        }
        return getter != null && setter != null ? new Accessor(name, getter, setter) : null;
    }

    /** What to add, for the message of a private field with no accessors: {@code getTitle() and setTitle(String)}. */
    static String suggestion(FieldDeclaration field) {
        String name = field.name();
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String type = simpleName(field.type());
        if (isPrefixedBoolean(name, field.type())) {
            return name + "() and set" + name.substring(2) + "(" + type + ")";
        }
        String getter = isBoolean(field.type()) ? "is" + capitalized : "get" + capitalized;
        return getter + "() and set" + capitalized + "(" + type + ") (or " + name + "() and " + name + "(" + type
                + "))";
    }

    private static List<String> getterNames(String name, String capitalized, TypeMirror type) {
        return isBoolean(type) ? List.of("is" + capitalized, "get" + capitalized, name)
                : List.of("get" + capitalized, name);
    }

    private static List<String> setterNames(String name, String capitalized, TypeMirror type) {
        return isPrefixedBoolean(name, type) ? List.of("set" + name.substring(2), "set" + capitalized, name)
                : List.of("set" + capitalized, name);
    }

    /** A boolean named {@code isActive}, whose setter Kotlin and many Java beans call {@code setActive}. */
    private static boolean isPrefixedBoolean(String name, TypeMirror type) {
        return isBoolean(type) && name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2));
    }

    private static boolean isGetter(ExecutableElement method, String name, TypeMirror type) {
        return method.getSimpleName().contentEquals(name) && method.getParameters().isEmpty()
                && method.getReturnType().toString().equals(type.toString());
    }

    private static boolean isSetter(ExecutableElement method, String name, TypeMirror type) {
        return method.getSimpleName().contentEquals(name) && method.getParameters().size() == 1
                && method.getParameters().get(0).asType().toString().equals(type.toString());
    }

    private static boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN || type.toString().equals("java.lang.Boolean");
    }

    private static String simpleName(TypeMirror type) {
        String full = type.toString();
        return full.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }
}
