package org.codecred.dossier;

import org.codecred.alignment.AlignmentOutcome;
import org.codecred.alignment.AlignmentRow;
import org.codecred.alignment.MetricTable;
import org.codecred.alignment.ProviderMetric;
import org.codecred.alignment.SpecialtyAlignmentTable;
import org.codecred.credentials.CredentialCheck;
import org.codecred.credentials.CredentialCheckTable;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.Severity;
import org.codecred.history.MonthHistory;
import org.codecred.history.ProviderHistory;
import org.codecred.ingest.RosterRowParser;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RejectedRow;
import org.codecred.staging.RenderingNpiTable;
import org.codecred.verdict.ProviderVerdict;
import org.codecred.verdict.VerdictTable;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the workbooks show, composing the read methods of the tables' owners: one provider's
 * {@link Dossier}, and the month-wide figures of the summary workbook. No SQL of its own: a new
 * sheet adds a read method to the owner of the table it shows and one line here.
 */
public final class DossierLoader {

    private final ClaimLineTable lines;
    private final RenderingNpiTable renderingNpis;
    private final ProviderTable providers;
    private final FindingTable findings;
    private final CredentialCheckTable checks;
    private final MetricTable metrics;
    private final SpecialtyAlignmentTable alignments;
    private final VerdictTable verdicts;
    private final MonthHistory history;
    private final RejectTable rejects;

    public DossierLoader(ClaimLineTable lines, RenderingNpiTable renderingNpis, ProviderTable providers, FindingTable findings, CredentialCheckTable checks,
                         MetricTable metrics, SpecialtyAlignmentTable alignments, VerdictTable verdicts,
                         MonthHistory history, RejectTable rejects) {
        this.rejects = rejects;
        this.lines = lines;
        this.renderingNpis = renderingNpis;
        this.providers = providers;
        this.findings = findings;
        this.checks = checks;
        this.metrics = metrics;
        this.alignments = alignments;
        this.verdicts = verdicts;
        this.history = history;
    }

    /** One provider's dossier (a slice of one: a step writing many reads them {@link #SLICE} at a time). */
    public Dossier load(YearMonth month, Provider provider, LocalDateTime generated) {
        return slice(month, List.of(provider.npi())).take(provider, generated);
    }

    /**
     * The dossiers of the given providers (each once), in their order, read {@link #SLICE} providers
     * at a time: one slice's rows are held at once, however many providers are asked for.
     */
    public void forEach(YearMonth month, List<Provider> providers, LocalDateTime generated, Consumer<Dossier> sink) {
        forEach(month, providers, generated, sink, this::slice);
    }

    private static void forEach(YearMonth month, List<Provider> providers, LocalDateTime generated, Consumer<Dossier> sink,
                                BiFunction<YearMonth, List<String>, Slice> reader) {
        for (int from = 0; from < providers.size(); from += SLICE) {
            List<Provider> part = providers.subList(from, Math.min(providers.size(), from + SLICE));
            Slice slice = reader.apply(month, part.stream().map(Provider::npi).toList());
            part.forEach(p -> sink.accept(slice.take(p, generated)));
        }
    }

    /**
     * Providers per read: each table's rows of this many providers come in one query. The rows of a
     * slice are few (a hundred claim lines and a few dozen other rows per provider), and the staging
     * engine, which keeps no index, scans the month's lines once per slice.
     */
    public static final int SLICE = 256;

    /**
     * The slice a step going through the roster in NPI order reads next: the roster's providers from
     * {@code npi} on (itself always, even when not on the roster), up to {@link #SLICE} of them and
     * none past {@code toNpi} (the end of the step's NPI range; null for none).
     */
    public Slice sliceFrom(YearMonth month, String npi, String toNpi) {
        List<String> next = new ArrayList<>(providers.npisFrom(month, npi, SLICE).stream()
                .filter(n -> toNpi == null || n.compareTo(toNpi) <= 0).toList());
        if (!next.contains(npi)) {
            next.add(npi); // not on the roster: asked for all the same
        }
        return slice(month, next);
    }

    /** Everything the dossiers of these providers show, read with one query per table. */
    public Slice slice(YearMonth month, List<String> npis) {
        return new Slice(month, new HashSet<>(npis), verdicts.ofProviders(month, npis), checks.ofProviders(month, npis),
                metrics.ofProviders(month, npis), alignments.ofProviders(month, npis), findings.ofProviders(month, npis),
                linesOf(month, npis), history.ofProviders(month, npis), rejectedByNpi(month));
    }

