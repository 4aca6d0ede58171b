package dev.loadplan.processor.model;

/**
 * How generated code reads and writes one field of an entity: directly when it is not private, otherwise through
 * the getter and setter the entity declares ({@code getTitle()}/{@code setTitle(v)}, or {@code title()}/
 * {@code title(v)}).
 *
 * @param getter the getter's name, or null to read the field directly
 * @param setter the setter's name, or null to write the field directly
 */
public record Accessor(String field, String getter, String setter) {

    public static Accessor direct(String field) {
        return new Accessor(field, null, null);
    }

    /** The expression that reads the field of {@code target}. */
    public String read(String target) {
        return getter != null ? target + "." + getter + "()" : target + "." + field;
    }

    /** The statement (without semicolon) that sets the field of {@code target} to the Java expression {@code value}. */
    public String write(String target, String value) {
        return setter != null ? target + "." + setter + "(" + value + ")" : target + "." + field + " = " + value;
    }
}
