package org.codecred.coding;

import org.codecred.rules.TelehealthRules;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;

/** TELEHEALTH-MODIFIER: a telehealth place of service without a telehealth modifier (telehealth.csv). */
final class TelehealthRule implements LineRule {

    private final TelehealthRules rules;

    TelehealthRule(TelehealthRules rules) {
        this.rules = rules;
    }

    @Override
    public void check(CheckedLine checked, Credential credential, List<Finding> out) {
        ClaimLine line = checked.line();
        if (!rules.isTelehealthPlace(line.placeOfService(), line.serviceDate())) {
            return;
        }
        for (String modifier : line.modifiers()) {
            if (rules.isTelehealthModifier(modifier, line.serviceDate())) {
                return;
            }
        }
        out.add(Finding.onLine(RuleId.TELEHEALTH_MODIFIER, line, "", "place of service " + line.placeOfService()
                + " (telehealth) without a telehealth modifier (" + rules.modifiersText(line.serviceDate()) + ")"
                + (line.modifiers().isEmpty() ? "" : "; modifiers billed: " + String.join(", ", line.modifiers()))));
    }
}
