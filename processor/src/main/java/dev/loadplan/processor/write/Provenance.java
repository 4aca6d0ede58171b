package dev.loadplan.processor.write;

import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * What a generated source says of where it comes from: the elements it is derived from, for incremental builds, and
 * the {@code @Generated} mark naming the processor, written only where the entity's module can see it.
 *
 * @param originatingElements the entity and every entity its generated code depends on
 * @param generatedVisible whether the entity's module reads {@code java.compiler}, which declares {@code @Generated}
 */
public record Provenance(List<? extends Element> originatingElements, boolean generatedVisible) {

    public Provenance {
        originatingElements = List.copyOf(originatingElements);
    }

    /** Marks {@code type} with this provenance. */
    void mark(TypeSpec.Builder type) {
        if (generatedVisible) {
            type.addAnnotation(Sources.generated());
        }
        originatingElements.forEach(type::addOriginatingElement);
    }
}
