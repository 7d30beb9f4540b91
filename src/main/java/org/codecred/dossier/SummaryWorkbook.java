package org.codecred.dossier;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.domain.Provider;
import org.codecred.verdict.ProviderVerdict;
import org.codecred.domain.RuleId;
import org.codecred.domain.Verdict;
import org.codecred.history.MonthHistory;
import org.codecred.history.VerdictChange;
import org.codecred.dossier.Styles.Fill;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The month's credentialing-summary-YYYY-MM.xlsx: Providers (one row per rostered provider, with a
 * link to its dossier), Rules (findings by rule) and Unrostered (NPIs billing without being on the
 * roster). Streamed (SXSSF): the Providers sheet grows with the roster.
 */
public final class SummaryWorkbook {

    public static final List<String> SHEETS = List.of("Providers", "New since last month", "Rules", "Unrostered");

    /**
     * One provider's row.
     *
     * @param decision    null when no verdict was decided
     * @param unsupported claimed specialties found unsupported, "; "-separated; null when none were assessed
     */
    public record ProviderRow(Provider provider, ProviderVerdict decision, long lines, long errors, long warnings,
                              String unsupported) {
    }

    public record RuleRow(RuleId rule, long findings, long providers) {
    }

    /**
     * A provider newly HOLD or newly excluded since the previous completed month.
     *
     * @param what what is new, in words: "newly HOLD", "newly excluded (EXCLUDED-OIG)", or both
     */
    public record NewSinceRow(Provider provider, Verdict verdict, Verdict previousVerdict, String what, String reasons) {
    }

    public record UnrosteredRow(String npi, long lines, LocalDate firstService, LocalDate lastService) {
    }

    public static String fileName(String month) {
        return "credentialing-summary-" + month + ".xlsx";
    }

    public void write(String month, List<ProviderRow> providers, List<RuleRow> rules, List<UnrosteredRow> unrostered,
                      Path file) throws IOException {
        write(month, providers, rules, unrostered, NO_HISTORY, List.of(), file);
    }

