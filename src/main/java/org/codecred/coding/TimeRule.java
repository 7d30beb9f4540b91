package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;

/**
 * The time rules of timed codes (codes.csv min_minutes/max_minutes, laddered by family):
 * TIME-MISSING (no minutes while the file has the column), TIME-BELOW-MINIMUM (below the family's
 * smallest band), TIME-UPCODED (the minutes fit a lower code of the family) and TIME-UNDERCODED
 * (they fit a higher one).
 */
final class TimeRule implements LineRule {

    private final CodeCatalog codes;

    TimeRule(CodeCatalog codes) {
        this.codes = codes;
    }

    @Override
    public void check(CheckedLine checked, Credential credential, List<Finding> out) {
        CodeDef code = checked.code();
        if (code == null || !code.timed()) {
            return;
        }
        ClaimLine line = checked.line();
        Integer minutes = line.minutes();
        if (minutes == null) {
            if (line.minutesColumnPresent()) {
                out.add(Finding.onLine(RuleId.TIME_MISSING, line, "", code.code()
                        + " is a timed code but no session minutes are documented (" + code.band() + " supports it)"));
            }
            return;
        }
        if (code.fits(minutes)) {
            return;
        }
        List<CodeDef> ladder = codes.ladder(code.family(), line.serviceDate());
        int smallest = code.minMinutes();
        for (CodeDef step : ladder) {
            smallest = Math.min(smallest, step.minMinutes());
        }
        if (minutes < smallest) {
            out.add(Finding.onLine(RuleId.TIME_BELOW_MINIMUM, line, "", code.code() + " billed for " + minutes
                    + " documented minutes; " + code.family() + " codes need at least " + smallest + " minutes"));
            return;
        }
        for (CodeDef step : ladder) {
            if (step.fits(minutes) && !step.code().equals(code.code())) {
                boolean lower = step.minMinutes() < code.minMinutes();
                out.add(Finding.onLine(lower ? RuleId.TIME_UPCODED : RuleId.TIME_UNDERCODED, line, step.code(),
                        code.code() + " billed for " + minutes + " documented minutes; " + step.band()
                                + " supports " + step.code()));
                return;
            }
        }
    }
}
