package org.codecred.dossier;

import org.codecred.alignment.AlignmentOutcome;
import org.codecred.alignment.MetricTable;
import org.codecred.alignment.SpecialtyAlignmentTable;
import org.codecred.credentials.CredentialCheckTable;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.Provider;
import org.codecred.domain.Severity;
import org.codecred.history.MonthHistory;
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

    public Dossier load(YearMonth month, Provider provider, LocalDateTime generated) {
        String npi = provider.npi();
        return new Dossier(month, provider, verdicts.find(month, npi).orElse(null), checks.ofProvider(month, npi),
                metrics.ofProvider(month, npi), alignments.ofProvider(month, npi), findings.ofProvider(month, npi),
                linesOf(month, npi, generated), generated, history.ofProvider(month, npi),
                rejectedByNpi(month).getOrDefault(npi, List.of()));
    }

    /**
     * Providers are asked for in NPI order (each partition of writeDossiers reads its NPI range in
     * order; the report goes through the roster in order). The staging engine has no index to look
     * one provider's lines up by, so a query per provider would scan the month's lines ten thousand
     * times; the lines of the next {@link #SLICE} providers are read in one query instead, per thread.
     * The slice belongs to one run ({@code generated}): a later run of the month reads anew.
     */
    static final int SLICE = 256;

    private record LineSlice(YearMonth month, LocalDateTime generated, Map<String, List<ClaimLine>> byNpi) {
    }

    private final ThreadLocal<LineSlice> lineSlices = new ThreadLocal<>();

    private List<ClaimLine> linesOf(YearMonth month, String npi, LocalDateTime generated) {
        if (!lines.inStagingEngine()) {
            return lines.ofProvider(month, npi);
        }
        LineSlice slice = lineSlices.get();
        if (slice == null || !slice.month().equals(month) || !java.util.Objects.equals(slice.generated(), generated)
                || !slice.byNpi().containsKey(npi)) {
            List<String> next = new ArrayList<>(providers.npisFrom(month, npi, SLICE));
            if (!next.contains(npi)) {
                next.add(npi); // not on the roster: asked for all the same
            }
            slice = new LineSlice(month, generated, lines.ofProviders(month, next));
            lineSlices.set(slice);
        }
        List<ClaimLine> found = slice.byNpi().remove(npi);
        if (slice.byNpi().isEmpty()) {
            lineSlices.remove();
        }
        return found;
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
     * what to verify before acting. One provider's lines at a time, as the dossiers are written.
     */
    public Map<String, SummaryMonth.DocketFacts> docketFacts(YearMonth month, List<Provider> docket, LocalDateTime generated) {
        Map<String, SummaryMonth.DocketFacts> facts = new HashMap<>();
        for (Provider p : docket) {
            Dossier dossier = load(month, p, generated);
            BigDecimal billed = DecisionWords.billedWhileNotAllowed(
                    DecisionWords.cutoffs(p, dossier.findings()), dossier.lines());
            facts.put(p.npi(), new SummaryMonth.DocketFacts(billed,
                    dossier.decision() == null ? List.of() : SummarySheet.verifyNotes(dossier)));
        }
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