    public void write(String month, List<ProviderRow> providers, List<RuleRow> rules, List<UnrosteredRow> unrostered,
                      MonthHistory.Comparison comparison, List<NewSinceRow> newSince, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(month, providers, rules, unrostered, comparison, newSince, out);
        }
    }

    private static final MonthHistory.Comparison NO_HISTORY = new MonthHistory.Comparison(null, Map.of(), Map.of());

    public void write(String month, List<ProviderRow> providers, List<RuleRow> rules, List<UnrosteredRow> unrostered,
                      MonthHistory.Comparison comparison, List<NewSinceRow> newSince, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 200);
        try {
            Styles styles = new Styles(workbook);
            String title = "Credentialing summary " + month;
            providers(new SheetWriter(workbook.createSheet(SHEETS.get(0)), styles, title), month, providers, comparison);
            newSince(new SheetWriter(workbook.createSheet(SHEETS.get(1)), styles, title), month, comparison, newSince);
            rules(new SheetWriter(workbook.createSheet(SHEETS.get(2)), styles, title), month, rules);
            unrostered(new SheetWriter(workbook.createSheet(SHEETS.get(3)), styles, title), month, unrostered);
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void providers(SheetWriter sheet, String month, List<ProviderRow> rows,
                                  MonthHistory.Comparison comparison) {
        sheet.title("Providers credentialed for " + month + " (" + rows.size() + ")"
                + (comparison.hasHistory() ? ", compared with " + comparison.previousMonth() : ", no earlier completed month"));
        sheet.tableHeader("NPI", "Name", "Credential", "Lines", "Coding accuracy", "Errors", "Warnings", "Verdict",
                "Reasons", "Unsupported specialties", "Dossier", "Previous verdict", "Change");
        for (ProviderRow row : rows) {
            Provider p = row.provider();
            ProviderVerdict d = row.decision();
            String file = DossierFileName.of(p.npi(), p.lastName());
            SheetWriter.RowWriter out = sheet.row().text(p.npi()).text(p.displayName()).text(p.credential())
                    .integer(row.lines());
            if (d == null || d.codingAccuracy() == null) {
                out.text(d == null ? DossierWorkbook.NOT_DECIDED : "");
            } else {
                out.percent(d.codingAccuracy());
            }
            out.integer(row.errors()).integer(row.warnings());
            if (d == null) {
                out.text(DossierWorkbook.NOT_DECIDED, Fill.MUTED).text("");
            } else {
                out.text(d.verdict().name(), DossierWorkbook.verdictFill(d.verdict())).text(d.reasons());
            }
            out.text(row.unsupported() == null ? DossierWorkbook.NOT_ASSESSED : row.unsupported())
                    .link(file, "dossiers/" + file);
            Verdict previous = comparison.previousVerdict(p.npi());
            VerdictChange change = comparison.change(p.npi(), d == null ? null : d.verdict());
            out.text(previous == null ? null : previous.name())
                    .text(change.marker(), change == VerdictChange.WORSE ? Fill.WARNING : Fill.NONE);
        }
        sheet.finish();
    }

    /** Providers newly HOLD or newly excluded since the previous completed month. */
    private static void newSince(SheetWriter sheet, String month, MonthHistory.Comparison comparison,
                                 List<NewSinceRow> rows) {
        if (!comparison.hasHistory()) {
            sheet.title("New since last month: no month before " + month + " is completed in the database");
            sheet.finish();
            return;
        }
        sheet.title("Newly HOLD or newly excluded in " + month + " since " + comparison.previousMonth()
                + " (" + rows.size() + ")");
        sheet.tableHeader("NPI", "Name", "Credential", "Verdict", "Previous verdict", "What is new", "Reasons", "Dossier");
        if (rows.isEmpty()) {
            sheet.row().text("none");
        }
        for (NewSinceRow row : rows) {
            Provider p = row.provider();
            String file = DossierFileName.of(p.npi(), p.lastName());
            sheet.row().text(p.npi()).text(p.displayName()).text(p.credential())
                    .text(row.verdict() == null ? "" : row.verdict().name(),
                            row.verdict() == null ? Fill.NONE : DossierWorkbook.verdictFill(row.verdict()))
                    .text(row.previousVerdict() == null ? "not on the roster" : row.previousVerdict().name())
                    .text(row.what()).wrap(row.reasons()).link(file, "dossiers/" + file);
        }
        sheet.finish();
    }

    /**
     * Which providers are newly HOLD (HOLD now, not HOLD in the previous completed month, including
     * providers not on its roster) or newly excluded (an EXCLUDED-* rule fired now and not then), in
     * the providers' order.
     *
     * @param excludedNow the EXCLUDED-* rule ids that fired per provider this month
     */
    public static List<NewSinceRow> newSince(List<ProviderRow> rows, MonthHistory.Comparison comparison,
                                             Map<String, Set<String>> excludedNow) {
        List<NewSinceRow> found = new ArrayList<>();
        if (!comparison.hasHistory()) {
            return found;
        }
        for (ProviderRow row : rows) {
            String npi = row.provider().npi();
            Verdict now = row.decision() == null ? null : row.decision().verdict();
            Verdict before = comparison.previousVerdict(npi);
            List<String> what = new ArrayList<>();
            if (now == Verdict.HOLD && before != Verdict.HOLD) {
                what.add("newly HOLD");
            }
            Set<String> firedBefore = comparison.previousRules().getOrDefault(npi, Set.of());
            List<String> newlyExcluded = excludedNow.getOrDefault(npi, Set.of()).stream()
                    .filter(rule -> !firedBefore.contains(rule)).sorted().toList();
            if (!newlyExcluded.isEmpty()) {
                what.add("newly excluded (" + String.join(", ", newlyExcluded) + ")");
            }
            if (!what.isEmpty()) {
                found.add(new NewSinceRow(row.provider(), now, before, String.join("; ", what),
                        row.decision() == null ? "" : row.decision().reasons()));
            }
        }
        return found;
    }

    private static void rules(SheetWriter sheet, String month, List<RuleRow> rows) {
        sheet.title("Findings by rule, " + month);
        sheet.tableHeader("Rule", "Severity", "Area", "Findings", "Providers");
        for (RuleRow row : rows) {
            RuleId rule = row.rule();
            String area = rule.isCoding() ? "coding" : rule.ordinal() <= RuleId.TAXONOMY_LICENSE_MISMATCH.ordinal()
                    ? "credentials" : "alignment";
            sheet.row().fill(row.findings() == 0 ? Fill.NONE : DossierWorkbook.severityFill(rule.severity()))
                    .text(rule.id()).text(rule.severity().name()).text(area).integer(row.findings()).integer(row.providers());
        }
        sheet.finish();
    }

    private static void unrostered(SheetWriter sheet, String month, List<UnrosteredRow> rows) {
        sheet.title("Rendering NPIs billing in " + month + " without being on the roster (" + rows.size() + ")");
        sheet.tableHeader("NPI", "Lines", "First service", "Last service");
        if (rows.isEmpty()) {
            sheet.row().text("none");
        }
        for (UnrosteredRow row : rows) {
            sheet.row().text(row.npi()).integer(row.lines()).date(row.firstService()).date(row.lastService());
        }
        sheet.finish();
    }
}