    /**
     * {@link #slice} for providers scattered over the roster (the summary's docket, a few in a
     * hundred): each table's rows one provider at a time, by index, where a slice's NPI range would
     * read the rows of every provider between its first and last; the claim lines of them all still
     * in one query, as the staging engine scans the month's lines once per query.
     */
    Slice scattered(YearMonth month, List<String> npis) {
        Map<String, ProviderVerdict> decided = new HashMap<>();
        Map<String, List<CredentialCheck>> checked = new HashMap<>();
        Map<String, List<ProviderMetric>> measured = metrics.ofScatteredProviders(month, npis);
        Map<String, List<AlignmentRow>> aligned = new HashMap<>();
        Map<String, List<Finding>> found = new HashMap<>();
        Map<String, ProviderHistory> histories = new HashMap<>();
        for (String npi : npis) {
            verdicts.find(month, npi).ifPresent(v -> decided.put(npi, v));
            checked.put(npi, checks.ofProvider(month, npi));
            aligned.put(npi, alignments.ofProvider(month, npi));
            found.put(npi, findings.ofProvider(month, npi));
            histories.put(npi, history.ofProvider(month, npi));
        }
        return new Slice(month, new HashSet<>(npis), decided, checked, measured, aligned, found, linesOf(month, npis),
                histories, rejectedByNpi(month));
    }

    private Map<String, List<ClaimLine>> linesOf(YearMonth month, List<String> npis) {
        if (lines.inStagingEngine()) {
            return lines.ofProviders(month, npis);
        }
        // HSQLDB and PostgreSQL find one provider's lines by index
        Map<String, List<ClaimLine>> byNpi = new HashMap<>();
        npis.forEach(npi -> byNpi.put(npi, lines.ofProvider(month, npi)));
        return byNpi;
    }

    /**
     * The rows of a slice of providers, by NPI, each provider's in the order its dossier shows them.
     * Each dossier is taken once: its rows leave the slice with it.
     */
    public static final class Slice {
        private final YearMonth month;
        private final Set<String> npis;
        private final Map<String, ProviderVerdict> verdicts;
        private final Map<String, List<CredentialCheck>> checks;
        private final Map<String, List<ProviderMetric>> metrics;
        private final Map<String, List<AlignmentRow>> alignments;
        private final Map<String, List<Finding>> findings;
        private final Map<String, List<ClaimLine>> lines;
        private final Map<String, ProviderHistory> history;
        private final Map<String, List<RejectedRow>> rejected;

        private Slice(YearMonth month, Set<String> npis, Map<String, ProviderVerdict> verdicts,
                      Map<String, List<CredentialCheck>> checks, Map<String, List<ProviderMetric>> metrics,
                      Map<String, List<AlignmentRow>> alignments, Map<String, List<Finding>> findings,
                      Map<String, List<ClaimLine>> lines, Map<String, ProviderHistory> history,
                      Map<String, List<RejectedRow>> rejected) {
            this.month = month;
            this.npis = npis;
            this.verdicts = verdicts;
            this.checks = checks;
            this.metrics = metrics;
            this.alignments = alignments;
            this.findings = findings;
            this.lines = lines;
            this.history = history;
            this.rejected = rejected;
        }

        /** Whether the provider's dossier is in the slice, not yet taken. */
        public boolean holds(YearMonth month, String npi) {
            return this.month.equals(month) && npis.contains(npi);
        }

        /** The provider's dossier; its rows leave the slice. */
        public Dossier take(Provider provider, LocalDateTime generated) {
            String npi = provider.npi();
            if (!npis.remove(npi)) {
                throw new IllegalStateException("provider " + npi + " is not in this slice of dossiers");
            }
            return new Dossier(month, provider, verdicts.remove(npi), orEmpty(checks.remove(npi)),
                    orEmpty(metrics.remove(npi)), orEmpty(alignments.remove(npi)), orEmpty(findings.remove(npi)),
                    orEmpty(lines.remove(npi)), generated, history.remove(npi), rejected.getOrDefault(npi, List.of()));
        }

        private static <T> List<T> orEmpty(List<T> rows) {
            return rows == null ? List.of() : rows;
        }
    }

    private YearMonth rejectedMonth;
    private Map<String, List<RejectedRow>> rejectedByNpi = Map.of();

    /**
     * The month's rejected rows by the NPIs they name (a whole field of ten digits in the masked raw
     * row: NPIs stay readable there), read once per month and shared by the partition threads.
     */
    private synchronized Map<String, List<RejectedRow>> rejectedByNpi(YearMonth month) {
        if (!month.equals(rejectedMonth)) {
            Map<String, List<RejectedRow>> byNpi = new HashMap<>();
            rejects.forEachInOrder(month, row -> {
                for (String npi : npisIn(row.raw())) {
                    byNpi.computeIfAbsent(npi, k -> new ArrayList<>()).add(row);
                }
            });
            rejectedByNpi = byNpi;
            rejectedMonth = month;
        }
        return rejectedByNpi;
    }

