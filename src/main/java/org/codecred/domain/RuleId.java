package org.codecred.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable rule catalog of the contract. Ids and severities are an interface that schedulers and
 * auditors build on: add new ones, never rename. Each rule also says which stage finds it and what it
 * does to a verdict; every grouping of rules (coding accuracy, what a step clears on a rerun, the
 * HOLD and REVIEW rules of {@code VerdictPolicy}) derives from these two, so adding a rule is adding
 * one line here.
 */
public enum RuleId {
    // coding
    CODE_UNKNOWN("CODE-UNKNOWN", Severity.ERROR, Stage.CODING, VerdictEffect.NONE),
    CODE_UNRECOGNIZED("CODE-UNRECOGNIZED", Severity.WARNING, Stage.CODING, VerdictEffect.NONE),
    TIME_MISSING("TIME-MISSING", Severity.WARNING, Stage.CODING, VerdictEffect.NONE),
    TIME_BELOW_MINIMUM("TIME-BELOW-MINIMUM", Severity.ERROR, Stage.CODING, VerdictEffect.NONE),
    TIME_UPCODED("TIME-UPCODED", Severity.ERROR, Stage.CODING, VerdictEffect.NONE),
    TIME_UNDERCODED("TIME-UNDERCODED", Severity.WARNING, Stage.CODING, VerdictEffect.NONE),
    ADDON_WITHOUT_PRIMARY("ADDON-WITHOUT-PRIMARY", Severity.ERROR, Stage.CODING, VerdictEffect.NONE),
    NCCI_PTP("NCCI-PTP", Severity.ERROR, Stage.CODING, VerdictEffect.NONE),
    UNITS_EXCEED("UNITS-EXCEED", Severity.ERROR, Stage.CODING, VerdictEffect.NONE),
    DX_MISSING("DX-MISSING", Severity.ERROR, Stage.CODING, VerdictEffect.NONE),
    DX_INVALID("DX-INVALID", Severity.ERROR, Stage.CODING, VerdictEffect.NONE),
    DX_NOT_BEHAVIORAL("DX-NOT-BEHAVIORAL", Severity.WARNING, Stage.CODING, VerdictEffect.NONE),
    SCOPE_LICENSE("SCOPE-LICENSE", Severity.ERROR, Stage.CODING, VerdictEffect.REVIEW_IF_ERROR),
    TELEHEALTH_MODIFIER("TELEHEALTH-MODIFIER", Severity.WARNING, Stage.CODING, VerdictEffect.NONE),
    DUPLICATE_LINE("DUPLICATE-LINE", Severity.ERROR, Stage.CODING, VerdictEffect.NONE),
    DAILY_TIME_IMPLAUSIBLE("DAILY-TIME-IMPLAUSIBLE", Severity.WARNING, Stage.CODING, VerdictEffect.NONE),
    PSYCHOTHERAPY_WITH_EM("PSYCHOTHERAPY-WITH-EM", Severity.ERROR, Stage.CODING, VerdictEffect.NONE),
    DIAG_EVAL_REPEATED("DIAG-EVAL-REPEATED", Severity.WARNING, Stage.CODING, VerdictEffect.NONE),
    DX_NOT_PHYSICAL("DX-NOT-PHYSICAL", Severity.WARNING, Stage.CODING, VerdictEffect.NONE),
    // found by validateCoding on a provider's last day of the month (contract v3)
    CAPACITY_IMPLAUSIBLE("CAPACITY-IMPLAUSIBLE", Severity.WARNING, Stage.CODING, VerdictEffect.REVIEW),
    // credentials
    NPI_INVALID("NPI-INVALID", Severity.ERROR, Stage.CREDENTIALS, VerdictEffect.HOLD),
    PROVIDER_NOT_ROSTERED("PROVIDER-NOT-ROSTERED", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.NONE),
    LICENSE_EXPIRED("LICENSE-EXPIRED", Severity.ERROR, Stage.CREDENTIALS, VerdictEffect.HOLD),
    // INFO from contract v3: listed on the summary's Renewals due sheet, no verdict effect
    LICENSE_EXPIRING("LICENSE-EXPIRING", Severity.INFO, Stage.CREDENTIALS, VerdictEffect.NONE),
    EXCLUDED_OIG("EXCLUDED-OIG", Severity.ERROR, Stage.CREDENTIALS, VerdictEffect.HOLD),
    NPPES_MISMATCH("NPPES-MISMATCH", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.REVIEW),
    TAXONOMY_LICENSE_MISMATCH("TAXONOMY-LICENSE-MISMATCH", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.REVIEW),
    LICENSE_UNVERIFIED("LICENSE-UNVERIFIED", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.REVIEW),
    CREDENTIAL_UNKNOWN("CREDENTIAL-UNKNOWN", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.REVIEW),
    EXCLUDED_SAM("EXCLUDED-SAM", Severity.ERROR, Stage.CREDENTIALS, VerdictEffect.HOLD),
    EXCLUSION_POSSIBLE("EXCLUSION-POSSIBLE", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.REVIEW),
    EXCLUSION_PENDING("EXCLUSION-PENDING", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.REVIEW),
    NPI_DEACTIVATED("NPI-DEACTIVATED", Severity.ERROR, Stage.CREDENTIALS, VerdictEffect.HOLD),
    TAXONOMY_INACTIVE("TAXONOMY-INACTIVE", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.REVIEW),
    MEDICARE_OPT_OUT("MEDICARE-OPT-OUT", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.REVIEW),
    SCREENING_INCOMPLETE("SCREENING-INCOMPLETE", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.REVIEW),
    // a credential of the table that bills only under supervision (BCaBA, RBT, PLMHP, CADC, LPA; domain reference 11.5)
    CREDENTIAL_SUPERVISED("CREDENTIAL-SUPERVISED", Severity.WARNING, Stage.CREDENTIALS, VerdictEffect.REVIEW),
    // alignment
    SPECIALTY_UNSUPPORTED("SPECIALTY-UNSUPPORTED", Severity.WARNING, Stage.ALIGNMENT, VerdictEffect.REVIEW),
    SPECIALTY_UNDECLARED("SPECIALTY-UNDECLARED", Severity.INFO, Stage.ALIGNMENT, VerdictEffect.NONE),
    // found by alignSpecialties (it needs the provider's whole month), a coding warning in the catalog
    TIME_UNDOCUMENTED_SHARE("TIME-UNDOCUMENTED-SHARE", Severity.WARNING, Stage.ALIGNMENT, VerdictEffect.REVIEW),
    // peers
    PEER_OUTLIER("PEER-OUTLIER", Severity.WARNING, Stage.PEERS, VerdictEffect.REVIEW),
    // claims as they arrive (resolveClaims, contract v3)
    DUPLICATE_SUBMISSION("DUPLICATE-SUBMISSION", Severity.WARNING, Stage.CLAIMS, VerdictEffect.NONE),
    CLAIM_ADJUSTS_EARLIER("CLAIM-ADJUSTS-EARLIER", Severity.INFO, Stage.CLAIMS, VerdictEffect.NONE);

