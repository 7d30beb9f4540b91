package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;

/**
 * PSYCHOTHERAPY-WITH-EM: an E/M visit (codes.csv families em-*) and a stand-alone individual
 * psychotherapy code (family psychotherapy: 90832/90834/90837) for the same member, date and rendering
 * provider. Psychotherapy in the same visit as an E/M is billed with the add-ons 90833/90836/90838
 * (payer policies, e.g. BCBSIL; domain reference 10.3). The psychotherapy line is flagged; subject =
 * the E/M code.
 */
final class PsychotherapyWithEmRule implements EncounterRule {

    static final String STAND_ALONE_FAMILY = "psychotherapy";

    @Override
    public void check(List<CheckedLine> encounter, EarlierDays earlier, List<Finding> out) {
        if (encounter.size() < 2) {
            return;
        }
        CheckedLine em = null;
        for (CheckedLine checked : encounter) {
            if (checked.code() != null && checked.code().isEm()) {
                em = checked;
                break;
            }
        }
        if (em == null) {
            return;
        }
        for (CheckedLine checked : encounter) {
            CodeDef code = checked.code();
            if (code != null && STAND_ALONE_FAMILY.equals(code.family()) && !code.addon()) {
                String emCode = em.line().procedureCode();
                out.add(Finding.onLine(RuleId.PSYCHOTHERAPY_WITH_EM, checked.line(), emCode, code.code()
                        + " (psychotherapy without E/M) billed with the E/M visit " + emCode
                        + " for the same member and date; psychotherapy done with an E/M is billed with the add-on"
                        + " codes (90833, 90836, 90838) for the psychotherapy time"));
            }
        }
    }
}
