package org.codecred.domain;

/**
 * The peer group of a credential: providers are compared with others of the same family, and scope
 * rules (who may bill E/M and 90792) follow it.
 */
public enum CredentialFamily {
    PRESCRIBER("prescribers"),
    PSYCHOLOGIST("psychologists"),
    SOCIAL_WORKER("social workers"),
    COUNSELOR("counselors"),
    THERAPIST("therapists"),
    /** BCBA, BCBA-D, state-licensed LBA; BCaBA and RBT under supervision (domain reference 11.5). */
    BEHAVIOR_ANALYST("behavior analysts"),
    UNKNOWN("unknown credential");

    private final String label;

    CredentialFamily(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The id stored as a peer group: {@code social-worker}, {@code prescriber}, ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The family of a stored peer-group id; UNKNOWN for null or an id no longer known. */
    public static CredentialFamily ofPeerGroup(String id) {
        try {
            return id == null ? UNKNOWN : ofId(id);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The family ids a rule table may name, for messages: {@code prescriber, psychologist, ...}. */
    public static String knownIds() {
        return java.util.Arrays.stream(values()).filter(f -> f != UNKNOWN).map(CredentialFamily::id)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public static CredentialFamily ofId(String id) {
        return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
