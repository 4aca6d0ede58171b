package dev.loadplan.processor.scan;

import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Finds the fields of an entity whose types do not exist yet: another annotation processor may generate them in
 * this round, so the entity waits for the next one, as Dagger's and AutoValue's processors wait.
 */
public final class MissingTypes {

    private MissingTypes() {
    }

    /** Whether a field of {@code entity} has a type, or a type argument or array component, javac cannot find. */
    public static boolean anyIn(TypeElement entity) {
        for (VariableElement field : ElementFilter.fieldsIn(entity.getEnclosedElements())) {
            if (missing(field.asType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean missing(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return missing(((ArrayType) type).getComponentType());
        }
        if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                if (missing(argument)) {
                    return true;
                }
            }
        }
        return false;
    }
}
