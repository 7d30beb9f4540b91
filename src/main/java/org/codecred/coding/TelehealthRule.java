package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.rules.TelehealthRules;

import java.util.List;

/**
 * TELEHEALTH-MODIFIER, dated by telehealth.csv's check rows (domain reference 10.3): until 2023 a
 * telehealth place of service (02/10) without a telehealth modifier; from 2024, when POS 02/10 carries
 * the telehealth meaning on its own, a telehealth modifier (95, 93, FQ, GT) on an in-person place of
 * service.
 */
final class TelehealthRule implements LineRule {

    private final TelehealthRules rules;

    TelehealthRule(TelehealthRules rules) {
        this.rules = rules;
    }

    @Override
    public void check(CheckedLine checked, Credential credential, List<Finding> out) {
        ClaimLine line = checked.line();
        if (line.placeOfService() == null) {
            return;
        }
        boolean telehealthPlace = rules.isTelehealthPlace(line.placeOfService(), line.serviceDate());
        String modifier = null;
        for (String m : line.modifiers()) {
            if (rules.isTelehealthModifier(m, line.serviceDate())) {
                modifier = m;
                break;
            }
        }
        boolean placeNeedsModifier = !rules.hasChecks()
                || rules.checks(TelehealthRules.PLACE_NEEDS_MODIFIER, line.serviceDate());
        if (telehealthPlace && modifier == null && placeNeedsModifier) {
            out.add(Finding.onLine(RuleId.TELEHEALTH_MODIFIER, line, "", "place of service " + line.placeOfService()
                    + " (telehealth) without a telehealth modifier (" + rules.modifiersText(line.serviceDate()) + ")"
                    + (line.modifiers().isEmpty() ? "" : "; modifiers billed: " + String.join(", ", line.modifiers()))
                    + "; before 2024 the modifier marked the telehealth service"));
        } else if (!telehealthPlace && modifier != null
                && rules.checks(TelehealthRules.MODIFIER_NEEDS_PLACE, line.serviceDate())) {
            // the contract's catalog leaves this rule's subject empty: the message names the modifier
            out.add(Finding.onLine(RuleId.TELEHEALTH_MODIFIER, line, "", "telehealth modifier " + modifier
                    + " on place of service " + line.placeOfService() + " (in person); since 2024 a telehealth"
                    + " service is billed at place of service 02 or 10, so the line contradicts itself"));
        }
    }
}
