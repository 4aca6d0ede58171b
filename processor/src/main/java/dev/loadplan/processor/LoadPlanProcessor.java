package dev.loadplan.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.loadplan.annotations.Entity;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reporter;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.scan.EntityDeclaration;
import dev.loadplan.processor.scan.EntityScanner;
import dev.loadplan.processor.validate.EntityValidator;
import dev.loadplan.processor.write.DaoWriter;
import dev.loadplan.processor.write.LoaderWriter;
import dev.loadplan.processor.write.MappingWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Drives one round: scan the {@code @Entity} classes, validate them all (reporting every problem), then write the
 * mapping, loader and DAO of each sound entity. Only this class sees both the checks and the writers.
 */
@AutoService(Processor.class)
public final class LoadPlanProcessor extends AbstractProcessor {

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Entity.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Reporter reporter = new Reporter(processingEnv.getMessager());
        EntityScanner scanner = new EntityScanner();
        List<EntityDeclaration> declarations = new ArrayList<>();
        for (Element element : round.getElementsAnnotatedWith(Entity.class)) {
            if (!EntityScanner.isClass(element)) {
                reporter.error(element, Message.ENTITY_NOT_A_CLASS, element.getSimpleName(),
                        EntityScanner.kindWithArticle(element));
                continue;
            }
            declarations.add(scanner.scan((TypeElement) element));
        }
        if (declarations.isEmpty()) {
            return false;
        }
        List<EntityModel> models;
        try {
            models = new EntityValidator(scanner, reporter).validate(declarations);
        } catch (RuntimeException e) {
            reporter.error(declarations.get(0).element(), Message.UNEXPECTED, "validation", stackTrace(e));
            return false;
        }
        for (EntityModel model : models) {
            TypeElement element = processingEnv.getElementUtils().getTypeElement(model.type().canonicalName());
            try {
                List<Element> originating = originatingElements(model, element);
                write(MappingWriter.write(model, originating));
                write(LoaderWriter.write(model, originating));
                write(DaoWriter.write(model, originating));
            } catch (IOException | RuntimeException e) {
                reporter.error(element, Message.UNEXPECTED, model.simpleName(), stackTrace(e));
            }
        }
        return false;
    }

    /** The entity and every entity its generated code refers to, in a stable order. */
    private List<Element> originatingElements(EntityModel model, TypeElement element) {
        TreeMap<String, Element> related = new TreeMap<>();
        for (RelationshipModel relationship : model.relationships()) {
            ClassName target = relationship.target();
            TypeElement targetElement = processingEnv.getElementUtils().getTypeElement(target.canonicalName());
            if (targetElement != null) {
                related.put(target.canonicalName(), targetElement);
            }
        }
        related.remove(model.type().canonicalName());
        List<Element> elements = new ArrayList<>();
        elements.add(element);
        elements.addAll(related.values());
        return elements;
    }

    private void write(JavaFile file) throws IOException {
        file.writeTo(processingEnv.getFiler());
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
