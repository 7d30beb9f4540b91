package org.codecred.history;

import org.codecred.domain.Verdict;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a month's outputs read from history. Every question is asked relative to the month being
 * written and looks only at completed months before it, so months may run in any order: running
 * 2026-05 after 2026-10 compares 2026-05 with the latest completed month before 2026-05.
 */
public final class MonthHistory {

    /** Months the dossier's History sheet shows: this month and up to eleven before it. */
    public static final int SHEET_MONTHS = 12;

    private final HistoryTables tables;
    /**
     * The completed months before each month asked about, read once per run: every dossier of the
     * month then compares with the same months, even when another process completes a month meanwhile.
     */
    private final Map<YearMonth, List<YearMonth>> earlierMonths = new ConcurrentHashMap<>();

    public MonthHistory(HistoryTables tables) {
        this.tables = tables;
    }

    public Optional<YearMonth> previousMonth(YearMonth month) {
        return tables.runs.latestBefore(month);
    }

    /** The month-wide comparison the summary workbook needs. */
    public Comparison compare(YearMonth month) {
        Optional<YearMonth> previous = previousMonth(month);
        if (previous.isEmpty()) {
            return new Comparison(null, Map.of(), Map.of());
        }
        YearMonth prev = previous.get();
        return new Comparison(previous.get(), tables.providers.verdicts(prev), tables.rules.rulesByProvider(prev));
    }

    /** One provider's history as its dossier shows it. */
    public ProviderHistory ofProvider(YearMonth month, String npi) {
        List<YearMonth> earlier = earlierMonths.computeIfAbsent(month, m -> tables.runs.before(m, SHEET_MONTHS - 1));
        if (earlier.isEmpty()) {
            return ProviderHistory.NONE;
        }
        YearMonth previous = earlier.get(0);
        YearMonth from = earlier.get(earlier.size() - 1);
        List<ProviderHistoryTable.ProviderMonth> rows = tables.providers.ofProvider(npi, from, month);
        Map<YearMonth, Map<String, Double>> metrics = tables.metrics.ofProvider(npi, from, month);
        Verdict previousVerdict = null;
        List<ProviderHistory.PastMonth> months = new ArrayList<>();
        for (ProviderHistoryTable.ProviderMonth row : rows) {
            YearMonth m = row.month();
            if (m.equals(previous)) {
                previousVerdict = row.verdict();
            }
            months.add(new ProviderHistory.PastMonth(m, row.verdict(), row.lines(), row.codingAccuracy(), row.errors(),
                    row.warnings(), row.infos(), metrics.getOrDefault(row.month(), new HashMap<>())));
        }
        Set<String> previousRules = tables.rules.rulesOf(previous, npi);
        return new ProviderHistory(previous, previousVerdict, previousRules, months);
    }

    /**
     * {@link #ofProvider} for several providers at once, by NPI (every NPI asked for has an entry): a
     * query per earlier month and table for them all, each found by the month's key, where a query
     * per provider and table would be three per provider. The months are the completed ones, and a
     * completed month's rows are written in the same transaction as its run row, so reading the
     * months one by one finds the rows {@link #ofProvider}'s month range finds.
     */
    public Map<String, ProviderHistory> ofProviders(YearMonth month, Collection<String> npis) {
        List<YearMonth> earlier = earlierMonths.computeIfAbsent(month, m -> tables.runs.before(m, SHEET_MONTHS - 1));
        Map<String, ProviderHistory> histories = new HashMap<>();
        if (earlier.isEmpty() || npis.isEmpty()) {
            npis.forEach(npi -> histories.put(npi, ProviderHistory.NONE));
            return histories;
        }
        YearMonth previous = earlier.get(0);
        Map<String, List<ProviderHistory.PastMonth>> months = new HashMap<>();
        Map<String, Verdict> previousVerdicts = new HashMap<>();
        for (int i = earlier.size() - 1; i >= 0; i--) { // oldest first, as ofProvider lists them
            YearMonth m = earlier.get(i);
            Map<String, ProviderHistoryTable.ProviderMonth> rows = tables.providers.ofMonth(m, npis);
            Map<String, Map<String, Double>> metrics = tables.metrics.ofProviders(m, npis);
            for (String npi : npis) {
                ProviderHistoryTable.ProviderMonth row = rows.get(npi);
                if (row == null) {
                    continue;
                }
                if (m.equals(previous)) {
                    previousVerdicts.put(npi, row.verdict());
                }
                months.computeIfAbsent(npi, k -> new ArrayList<>()).add(new ProviderHistory.PastMonth(m, row.verdict(),
                        row.lines(), row.codingAccuracy(), row.errors(), row.warnings(), row.infos(),
                        metrics.getOrDefault(npi, new HashMap<>())));
            }
        }
        Map<String, Set<String>> previousRules = tables.rules.rulesOf(previous, npis);
        for (String npi : npis) {
            histories.put(npi, new ProviderHistory(previous, previousVerdicts.get(npi),
                    previousRules.getOrDefault(npi, Set.of()), months.getOrDefault(npi, List.of())));
        }
        return histories;
    }

    /**
     * The latest completed month before this one (null when none), every provider's verdict in it,
     * and the rule ids that fired per provider in it.
     */
    public record Comparison(YearMonth previousMonth, Map<String, Verdict> previousVerdicts,
                             Map<String, Set<String>> previousRules) {

        public boolean hasHistory() {
            return previousMonth != null;
        }

        public Verdict previousVerdict(String npi) {
            return previousVerdicts.get(npi);
        }

        public VerdictChange change(String npi, Verdict current) {
            return VerdictChange.of(hasHistory(), previousVerdicts.get(npi), current);
        }

        public FindingStatus statusOf(String npi, String ruleId) {
            return previousRules.getOrDefault(npi, Set.of()).contains(ruleId) ? FindingStatus.REPEAT : FindingStatus.NEW;
        }
    }
}
