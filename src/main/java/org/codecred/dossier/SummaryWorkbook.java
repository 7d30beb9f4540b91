package org.codecred.dossier;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.domain.Provider;
import org.codecred.verdict.ProviderVerdict;
import org.codecred.domain.RuleId;
import org.codecred.dossier.Styles.Fill;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The month's credentialing-summary-YYYY-MM.xlsx: Providers (one row per rostered provider, with a
 * link to its dossier), Rules (findings by rule) and Unrostered (NPIs billing without being on the
 * roster). Streamed (SXSSF): the Providers sheet grows with the roster.
 */
public final class SummaryWorkbook {

    public static final List<String> SHEETS = List.of("Providers", "Rules", "Unrostered");

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

    public record UnrosteredRow(String npi, long lines, LocalDate firstService, LocalDate lastService) {
    }

    public static String fileName(String month) {
        return "credentialing-summary-" + month + ".xlsx";
    }

    public void write(String month, List<ProviderRow> providers, List<RuleRow> rules, List<UnrosteredRow> unrostered,
                      Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(month, providers, rules, unrostered, out);
        }
    }

    public void write(String month, List<ProviderRow> providers, List<RuleRow> rules, List<UnrosteredRow> unrostered,
                      OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 200);
        try {
            Styles styles = new Styles(workbook);
            String title = "Credentialing summary " + month;
            providers(new SheetWriter(workbook.createSheet(SHEETS.get(0)), styles, title), month, providers);
            rules(new SheetWriter(workbook.createSheet(SHEETS.get(1)), styles, title), month, rules);
            unrostered(new SheetWriter(workbook.createSheet(SHEETS.get(2)), styles, title), month, unrostered);
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void providers(SheetWriter sheet, String month, List<ProviderRow> rows) {
        sheet.title("Providers credentialed for " + month + " (" + rows.size() + ")");
        sheet.tableHeader("NPI", "Name", "Credential", "Lines", "Coding accuracy", "Errors", "Warnings", "Verdict",
                "Reasons", "Unsupported specialties", "Dossier");
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
        }
        sheet.finish();
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
