package dev.loadplan.processor.validate;

import static dev.loadplan.planner.sql.SqlIdentifiers.quoteIfNeeded;

import dev.loadplan.planner.sql.TableShape;
import dev.loadplan.processor.model.Accessor;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.scan.EntityDeclaration;
import dev.loadplan.processor.scan.FieldDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * An entity while it is checked: its columns first, its relationships once every entity has columns. The rules
 * fill in its parts; only {@link EntityValidator} decides, from their reports, whether it failed.
 */
final class Draft {

    /** Finds the draft of the entity a relationship points at, checking it first if it was compiled before. */
    @FunctionalInterface
    interface Lookup {
        /** {@return the draft of {@code type}, or null when it is not an entity} */
        Draft of(TypeElement type);
    }

    final EntityDeclaration declaration;
    final boolean inRound;
    final List<ColumnModel> columns = new ArrayList<>();
    final List<FieldDeclaration> relationshipFields = new ArrayList<>();
    final List<RelationshipModel> relationships = new ArrayList<>();
    final List<String> targets = new ArrayList<>();
    final Map<String, Accessor> accessors = new LinkedHashMap<>();
    boolean failed;
    boolean relationshipsAdded;
    /** For a view, the draft of the entity it reads, whose table is its; null for an entity. */
    Draft viewed;
    /** For a view, the views its relationship fields hold, by field. */
    final Map<String, Draft> viewTargets = new LinkedHashMap<>();

    Draft(EntityDeclaration declaration, boolean inRound) {
        this.declaration = declaration;
        this.inRound = inRound;
    }

    String name() {
        return declaration.simpleName();
    }

    ColumnModel id() {
        return columns.stream().filter(ColumnModel::id).findFirst().orElse(null);
    }

    ColumnModel column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst().orElse(null);
    }

    /** The table as statements select it: quoted where needed, in select order. */
    TableShape table() {
        EntityDeclaration tableOwner = viewed != null ? viewed.declaration : declaration;
        String schema = tableOwner.schema();
        return new TableShape(quoteIfNeeded(tableOwner.table()),
                columns.stream().map(column -> quoteIfNeeded(column.name())).toList(),
                columns.indexOf(id()), schema.isEmpty() ? null : quoteIfNeeded(schema));
    }

    List<String> columnNames() {
        return columns.stream().map(ColumnModel::name).toList();
    }

    /** Whether this is the draft of {@code type}: entities are told apart by qualified name. */
    boolean is(TypeElement type) {
        return type != null && qualifiedName(type).equals(qualifiedName(declaration.element()));
    }

    static String qualifiedName(TypeElement type) {
        return type.getQualifiedName().toString();
    }
}
