package dev.loadplan.processor.validate;

import com.palantir.javapoet.ClassName;
import dev.loadplan.processor.diagnostics.Reporter;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.scan.EntityDeclaration;
import dev.loadplan.processor.scan.EntityScanner;
import dev.loadplan.processor.scan.FieldDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks every declaration of a round and turns the sound ones into {@link EntityModel}s. It runs the rules, each
 * of which returns what it found as reports, prints every report on the element and attribute at fault, and leaves
 * out an entity with an error, and any entity whose relationships point at one, so that no code is generated from
 * a broken model.
 */
public final class EntityValidator {

    private final EntityScanner scanner;
    private final Reporter reporter;
    private final FieldRules fieldRules;
    private final ViewRules viewRules;
    private final Map<String, Draft> drafts = new LinkedHashMap<>();

    public EntityValidator(EntityScanner scanner, Reporter reporter, Elements elements, Types types) {
        this.scanner = scanner;
        this.reporter = reporter;
        this.fieldRules = new FieldRules(new Accessors(elements, types));
        this.viewRules = new ViewRules(fieldRules, types);
    }

    /**
     * The round's sound entities, whose code the processor writes, and every sound entity they reach, those compiled
     * before included: the declared defaults of all of them decide what the generated constants show.
     */
    public record Validated(List<EntityModel> generated, List<EntityModel> reachable) {
    }

    /** Validates the round's entities; returns the models of those that are sound, in the order given. */
    public Validated validate(List<EntityDeclaration> entities) {
        return validate(entities, List.of());
    }

    /**
     * Validates the round's entities and views (the {@code @View}s, read by {@link EntityScanner#scanView}); returns
     * the models of those that are sound, entities first, each in the order given.
     */
    public Validated validate(List<EntityDeclaration> entities, List<EntityDeclaration> views) {
        Reports printed = new Reports();
        try {
            check(entities, printed);
            checkViews(views, printed);
            dropDependentsOfFailed();
        } finally {
            // Printed even when a rule throws, so the errors found before the bug still reach the user.
            reporter.report(printed.list());
        }
        return models();
    }

    private void check(List<EntityDeclaration> entities, Reports printed) {
        for (EntityDeclaration entity : entities) {
            drafts.put(Draft.qualifiedName(entity.element()), new Draft(entity, true));
        }
        List<Draft> round = List.copyOf(drafts.values());
        for (Draft draft : round) {
            collect(draft, ClassRules.check(draft), printed);
            collect(draft, fieldRules.check(draft), printed);
        }
        for (Draft draft : round) {
            addForeignKeyColumns(draft, printed);
        }
        for (Draft draft : round) {
            addRelationships(draft, printed);
        }
        for (Draft draft : round) {
            if (!draft.failed) {
                collect(draft, EntryPointNames.check(draft), printed);
            }
        }
        addRelationshipsOfEntitiesCompiledBefore();
    }

    /**
     * Checks the round's views, once every entity has its relationships: each view's entity and columns first, so
     * that each relationship sees the columns of the view it holds, then the relationships, then their cycles.
     */
    private void checkViews(List<EntityDeclaration> views, Reports printed) {
        List<Draft> round = new ArrayList<>();
        for (EntityDeclaration view : views) {
            Draft draft = new Draft(view, true);
            // A view's relationships are its entity's, added by the view's rules, never as an entity's.
            draft.relationshipsAdded = true;
            drafts.put(Draft.qualifiedName(view.element()), draft);
            round.add(draft);
        }
        for (Draft view : round) {
            addViewColumns(view, printed);
        }
        for (Draft view : round) {
            addViewRelationships(view, printed);
        }
        Reports cycles = new Reports();
        ViewRules.checkCycles(round, cycles);
        printed.addAll(cycles);
        for (Draft view : round) {
            if (!view.failed) {
                collect(view, EntryPointNames.check(view), printed);
            }
        }
        addRelationshipsOfEntitiesCompiledBefore();
    }

    /** The view's entity and columns; the entity's relationships first when it was compiled before. */
    private void addViewColumns(Draft view, Reports kept) {
        Reports reports = new Reports();
        Draft entity = viewRules.entity(view, type -> draftOf(type, kept), reports);
        collect(view, reports, kept);
        if (entity == null) {
            view.failed = true;
            return;
        }
        if (!entity.relationshipsAdded) {
            // Compiled before: checked then, so what cannot be mapped now is left out quietly, as for any such entity.
            boolean failed = entity.failed;
            addRelationships(entity, new Reports());
            entity.failed = failed;
        }
        Reports columns = new Reports();
        viewRules.addColumns(view, entity, columns);
        collect(view, columns, kept);
    }

