package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;

/**
 * ADDON-WITHOUT-PRIMARY: an add-on code with none of its allowed primaries (codes.csv primaries)
 * for the same member, date and rendering provider, on any claim. An add-on whose row allows it
 * (codes.csv primary_earlier: the testing add-ons) may have its primary on an earlier date of the
 * month for the same member and provider: one evaluation billed over several days (APA Services).
 */
final class AddonRule implements EncounterRule {

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
            if (!found && code.primaryEarlier() && earlier.billed(addon.line().memberId(), code.primaries())) {
                found = true;
            }
            if (!found) {
                out.add(Finding.onLine(RuleId.ADDON_WITHOUT_PRIMARY, addon.line(), "", "add-on " + code.code()
                        + " has no allowed primary (" + code.primariesText() + ") for the same member"
                        + (code.primaryEarlier() ? " and rendering provider, on this date or an earlier date of the month"
                        : ", date and rendering provider")));
            }
        }
    }
}
