package org.codecred.dossier;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.domain.Provider;
import org.codecred.verdict.ProviderVerdict;
import org.codecred.domain.RuleId;
import org.codecred.domain.Severity;
import org.codecred.domain.Verdict;
import org.codecred.history.MonthHistory;
import org.codecred.history.VerdictChange;
import org.codecred.dossier.Styles.Fill;
import org.codecred.staging.RejectedRow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The month's credentialing-summary-YYYY-MM.xlsx, laid out for triage: Overview (counts by verdict
 * and the run's counts), Providers (HOLD first, then REVIEW, CLEAR, each by NPI, with the reasons
 * in words, the previous verdict and a Committee decision drop-down), Rules (findings by rule),
 * Unrostered, Rejected and Sources. Streamed (SXSSF): the Providers sheet grows with the roster.
 */
public final class SummaryWorkbook {

    public static final List<String> SHEETS = List.of("Overview", "Providers", "New since last month", "Rules", "Unrostered",
            "Rejected", "Sources");

    /** Most characters of a rejected row's raw text shown in the workbook (rejected.csv has it all). */
    static final int RAW_SHOWN = 240;

    /**
     * One provider's row.
     *
     * @param decision    null when no verdict was decided
     * @param unsupported claimed specialties found unsupported, "; "-separated; null when none were assessed
     */
    public record ProviderRow(Provider provider, ProviderVerdict decision, long lines, long errors, long warnings,
                              String unsupported) {
    }

    /** One rule at one severity (its findings' own), or its catalog severity when it did not fire. */
    public record RuleRow(RuleId rule, Severity severity, long findings, long providers) {
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

    /** The run's own counts for the Overview. */
    public record RunCounts(long linesRead, long linesAccepted, long linesRejected, long rosterRowsRejected,
                            long unrosteredNpis) {
    }

    /** Everything the workbook shows besides the providers. */
    public record MonthFacts(RunCounts counts, List<RejectedRow> rejected, RunFacts run,
                             MonthHistory.Comparison comparison, List<NewSinceRow> newSince) {

        public MonthFacts(RunCounts counts, List<RejectedRow> rejected, RunFacts run) {
            this(counts, rejected, run, NO_HISTORY, List.of());
        }

        public static MonthFacts none(LocalDateTime started) {
            return new MonthFacts(null, List.of(), RunFacts.unknown(started));
        }
    }

    private static final MonthHistory.Comparison NO_HISTORY = new MonthHistory.Comparison(null, Map.of(), Map.of());

    public static String fileName(YearMonth month) {
        return "credentialing-summary-" + month + ".xlsx";
    }

    /** Triage order: HOLD, REVIEW, CLEAR, then providers without a verdict; NPI within each. */
    static final Comparator<ProviderRow> TRIAGE = Comparator
            .comparingInt((ProviderRow r) -> r.decision() == null ? Verdict.values().length : r.decision().verdict().ordinal())
            .thenComparing(r -> r.provider().npi());

    public void write(YearMonth month, List<ProviderRow> providers, List<RuleRow> rules, List<UnrosteredRow> unrostered,
                      Path file) throws IOException {
        write(month, providers, rules, unrostered, MonthFacts.none(null), file);
    }

    public void write(YearMonth month, List<ProviderRow> providers, List<RuleRow> rules, List<UnrosteredRow> unrostered,
                      MonthFacts facts, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(month, providers, rules, unrostered, facts, out);
        }
    }

