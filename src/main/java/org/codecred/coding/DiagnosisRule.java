package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;

/**
 * The diagnosis rules (diagnosis-rules.csv; codes.csv dx_check): DX-MISSING (no diagnosis on a
 * line whose code needs one), DX-INVALID (each diagnosis that is not a valid ICD-10-CM code; subject
 * = the code; at most WARNING when the header row is marked UNVERIFIED), DX-NOT-BEHAVIORAL (a
 * psychiatric service whose primary diagnosis is neither F01–F99 nor an allowed Z code, nor a code the
 * table accepts for the line's code family, such as R45.x on a crisis line; subject = the code) and DX-NOT-PHYSICAL (a health behavior service, HBAI 96156–96171, whose primary diagnosis is
 * a mental disorder F01–F99: HBAI addresses the behavioral side of a physical condition, LCD L37638;
 * subject = the diagnosis).
 */
final class DiagnosisRule implements LineRule {

    private final DiagnosisRules rules;

    DiagnosisRule(DiagnosisRules rules) {
        this.rules = rules;
    }

    @Override
    public void check(CheckedLine checked, Credential credential, List<Finding> out) {
        ClaimLine line = checked.line();
        CodeDef code = checked.code();
        List<String> diagnoses = line.diagnosisCodes();
        if (diagnoses.isEmpty()) {
            if (code != null && code.dxCheck() != CodeDef.DxCheck.NONE) {
                out.add(Finding.onLine(RuleId.DX_MISSING, line, "", code.code() + " has no diagnosis code"));
            }
            return;
        }
        boolean primaryValid = true;
        for (int i = 0; i < diagnoses.size(); i++) {
            String dx = diagnoses.get(i);
            String reason = rules.invalidReason(dx, line.serviceDate());
            if (reason != null) {
                Finding invalid = Finding.onLine(RuleId.DX_INVALID, line, dx, "diagnosis " + dx + " " + reason);
                out.add(rules.headerUnverified(dx, line.serviceDate())
                        ? invalid.restingOnUnverified("the not-billable row of " + DiagnosisRules.FILE + " for " + dx)
                        : invalid);
                if (i == 0) {
                    primaryValid = false;
                }
            }
        }
        String primary = diagnoses.get(0);
        if (primaryValid && code != null && code.dxCheck() == CodeDef.DxCheck.BEHAVIORAL
                && !rules.isBehavioral(primary, line.serviceDate(), code.family())) {
            out.add(Finding.onLine(RuleId.DX_NOT_BEHAVIORAL, line, primary, code.code()
                    + " is a psychiatric service but its primary diagnosis " + primary
                    + " is not a mental or behavioral disorder (F01–F99) nor an allowed Z code"));
        }
        if (primaryValid && code != null && code.dxCheck() == CodeDef.DxCheck.PHYSICAL
                && rules.inBehavioralRange(primary, line.serviceDate())) {
            out.add(Finding.onLine(RuleId.DX_NOT_PHYSICAL, line, primary, code.code()
                    + " is a health behavior service but its primary diagnosis " + primary + " is a mental or behavioral"
                    + " disorder (F01–F99); health behavior services need a physical condition as primary diagnosis"
                    + " (LCD L37638): psychiatric services are billed with 90785–90899"));
        }
    }
}
