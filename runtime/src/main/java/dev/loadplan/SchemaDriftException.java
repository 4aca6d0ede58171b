package dev.loadplan;

import java.util.List;

/** The database differs from what generated code expects; the message lists every difference found. */
public class SchemaDriftException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SchemaMismatch> mismatches;

    /**
     * An exception listing {@code mismatches} in its message.
     *
     * @param mismatches every mismatch found, at least one
     */
    public SchemaDriftException(List<SchemaMismatch> mismatches) {
        super(mismatches.size() + " schema mismatch" + (mismatches.size() == 1 ? "" : "es") + ":\n  "
                + String.join("\n  ", mismatches.stream().map(SchemaMismatch::toString).toList()));
        this.mismatches = List.copyOf(mismatches);
    }

    /**
     * Every mismatch found, in the order the check found them. Not kept when the exception is serialized.
     *
     * @return the mismatches
     */
    public List<SchemaMismatch> mismatches() {
        return mismatches;
    }
}
