package org.codecred.dossier;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.Severity;
import org.codecred.domain.Verdict;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything one provider's workbook shows, assembled from the staging tables of the month. Any
 * part may be empty (a step that found nothing, or has not run): the workbook then says so.
 *
 * @param decision  the verdict of decideVerdicts, or null when no verdict was decided
 * @param generated when the month's run started (the same on a resumed run, so cells do not change)
 * @param history   what the previous completed month says (Status, Previous verdict); NONE without history
 */
public record Dossier(
        String month,
        Provider provider,
        Decision decision,
        List<CredentialCheck> checks,
        List<Metric> metrics,
        List<Alignment> alignments,
        List<Finding> findings,
        List<ClaimLine> lines,
        LocalDateTime generated,
        DossierHistory history) {

    /** A dossier without history of earlier months: every finding NEW. */
    public Dossier(String month, Provider provider, Decision decision, List<CredentialCheck> checks, List<Metric> metrics,
                   List<Alignment> alignments, List<Finding> findings, List<ClaimLine> lines, LocalDateTime generated) {
        this(month, provider, decision, checks, metrics, alignments, findings, lines, generated, DossierHistory.NONE);
    }

    public Dossier {
        checks = List.copyOf(checks);
        metrics = List.copyOf(metrics);
        alignments = List.copyOf(alignments);
        findings = List.copyOf(findings);
        lines = List.copyOf(lines);
        history = history == null ? DossierHistory.NONE : history;
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * A row of codecred.provider_verdict.
     *
     * @param codingAccuracy share of lines without a coding error, 0..1; null when not computed
     */
    public record Decision(Verdict verdict, String reasons, int lines, int codingErrors, Double codingAccuracy,
                           int errors, int warnings, int infos) {
    }

    /** A row of codecred.credential_check: result is PASS, FAIL, WARN or NOT CHECKED. */
    public record CredentialCheck(int seq, String name, String result, String detail, String source,
                                  LocalDate sourceDate) {
    }

    /** A row of codecred.provider_metric: a coding metric with its peer comparison (nulls allowed). */
    public record Metric(String id, Double value, String peerGroup, Integer peerSize, Double peerMedian,
                         Double peerThreshold) {

        /** Shares and rates are fractions shown as percentages; other metrics are plain numbers. */
        public boolean isShare() {
            String lower = id.toLowerCase(java.util.Locale.ROOT);
            return lower.contains("share") || lower.contains("rate") || lower.contains("pct") || lower.contains("ratio");
        }

        public boolean aboveThreshold() {
            return value != null && peerThreshold != null && value > peerThreshold;
        }
    }

    /**
     * A row of codecred.specialty_alignment. outcome: SUPPORTED, WEAK, UNSUPPORTED, INSUFFICIENT-DATA, UNDECLARED.
     * Shares and thresholds are fractions 0..1.
     */
    public record Alignment(String specialty, boolean claimed, String evidence, Double evidenceShare,
                            Double supportedAt, Double weakAt, String outcome) {
    }
}
