package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;

/** CODE-UNKNOWN: the procedure code is not in the code set in force on the service date (codes.csv). */
final class CodeUnknownRule implements LineRule {

    private final CodeSet codes;

    CodeUnknownRule(CodeSet codes) {
        this.codes = codes;
    }

    @Override
    public void check(CheckedLine checked, Credential credential, List<Finding> out) {
        if (checked.code() != null) {
            return;
        }
        var line = checked.line();
        String code = line.procedureCode();
        String when = "";
        for (CodeDef version : codes.versions(code)) {
            var period = version.period();
            if (period.to() != null && line.serviceDate().isAfter(period.to())) {
                when = " (deleted: in force until " + period.to() + ")";
            } else if (period.from() != null && line.serviceDate().isBefore(period.from())) {
                when = " (not yet in force: from " + period.from() + ")";
            }
        }
        String message = when.isEmpty()
                ? code + " is not a procedure code in the code set on " + line.serviceDate()
                : code + " is not in force on " + line.serviceDate() + when;
        out.add(Finding.onLine(RuleId.CODE_UNKNOWN, line, "", message));
    }
}
