package org.codecred.report;

import org.codecred.domain.Provider;
import org.codecred.domain.Verdict;
import org.codecred.dossier.DossierLoader;
import org.codecred.dossier.SummaryWorkbook;
import org.codecred.history.HistoryRunTable;
import org.codecred.history.HistoryTables;
import org.codecred.history.MonthHistory;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.staging.FindingTable;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what the report shows through the readers the workbooks use: the summary's month-wide rows
 * ({@link DossierLoader}), the comparison with the previous completed month ({@link MonthHistory})
 * and the completed months' verdicts (history). Nothing is read in a way of its own.
 */
final class ReportLoader {

    private final DossierLoader loader;
    private final MonthHistory history;
    private final HistoryTables tables;
    private final FindingTable findings;

    ReportLoader(DossierLoader loader, MonthHistory history, HistoryTables tables, FindingTable findings) {
        this.loader = loader;
        this.history = history;
        this.tables = tables;
        this.findings = findings;
    }

    MonthReport month(YearMonth month, List<Provider> roster, CredentialVocabulary credentials, LocalDateTime generated,
                      Links links) {
        List<SummaryWorkbook.ProviderRow> rows = loader.providerRows(month, roster);
        MonthHistory.Comparison comparison = history.compare(month);
        Map<String, Set<String>> rules = findings.rulesByProvider(month, "");
        List<MonthReport.Row> out = new ArrayList<>(rows.size());
        for (SummaryWorkbook.ProviderRow row : rows) {
            String npi = row.provider().npi();
            Verdict now = row.decision() == null ? null : row.decision().verdict();
            out.add(new MonthReport.Row(row.provider(), row.decision(), comparison.previousVerdict(npi),
                    comparison.change(npi, now), credentials.family(row.provider().credential()).label(),
                    rules.getOrDefault(npi, Set.of()), row.errors(), row.warnings(), row.lines()));
        }
        Map<Verdict, Long> previousCounts = new EnumMap<>(Verdict.class);
        comparison.previousVerdicts().values().forEach(v -> previousCounts.merge(v, 1L, Long::sum));
        List<MonthReport.RuleCount> fired = loader.ruleRows(month).stream().filter(r -> r.findings() > 0)
                .map(r -> new MonthReport.RuleCount(r.rule().id(), r.severity(), r.findings(), r.providers()))
                .sorted(Comparator.comparingLong(MonthReport.RuleCount::providers).reversed()
                        .thenComparing(Comparator.comparingLong(MonthReport.RuleCount::findings).reversed())
                        .thenComparing(MonthReport.RuleCount::rule))
                .toList();
        return new MonthReport(month, generated, comparison.previousMonth(), out, previousCounts,
                fired, links);
    }

    /** Every completed month in history and the month being written (its counts from this run), newest first. */
    List<MonthsIndexPage.MonthCounts> months(MonthReport current) {
        Map<YearMonth, MonthsIndexPage.MonthCounts> months = new TreeMap<>(Comparator.reverseOrder());
        for (HistoryRunTable.Run run : tables.runs.all()) {
            // the month being written has this run's counts; its old history (a --force) is replaced later
            if (run.month().equals(current.month())) {
                continue;
            }
            Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
            tables.providers.verdicts(run.month()).values()
                    .forEach(v -> counts.merge(v, 1L, Long::sum));
            months.put(run.month(), new MonthsIndexPage.MonthCounts(run.month(), counts, false));
        }
        months.put(current.month(), new MonthsIndexPage.MonthCounts(current.month(), current.counts(), true));
        return List.copyOf(months.values());
    }
}
