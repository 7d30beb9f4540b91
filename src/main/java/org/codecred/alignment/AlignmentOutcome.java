package org.codecred.alignment;

/** What the month's coding says about one specialty of one provider (specialty_alignment.outcome). */
public enum AlignmentOutcome {
    SUPPORTED("SUPPORTED"),
    WEAK("WEAK"),
    UNSUPPORTED("UNSUPPORTED"),
    INSUFFICIENT_DATA("INSUFFICIENT-DATA"),
    UNDECLARED("UNDECLARED");

    private final String id;

    AlignmentOutcome(String id) {
        this.id = id;
    }

    /** As stored and shown: {@code INSUFFICIENT-DATA}, {@code SUPPORTED}, ... */
    public String id() {
        return id;
    }

    /** The outcome stored as {@code id}. */
    public static AlignmentOutcome ofId(String id) {
        for (AlignmentOutcome o : values()) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown alignment outcome " + id);
    }
}
