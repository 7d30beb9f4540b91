package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NCCI-PTP: two codes of a pair edit billed for the same member, date and rendering provider. The
 * column 2 line is flagged (subject = the column 1 code) unless the edit allows a bypass (modifier
 * indicator 1) and a bypass modifier is on either line; indicator 9 edits never fire.
 */
final class PairEditRule implements EncounterRule {

    private final PairEdits pairs;
    private final CodingSettings settings;

    PairEditRule(PairEdits pairs, CodingSettings settings) {
        this.pairs = pairs;
        this.settings = settings;
    }

    @Override
    public void check(List<CheckedLine> encounter, EarlierDays earlier, List<Finding> out) {
        if (encounter.size() < 2) {
            return;
        }
        Set<String> flagged = null;
        for (int i = 0; i < encounter.size(); i++) {
            ClaimLine a = encounter.get(i).line();
            for (int j = 0; j < encounter.size(); j++) {
                ClaimLine b = encounter.get(j).line();
                if (i == j || a.procedureCode().equals(b.procedureCode())) {
                    continue;
                }
                PairEdit edit = pairs.inForce(a.procedureCode(), b.procedureCode(), b.serviceDate());
                if (edit == null || edit.modifierIndicator() == 9) {
                    continue;
                }
                if (edit.modifierIndicator() == 1 && (bypassed(a) || bypassed(b))) {
                    continue;
                }
                if (flagged == null) {
                    flagged = new HashSet<>();
                }
                if (flagged.add(j + "|" + a.procedureCode())) {
                    Finding finding = Finding.onLine(RuleId.NCCI_PTP, b, a.procedureCode(), message(edit));
                    // an unverified indicator decides only when a bypass modifier was billed
                    boolean indicatorDecided = edit.modifierIndicator() == 0 && (bypassed(a) || bypassed(b));
                    if (PairEdit.PAIR.equals(edit.unverified())) {
                        finding = finding.restingOnUnverified("the pair edit of " + edit.origin());
                    } else if (PairEdit.MODIFIER_INDICATOR.equals(edit.unverified()) && indicatorDecided) {
                        finding = finding.restingOnUnverified("the modifier indicator 0 of " + edit.origin());
                    }
                    out.add(finding);
                }
            }
        }
    }

    private boolean bypassed(ClaimLine line) {
        for (String modifier : line.modifiers()) {
            if (settings.bypassModifiers().contains(modifier)) {
                return true;
            }
        }
        return false;
    }

    private String message(PairEdit edit) {
        String bypass = edit.modifierIndicator() == 0
                ? "modifier indicator 0: no modifier bypasses it"
                : "modifier indicator 1: a bypass modifier (" + settings.bypassText() + ") is required and none is billed";
        return edit.column2() + " billed with " + edit.column1() + " for the same member and date; pair edit with "
                + edit.column1() + " as column 1, " + bypass + " (" + edit.origin()
                + (edit.rationale().isEmpty() ? "" : ": " + edit.rationale()) + ")";
    }
}