    public void write(YearMonth month, List<ProviderRow> providers, List<RuleRow> rules, List<UnrosteredRow> unrostered,
                      MonthFacts facts, OutputStream out) throws IOException {
        XSSFWorkbook xssf = new XSSFWorkbook();
        DossierWorkbook.describe(xssf, "Credentialing summary " + month, "Credentialing summary for committee triage",
                facts.run().started());
        SXSSFWorkbook workbook = new SXSSFWorkbook(xssf, 200);
        try {
            Styles styles = new Styles(workbook);
            String title = "Credentialing summary " + month;
            DossierWorkbook.Sheets sheets = new DossierWorkbook.Sheets(styles, title,
                    DossierWorkbook.utc(facts.run().started()));
            List<ProviderRow> sorted = new ArrayList<>(providers);
            sorted.sort(TRIAGE);
            overview(sheets.of(workbook.createSheet(SHEETS.get(0))), month, sorted, facts.counts());
            providers(sheets.of(workbook.createSheet(SHEETS.get(1))), month, sorted, facts.comparison());
            newSince(sheets.of(workbook.createSheet(SHEETS.get(2))), month, facts.comparison(), facts.newSince());
            rules(sheets.of(workbook.createSheet(SHEETS.get(3))), month, rules);
            unrostered(sheets.of(workbook.createSheet(SHEETS.get(4))), month, unrostered);
            rejected(sheets.of(workbook.createSheet(SHEETS.get(5))), month, facts.rejected());
            DossierWorkbook.sources(sheets.of(workbook.createSheet(SHEETS.get(6))), facts.run());
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void overview(SheetWriter sheet, YearMonth month, List<ProviderRow> rows, RunCounts counts) {
        sheet.sheet().setDisplayGridlines(false);
        sheet.budget(600);
        sheet.fillToBudget();
        sheet.title("Credentialing summary " + month + ": " + rows.size() + " providers");
        sheet.skipRows(1);
        sheet.heading("Providers by verdict");
        sheet.header("Verdict", "Providers", "What it asks of the committee");
        Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
        long undecided = 0;
        for (ProviderRow row : rows) {
            if (row.decision() == null) {
                undecided++;
            } else {
                byVerdict.merge(row.decision().verdict(), 1L, Long::sum);
            }
        }
        for (Verdict verdict : Verdict.values()) {
            sheet.row().text(DecisionWords.symbol(verdict) + " " + verdict.name(), DossierWorkbook.verdictFill(verdict))
                    .integer(byVerdict.getOrDefault(verdict, 0L)).text(DecisionWords.action(verdict));
        }
        if (undecided > 0) {
            sheet.row().text(DossierWorkbook.NOT_DECIDED, Fill.MUTED).integer(undecided).text("the run did not decide a verdict");
        }
        sheet.row().label("All providers").integer(rows.size());
        sheet.skipRows(1);
        sheet.heading("The run");
        if (counts == null) {
            sheet.row().label("Counts").text("not recorded");
        } else {
            sheet.row().label("Claim lines read").integer(counts.linesRead());
            sheet.row().label("Claim lines accepted").integer(counts.linesAccepted());
            sheet.row().label("Claim lines rejected").integer(counts.linesRejected()).text("see the Rejected sheet");
            sheet.row().label("Unrostered NPIs").integer(counts.unrosteredNpis()).text("see the Unrostered sheet");
            sheet.row().label("Roster rows rejected").integer(counts.rosterRowsRejected()).text("see the Rejected sheet");
        }
        sheet.finish();
    }

    private static void providers(SheetWriter sheet, YearMonth month, List<ProviderRow> rows,
                                  MonthHistory.Comparison comparison) {
        sheet.sheet().setDisplayGridlines(false);
        sheet.title("Providers credentialed for " + month + " (" + rows.size() + "), HOLD first"
                + (comparison.hasHistory() ? ", compared with " + comparison.previousMonth() : ", no earlier completed month"));
        int header = sheet.tableHeader("Verdict", "NPI", "Name", "Credential", "Reasons", "Previous verdict", "Lines",
                "Coding accuracy", "Errors", "Warnings", "Unsupported specialties", "Committee decision", "Dossier",
                "Change");
        sheet.cap(4, 48);
        sheet.atLeast(11, 14);
        for (ProviderRow row : rows) {
            Provider p = row.provider();
            ProviderVerdict d = row.decision();
            String file = DossierFileName.of(p.npi(), p.lastName());
            SheetWriter.RowWriter out = sheet.row();
            if (d == null) {
                out.text(DossierWorkbook.NOT_DECIDED, Fill.MUTED).text(p.npi()).text(p.displayName()).text(p.credential())
                        .text("");
            } else {
                out.text(DecisionWords.symbol(d.verdict()) + " " + d.verdict().name(), DossierWorkbook.verdictFill(d.verdict()))
                        .text(p.npi()).text(p.displayName()).text(p.credential())
                        .text(String.join("; ", DecisionWords.reasons(d.reasons())));
            }
            Verdict previous = comparison.previousVerdict(p.npi());
            out.text(previous != null ? previous.name()
                    : comparison.hasHistory() ? "not on the roster in " + comparison.previousMonth() : "none")
                    .integer(row.lines());
            if (d == null || d.codingAccuracy() == null) {
                out.text(d == null ? DossierWorkbook.NOT_DECIDED : "no lines");
            } else {
                out.percent(d.codingAccuracy());
            }
            out.integer(row.errors()).integer(row.warnings())
                    .text(row.unsupported() == null ? DossierWorkbook.NOT_ASSESSED
                            : row.unsupported().isEmpty() ? "none" : row.unsupported())
                    .cell("", Styles.Kind.INPUT)
                    .link(file, "dossiers/" + file);
            VerdictChange change = comparison.change(p.npi(), d == null ? null : d.verdict());
            out.text(change.marker(), change == VerdictChange.WORSE ? Fill.WARNING : Fill.NONE);
        }
        sheet.finish();
        if (!rows.isEmpty()) {
            DossierWorkbook.dropDown(sheet.sheet(), DossierWorkbook.DECISIONS, header + 1, header + rows.size(), 11, 11);
        }
    }

    /** Providers newly HOLD or newly excluded since the previous completed month. */
    private static void newSince(SheetWriter sheet, YearMonth month, MonthHistory.Comparison comparison,
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

    private static void rules(SheetWriter sheet, YearMonth month, List<RuleRow> rows) {
        sheet.title("Findings by rule, " + month);
        sheet.tableHeader("Rule", "Severity", "Area", "Findings", "Providers");
        for (RuleRow row : rows) {
            RuleId rule = row.rule();
            // the step that finds it (RuleId's stage): credential rules added later in the catalog stay credentials
            String area = rule.stage().name().toLowerCase(java.util.Locale.ROOT);
            // the findings' own severity: a rule capped by an UNVERIFIED value has a WARNING row of its own
            sheet.row().fill(row.findings() == 0 ? Fill.NONE : DossierWorkbook.severityFill(row.severity()))
                    .text(rule.id()).text(row.severity().name()).text(area).integer(row.findings()).integer(row.providers());
        }
        sheet.finish();
    }

    private static void unrostered(SheetWriter sheet, YearMonth month, List<UnrosteredRow> rows) {
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

    private static void rejected(SheetWriter sheet, YearMonth month, List<RejectedRow> rows) {
        sheet.title("Input rows rejected in " + month + " (" + rows.size() + "); the full rows are in rejected.csv");
        sheet.tableHeader("File", "Line", "Reason", "Row as read (member id masked)");
        sheet.cap(2, 50);
        sheet.cap(3, 50);
        if (rows.isEmpty()) {
            sheet.row().text("none");
        }
        for (RejectedRow row : rows) {
            String raw = row.raw().length() > RAW_SHOWN ? row.raw().substring(0, RAW_SHOWN) + "… (cut; see rejected.csv)"
                    : row.raw();
            sheet.row().text(row.file()).lineNo(row.lineNumber()).wrap(row.reason()).wrap(raw);
        }
        sheet.finish();
    }
}
