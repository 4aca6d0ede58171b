package dev.loadplan.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * The names of the classes generated for an entity, always top-level in the entity's package: {@code AuthorLoader}
 * for {@code Author}, {@code Outer_InnerLoader} for a nested {@code Outer.Inner}. Every writer asks here, so
 * a class and the code that refers to it always agree.
 */
public final class GeneratedNames {

    /**
     * The constant of a class entity's mapping that lists its fields in declaration order, comma-separated, for a
     * later compilation that reads the entity from its class file: Eclipse's compiler lists a compiled class's fields
     * sorted by name, javac in the order of the class file.
     */
    public static final String DECLARED_FIELDS = "DECLARED_FIELDS";

    private GeneratedNames() {
    }

    public static ClassName loader(ClassName entity) {
        return generated(entity, "Loader");
    }

    public static ClassName loaderPlan(ClassName entity) {
        return loader(entity).nestedClass("Plan");
    }

    public static ClassName mapping(ClassName entity) {
        return generated(entity, "Mapping");
    }

    public static ClassName dao(ClassName entity) {
        return generated(entity, "Dao");
    }

    private static ClassName generated(ClassName entity, String suffix) {
        return ClassName.get(entity.packageName(), String.join("_", entity.simpleNames()) + suffix);
    }
}
