package org.codecred.credentials;

/**
 * The result of one credential check as the dossier's Credentials sheet shows it. FAIL: the check
 * found a problem and a finding was written. WARN: needs a look (an expiring license, a possible
 * namesake on the exclusion list, a missing date). NOT CHECKED: the source or the roster data needed
 * for the check is missing.
 */
public enum CheckResult {
    PASS("PASS"), FAIL("FAIL"), WARN("WARN"), NOT_CHECKED("NOT CHECKED");

    private final String label;

    CheckResult(String label) {
        this.label = label;
    }

    /** As stored in codecred.credential_check.result. */
    public String label() {
        return label;
    }

    /** The result stored as {@code label}. */
    public static CheckResult ofLabel(String label) {
        for (CheckResult r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown check result " + label);
    }
}
