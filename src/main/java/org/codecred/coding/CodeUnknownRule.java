package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;

/**
 * A procedure code the code set does not know on the service date (codes.csv):
 * <ul>
 *   <li>CODE-UNKNOWN (ERROR) when the code is malformed, deleted (or not yet in force) on that date, or
 *       inside a range the table declares fully covered but absent from it (90835 in 90785–90899);</li>
 *   <li>CODE-UNRECOGNIZED (WARNING) otherwise: valid codes exist beyond the behavioral-health tables
 *       (hospital E/M, G-codes, state H-codes...), so an unlisted code is not a coding error by itself
 *       (domain reference 10.2).</li>
 * </ul>
 */
final class CodeUnknownRule implements LineRule {

    private final CodeCatalog codes;

    CodeUnknownRule(CodeCatalog codes) {
        this.codes = codes;
    }

    @Override
    public void check(CheckedLine checked, Credential credential, List<Finding> out) {
        if (checked.code() != null) {
            return;
        }
        var line = checked.line();
        String code = line.procedureCode();
        if (!CodeCatalog.wellFormed(code)) {
            out.add(Finding.onLine(RuleId.CODE_UNKNOWN, line, "", code + " is not written as a CPT code (five digits,"
                    + " or four digits and F, T or U) nor as a HCPCS code (a letter and four digits)"));
            return;
        }
        String when = "";
        for (CodeDef version : codes.versions(code)) {
            var period = version.period();
            if (period.to() != null && line.serviceDate().isAfter(period.to())) {
                when = " (deleted: in force until " + period.to() + ")";
            } else if (period.from() != null && line.serviceDate().isBefore(period.from())) {
                when = " (not yet in force: from " + period.from() + ")";
            }
        }
        if (!when.isEmpty()) {
            out.add(Finding.onLine(RuleId.CODE_UNKNOWN, line, "", code + " is not in force on " + line.serviceDate() + when));
            return;
        }
        CodeCatalog.CoveredRange range = codes.coveredRangeOf(code, line.serviceDate());
        if (range != null) {
            out.add(Finding.onLine(RuleId.CODE_UNKNOWN, line, "", code + " is not a procedure code: the code set lists"
                    + " every code in force in " + range + " on " + line.serviceDate() + " and " + code + " is not among them"));
            return;
        }
        out.add(Finding.onLine(RuleId.CODE_UNRECOGNIZED, line, "", code + " is not in the code set (" + CodeCatalog.FILE
                + "), which covers behavioral-health coding; its other rules were not checked on this line."
                + " Not a coding error by itself: add a row for the code, or confirm it with the payer"));
    }
}