    private void addViewRelationships(Draft view, Reports kept) {
        if (view.viewed == null) {
            return;
        }
        for (FieldDeclaration field : view.relationshipFields) {
            Reports reports = new Reports();
            RelationshipModel relationship = viewRules.relationship(view, view.viewed, field,
                    type -> draftOf(type, kept), type -> viewDraftOf(type, kept), reports);
            collect(view, reports, kept);
            if (relationship != null) {
                view.relationships.add(relationship);
            } else {
                view.failed = true;
            }
        }
    }

    /**
     * The draft of a view, checking one outside the round (compiled before) on first use, as {@link #draftOf} does an
     * entity.
     */
    private Draft viewDraftOf(TypeElement type, Reports kept) {
        if (type == null) {
            return null;
        }
        Draft draft = drafts.get(Draft.qualifiedName(type));
        if (draft != null) {
            return draft;
        }
        EntityDeclaration declaration = scanner.scanView(type);
        if (declaration == null) {
            return null;
        }
        draft = new Draft(declaration, false);
        draft.relationshipsAdded = true;
        drafts.put(Draft.qualifiedName(type), draft);
        addViewColumns(draft, kept);
        addViewRelationships(draft, kept);
        return draft;
    }

    private Validated models() {
        List<EntityModel> generated = new ArrayList<>();
        List<EntityModel> reachable = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            if (!draft.failed) {
                EntityModel model = new EntityModel(ClassName.get(draft.declaration.element()), draft.table(),
                        draft.columns, draft.relationships, draft.declaration.element().getKind() == ElementKind.RECORD,
                        draft.declaration.fields().stream().map(FieldDeclaration::name).toList(),
                        draft.viewed == null ? null : ClassName.get(draft.viewed.declaration.element()));
                reachable.add(model);
                if (draft.inRound) {
                    generated.add(model);
                }
            }
        }
        return new Validated(generated, reachable);
    }

    /**
     * Keeps {@code reports} of {@code draft} in {@code kept}, and fails the draft if one is an error. Each rule's
     * reports are collected as soon as it returns, so they are printed in the order they were found.
     */
    private static void collect(Draft draft, Reports reports, Reports kept) {
        if (reports.hasErrors()) {
            draft.failed = true;
        }
        kept.addAll(reports);
    }

    private void addForeignKeyColumns(Draft draft, Reports kept) {
        for (FieldDeclaration field : draft.relationshipFields) {
            Reports reports = new Reports();
            ForeignKeyColumns.add(draft, field, type -> draftOf(type, kept), reports);
            collect(draft, reports, kept);
        }
    }

    /** Adds the relationships of {@code draft}; one that cannot be modelled fails the draft. */
    private void addRelationships(Draft draft, Reports kept) {
        draft.relationshipsAdded = true;
        for (FieldDeclaration field : draft.relationshipFields) {
            Reports reports = new Reports();
            RelationshipModel relationship = RelationshipRules.model(draft, field, type -> draftOf(type, kept),
                    reports);
            collect(draft, reports, kept);
            if (relationship != null) {
                draft.relationships.add(relationship);
            } else {
                draft.failed = true;
            }
        }
    }

    /**
     * The relationships of entities compiled before, and of those they reach, for their declared defaults. They were
     * checked when they were compiled: one loadplan cannot map now is left out, quietly, rather than failing a
     * build that cannot change it. So their reports, and those of the entities first reached from them, are kept
     * nowhere; an entity first reached so that has an error still fails.
     */
    private void addRelationshipsOfEntitiesCompiledBefore() {
        boolean added = true;
        while (added) {
            added = false;
            for (Draft draft : List.copyOf(drafts.values())) {
                if (!draft.inRound && !draft.relationshipsAdded && !draft.failed) {
                    addRelationships(draft, new Reports());
                    draft.failed = false;
                    added = true;
                }
            }
        }
    }

    /**
     * The draft of an entity, scanning and checking one outside the round (compiled before) on first use; its
     * reports are kept in {@code kept}, with those of the relationship that reached it.
     */
    private Draft draftOf(TypeElement type, Reports kept) {
        if (type == null || !EntityScanner.isClass(type)) {
            return null;
        }
        String name = Draft.qualifiedName(type);
        Draft draft = drafts.get(name);
        if (draft != null && EntityScanner.isView(type)) {
            // The view's draft: no entity, which is what a relationship or a view asks this for.
            return null;
        }
        if (draft == null) {
            EntityDeclaration declaration = scanner.scan(type);
            if (declaration == null) {
                return null;
            }
            draft = new Draft(declaration, false);
            drafts.put(name, draft);
            collect(draft, fieldRules.check(draft), kept);
            addForeignKeyColumns(draft, kept);
        }
        return draft;
    }

    /** Leaves out every entity that refers, directly or not, to one that failed: its code would not compile. */
    private void dropDependentsOfFailed() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Draft draft : drafts.values()) {
                if (!draft.failed && draft.targets.stream().map(drafts::get)
                        .anyMatch(target -> target != null && target.failed)) {
                    draft.failed = true;
                    changed = true;
                }
            }
        }
    }
}
