package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;

/**
 * ADDON-WITHOUT-PRIMARY: an add-on code with none of its allowed primaries (codes.csv primaries)
 * for the same member, date and rendering provider, on any claim.
 */
final class AddonRule implements EncounterRule {

    @Override
    public void check(List<CheckedLine> encounter, List<Finding> out) {
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
            if (!found) {
                out.add(Finding.onLine(RuleId.ADDON_WITHOUT_PRIMARY, addon.line(), "", "add-on " + code.code()
                        + " has no allowed primary (" + code.primariesText()
                        + ") for the same member, date and rendering provider"));
            }
        }
    }
}
