package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UNITS-EXCEED: units of a code for one member, date and rendering provider above its limit
 * (unit-limits.csv, or a CMS MUE file). A line edit (indicator 1) checks each line; a
 * date-of-service edit adds the lines up and flags the line where the total first passes the limit.
 */
final class UnitLimitRule implements EncounterRule {

    private final UnitLimits limits;

    UnitLimitRule(UnitLimits limits) {
        this.limits = limits;
    }

    @Override
    public void check(List<CheckedLine> encounter, EarlierDays earlier, List<Finding> out) {
        if (encounter.size() == 1) {
            checkCode(List.of(encounter.get(0).line()), out);
            return;
        }
        Map<String, List<ClaimLine>> byCode = new LinkedHashMap<>();
        for (CheckedLine checked : encounter) {
            byCode.computeIfAbsent(checked.line().procedureCode(), c -> new java.util.ArrayList<>()).add(checked.line());
        }
        for (List<ClaimLine> lines : byCode.values()) {
            checkCode(lines, out);
        }
    }

    private void checkCode(List<ClaimLine> lines, List<Finding> out) {
        ClaimLine first = lines.get(0);
        UnitLimit limit = limits.inForce(first.procedureCode(), first.serviceDate());
        if (limit == null) {
            return;
        }
        if (limit.perLine()) {
            for (ClaimLine line : lines) {
                if (line.units() > limit.limit()) {
                    out.add(capped(limit, Finding.onLine(RuleId.UNITS_EXCEED, line, "", line.units() + " units of "
                            + line.procedureCode() + " on one line; limit " + limit.limit()
                            + " per line (adjudication indicator 1, " + limit.origin() + ")")));
                }
            }
            return;
        }
        long total = 0; // a long: no number of lines can make the sum wrap around
        for (ClaimLine line : lines) {
            total += line.units();
        }
        if (total <= limit.limit()) {
            return;
        }
        long running = 0;
        for (ClaimLine line : lines) {
            running += line.units();
            if (running > limit.limit()) {
                out.add(capped(limit, Finding.onLine(RuleId.UNITS_EXCEED, line, "", total + " units of " + line.procedureCode()
                        + " for one member on " + line.serviceDate() + " (" + lines.size()
                        + (lines.size() == 1 ? " line" : " lines") + "); limit " + limit.limit()
                        + " per day (adjudication indicator " + limit.adjudicationIndicator() + ", " + limit.origin() + ")")));
                return;
            }
        }
    }

    /** A limit the hand-kept table marks UNVERIFIED can only raise a WARNING (domain reference 10.3). */
    private static Finding capped(UnitLimit limit, Finding finding) {
        return limit.unverified() ? finding.restingOnUnverified("the unit limit " + limit.limit() + " of " + limit.origin())
                : finding;
    }
}
