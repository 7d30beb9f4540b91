package org.codecred.verdict;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.domain.Verdict;
import org.codecred.rules.RuleTableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerdictPolicyTest {

    private static final String NPI = "1234567893";
    private final VerdictPolicy policy = VerdictPolicy.load(Path.of("src/test/resources/rules"));

    private static Finding onProvider(RuleId rule, String subject) {
        return Finding.onProvider(rule, NPI, subject, "test");
    }

    /** {@code n} coding findings of {@code rule}, each on its own line. */
    private static List<Finding> onLines(RuleId rule, int n) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClaimLine line = new ClaimLine("claims.csv", i + 2, "C" + i, 1, NPI, null, "M" + i, null,
                    LocalDate.of(2026, 10, 1), "90837", List.of(), 1, 60, List.of("F41.1"), null, null, true);
            findings.add(Finding.onLine(rule, line, "", "test"));
        }
        return findings;
    }

    private ProviderVerdict decide(long lines, List<Finding> findings) {
        return policy.decide(VerdictInput.of(NPI, lines, findings));
    }

    @Test
    void theDefaultThresholdIsFivePercentOfLines() {
        assertThat(policy.codingErrorShare()).isEqualTo(0.05);
    }

    @Test
    void anyCredentialErrorHolds() {
        for (RuleId rule : List.of(RuleId.EXCLUDED_OIG, RuleId.LICENSE_EXPIRED, RuleId.NPI_INVALID)) {
            List<Finding> findings = new ArrayList<>(onLines(RuleId.CODE_UNKNOWN, 10));
            findings.add(onProvider(RuleId.PEER_OUTLIER, "share-90837"));
            findings.add(onProvider(rule, ""));
            ProviderVerdict v = decide(100, findings);
            assertThat(v.verdict()).as(rule.id()).isEqualTo(Verdict.HOLD);
            assertThat(v.reasons()).isEqualTo(rule.id());
        }
    }

    @Test
    void codingErrorsAboveTheThresholdNeedReview() {
        ProviderVerdict v = decide(100, onLines(RuleId.TIME_UPCODED, 6));
        assertThat(v.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(v.reasons()).contains("coding errors on 6 of 100 lines (6.0 % > 5.0 %)");
        assertThat(v.codingErrors()).isEqualTo(6);
        assertThat(v.codingAccuracy()).isEqualTo(0.94);
        assertThat(v.errors()).isEqualTo(6);
    }

    @Test
    void codingErrorsAtTheThresholdAndCodingWarningsStayClear() {
        List<Finding> findings = new ArrayList<>(onLines(RuleId.NCCI_PTP, 5));
        findings.addAll(onLines(RuleId.TIME_MISSING, 30)); // WARNING: not an error line
        findings.addAll(onLines(RuleId.TELEHEALTH_MODIFIER, 30));
        ProviderVerdict v = decide(100, findings);
        assertThat(v.verdict()).isEqualTo(Verdict.CLEAR);
        assertThat(v.codingAccuracy()).isEqualTo(0.95);
        assertThat(v.warnings()).isEqualTo(60);
    }

    @Test
    void aLineWithSeveralCodingErrorsCountsOnce() {
        List<Finding> errors = onLines(RuleId.DX_MISSING, 3);
        List<Finding> findings = new ArrayList<>(errors);
        for (Finding f : errors) {
            findings.add(new Finding(f.providerNpi(), f.claimId(), f.lineNo(), f.serviceDate(), f.procedureCode(),
                    RuleId.NCCI_PTP, "", "test", f.sourceFile(), f.sourceLine()));
        }
        ProviderVerdict v = decide(100, findings);
        assertThat(v.codingErrors()).isEqualTo(3);
        assertThat(v.errors()).isEqualTo(6);
        assertThat(v.verdict()).isEqualTo(Verdict.CLEAR);
    }

    @Test
    void eachReviewWarningNeedsReviewAndIsNamed() {
        for (RuleId rule : List.of(RuleId.SPECIALTY_UNSUPPORTED, RuleId.PEER_OUTLIER, RuleId.NPPES_MISMATCH,
                RuleId.TAXONOMY_LICENSE_MISMATCH, RuleId.LICENSE_UNVERIFIED,
                RuleId.CREDENTIAL_UNKNOWN, RuleId.TIME_UNDOCUMENTED_SHARE, RuleId.SCREENING_INCOMPLETE,
                RuleId.CAPACITY_IMPLAUSIBLE)) {
            ProviderVerdict v = decide(100, List.of(onProvider(rule, "subj")));
            assertThat(v.verdict()).as(rule.id()).isEqualTo(Verdict.REVIEW);
            assertThat(v.reasons()).isEqualTo(rule.id() + " (subj)");
        }
        ProviderVerdict two = decide(100, List.of(onProvider(RuleId.SPECIALTY_UNSUPPORTED, "trauma"),
                onProvider(RuleId.SPECIALTY_UNSUPPORTED, "geriatric"), onProvider(RuleId.PEER_OUTLIER, "share-90837")));
        assertThat(two.reasons()).isEqualTo("SPECIALTY-UNSUPPORTED (geriatric, trauma); PEER-OUTLIER (share-90837)");
    }

    @Test
    void otherWarningsDoNotNeedReview() {
        ProviderVerdict v = decide(100, List.of(onProvider(RuleId.PROVIDER_NOT_ROSTERED, ""),
                onProvider(RuleId.DAILY_TIME_IMPLAUSIBLE, "2026-10-01")));
        assertThat(v.verdict()).isEqualTo(Verdict.CLEAR);
    }

    @Test
    void infoFindingsNeverChangeTheVerdict() {
        ProviderVerdict v = decide(100, List.of(onProvider(RuleId.SPECIALTY_UNDECLARED, "substance-use"),
                onProvider(RuleId.SPECIALTY_UNDECLARED, "geriatric")));
        assertThat(v.verdict()).isEqualTo(Verdict.CLEAR);
        assertThat(v.infos()).isEqualTo(2);
        assertThat(v.reasons()).startsWith("no credential error, no review finding");
    }

    @Test
    void anExpiringLicenseIsForTheRecordOnly() {
        ProviderVerdict v = decide(100, List.of(onProvider(RuleId.LICENSE_EXPIRING, "")));
        assertThat(v.verdict()).isEqualTo(Verdict.CLEAR);
        assertThat(v.infos()).isEqualTo(1);
        assertThat(v.warnings()).isZero();
    }

    @Test
    void oneErrorInEightLinesIsNotAReview() {
        assertThat(policy.minErrorLines()).isEqualTo(3);
        ProviderVerdict one = decide(8, onLines(RuleId.TIME_UPCODED, 1)); // 12.5 % but a single line
        assertThat(one.verdict()).isEqualTo(Verdict.CLEAR);
        assertThat(one.reasons()).contains("coding errors on 1 of 8 lines (12.5 % > 5.0 %, but fewer than 3 lines)");
        assertThat(decide(8, onLines(RuleId.TIME_UPCODED, 2)).verdict()).isEqualTo(Verdict.CLEAR);
        ProviderVerdict three = decide(8, onLines(RuleId.TIME_UPCODED, 3));
        assertThat(three.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(three.reasons()).isEqualTo("coding errors on 3 of 8 lines (37.5 % > 5.0 %)");
    }

    @Test
    void theMinimumErrorLinesAreATableValue(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve(VerdictPolicy.FILE), "setting,value\ncoding_error_share,0.05\nmin_error_lines,1\n");
        assertThat(VerdictPolicy.load(rules).decide(VerdictInput.of(NPI, 8, onLines(RuleId.TIME_UPCODED, 1))).verdict())
                .isEqualTo(Verdict.REVIEW);
        Files.writeString(rules.resolve(VerdictPolicy.FILE), "setting,value\nmin_error_lines,0\n");
        assertThatThrownBy(() -> VerdictPolicy.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("line 2").hasMessageContaining("at least 1");
    }

    @Test
    void aProviderWithoutLinesHasNoAccuracy() {
        ProviderVerdict v = decide(0, List.of());
        assertThat(v.verdict()).isEqualTo(Verdict.CLEAR);
        assertThat(v.codingAccuracy()).isNull();
    }

    @Test
    void theThresholdIsATableValue(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve(VerdictPolicy.FILE), "setting,value\ncoding_error_share,0.10\n");
        VerdictPolicy tuned = VerdictPolicy.load(rules);
        assertThat(tuned.decide(VerdictInput.of(NPI, 100, onLines(RuleId.TIME_UPCODED, 6))).verdict())
                .isEqualTo(Verdict.CLEAR);
        Files.writeString(rules.resolve(VerdictPolicy.FILE), "setting,value\ncoding_error_share,5\n");
        assertThatThrownBy(() -> VerdictPolicy.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("line 2").hasMessageContaining("0.05 for 5 %");
    }

    @Test
    void aScopeErrorAloneIsReviewButAScopeWarningIsNot() {
        List<Finding> one = onLines(RuleId.SCOPE_LICENSE, 1); // 1 % of lines: below the coding threshold
        ProviderVerdict v = decide(100, one);
        assertThat(v.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(v.reasons()).isEqualTo("SCOPE-LICENSE");

        List<Finding> warning = List.of(one.get(0).withSeverity(org.codecred.domain.Severity.WARNING));
        assertThat(decide(100, warning).verdict()).isEqualTo(Verdict.CLEAR);
    }

    @Test
    void aFindingCappedAtWarningIsNotACodingError() {
        List<Finding> capped = new ArrayList<>();
        for (Finding f : onLines(RuleId.UNITS_EXCEED, 10)) {
            capped.add(f.restingOnUnverified("the unit limit 1 of unit-limits.csv line 9"));
        }
        ProviderVerdict v = decide(100, capped);
        assertThat(v.verdict()).isEqualTo(Verdict.CLEAR);
        assertThat(v.codingErrors()).isZero();
        assertThat(v.warnings()).isEqualTo(10);
        assertThat(capped.get(0).message()).contains("marked UNVERIFIED");
    }

    @Test
    void unrecognizedCodesAndTheOtherNewCodingWarningsStayClear() {
        List<Finding> findings = new ArrayList<>(onLines(RuleId.CODE_UNRECOGNIZED, 20));
        findings.addAll(onLines(RuleId.DIAG_EVAL_REPEATED, 2));
        findings.addAll(onLines(RuleId.DX_NOT_PHYSICAL, 2));
        assertThat(decide(100, findings).verdict()).isEqualTo(Verdict.CLEAR);
    }
}
