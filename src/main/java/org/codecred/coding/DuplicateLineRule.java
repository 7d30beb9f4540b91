package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * DUPLICATE-LINE: the same member, date, code, modifiers (in any order), units and rendering provider
 * on more than one line; every line after the first (in file and line order) is flagged. Codes billed
 * per unit or per instrument ({@code counted = per-unit} in codes.csv: 96127 for a PHQ-9 and a GAD-7,
 * ABA units) are left to UNITS-EXCEED, which sums their units against the limit (contract v3).
 */
final class DuplicateLineRule implements EncounterRule {

    @Override
    public void check(List<CheckedLine> encounter, EarlierDays earlier, List<Finding> out) {
        if (encounter.size() < 2) {
            return;
        }
        Map<String, ClaimLine> firstSeen = new HashMap<>();
        for (CheckedLine checked : encounter) {
            ClaimLine line = checked.line();
            if (checked.code() != null && checked.code().perUnit()) {
                continue;
            }
            String key = line.procedureCode() + "|" + String.join(";", new TreeSet<>(line.modifiers())) + "|"
                    + line.units();
            ClaimLine first = firstSeen.putIfAbsent(key, line);
            if (first != null) {
                out.add(Finding.onLine(RuleId.DUPLICATE_LINE, line, "", "same member, date, code "
                        + line.procedureCode() + (line.modifiers().isEmpty() ? " (no modifiers)" : " and modifiers "
                        + String.join(", ", line.modifiers())) + " as claim " + first.claimId() + " line "
                        + first.lineNo() + " (" + first.sourceFile() + " line " + first.lineNumber() + ")"));
            }
        }
    }
}
