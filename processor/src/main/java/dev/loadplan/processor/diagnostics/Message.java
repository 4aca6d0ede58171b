package dev.loadplan.processor.diagnostics;

import javax.tools.Diagnostic;

/**
 * Every message the processor reports, in one place so that code and tests share the text. Each says what is
 * wrong and what to do; {@code %s} places are filled in order. An error stops the entity's generation; a warning
 * says what works but costs more than it should.
 */
public enum Message {
    ENTITY_NOT_A_CLASS("@Entity applies to classes and records; %s is %s. Put @Entity on a class or a record"),
    ENTITY_NESTED_NOT_STATIC("@Entity class %s is an inner class; make it a top-level or static nested class"),
    ENTITY_TABLE_QUALIFIED("@Entity %s names table \"%s\"; write @Entity(%s): a schema apart, each name as the "
            + "database has it. loadplan quotes what PostgreSQL needs quoted"),
    ENTITY_PRIVATE("@Entity %s is private; the code generated beside it must reach it. Make it package-private "
            + "or public"),
    ENTITY_NO_CONSTRUCTOR("@Entity class %s needs a constructor without parameters that is not private"),
    ENTITY_ABSTRACT("@Entity class %s is abstract; loaders create instances of it, so make it concrete"),
    ENTITY_GENERIC("@Entity %s declares type parameters %s; loadplan maps one concrete class to one table. Remove "
            + "them, or put @Entity on a concrete subclass that fixes them"),
    ENTITY_SUPERCLASS_IS_ENTITY("@Entity %s extends %s, which is an @Entity too; loadplan does not map entity "
            + "inheritance (one table for a hierarchy, or a table per subclass joined to its parent's) yet. Remove "
            + "@Entity from %s to share its fields as a plain superclass, which each subclass maps in its own table, "
            + "or give %s a @Relationship to it instead of extending it"),
    FIELD_HIDES_INHERITED("%s.%s hides %s.%s, which loadplan maps too for %s; generated code would read one where "
            + "it means the other. Rename one of them, or mark %s.%s transient to leave it unmapped"),
    INHERITED_FIELD_UNREACHABLE("%s inherits field %s from %s, which the code loadplan generates in package %s "
            + "cannot reach: %s. Add %s to %s, public, or make the field public in a public class, or mark it "
            + "transient to leave it unmapped"),
    MISSING_ID("@Entity %s has no @Id field; mark the field that holds the primary key with @Id"),
    DUPLICATE_ID("@Entity %s has more than one @Id field (%s); composite keys are not supported yet, keep one"),
    ID_ON_RELATIONSHIP("%s.%s cannot be both @Id and @Relationship; the @Id must be a column"),
    ID_TYPE("@Id %s.%s has type %s; an @Id must be one of %s"),
    VERSION_TYPE("@Version %s.%s has type %s; a version must be int, long, Integer or Long"),
    DUPLICATE_VERSION("@Entity %s has more than one @Version field (%s); keep one"),
    VERSION_ON_ID("%s.%s cannot be both @Id and @Version; the version is a column of its own"),
    VERSION_ON_RELATIONSHIP("%s.%s cannot be both @Relationship and @Version; the version is a column of its own"),
    COLUMN_ON_RELATIONSHIP("%s.%s has both @Column and @Relationship; a relationship names its foreign key with "
            + "joinColumn = \"%s\" in @Relationship. Remove @Column"),
    PRIVATE_FIELD("%s.%s is private and has no getter and setter loadplan can use: add %s, or make the field "
            + "package-private"),
    STATIC_FIELD_MAPPED("%s.%s is static, so it belongs to no row and loadplan cannot map it, yet it carries %s; "
            + "remove static to map it per row, or remove %s"),
    TRANSIENT_FIELD_MAPPED("%s.%s is transient, which tells loadplan to leave it unmapped, yet it carries %s; "
            + "remove transient to map it, or remove %s to leave it unmapped"),
    FINAL_FIELD("%s.%s is final; loadplan assigns fields after construction. Remove final"),
    UNSUPPORTED_TYPE("%s.%s has type %s, which loadplan cannot map to a column. %s Supported types: %s"),
    COLUMN_OPTIONAL("%s.%s is declared %s; a column is not an Optional. Declare it as %s: loadplan reads SQL NULL "
            + "as null and writes null as NULL"),
    DUPLICATE_COLUMN("%s.%s maps column %s, which %s.%s maps already; give one of them another @Column"),
    EMPTY_COLUMN_NAME("@Column on %s.%s names no column; write the column's name or remove @Column"),
    QUOTED_COLUMN_NAME("@Column on %s.%s names %s with quotes; write the name as the database has it (%s): "
            + "loadplan quotes it where PostgreSQL needs quotes"),
    RELATIONSHIP_HOLDS_VIEW("%s.%s holds %s, a @View of %s, but an entity's relationship holds entities, which views "
            + "read: declare it %s, and load %ss through a view of %s that holds them"),
    RELATIONSHIP_TARGET_NOT_ENTITY("%s.%s points at %s, which is not an @Entity; annotate %s with @Entity or "
            + "remove @Relationship"),
    RELATIONSHIP_COLLECTION_TYPE("%s.%s is declared %s; declare it as %s: a collection relationship is a "
            + "java.util.List of the entity, a reference the entity itself or a Ref of it"),
    RELATIONSHIP_OPTIONAL("%s.%s is declared %s; a relationship is not an Optional. Declare Ref<%s> for a "
            + "reference that may be loaded lazily or be absent, or a plain %s (null when absent)"),
    COLLECTION_NEEDS_MAPPING("%s.%s is a collection; say how it joins: mappedBy = \"<field of %s that points "
            + "back>\" or joinColumn = \"<foreign key column in %s's table>\" for one-to-many, or joinTable, "
            + "joinColumn and inverseJoinColumn for many-to-many"),
    JOIN_COLUMN_NOT_MAPPED("%s.%s joins on %s.%s, which %s does not map: add a field @Column(\"%s\") of type %s "
            + "to %s"),
    REFERENCE_NEEDS_MAPPING("%s.%s is a reference; say how it joins: joinColumn = \"<foreign key column in %s>\" "
            + "for many-to-one or one-to-one, or mappedBy = \"<field of %s that owns the key>\" for the inverse "
            + "side of one-to-one"),
    MAPPED_BY_WITH_JOIN_COLUMN("%s.%s has both mappedBy and joinColumn; the side that owns the foreign key "
            + "names joinColumn, the other side names mappedBy. Keep one"),
    UNKNOWN_MAPPED_BY("%s.%s has mappedBy = \"%s\", but %s has no such relationship%s. Relationships of %s "
            + "that point at %s: %s"),
    MAPPED_BY_COLUMN("%s.%s has mappedBy = \"%s\", but %s.%s is a column, not a relationship: name the "
            + "@Relationship field of %s that points back at %s (%s), or add one with joinColumn = \"%s\""),
    MAPPED_BY_WRONG_TARGET("%s.%s has mappedBy = \"%s\", but %s.%s points at %s, not %s"),
    MAPPED_BY_NOT_OWNING("%s.%s has mappedBy = \"%s\", but %s.%s does not own a foreign key (it has no "
            + "joinColumn); mappedBy must name the side with joinColumn"),
    JOIN_TABLE_INCOMPLETE("%s.%s names joinTable \"%s\" but not %s; a many-to-many relationship needs "
            + "joinTable, joinColumn (pointing at %s) and inverseJoinColumn (pointing at %s)"),
    JOIN_TABLE_ON_REFERENCE("%s.%s is a reference but names joinTable; a join table holds many-to-many "
            + "relationships, whose field is a List"),
    JOIN_TABLE_QUALIFIED("%s.%s names joinTable \"%s\"; write %s: a schema apart, each name as the database "
            + "has it. loadplan quotes what PostgreSQL needs quoted"),
    JOIN_TABLE_SCHEMA_NOT_A_NAME("%s.%s names joinTableSchema \"%s\"; write the schema's name alone, as the database "
            + "has it, without quotes"),
    JOIN_TABLE_SCHEMA_WITHOUT_TABLE("%s.%s names joinTableSchema but no joinTable; joinTableSchema says where a "
            + "many-to-many's joinTable is"),
    INVERSE_JOIN_COLUMN_WITHOUT_TABLE("%s.%s names inverseJoinColumn but no joinTable; inverseJoinColumn only "
            + "applies to a many-to-many relationship"),
    INNER_JOIN_ON_COLLECTION("%s.%s is a collection; innerJoin applies only to a reference whose foreign key is "
            + "NOT NULL. Remove innerJoin"),
    ORDER_BY_ON_REFERENCE("%s.%s is a reference; orderBy applies only to collections. Remove orderBy"),
    ORDER_BY_UNKNOWN_COLUMN("%s.%s has orderBy column \"%s\", which %s (table %s) does not map%s. Columns: %s"),
    ORDER_BY_SYNTAX("%s.%s has orderBy \"%s\"; write columns of %s separated by commas, each optionally "
            + "followed by ASC or DESC, as in \"name DESC, id\""),
    JOIN_COLUMN_TYPE("%s.%s uses column %s as its foreign key, but %s.%s maps it as %s while the key of %s is "
            + "%s; map the column with the key's type"),
    DEFERRED_PLAIN_REFERENCE("%s.%s is declared %s, but a plain %s field reads as null when not loaded: it can "
            + "neither load lazily nor fail on read. Declare the field Ref<%s>, or choose a strategy that loads it "
            + "(%s is then loaded with the parent, or left null by NO_LOAD)"),
    ENTRY_POINT_NAME_TAKEN("%s.%s would get the entry point %s(%s), which goes down it keeping its strategy, but "
            + "that is the name of %s.%s's %s: rename one of the two fields"),
    VIEW_CLASS("@View %s cannot be loaded: %s"),
    VIEW_ON_ENTITY("%s carries both @Entity and @View; an entity maps a table of its own, a view reads its entity's. "
            + "Remove @Entity to read %s's table, or @View to map one of its own"),
    VIEW_OF_NON_ENTITY("@View %s names %s, which is not an @Entity; a view reads the table of an entity. %s"),
    VIEW_FIELD_ANNOTATION("%s.%s carries %s, but a view takes its mapping from %s; only @Column, naming one of its "
            + "columns, belongs on a view's field. Remove %s"),
    VIEW_UNKNOWN_FIELD("%s.%s names no field of %s: a view's field has the name of one of its entity's fields, or "
            + "names one of its columns with @Column. %s's fields, nearest first: %s"),
    VIEW_UNKNOWN_COLUMN("%s.%s names column \"%s\" with @Column, but no field of %s maps that column. %s's columns, "
            + "nearest first: %s"),
    VIEW_COLUMN_TYPE("%s.%s is %s, which cannot hold every value of %s.%s, a field of type %s: a view's field has the "
            + "type of its entity's field, the boxed type of a primitive one, or a wider primitive whole number. "
            + "Declare it %s"),
    VIEW_RELATIONSHIP_FORM("%s.%s is %s, but %s.%s is %s: declare it %s"),
    VIEW_RELATIONSHIP_TARGET("%s.%s holds %s, but %s.%s points at %s: hold %s or a @View of %s"),
    VIEW_WITHOUT_ID("@View %s does not hold %s's id, %s %s, by which a view tells its rows apart: add it"),
    VIEW_CYCLE("%s.%s closes a cycle of views, %s: a view's relationships are always loaded, so loading one would "
            + "never end. Hold the entity %s there instead, whose plans decide how far it loads, or leave the field "
            + "out"),
    JOINED_DEFAULTS_MULTIPLY(Diagnostic.Kind.WARNING, "%s and %s are both declared JOINED, so every plan of %s that "
            + "does not name them joins both into one statement, which returns every combination of their rows for "
            + "each %s: the graph is right, but the rows multiply. Declare one of them SELECT_IN, or "
            + "@SuppressWarnings(\"loadplan\") on the field to keep both"),
    UNEXPECTED("loadplan failed on %s: %s. This is a bug in loadplan; please report it with this message");

    private final Diagnostic.Kind kind;
    private final String format;

    Message(String format) {
        this(Diagnostic.Kind.ERROR, format);
    }

    Message(Diagnostic.Kind kind, String format) {
        this.kind = kind;
        this.format = format;
    }

    /** {@return whether the message is an error, which stops generation, or a warning} */
    public Diagnostic.Kind kind() {
        return kind;
    }

    public String format(Object... arguments) {
        return String.format(format, arguments);
    }

    /** The message's text up to its first argument, for tests that look for it. */
    public String prefix() {
        int first = format.indexOf("%s");
        return first < 0 ? format : format.substring(0, first);
    }
}
