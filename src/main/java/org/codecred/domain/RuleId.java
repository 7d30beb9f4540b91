package org.codecred.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable rule catalog of the contract. Ids and severities are an interface that schedulers and
 * auditors build on: add new ones, never rename.
 */
public enum RuleId {
    // coding
    CODE_UNKNOWN("CODE-UNKNOWN", Severity.ERROR),
    CODE_UNRECOGNIZED("CODE-UNRECOGNIZED", Severity.WARNING),
    TIME_MISSING("TIME-MISSING", Severity.WARNING),
    TIME_BELOW_MINIMUM("TIME-BELOW-MINIMUM", Severity.ERROR),
    TIME_UPCODED("TIME-UPCODED", Severity.ERROR),
    TIME_UNDERCODED("TIME-UNDERCODED", Severity.WARNING),
    ADDON_WITHOUT_PRIMARY("ADDON-WITHOUT-PRIMARY", Severity.ERROR),
    NCCI_PTP("NCCI-PTP", Severity.ERROR),
    UNITS_EXCEED("UNITS-EXCEED", Severity.ERROR),
    DX_MISSING("DX-MISSING", Severity.ERROR),
    DX_INVALID("DX-INVALID", Severity.ERROR),
    DX_NOT_BEHAVIORAL("DX-NOT-BEHAVIORAL", Severity.WARNING),
    SCOPE_LICENSE("SCOPE-LICENSE", Severity.ERROR),
    TELEHEALTH_MODIFIER("TELEHEALTH-MODIFIER", Severity.WARNING),
    DUPLICATE_LINE("DUPLICATE-LINE", Severity.ERROR),
    PSYCHOTHERAPY_WITH_EM("PSYCHOTHERAPY-WITH-EM", Severity.ERROR),
    DIAG_EVAL_REPEATED("DIAG-EVAL-REPEATED", Severity.WARNING),
    DX_NOT_PHYSICAL("DX-NOT-PHYSICAL", Severity.WARNING),
    TIME_UNDOCUMENTED_SHARE("TIME-UNDOCUMENTED-SHARE", Severity.WARNING),
    DAILY_TIME_IMPLAUSIBLE("DAILY-TIME-IMPLAUSIBLE", Severity.WARNING),
    // credentials
    NPI_INVALID("NPI-INVALID", Severity.ERROR),
    PROVIDER_NOT_ROSTERED("PROVIDER-NOT-ROSTERED", Severity.WARNING),
    LICENSE_EXPIRED("LICENSE-EXPIRED", Severity.ERROR),
    LICENSE_EXPIRING("LICENSE-EXPIRING", Severity.WARNING),
    EXCLUDED_OIG("EXCLUDED-OIG", Severity.ERROR),
    NPPES_MISMATCH("NPPES-MISMATCH", Severity.WARNING),
    TAXONOMY_LICENSE_MISMATCH("TAXONOMY-LICENSE-MISMATCH", Severity.WARNING),
    LICENSE_UNVERIFIED("LICENSE-UNVERIFIED", Severity.WARNING),
    CREDENTIAL_UNKNOWN("CREDENTIAL-UNKNOWN", Severity.WARNING),
    // alignment
    SPECIALTY_UNSUPPORTED("SPECIALTY-UNSUPPORTED", Severity.WARNING),
    SPECIALTY_UNDECLARED("SPECIALTY-UNDECLARED", Severity.INFO),
    PEER_OUTLIER("PEER-OUTLIER", Severity.WARNING);

    private static final Map<String, RuleId> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(RuleId::id, Function.identity()));

    private final String id;
    private final Severity severity;

    RuleId(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    /** The id as it appears in findings.csv and the workbooks, e.g. {@code TIME-UPCODED}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** True for the coding rules, whose errors count against a provider's coding accuracy. */
    public boolean isCoding() {
        return ordinal() <= DAILY_TIME_IMPLAUSIBLE.ordinal();
    }

    public static RuleId ofId(String id) {
        RuleId rule = BY_ID.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("unknown rule id " + id);
        }
        return rule;
    }

    @Override
    public String toString() {
        return id;
    }
}