    private static final Map<String, RuleId> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(RuleId::id, Function.identity()));

    /** The step that finds a rule's findings; a step that reruns clears its own stage's findings. */
    public enum Stage {
        /** validateCoding: per claim line and provider-day; its ERRORs count against coding accuracy. */
        CODING,
        /** checkCredentials: per rostered provider and unrostered NPI. */
        CREDENTIALS,
        /** alignSpecialties: per provider, claimed specialties against coding evidence. */
        ALIGNMENT,
        /** comparePeers: per provider and metric, against its credential family. */
        PEERS,
        /** resolveClaims: resubmissions, replacements and voids over the month's staged lines. */
        CLAIMS
    }

    /** What any finding of a rule does to the provider's verdict (besides the coding error share). */
    public enum VerdictEffect {
        /** Any finding makes the verdict HOLD. */
        HOLD,
        /** Any finding makes the verdict at least REVIEW. */
        REVIEW,
        /** A finding whose own severity is ERROR makes the verdict at least REVIEW (SCOPE-LICENSE: its scope row decides). */
        REVIEW_IF_ERROR,
        /** No effect of its own. */
        NONE
    }

    private final String id;
    private final Severity severity;
    private final Stage stage;
    private final VerdictEffect verdictEffect;

    RuleId(String id, Severity severity, Stage stage, VerdictEffect verdictEffect) {
        this.id = id;
        this.severity = severity;
        this.stage = stage;
        this.verdictEffect = verdictEffect;
    }

    /** The id as it appears in findings.csv and the workbooks, e.g. {@code TIME-UPCODED}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public Stage stage() {
        return stage;
    }

    public VerdictEffect verdictEffect() {
        return verdictEffect;
    }

    /** True for the coding rules, whose ERROR findings count against a provider's coding accuracy. */
    public boolean isCoding() {
        return stage == Stage.CODING;
    }

    /** True when this rule's ERROR findings make a line count as a coding error (coding accuracy, verdicts). */
    public boolean countsTowardCodingAccuracy() {
        return isCoding();
    }

    /** The rules of one stage, in catalog order. */
    public static Set<RuleId> ofStage(Stage stage) {
        Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
        for (RuleId r : values()) {
            if (r.stage == stage) {
                rules.add(r);
            }
        }
        return Collections.unmodifiableSet(rules);
    }

    /** The rules whose findings have the given effect on a verdict, in catalog order. */
    public static Set<RuleId> withVerdictEffect(VerdictEffect effect) {
        Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
        for (RuleId r : values()) {
            if (r.verdictEffect == effect) {
                rules.add(r);
            }
        }
        return Collections.unmodifiableSet(rules);
    }

    /** The rules whose ERROR findings count against coding accuracy, in catalog order. */
    public static Set<RuleId> countingTowardCodingAccuracy() {
        Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
        for (RuleId r : values()) {
            if (r.countsTowardCodingAccuracy()) {
                rules.add(r);
            }
        }
        return Collections.unmodifiableSet(rules);
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
