package org.codecred.dossier;

import org.codecred.domain.MemberIds;
import org.codecred.domain.Verdict;
import org.codecred.staging.RejectedRow;
import org.codecred.verdict.ProviderVerdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of the committee packet: headlines, NEW/REPEAT, rejected rows by reason, masked dependents. */
class PacketWordsTest {

    private static ProviderVerdict verdict(Verdict v, String reasons) {
        return new ProviderVerdict("1234567893", v, reasons, 10, 0, 1.0, 0, 0, 0);
    }

    @Test
    void everyRuleThatDecidesAVerdictHasWords() {
        for (org.codecred.domain.RuleId rule : org.codecred.domain.RuleId.values()) {
            if (rule.verdictEffect() != org.codecred.domain.RuleId.VerdictEffect.NONE) {
                assertThat(DecisionWords.reason(rule.id())).as(rule.id()).isNotEqualTo(rule.id());
            }
        }
    }

    @Test
    void aClearCountsItsFindingsAndNeverSaysNoIssueFound() {
        assertThat(DecisionWords.headline(Verdict.CLEAR, 1, 2)).isEqualTo("● CLEAR — 1 error, 2 warnings, no decision needed");
        assertThat(DecisionWords.headline(Verdict.CLEAR, 0, 1)).isEqualTo("● CLEAR — 1 warning, no decision needed");
        assertThat(DecisionWords.headline(Verdict.CLEAR, 0, 0)).isEqualTo("● CLEAR — no finding, no decision needed");
        assertThat(DecisionWords.headline(Verdict.HOLD, 3, 0)).isEqualTo("■ HOLD — do not credential");
    }

    @Test
    void repeatNeedsTheSameVerdictAndEveryDecidingRuleLastMonth() {
        ProviderVerdict hold = verdict(Verdict.HOLD, "EXCLUDED-OIG: since 2024-10-01; NPPES-MISMATCH (name)");
        assertThat(DocketSheet.newOrRepeat(hold, Verdict.HOLD, Set.of("EXCLUDED-OIG", "NPPES-MISMATCH"))).isEqualTo("REPEAT");
        assertThat(DocketSheet.newOrRepeat(hold, Verdict.HOLD, Set.of("EXCLUDED-OIG"))).isEqualTo("NEW");
        assertThat(DocketSheet.newOrRepeat(hold, Verdict.REVIEW, Set.of("EXCLUDED-OIG", "NPPES-MISMATCH"))).isEqualTo("NEW");
        assertThat(DocketSheet.newOrRepeat(hold, null, Set.of())).isEqualTo("NEW");
    }

    @Test
    void theDocketShowsAtMostThreeReasonsAndSaysWhenToVerify() {
        ProviderVerdict many = verdict(Verdict.REVIEW, "NPPES-MISMATCH (name); LICENSE-UNVERIFIED; MEDICARE-OPT-OUT; TAXONOMY-INACTIVE");
        assertThat(DocketSheet.reason(many, new SummaryMonth.DocketFacts(java.math.BigDecimal.ZERO, List.of("Verify before acting: x"))))
                .isEqualTo("NPPES registry disagrees with the roster (name); No license expiry on the roster; Opted out of"
                        + " Medicare; and 1 more (see the dossier) — verify before acting (see the dossier)");
    }

    @Test
    void rejectedRowsAreCountedByTheFieldTheyName() {
        List<RejectedRow> rows = List.of(
                new RejectedRow("claims.csv", 4, "service_date: '2026-02-30' is not a date", "C1,1,1234567893"),
                new RejectedRow("claims.csv", 5, "service_date: '2026-13-01' is not a date", "C2,1,1234567893"),
                new RejectedRow("claims.csv", 6, "expected 14 fields as in the header, found 8", "C3,1,1234567893"));
        assertThat(SummarySheet.rejectedRows(rows)).isEqualTo("3 rows naming this NPI could not be read and count nowhere:"
                + " expected 14 fields as in the header (1), service_date (2); see rejected.csv");
        assertThat(SummarySheet.rejectedRows(List.of())).startsWith("none");
        assertThat(DossierLoader.npisIn("C1,1,1234567893,1987654320,****1234,12345678901")).containsExactly("1234567893", "1987654320");
    }

    @Test
    void anX12DependentsKeyIsMaskedWhole() {
        assertThat(MemberIds.mask("SUB123456789/20150304")).isEqualTo("****6789/********").doesNotContain("0304");
        assertThat(MemberIds.mask("MBR0001234")).isEqualTo("****1234");
    }
}
