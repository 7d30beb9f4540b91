package org.codecred.alignment;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.RuleId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimeDocumentationRuleTest {

    private static final String NPI = "1234567893";
    private final TimeDocumentationRule rule = Fixtures.rules().timeDocumentation();

    /** {@code timed} psychotherapy lines of which {@code withoutMinutes} have none, plus untimed lines without minutes. */
    private static List<ClaimLine> lines(int timed, int withoutMinutes, boolean minutesColumn) {
        List<ClaimLine> lines = new ArrayList<>();
        for (int i = 0; i < timed; i++) {
            ClaimLine l = Fixtures.line(NPI, "M" + i, 1 + i % 20, i % 2 == 0 ? "90834" : "90847",
                    i < withoutMinutes ? null : 45, null, "F41.1");
            lines.add(new ClaimLine(l.sourceFile(), l.lineNumber(), l.claimId(), l.lineNo(), l.renderingNpi(), null,
                    l.memberId(), null, l.serviceDate(), l.procedureCode(), List.of(), 1, l.minutes(), l.diagnosisCodes(),
                    "11", null, minutesColumn));
        }
        for (int i = 0; i < 10; i++) {
            lines.add(Fixtures.line(NPI, "U" + i, 2, i % 2 == 0 ? "90791" : "96130", null, null, "F41.1"));
        }
        return lines;
    }

    @Test
    void moreThanTenPercentOfTimedLinesWithoutMinutesFires() {
        var finding = rule.check(NPI, Fixtures.activity(NPI, lines(20, 3, true)));
        assertThat(finding).hasValueSatisfying(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.TIME_UNDOCUMENTED_SHARE);
            assertThat(f.subject()).isEqualTo("15.0 %");
            assertThat(f.message()).startsWith("3 of 20 timed lines (15.0 %) have no session minutes");
        });
    }

    @Test
    void exactlyTenPercentUntimedCodesAndFilesWithoutTheColumnDoNotCount() {
        assertThat(rule.check(NPI, Fixtures.activity(NPI, lines(20, 2, true)))).isEmpty();
        assertThat(rule.check(NPI, Fixtures.activity(NPI, lines(20, 20, false)))).isEmpty();
        assertThat(rule.check(NPI, Fixtures.activity(NPI, lines(0, 0, true)))).isEmpty();
    }

    @Test
    void theInteractiveComplexityShareIsAMetric() {
        List<ClaimLine> lines = new ArrayList<>(lines(20, 0, true));
        lines.add(Fixtures.line(NPI, "M0", 1, "90785", null, null, "F41.1"));
        ProviderActivity activity = Fixtures.activity(NPI, lines);
        var metrics = activity.metrics();
        // primaries: 10 x 90834 and 5 x 90791 (90847 and 96130 are not 90785 primaries)
        assertThat(metrics).contains(new MetricValue(MetricIds.INTERACTIVE_COMPLEXITY_PRIMARIES, 15.0),
                new MetricValue(MetricIds.SHARE_90785, 1 / 15.0));
    }
}
