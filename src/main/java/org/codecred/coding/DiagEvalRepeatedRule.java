package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * DIAG-EVAL-REPEATED: a psychiatric diagnostic evaluation (codes.csv family evaluation: 90791/90792)
 * for a member the same rendering provider already evaluated within the repeat window (coding-settings.csv
 * evaluation_repeat_months, default 6): earlier in the month, or in an earlier month through
 * {@link EvaluationHistory}. Payer policies allow one at the start of treatment and again after a
 * six-month gap (domain reference 10.3). Subject = the date of the earlier evaluation.
 */
final class DiagEvalRepeatedRule implements EncounterRule {

    private final Set<String> evaluationCodes;
    private final int months;
    private final EvaluationHistory history;

    DiagEvalRepeatedRule(Set<String> evaluationCodes, int months, EvaluationHistory history) {
        this.evaluationCodes = evaluationCodes;
        this.months = months;
        this.history = history;
    }

    @Override
    public void check(List<CheckedLine> encounter, EarlierDays earlier, List<Finding> out) {
        for (CheckedLine checked : encounter) {
            CodeDef code = checked.code();
            if (code == null || !CodeCatalog.EVALUATION.equals(code.family())) {
                continue;
            }
            ClaimLine line = checked.line();
            LocalDate previous = earlier.latest(line.memberId(), evaluationCodes);
            if (previous == null) {
                LocalDate monthStart = line.serviceDate().withDayOfMonth(1);
                previous = history.latest(line.renderingNpi(), line.memberId(), evaluationCodes, monthStart).orElse(null);
            }
            if (previous != null && line.serviceDate().isBefore(previous.plusMonths(months))) {
                out.add(Finding.onLine(RuleId.DIAG_EVAL_REPEATED, line, previous.toString(), code.code()
                        + " (diagnostic evaluation) for a member this provider already evaluated on " + previous
                        + "; payers expect one evaluation at the start of treatment and another only after "
                        + months + " months"));
            }
            return; // one evaluation per encounter is judged; a second the same day is a pair edit or duplicate
        }
    }
}
