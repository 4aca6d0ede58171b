package dev.loadplan.processor.validate;

import dev.loadplan.processor.model.Accessor;
import dev.loadplan.processor.scan.FieldDeclaration;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds how generated code, which lives in the entity's package, can reach a field: directly where Java lets it
 * (a field of the entity that is not private; an inherited one that is public in a public class, or not private in
 * a class of the entity's package), otherwise through a getter ({@code getTitle()}, {@code isActive()} for a
 * boolean, or record-style {@code title()}) and a setter ({@code setTitle(v)} or {@code title(v)}) that the entity
 * declares or inherits and that it can reach the same way. A boolean named as Kotlin names one, {@code isActive},
 * has {@code isActive()} and {@code setActive(v)}.
 */
final class Accessors {

    private final Elements elements;
    private final Types types;

    Accessors(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** How to reach the field, or null when it cannot be reached and lacks a getter or a setter. */
    Accessor find(TypeElement entity, FieldDeclaration field) {
        if (reachable(entity, field.element())) {
            return Accessor.direct(field.name());
        }
        DeclaredType owner = (DeclaredType) entity.asType();
        List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(entity)).stream()
                .filter(method -> !method.getModifiers().contains(Modifier.STATIC) && reachable(entity, method))
                .toList();
        String name = field.name();
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String getter = null;
        for (String candidate : getterNames(name, capitalized, field.type())) {
            if (methods.stream().anyMatch(method -> isGetter(owner, method, candidate, field.type()))) {
                getter = candidate;
                break;
            }
        }
        String setter = null;
        for (String candidate : setterNames(name, capitalized, field.type())) {
            if (methods.stream().anyMatch(method -> isSetter(owner, method, candidate, field.type()))) {
                setter = candidate;
                break;
            }
        }
        return getter != null && setter != null ? new Accessor(name, getter, setter) : null;
    }

    /**
     * Whether code in {@code entity}'s package can name {@code member} on an instance of {@code entity}: any member
     * of the entity itself but a private one; an inherited one that is not private, declared in the entity's
     * package, or public in a public class elsewhere. A protected member of a class in another package is out of
     * reach: the generated code is no subclass.
     */
    boolean reachable(TypeElement entity, Element member) {
        if (member.getModifiers().contains(Modifier.PRIVATE)) {
            return false;
        }
        TypeElement declaring = (TypeElement) member.getEnclosingElement();
        if (elements.getPackageOf(declaring).equals(elements.getPackageOf(entity))) {
            return true;
        }
        return member.getModifiers().contains(Modifier.PUBLIC) && isPublic(declaring);
    }

    /** Why the inherited {@code field} is out of reach of code in {@code entity}'s package, as a message says it. */
    String whyUnreachable(TypeElement entity, FieldDeclaration field) {
        TypeElement declaring = field.declaringClass();
        String where = "in package " + elements.getPackageOf(declaring).getQualifiedName();
        if (field.element().getModifiers().contains(Modifier.PRIVATE)) {
            return "it is private";
        }
        if (field.element().getModifiers().contains(Modifier.PROTECTED)) {
            return "it is protected " + where + ", and the generated code is no subclass";
        }
        if (!field.element().getModifiers().contains(Modifier.PUBLIC)) {
            return "it is package-private " + where;
        }
        return "class " + declaring.getQualifiedName() + " is not public";
    }

    private static boolean isPublic(TypeElement type) {
        for (Element enclosing = type; enclosing instanceof TypeElement nested;
                enclosing = nested.getEnclosingElement()) {
            if (!nested.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
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

    /** Whether {@code method}, as {@code owner} has it (type arguments of a superclass applied), reads the field. */
    private boolean isGetter(DeclaredType owner, ExecutableElement method, String name, TypeMirror type) {
        if (!method.getSimpleName().contentEquals(name) || !method.getParameters().isEmpty()) {
            return false;
        }
        ExecutableType asMember = (ExecutableType) types.asMemberOf(owner, method);
        return types.isSameType(asMember.getReturnType(), type);
    }

    private boolean isSetter(DeclaredType owner, ExecutableElement method, String name, TypeMirror type) {
        if (!method.getSimpleName().contentEquals(name) || method.getParameters().size() != 1) {
            return false;
        }
        ExecutableType asMember = (ExecutableType) types.asMemberOf(owner, method);
        return types.isSameType(asMember.getParameterTypes().get(0), type);
    }

    private static boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN || type.toString().equals("java.lang.Boolean");
    }

    private static String simpleName(TypeMirror type) {
        String full = type.toString();
        return full.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }
}
