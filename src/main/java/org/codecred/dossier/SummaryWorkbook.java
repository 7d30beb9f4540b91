package org.codecred.dossier;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.domain.Severity;
import org.codecred.domain.Verdict;
import org.codecred.history.MonthHistory;
import org.codecred.staging.RejectedRow;
import org.codecred.verdict.ProviderVerdict;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The month's credentialing-summary-YYYY-MM.xlsx, the committee packet: Docket (the providers to
 * decide, with decision boxes to sign), Overview (counts by verdict, this and last month, and the
 * run's counts), Providers (HOLD first, then REVIEW, CLEAR, each by NPI, with the reasons in words,
 * the previous verdict and a Committee decision drop-down), Changes since last month, Renewals
 * due, Rules (findings by rule), Unrostered, Rejected and Sources; one {@link MonthSheet} per sheet. The sheets that grow with
 * the month (Providers, Rejected) are streamed (SXSSF).
 */
public final class SummaryWorkbook {

    /** The sheets in the contract's order: a new sheet is one class and one line here. */
    static final List<MonthSheet> SHEET_WRITERS = List.of(
            new DocketSheet(),
            new OverviewSheet(),
            new ProvidersSheet(),
            new ChangesSheet(),
            new RenewalsSheet(),
            new RulesSheet(),
            new UnrosteredSheet(),
            new RejectedSheet(),
            new SourcesSheet());

    /** The sheet names in the contract's order. */
    public static final List<String> SHEETS = SHEET_WRITERS.stream().map(WorkbookSheet::name).toList();

    private final DossierWorkbook.Engine engine;

    public SummaryWorkbook() {
        this(DossierWorkbook.Engine.HYBRID);
    }

    public SummaryWorkbook(DossierWorkbook.Engine engine) {
        this.engine = engine;
    }

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

    public record UnrosteredRow(String npi, long lines, LocalDate firstService, LocalDate lastService) {
    }

    /** The run's own counts for the Overview. */
    public record RunCounts(long linesRead, long linesAccepted, long linesRejected, long rosterRowsRejected,
                            long unrosteredNpis) {
    }

    /** Everything the workbook shows besides the providers. */
    public record MonthFacts(RunCounts counts, List<RejectedRow> rejected, RunFacts run,
                             MonthHistory.Comparison comparison) {

        public MonthFacts(RunCounts counts, List<RejectedRow> rejected, RunFacts run) {
            this(counts, rejected, run, NO_HISTORY);
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
        List<ProviderRow> sorted = new ArrayList<>(providers);
        sorted.sort(TRIAGE);
        write(new SummaryMonth(month, sorted, rules, unrostered, facts, Map.of(), Map.of()), out);
    }

    /** Writes the workbook; the providers are put in triage order whatever their order in {@code summary}. */
    public void write(SummaryMonth summary, OutputStream out) throws IOException {
        List<ProviderRow> sorted = new ArrayList<>(summary.providers());
        sorted.sort(TRIAGE);
        SummaryMonth month = new SummaryMonth(summary.month(), sorted, summary.rules(), summary.unrostered(),
                summary.facts(), summary.rulesNow(), summary.docket());
        XSSFWorkbook xssf = new XSSFWorkbook();
        String title = "Credentialing summary " + month.month();
        Workbooks.describe(xssf, title, "Credentialing summary for committee triage", month.facts().run().started());
        Workbooks.Frame frame = new Workbooks.Frame(new Styles(xssf), title, Workbooks.utc(month.facts().run().started()));
        Workbooks.write(xssf, frame, SHEET_WRITERS, sheet -> engine.streams(sheet.volume(), 0, 0),
                (sheet, writer) -> sheet.write(writer, month), out);
    }

    public void write(SummaryMonth summary, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(summary, out);
        }
    }
}
