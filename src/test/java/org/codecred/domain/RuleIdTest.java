package org.codecred.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every grouping of rules derives from the catalog line of each rule: its stage and its verdict effect. */
class RuleIdTest {

    @Test
    void codingAccuracyCountsTheCodingStageOnly() {
        assertThat(RuleId.countingTowardCodingAccuracy()).contains(RuleId.TIME_UPCODED, RuleId.DAILY_TIME_IMPLAUSIBLE)
                .doesNotContain(RuleId.NPI_INVALID, RuleId.SPECIALTY_UNSUPPORTED, RuleId.PEER_OUTLIER)
                .isEqualTo(RuleId.ofStage(RuleId.Stage.CODING));
    }

    @Test
    void aCredentialRerunClearsTheCredentialRules() {
        assertThat(RuleId.ofStage(RuleId.Stage.CREDENTIALS)).containsExactly(RuleId.NPI_INVALID,
                RuleId.PROVIDER_NOT_ROSTERED, RuleId.LICENSE_EXPIRED, RuleId.LICENSE_EXPIRING, RuleId.EXCLUDED_OIG,
                RuleId.NPPES_MISMATCH, RuleId.TAXONOMY_LICENSE_MISMATCH, RuleId.LICENSE_UNVERIFIED,
                RuleId.CREDENTIAL_UNKNOWN, RuleId.EXCLUDED_SAM, RuleId.EXCLUSION_POSSIBLE,
                RuleId.EXCLUSION_PENDING, RuleId.NPI_DEACTIVATED, RuleId.TAXONOMY_INACTIVE, RuleId.MEDICARE_OPT_OUT,
                RuleId.SCREENING_INCOMPLETE, RuleId.CREDENTIAL_SUPERVISED);
        assertThat(RuleId.ofStage(RuleId.Stage.PEERS)).containsExactly(RuleId.PEER_OUTLIER);
    }

    @Test
    void verdictEffectsAreTheContractsLists() {
        assertThat(RuleId.withVerdictEffect(RuleId.VerdictEffect.HOLD))
                .isEqualTo(EnumSet.of(RuleId.EXCLUDED_OIG, RuleId.LICENSE_EXPIRED, RuleId.NPI_INVALID, RuleId.EXCLUDED_SAM,
                        RuleId.NPI_DEACTIVATED));
        assertThat(RuleId.withVerdictEffect(RuleId.VerdictEffect.REVIEW)).isEqualTo(EnumSet.of(
                RuleId.SPECIALTY_UNSUPPORTED, RuleId.PEER_OUTLIER, RuleId.NPPES_MISMATCH,
                RuleId.TAXONOMY_LICENSE_MISMATCH, RuleId.LICENSE_UNVERIFIED,
                RuleId.CREDENTIAL_UNKNOWN, RuleId.TIME_UNDOCUMENTED_SHARE, RuleId.EXCLUSION_POSSIBLE,
                RuleId.EXCLUSION_PENDING, RuleId.TAXONOMY_INACTIVE, RuleId.MEDICARE_OPT_OUT,
                RuleId.SCREENING_INCOMPLETE, RuleId.CREDENTIAL_SUPERVISED, RuleId.CAPACITY_IMPLAUSIBLE));
        // an expiring license is listed on the summary's Renewals due sheet and decides nothing (contract v3)
        assertThat(RuleId.LICENSE_EXPIRING.severity()).isEqualTo(Severity.INFO);
        assertThat(RuleId.LICENSE_EXPIRING.verdictEffect()).isEqualTo(RuleId.VerdictEffect.NONE);
        // a scope error is a REVIEW on its own; a scope row rated WARNING is not (contract v2)
        assertThat(RuleId.withVerdictEffect(RuleId.VerdictEffect.REVIEW_IF_ERROR)).isEqualTo(EnumSet.of(RuleId.SCOPE_LICENSE));
    }

    @Test
    void everyRuleHasAStageAndAnEffect() {
        for (RuleId rule : RuleId.values()) {
            assertThat(rule.stage()).as(rule.id()).isNotNull();
            assertThat(rule.verdictEffect()).as(rule.id()).isNotNull();
        }
    }

    @Test
    void aFindingDefaultsToItsRulesSeverityAndMayBeLower() {
        Finding f = Finding.onProvider(RuleId.TIME_UPCODED, "1234567893", "90834", "test");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.withSeverity(Severity.WARNING).severity()).isEqualTo(Severity.WARNING);
        assertThat(f.withSeverity(Severity.WARNING).rule().severity()).isEqualTo(Severity.ERROR);
    }
}
