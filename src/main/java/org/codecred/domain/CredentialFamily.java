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
    UNKNOWN("unknown credential");

    private final String label;

    CredentialFamily(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CredentialFamily ofId(String id) {
        return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
