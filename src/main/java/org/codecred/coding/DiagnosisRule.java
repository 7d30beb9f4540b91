package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;

/**
 * The diagnosis rules (diagnosis-rules.csv; codes.csv dx_check): DX-MISSING (no diagnosis on a
 * line whose code needs one), DX-INVALID (each diagnosis that is not a valid ICD-10-CM code; subject
 * = the code) and DX-NOT-BEHAVIORAL (a psychiatric service whose primary diagnosis is neither
 * F01–F99 nor an allowed Z code; subject = the code).
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
                out.add(Finding.onLine(RuleId.DX_INVALID, line, dx, "diagnosis " + dx + " " + reason));
                if (i == 0) {
                    primaryValid = false;
                }
            }
        }
        String primary = diagnoses.get(0);
        if (primaryValid && code != null && code.dxCheck() == CodeDef.DxCheck.BEHAVIORAL
                && !rules.isBehavioral(primary, line.serviceDate())) {
            out.add(Finding.onLine(RuleId.DX_NOT_BEHAVIORAL, line, primary, code.code()
                    + " is a psychiatric service but its primary diagnosis " + primary
                    + " is not a mental or behavioral disorder (F01–F99) nor an allowed Z code"));
        }
    }
}
