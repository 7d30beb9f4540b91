package org.codecred.output;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import org.codecred.domain.Finding;
import org.codecred.staging.FindingTable;
import org.codecred.staging.RejectTable;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * The machine-readable outputs: findings.csv (every finding, in report order, so two runs compare
 * byte for byte) and rejected.csv (every unreadable input row by file and line).
 */
public final class CsvExports {

    public static final String[] FINDINGS_HEADER = {"provider_npi", "claim_id", "line_no", "service_date",
            "procedure_code", "rule_id", "severity", "subject", "message"};
    public static final String[] REJECTED_HEADER = {"file", "line_number", "reason", "raw"};

    private CsvExports() {
    }

    public static void writeFindings(Path target, YearMonth month, FindingTable findings) {
        OutputFiles.writeText(target, out -> {
            ICSVWriter csv = csvWriter(out);
            csv.writeNext(FINDINGS_HEADER, false);
            findings.forEachInReportOrder(month, f -> csv.writeNext(spreadsheetSafe(row(f)), false));
            csv.flush();
        });
    }

    public static void writeRejects(Path target, YearMonth month, RejectTable rejects) {
        OutputFiles.writeText(target, out -> {
            ICSVWriter csv = csvWriter(out);
            csv.writeNext(REJECTED_HEADER, false);
            rejects.forEachInOrder(month, r -> csv.writeNext(spreadsheetSafe(
                    new String[]{r.file(), Long.toString(r.lineNumber()), r.reason(), r.raw()}), false));
            csv.flush();
        });
    }

    private static String[] row(Finding f) {
        return new String[]{f.providerNpi(), nullToEmpty(f.claimId()), f.lineNo() == null ? "" : f.lineNo().toString(),
                f.serviceDate() == null ? "" : f.serviceDate().toString(), nullToEmpty(f.procedureCode()),
                f.rule().id(), f.severity().name(), f.subject(), f.message()};
    }

    /**
     * A cell a spreadsheet opening the CSV would evaluate (it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, tab or carriage return) is written with a leading {@code '}, as the
     * contract says: users open both files in Excel, and input text must never run there as a formula.
     */
    public static String spreadsheetSafe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    static String[] spreadsheetSafe(String[] row) {
        String[] safe = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            safe[i] = spreadsheetSafe(row[i]);
        }
        return safe;
    }

    private static ICSVWriter csvWriter(java.io.Writer out) {
        return new CSVWriterBuilder(out).withLineEnd("\n").build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
