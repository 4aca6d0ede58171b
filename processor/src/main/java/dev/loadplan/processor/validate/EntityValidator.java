package dev.loadplan.processor.validate;

import static dev.loadplan.planner.sql.SqlIdentifiers.quoteIfNeeded;

import com.palantir.javapoet.ClassName;
import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reporter;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.diagnostics.Suggestions;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.RelationshipKind;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.model.ScalarType;
import dev.loadplan.processor.scan.EntityDeclaration;
import dev.loadplan.processor.scan.EntityScanner;
import dev.loadplan.processor.scan.FieldDeclaration;
import dev.loadplan.processor.scan.RelationshipAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
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
    private final Map<String, Draft> drafts = new LinkedHashMap<>();

    public EntityValidator(EntityScanner scanner, Reporter reporter, Elements elements, Types types) {
        this.scanner = scanner;
        this.reporter = reporter;
        this.fieldRules = new FieldRules(new Accessors(elements, types));
    }

    /**
     * The round's sound entities, whose code the processor writes, and every sound entity they reach, those compiled
     * before included: the declared defaults of all of them decide what the generated constants show.
     */
    public record Validated(List<EntityModel> generated, List<EntityModel> reachable) {
    }

    /** Validates the round's entities; returns the models of those that are sound, in the order given. */
    public Validated validate(List<EntityDeclaration> entities) {
        Reports printed = new Reports();
        try {
            check(entities, printed);
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
        addRelationshipsOfEntitiesCompiledBefore();
        dropDependentsOfFailed();
    }

    private Validated models() {
        List<EntityModel> generated = new ArrayList<>();
        List<EntityModel> reachable = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            if (!draft.failed) {
                EntityModel model = new EntityModel(ClassName.get(draft.declaration.element()), draft.table(),
                        draft.columns, draft.relationships, draft.declaration.element().getKind() == ElementKind.RECORD,
                        draft.declaration.fields().stream().map(FieldDeclaration::name).toList());
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
            addForeignKey(draft, field, type -> draftOf(type, kept), reports);
            collect(draft, reports, kept);
        }
    }

    /** Adds the relationships of {@code draft}; one that cannot be modelled fails the draft. */
    private void addRelationships(Draft draft, Reports kept) {
        draft.relationshipsAdded = true;
        for (FieldDeclaration field : draft.relationshipFields) {
            Reports reports = new Reports();
            RelationshipModel relationship = model(draft, field, type -> draftOf(type, kept),
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



    /**
     * The relationship {@code field} of {@code draft}, or null when it has none: then its problem is reported, or
     * the entity at either end has no usable key, which its own report explains.
     */
    private static RelationshipModel model(Draft draft, FieldDeclaration field, Draft.Lookup lookup, Reports reports) {
        boolean many = TypeClassifier.isList(field.type());
        boolean ref = TypeClassifier.isRef(field.type());
        FieldForm form = many ? FieldForm.COLLECTION : ref ? FieldForm.REF : FieldForm.REFERENCE;
        if (optionalRelationship(draft, field, many, ref, reports)) {
            return null;
        }
        String declareAs = TypeClassifier.listInstead(field.type());
        if (declareAs != null) {
            reports.error(field.element(), Message.RELATIONSHIP_COLLECTION_TYPE, draft.name(), field.name(),
                    field.type(), declareAs);
            return null;
        }
        Draft target = target(draft, field, many || ref, lookup, reports);
        if (target == null) {
            return null;
        }
        boolean ok = checkStrategyFits(draft, field, form, target, reports)
                & checkAttributesFit(draft, field, many, reports);
        if (!ok || draft.id() == null || target.id() == null) {
            return null;
        }
        return byMapping(draft, field, target, form, reports);
    }

    /** The draft of the entity {@code field} points at, noted as one {@code draft} depends on; null once reported. */
    private static Draft target(Draft draft, FieldDeclaration field, boolean wrapped, Draft.Lookup lookup,
            Reports reports) {
        TypeMirror targetType = wrapped ? TypeClassifier.elementType(field.type()) : field.type();
        TypeElement targetElement = targetType == null ? null : TypeClassifier.declared(targetType);
        Draft target = lookup.of(targetElement);
        if (target == null) {
            String shown = targetType == null
                    ? "nothing (a raw " + (TypeClassifier.isRef(field.type()) ? "Ref" : "List") + ")"
                    : targetType.toString();
            reports.error(field.element(), Message.RELATIONSHIP_TARGET_NOT_ENTITY, draft.name(), field.name(), shown,
                    shown);
            return null;
        }
        draft.targets.add(Draft.qualifiedName(targetElement));
        return target;
    }

    private static RelationshipModel byMapping(Draft draft, FieldDeclaration field, Draft target, FieldForm form,
            Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        boolean many = form == FieldForm.COLLECTION;
        if (!attributes.joinTable().isEmpty()) {
            return manyToMany(draft, field, target, reports);
        }
        if (!attributes.mappedBy().isEmpty()) {
            return inverse(draft, field, target, form, reports);
        }
        if (many && !attributes.joinColumn().isEmpty()) {
            return oneToMany(draft, field, target, reports);
        }
        if (many) {
            reports.error(field.element(), Message.COLLECTION_NEEDS_MAPPING, draft.name(), field.name(),
                    target.name(), target.name());
            return null;
        }
        if (attributes.joinColumn().isEmpty()) {
            reports.error(field.element(), field.relationship(), null, Message.REFERENCE_NEEDS_MAPPING, draft.name(),
                    field.name(), draft.declaration.table(), target.name());
            return null;
        }
        return reference(draft, field, target, form);
    }

    /**
     * Reports a relationship wrapped in an {@code Optional} anywhere: {@code Optional<Book>} and
     * {@code Ref<Optional<Book>>} are told to be {@code Ref<Book>} or {@code Book}, {@code Optional<List<Book>>}
     * and {@code List<Optional<Book>>} {@code List<Book>}, rather than to annotate {@code Optional} with
     * {@code @Entity}.
     */
    private static boolean optionalRelationship(Draft draft, FieldDeclaration field, boolean many, boolean ref,
            Reports reports) {
        TypeMirror outer = field.type();
        TypeMirror content = TypeClassifier.isOptional(outer) || many || ref ? TypeClassifier.elementType(outer) : null;
        boolean optional = TypeClassifier.isOptional(outer);
        if (!optional && (content == null || !TypeClassifier.isOptional(content))) {
            return false;
        }
        if (!optional) {
            content = TypeClassifier.elementType(content);
        }
        boolean collection = many || (optional && content != null && TypeClassifier.isList(content));
        TypeMirror entity = collection && !many && content != null ? TypeClassifier.elementType(content) : content;
        TypeElement declared = entity == null ? null : TypeClassifier.declared(entity);
        String target = declared == null ? "Target" : declared.getSimpleName().toString();
        if (collection) {
            reports.error(field.element(), Message.RELATIONSHIP_COLLECTION_TYPE, draft.name(), field.name(), outer,
                    "List<" + target + ">");
        } else {
            reports.error(field.element(), Message.RELATIONSHIP_OPTIONAL, draft.name(), field.name(), outer, target,
                    target);
        }
        return true;
    }

    /** A plain reference field reads as null when not loaded: it cannot be declared LAZY or RAISE. */
    private static boolean checkStrategyFits(Draft draft, FieldDeclaration field, FieldForm form, Draft target,
            Reports reports) {
        LoadStrategy strategy = field.attributes().strategy();
        if (field.attributes().strategySet() && !form.canDefer()
                && (strategy == LoadStrategy.LAZY || strategy == LoadStrategy.RAISE)) {
            return reports.error(field.element(), field.relationship(), "strategy", Message.DEFERRED_PLAIN_REFERENCE,
                    draft.name(), field.name(), strategy, target.name(), target.name(), target.name());
        }
        return true;
    }

    /** Checks the attributes that do not fit the field's cardinality, reporting all of them. */
    private static boolean checkAttributesFit(Draft draft, FieldDeclaration field, boolean many, Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        boolean ok = true;
        if (!attributes.mappedBy().isEmpty() && !attributes.joinColumn().isEmpty()) {
            ok = reports.error(field.element(), field.relationship(), "mappedBy", Message.MAPPED_BY_WITH_JOIN_COLUMN,
                    draft.name(), field.name());
        }
        if (many && attributes.innerJoin()) {
            ok = reports.error(field.element(), field.relationship(), "innerJoin", Message.INNER_JOIN_ON_COLLECTION,
                    draft.name(), field.name());
        }
        if (!many && !attributes.orderBy().isEmpty()) {
            ok = reports.error(field.element(), field.relationship(), "orderBy", Message.ORDER_BY_ON_REFERENCE,
                    draft.name(), field.name());
        }
        if (!many && !attributes.joinTable().isEmpty()) {
            ok = reports.error(field.element(), field.relationship(), "joinTable", Message.JOIN_TABLE_ON_REFERENCE,
                    draft.name(), field.name());
        }
        return checkNames(draft, field, reports) & ok;
    }



    /** Checks the join table attributes on any relationship field, reporting all of them; false when one is wrong. */
    private static boolean checkNames(Draft draft, FieldDeclaration field, Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        boolean ok = true;
        String joinTable = attributes.joinTable();
        if (joinTable.contains(".") || joinTable.contains("\"")) {
            ok = reports.error(field.element(), field.relationship(), "joinTable", Message.JOIN_TABLE_QUALIFIED,
                    draft.name(), field.name(), joinTable, insteadOfQualified(joinTable));
        }
        if (attributes.joinTableSchema().contains(".") || attributes.joinTableSchema().contains("\"")) {
            ok = reports.error(field.element(), field.relationship(), "joinTableSchema",
                    Message.JOIN_TABLE_SCHEMA_NOT_A_NAME, draft.name(), field.name(), attributes.joinTableSchema());
        }
        if (joinTable.isEmpty() && !attributes.joinTableSchema().isEmpty()) {
            ok = reports.error(field.element(), field.relationship(), "joinTableSchema",
                    Message.JOIN_TABLE_SCHEMA_WITHOUT_TABLE, draft.name(), field.name());
        }
        if (joinTable.isEmpty() && !attributes.inverseJoinColumn().isEmpty()) {
            ok = reports.error(field.element(), field.relationship(), "inverseJoinColumn",
                    Message.INVERSE_JOIN_COLUMN_WITHOUT_TABLE, draft.name(), field.name());
        }
        return ok;
    }

    /** Quoted as one name, "tracker.issue_labels" would name a table with a dot in it: the attributes to write. */
    private static String insteadOfQualified(String joinTable) {
        String named = joinTable.replace("\"", "");
        int dot = named.indexOf('.');
        return dot < 0 ? "joinTable = \"" + named + "\""
                : "joinTableSchema = \"" + named.substring(0, dot) + "\", joinTable = \"" + named.substring(dot + 1)
                        + "\"";
    }

    /** The many-to-many {@code field} of {@code draft}; null once its problem is reported. */
    private static RelationshipModel manyToMany(Draft draft, FieldDeclaration field, Draft target, Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        List<String> missing = new ArrayList<>();
        if (attributes.joinColumn().isEmpty()) {
            missing.add("joinColumn");
        }
        if (attributes.inverseJoinColumn().isEmpty()) {
            missing.add("inverseJoinColumn");
        }
        if (!missing.isEmpty()) {
            reports.error(field.element(), field.relationship(), "joinTable", Message.JOIN_TABLE_INCOMPLETE,
                    draft.name(), field.name(), attributes.joinTable(), String.join(" or ", missing), draft.name(),
                    target.name());
            return null;
        }
        List<OrderTerm> order = orderBy(draft, field, target, reports);
        if (order == null) {
            return null;
        }
        // The association table lives in the declaring entity's schema unless joinTableSchema names another.
        String schema = attributes.joinTableSchema().isEmpty() ? draft.declaration.schema()
                : attributes.joinTableSchema();
        RelationShape shape = RelationShape.joinTable(field.name(), quoteIfNeeded(draft.id().name()),
                quoteIfNeeded(target.id().name()), schema.isEmpty() ? null : quoteIfNeeded(schema),
                quoteIfNeeded(attributes.joinTable()),
                quoteIfNeeded(attributes.joinColumn()), quoteIfNeeded(attributes.inverseJoinColumn()), order);
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), FieldForm.COLLECTION,
                ClassName.get(target.declaration.element()), RelationshipKind.MANY_TO_MANY, shape, target.table(),
                draft.id().type().boxed(), attributes.strategy(), null);
    }



    /** The inverse relationship {@code field} of {@code draft}; null once its problem is reported. */
    private static RelationshipModel inverse(Draft draft, FieldDeclaration field, Draft target, FieldForm form,
            Reports reports) {
        boolean many = form == FieldForm.COLLECTION;
        FieldDeclaration owner = owner(draft, field, target, reports);
        if (owner == null) {
            return null;
        }
        List<OrderTerm> order = many ? orderBy(draft, field, target, reports) : List.of();
        if (order == null) {
            return null;
        }
        RelationShape shape = RelationShape.foreignKeyInTarget(field.name(), many, quoteIfNeeded(draft.id().name()),
                quoteIfNeeded(owner.attributes().joinColumn()), order);
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), form,
                ClassName.get(target.declaration.element()),
                many ? RelationshipKind.ONE_TO_MANY : RelationshipKind.ONE_TO_ONE_INVERSE, shape, target.table(),
                draft.id().type().boxed(), field.attributes().strategy(), target.name() + '.' + owner.name());
    }

    /** The field of {@code target} that {@code mappedBy} names, if it owns the key; null once reported. */
    private static FieldDeclaration owner(Draft draft, FieldDeclaration field, Draft target, Reports reports) {
        String mappedBy = field.attributes().mappedBy();
        FieldDeclaration named = target.declaration.field(mappedBy).orElse(null);
        if (named != null && !named.isRelationship()) {
            List<String> candidates = relationshipsPointingAt(target, draft);
            reports.error(field.element(), field.relationship(), "mappedBy", Message.MAPPED_BY_COLUMN, draft.name(),
                    field.name(), mappedBy, target.name(), mappedBy, target.name(), draft.name(),
                    candidates.isEmpty() ? "it has none" : String.join(", ", candidates), named.columnName());
            return null;
        }
        if (named == null) {
            List<String> candidates = relationshipsPointingAt(target, draft);
            List<String> all = target.declaration.fields().stream().filter(FieldDeclaration::isRelationship)
                    .map(FieldDeclaration::name).toList();
            reports.error(field.element(), field.relationship(), "mappedBy", Message.UNKNOWN_MAPPED_BY, draft.name(),
                    field.name(), mappedBy, target.name(), Suggestions.didYouMean(mappedBy, all), target.name(),
                    draft.name(), candidates.isEmpty() ? "none" : String.join(", ", candidates));
            return null;
        }
        if (!draft.is(TypeClassifier.referencedEntity(named.type()))) {
            reports.error(field.element(), field.relationship(), "mappedBy", Message.MAPPED_BY_WRONG_TARGET,
                    draft.name(), field.name(), mappedBy, target.name(), mappedBy, named.type(), draft.name());
            return null;
        }
        if (named.attributes().joinColumn().isEmpty() || !named.attributes().joinTable().isEmpty()) {
            reports.error(field.element(), field.relationship(), "mappedBy", Message.MAPPED_BY_NOT_OWNING,
                    draft.name(), field.name(), mappedBy, target.name(), mappedBy);
            return null;
        }
        return named;
    }

    /** The relationships of {@code owner} that point at {@code target}: the candidates for its mappedBy. */
    private static List<String> relationshipsPointingAt(Draft owner, Draft target) {
        return owner.declaration.fields().stream()
                .filter(FieldDeclaration::isRelationship)
                .filter(field -> target.is(TypeClassifier.referencedEntity(field.type())))
                .map(FieldDeclaration::name)
                .toList();
    }



    /** A reference whose foreign key is in the declaring entity's table; its column was added before. */
    private static RelationshipModel reference(Draft draft, FieldDeclaration field, Draft target, FieldForm form) {
        RelationshipAttributes attributes = field.attributes();
        RelationShape shape = RelationShape.foreignKeyInSource(field.name(), quoteIfNeeded(attributes.joinColumn()),
                quoteIfNeeded(target.id().name()), attributes.innerJoin());
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), form,
                ClassName.get(target.declaration.element()),
                ownsOneToOne(draft, field, target) ? RelationshipKind.ONE_TO_ONE_OWNER : RelationshipKind.MANY_TO_ONE,
                shape, target.table(), target.id().type().boxed(), attributes.strategy(), null);
    }

    /** One-to-one when the target has a relationship back at {@code draft} whose mappedBy names {@code field}. */
    private static boolean ownsOneToOne(Draft draft, FieldDeclaration field, Draft target) {
        return target.declaration.fields().stream().anyMatch(other -> other.isRelationship()
                && other.attributes().mappedBy().equals(field.name())
                && draft.is(TypeClassifier.referencedEntity(other.type())));
    }

    /**
     * A one-to-many that names the target's foreign key itself, with no field on the target pointing back: the
     * target must map the column, so its rows can be matched to their parents. Null once its problem is reported.
     */
    private static RelationshipModel oneToMany(Draft draft, FieldDeclaration field, Draft target, Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        ColumnModel foreignKey = target.column(attributes.joinColumn());
        if (foreignKey == null || foreignKey.type().boxed() != draft.id().type().boxed()) {
            reports.error(field.element(), field.relationship(), "joinColumn", Message.JOIN_COLUMN_NOT_MAPPED,
                    draft.name(), field.name(), target.declaration.table(), attributes.joinColumn(), target.name(),
                    attributes.joinColumn(), draft.id().type().boxed().javaName().replace("java.lang.", ""),
                    target.name());
            return null;
        }
        List<OrderTerm> order = orderBy(draft, field, target, reports);
        if (order == null) {
            return null;
        }
        RelationShape shape = RelationShape.foreignKeyInTarget(field.name(), true, quoteIfNeeded(draft.id().name()),
                quoteIfNeeded(attributes.joinColumn()), order);
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), FieldForm.COLLECTION,
                ClassName.get(target.declaration.element()), RelationshipKind.ONE_TO_MANY, shape, target.table(),
                draft.id().type().boxed(), attributes.strategy(), null);
    }



    /**
     * What {@code orderBy} says: its terms, or the first problem (a message and the column at fault) and no terms.
     *
     * @param column the column at fault for {@link Message#ORDER_BY_UNKNOWN_COLUMN}, else null
     */
    private record Parsed(List<OrderTerm> terms, Message problem, String column) {
    }

    /** The collection's order on the target table; the target's primary key when none is given. */
    private static Parsed parse(String orderBy, String key, List<String> columns) {
        if (orderBy.isEmpty()) {
            return new Parsed(List.of(new OrderTerm(quoteIfNeeded(key), false)), null, null);
        }
        List<OrderTerm> terms = new ArrayList<>();
        for (String part : orderBy.split(",", -1)) {
            String[] words = part.trim().split("\\s+");
            boolean syntaxOk = !words[0].isEmpty() && (words.length == 1 || (words.length == 2
                    && (words[1].equalsIgnoreCase("ASC") || words[1].equalsIgnoreCase("DESC"))));
            if (!syntaxOk) {
                return new Parsed(null, Message.ORDER_BY_SYNTAX, null);
            }
            if (!columns.contains(words[0])) {
                return new Parsed(null, Message.ORDER_BY_UNKNOWN_COLUMN, words[0]);
            }
            terms.add(new OrderTerm(quoteIfNeeded(words[0]), words.length == 2 && words[1].equalsIgnoreCase("DESC")));
        }
        return new Parsed(terms, null, null);
    }

    /** The order of {@code field}, a collection of {@code target}; null once its problem is reported. */
    private static List<OrderTerm> orderBy(Draft draft, FieldDeclaration field, Draft target, Reports reports) {
        String orderBy = field.attributes().orderBy();
        Parsed parsed = parse(orderBy, target.id().name(), target.columnNames());
        if (parsed.problem() == Message.ORDER_BY_SYNTAX) {
            reports.error(field.element(), field.relationship(), "orderBy", Message.ORDER_BY_SYNTAX, draft.name(),
                    field.name(), orderBy, target.declaration.table());
        } else if (parsed.problem() == Message.ORDER_BY_UNKNOWN_COLUMN) {
            reports.error(field.element(), field.relationship(), "orderBy", Message.ORDER_BY_UNKNOWN_COLUMN,
                    draft.name(), field.name(), parsed.column(), target.name(), target.declaration.table(),
                    Suggestions.didYouMean(parsed.column(), target.columnNames()),
                    String.join(", ", target.columnNames()));
        }
        return parsed.terms();
    }



    /** Adds the foreign key of {@code field}, a relationship field of {@code draft}, when it owns one. */
    private static void addForeignKey(Draft draft, FieldDeclaration field, Draft.Lookup lookup, Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        if (attributes.joinColumn().isEmpty() || !attributes.joinTable().isEmpty()
                || TypeClassifier.isList(field.type())) {
            return;
        }
        Draft target = lookup.of(TypeClassifier.referencedEntity(field.type()));
        if (target == null || target.id() == null) {
            return;
        }
        ScalarType keyType = target.id().type().boxed();
        ColumnModel mapped = draft.column(attributes.joinColumn());
        if (mapped == null) {
            draft.columns.add(new ColumnModel(null, attributes.joinColumn(), keyType,
                    target.id().javaType().box(), false, false, null, false));
        } else if (mapped.type().boxed() != keyType) {
            reports.error(field.element(), field.relationship(), "joinColumn", Message.JOIN_COLUMN_TYPE,
                    draft.name(), field.name(), attributes.joinColumn(), draft.name(), mapped.field(),
                    mapped.javaType(), target.name(), target.id().javaType());
        }
    }
}
