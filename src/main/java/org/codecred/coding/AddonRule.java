package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.time.LocalDate;
import java.util.List;

/**
 * ADDON-WITHOUT-PRIMARY: an add-on code with none of its allowed primaries (codes.csv primaries)
 * for the same member, date and rendering provider, on any claim. An add-on whose row allows it
 * (codes.csv primary_earlier: the testing add-ons) may have its primary on an earlier date for the same
 * member and provider: one evaluation billed over several days (APA Services) — earlier in the month,
 * or in an earlier completed month within {@link #EVALUATION_SPAN_DAYS} days (an evaluation that
 * crossed the month's end), which history keeps.
 */
final class AddonRule implements EncounterRule {

    /** How long before the add-on's date a base code billed in an earlier month still opens the same evaluation. */
    static final int EVALUATION_SPAN_DAYS = 31;

    private final EvaluationHistory history;

    AddonRule(EvaluationHistory history) {
        this.history = history;
    }

    @Override
    public void check(List<CheckedLine> encounter, EarlierDays earlier, List<Finding> out) {
        for (CheckedLine addon : encounter) {
            CodeDef code = addon.code();
            if (code == null || !code.addon()) {
                continue;
            }
            boolean found = false;
            for (CheckedLine other : encounter) {
                if (other != addon && code.primaries().contains(other.line().procedureCode())) {
                    found = true;
                    break;
                }
            }
            if (!found && code.primaryEarlier()) {
                found = earlier.billed(addon.line().memberId(), code.primaries()) || inEarlierMonth(addon, code);
            }
            if (!found) {
                out.add(Finding.onLine(RuleId.ADDON_WITHOUT_PRIMARY, addon.line(), "", "add-on " + code.code()
                        + " has no allowed primary (" + code.primariesText() + ") for the same member"
                        + (code.primaryEarlier() ? " and rendering provider, on this date, an earlier date of the month or in the "
                        + EVALUATION_SPAN_DAYS + " days before it"
                        : ", date and rendering provider")));
            }
        }
    }

    private boolean inEarlierMonth(CheckedLine addon, CodeDef code) {
        LocalDate date = addon.line().serviceDate();
        return history.latest(addon.line().renderingNpi(), addon.line().memberId(), code.primaries(), date.withDayOfMonth(1))
                .filter(base -> !base.isBefore(date.minusDays(EVALUATION_SPAN_DAYS))).isPresent();
    }
}