    private static final Pattern NPI_FIELD = Pattern.compile("(?<![\\w*])\\d{10}(?!\\w)");

    static Set<String> npisIn(String raw) {
        Set<String> npis = new TreeSet<>();
        Matcher m = NPI_FIELD.matcher(raw == null ? "" : raw);
        while (m.find()) {
            npis.add(m.group());
        }
        return npis;
    }

    // month-wide figures for the summary workbook

    /** Every rostered provider's row of the Providers sheet, in NPI order. */
    public List<SummaryWorkbook.ProviderRow> providerRows(YearMonth month, List<Provider> roster) {
        Map<String, ProviderVerdict> decisions = verdicts.allByNpi(month);
        Map<String, Map<Severity, Long>> severities = findings.severityCountsByProvider(month);
        Map<String, List<String>> unsupported = new HashMap<>();
        Set<String> assessed = new HashSet<>();
        alignments.forEachInOrder(month, a -> {
            assessed.add(a.npi());
            if (a.claimed() && a.outcome() == AlignmentOutcome.UNSUPPORTED) {
                unsupported.computeIfAbsent(a.npi(), k -> new ArrayList<>()).add(a.specialty());
            }
        });
        List<SummaryWorkbook.ProviderRow> rows = new ArrayList<>(roster.size());
        for (Provider p : roster) {
            Map<Severity, Long> counts = severities.getOrDefault(p.npi(), FindingTable.zeroCounts());
            ProviderVerdict decision = decisions.get(p.npi());
            // lines come with the verdict (decideVerdicts counts them): no second pass over the month's lines
            rows.add(new SummaryWorkbook.ProviderRow(p, decision, decision == null ? 0L : decision.lines(),
                    counts.get(Severity.ERROR), counts.get(Severity.WARNING),
                    assessed.contains(p.npi()) ? String.join("; ", unsupported.getOrDefault(p.npi(), List.of())) : null));
        }
        return rows;
    }

    /** Findings of the month by rule: every catalog rule, in catalog order, with zero counts kept. */
    public List<SummaryWorkbook.RuleRow> ruleRows(YearMonth month) {
        return findings.countByRule(month).stream()
                .map(c -> new SummaryWorkbook.RuleRow(c.rule(), c.severity(), c.findings(), c.providers())).toList();
    }

    /** The rules that fired per provider this month. */
    public Map<String, Set<String>> rulesByProvider(YearMonth month) {
        return findings.rulesByProvider(month, "");
    }

    /**
     * What each Docket provider's dossier adds to its row: the charges billed while not allowed and
     * what to verify before acting. The docket is a few providers scattered over the roster: their
     * rows are read one provider at a time, their claim lines a slice at a time.
     */
    public Map<String, SummaryMonth.DocketFacts> docketFacts(YearMonth month, List<Provider> docket, LocalDateTime generated) {
        Map<String, SummaryMonth.DocketFacts> facts = new HashMap<>();
        forEach(month, docket, generated, dossier -> {
            Provider p = dossier.provider();
            BigDecimal billed = DecisionWords.billedWhileNotAllowed(
                    DecisionWords.cutoffs(p, dossier.findings()), dossier.lines());
            facts.put(p.npi(), new SummaryMonth.DocketFacts(billed,
                    dossier.decision() == null ? List.of() : SummarySheet.verifyNotes(dossier)));
        }, this::scattered);
        return facts;
    }

    /** Rendering NPIs that bill in the month's claims without being on its roster, in NPI order. */
    public List<SummaryWorkbook.UnrosteredRow> unrostered(YearMonth month) {
        return renderingNpis.unrostered(month, providers.npis(month)).stream()
                .map(a -> new SummaryWorkbook.UnrosteredRow(a.npi(), a.lines(), a.firstDate(), a.lastDate())).toList();
    }

    /** The run's counts for the summary's Overview (the same figures as run-summary.json). */
    public SummaryWorkbook.RunCounts runCounts(YearMonth month, long unrosteredNpis) {
        long accepted = lines.count(month);
        long roster = rejects.count(month, RosterRowParser.FILE);
        long rejected = rejects.count(month, "%") - roster;
        return new SummaryWorkbook.RunCounts(accepted + rejected, accepted, rejected, roster, unrosteredNpis);
    }

    /** The month's rejected input rows, in file and line order. */
    public List<RejectedRow> rejected(YearMonth month) {
        List<RejectedRow> rows = new ArrayList<>();
        rejects.forEachInOrder(month, rows::add);
        return rows;
    }
}
