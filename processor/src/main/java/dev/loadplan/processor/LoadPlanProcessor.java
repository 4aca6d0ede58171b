package dev.loadplan.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reporter;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.plan.LoaderPlanner;
import dev.loadplan.processor.plan.PlannedEntities;
import dev.loadplan.processor.scan.EntityDeclaration;
import dev.loadplan.processor.scan.EntityScanner;
import dev.loadplan.processor.scan.GeneratedVisibility;
import dev.loadplan.processor.scan.MissingTypes;
import dev.loadplan.processor.validate.EntityValidator;
import dev.loadplan.processor.write.DaoWriter;
import dev.loadplan.processor.write.LoaderWriter;
import dev.loadplan.processor.write.MappingWriter;
import dev.loadplan.processor.write.Provenance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.JavaFileObject;

/**
 * Drives one round: scan the {@code @Entity} classes, validate them all (reporting every problem), then write the
 * mapping, loader and DAO of each sound entity. Only this class sees both the checks and the writers.
 */
@AutoService(Processor.class)
public final class LoadPlanProcessor extends AbstractProcessor {

    private static final String GENERATED = "javax.annotation.processing.Generated";

    /**
     * The entities waiting for a later round because a type their fields use does not exist yet (another processor
     * generates it); by qualified name, since elements do not carry over from one round to the next.
     */
    private final Set<String> deferred = new LinkedHashSet<>();

    /**
     * Every loadplan annotation and {@code @Generated}, which the sources it writes carry into the next round: each
     * claimed ({@link #process} returns true), since a build with {@code -Xlint:all -Werror} fails on annotations no
     * processor claims. Nothing else reads loadplan's annotations; a processor asked before this one still sees
     * {@code @Generated}.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(EntityScanner.ENTITY, EntityScanner.ID, EntityScanner.COLUMN, EntityScanner.RELATIONSHIP,
                EntityScanner.VERSION, EntityScanner.VIEW, GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        generate(round);
        return true;
    }

    private void generate(RoundEnvironment round) {
        Reporter reporter = new Reporter(processingEnv.getMessager());
        TypeElement entity = processingEnv.getElementUtils().getTypeElement(EntityScanner.ENTITY);
        if (entity == null) {
            // Nothing can carry @Entity when the runtime, which declares it, is not on the class path.
            return;
        }
        List<TypeElement> roots = new ArrayList<>();
        for (String name : deferred) {
            roots.add(processingEnv.getElementUtils().getTypeElement(name));
        }
        deferred.clear();
        for (Element element : round.getElementsAnnotatedWith(entity)) {
            if (!EntityScanner.isClass(element)) {
                reporter.error(element, Message.ENTITY_NOT_A_CLASS, element.getSimpleName(),
                        EntityScanner.kindWithArticle(element));
                continue;
            }
            roots.add((TypeElement) element);
        }
        TypeElement view = processingEnv.getElementUtils().getTypeElement(EntityScanner.VIEW);
        if (view != null) {
            for (Element element : round.getElementsAnnotatedWith(view)) {
                if (element instanceof TypeElement type && !roots.contains(type)) {
                    roots.add(type);
                }
            }
        }
        if (!round.processingOver() && roots.stream().anyMatch(MissingTypes::anyIn)) {
            // Entities are validated together (relationships point across them), so all of them wait a round.
            roots.forEach(waiting -> deferred.add(waiting.getQualifiedName().toString()));
            return;
        }
        Set<String> sources = new HashSet<>();
        roots.forEach(root -> sources.add(root.getQualifiedName().toString()));
        EntityScanner scanner = new EntityScanner(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), sources);
        List<EntityDeclaration> declarations = new ArrayList<>();
        List<EntityDeclaration> views = new ArrayList<>();
        for (TypeElement element : roots) {
            if (EntityScanner.isView(element)) {
                views.add(scanner.scanView(element));
            } else {
                declarations.add(scanner.scan(element));
            }
        }
        if (declarations.isEmpty() && views.isEmpty()) {
            return;
        }
        EntityValidator.Validated validated;
        try {
            validated = new EntityValidator(scanner, reporter, processingEnv.getElementUtils(),
                    processingEnv.getTypeUtils()).validate(declarations, views);
        } catch (RuntimeException e) {
            Element at = declarations.isEmpty() ? views.get(0).element() : declarations.get(0).element();
            reporter.error(at, Message.UNEXPECTED, "validation", stackTrace(e));
            return;
        }
        PlannedEntities entities = PlannedEntities.of(validated.reachable());
        for (EntityModel model : validated.generated()) {
            TypeElement element = processingEnv.getElementUtils().getTypeElement(model.type().canonicalName());
            try {
                Provenance provenance = new Provenance(originatingElements(model, element, validated.reachable()),
                        GeneratedVisibility.from(processingEnv.getElementUtils(), element));
                LoaderPlanner.Loader loader = LoaderPlanner.plan(model, entities);
                warnOfCostlyDefaults(reporter, model, element, loader.costlyDefaults());
                write(MappingWriter.write(model, provenance));
                write(LoaderWriter.write(model, loader, provenance));
                if (!model.isView()) {
                    // A view is read-only: it has no DAO.
                    write(DaoWriter.write(model, provenance));
                }
            } catch (IOException | RuntimeException e) {
                reporter.error(element, Message.UNEXPECTED, model.simpleName(), stackTrace(e));
            }
        }
    }

    /**
     * Warns on each relationship field whose declared default, with another's, makes every plan of {@code model}
     * cost more than it should; on the entity when the field is not in its source (a superclass compiled before).
     */
    private void warnOfCostlyDefaults(Reporter reporter, EntityModel model, TypeElement element,
            List<LoaderPlanner.CostlyDefaults> costly) {
        for (LoaderPlanner.CostlyDefaults defaults : costly) {
            List<RelationshipModel> relationships = defaults.relationships();
            for (RelationshipModel relationship : relationships) {
                Element field = fieldElement(element, relationship.field());
                reporter.warning(field == null ? element : field, Message.JOINED_DEFAULTS_MULTIPLY,
                        model.simpleName() + "." + relationships.get(0).field(),
                        model.simpleName() + "." + relationships.get(1).field(), model.simpleName(),
                        model.simpleName());
            }
        }
    }

