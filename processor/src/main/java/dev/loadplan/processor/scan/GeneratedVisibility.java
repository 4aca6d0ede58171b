package dev.loadplan.processor.scan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether the sources generated beside an entity may carry {@code @javax.annotation.processing.Generated}, which
 * lives in module {@code java.compiler}. Code on the class path (the unnamed module) reads every module of the graph,
 * java.compiler among them by default, so it always carries it, as it always has; code in a named module carries it
 * only when the module reads {@code java.compiler}, since anywhere else the annotation is a compile error in every
 * generated file. Dagger and AutoValue likewise write the annotation only where the compilation can see it.
 *
 * <p>The answer comes from the module's {@code requires}, not from looking the annotation up: javac's
 * {@code Elements.getTypeElement(name)} searches every module of the compilation, so it finds {@code @Generated}
 * as soon as any module in the graph requires {@code java.compiler}, also when the entity's module cannot read it
 * (GeneratedVisibilityTest shows it).
 */
public final class GeneratedVisibility {

    private static final String MODULE = "java.compiler";

    private GeneratedVisibility() {
    }

    /** Whether code in the module of {@code entity} can see {@code @Generated}. */
    public static boolean from(Elements elements, Element entity) {
        ModuleElement module = elements.getModuleOf(entity);
        // null: a compilation without modules (release 8), where nothing changes from what was always written.
        return module == null || module.isUnnamed() || reads(module, MODULE);
    }

    /**
     * Whether {@code module} reads the module named {@code name} (JLS 7.7.1): the modules it requires, with or without
     * {@code static} (this is compile time), and whatever those require {@code transitive}, on and on ({@code java.se}
     * requires {@code java.compiler} transitive).
     */
    private static boolean reads(ModuleElement module, String name) {
        Deque<ModuleElement> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
            pending.add(requires.getDependency());
        }
        while (!pending.isEmpty()) {
            ModuleElement read = pending.pop();
            String readName = read.getQualifiedName().toString();
            if (readName.equals(name)) {
                return true;
            }
            if (!seen.add(readName)) {
                continue;
            }
            for (RequiresDirective requires : ElementFilter.requiresIn(read.getDirectives())) {
                if (requires.isTransitive()) {
                    pending.add(requires.getDependency());
                }
            }
        }
        return false;
    }
}