    /** The field (or record component) {@code name} of {@code type} or of the superclass it inherits it from. */
    private Element fieldElement(TypeElement type, String name) {
        for (TypeElement declaring = type; declaring != null; declaring = superclass(declaring)) {
            for (Element member : declaring.getEnclosedElements()) {
                if ((member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.RECORD_COMPONENT)
                        && member.getSimpleName().contentEquals(name)) {
                    return member;
                }
            }
        }
        return null;
    }

    private TypeElement superclass(TypeElement type) {
        Element superclass = processingEnv.getTypeUtils().asElement(type.getSuperclass());
        return superclass instanceof TypeElement declared ? declared : null;
    }

    /**
     * The entity and every class its generated code depends on, in a stable order: the superclasses whose fields it
     * maps, and the entities its relationships reach, directly or not, since their declared defaults decide what its
     * constants show.
     */
    private List<Element> originatingElements(EntityModel model, TypeElement element, List<EntityModel> reachable) {
        Map<ClassName, EntityModel> byType = new HashMap<>();
        reachable.forEach(candidate -> byType.put(candidate.type(), candidate));
        TreeMap<String, Element> related = new TreeMap<>();
        Deque<EntityModel> pending = new ArrayDeque<>(List.of(model));
        while (!pending.isEmpty()) {
            for (RelationshipModel relationship : pending.pop().relationships()) {
                ClassName target = relationship.target();
                if (related.containsKey(target.canonicalName())) {
                    continue;
                }
                TypeElement targetElement = processingEnv.getElementUtils().getTypeElement(target.canonicalName());
                if (targetElement != null) {
                    related.put(target.canonicalName(), targetElement);
                }
                if (byType.containsKey(target)) {
                    pending.push(byType.get(target));
                }
            }
        }
        if (model.isView()) {
            TypeElement viewed = processingEnv.getElementUtils().getTypeElement(model.viewOf().canonicalName());
            if (viewed != null) {
                related.put(model.viewOf().canonicalName(), viewed);
            }
        }
        related.remove(model.type().canonicalName());
        List<Element> elements = new ArrayList<>();
        elements.add(element);
        for (TypeMirror superclass = element.getSuperclass(); superclass.getKind() == TypeKind.DECLARED;
                superclass = ((TypeElement) ((DeclaredType) superclass).asElement()).getSuperclass()) {
            TypeElement declaring = (TypeElement) ((DeclaredType) superclass).asElement();
            if (!declaring.getQualifiedName().toString().startsWith("java.")) {
                elements.add(declaring);
            }
        }
        elements.addAll(related.values());
        return elements;
    }

    /**
     * Renders {@code file} whole, then hands it to the Filer in one write: JavaPoet writes in small pieces, and each
     * would go through the Filer's encoder on its own.
     */
    private void write(JavaFile file) throws IOException {
        StringBuilder source = new StringBuilder(16_384);
        file.writeTo(source);
        String name = file.packageName().isEmpty() ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        JavaFileObject output = processingEnv.getFiler().createSourceFile(name,
                file.typeSpec().originatingElements().toArray(new Element[0]));
        try (Writer writer = output.openWriter()) {
            writer.append(source);
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
