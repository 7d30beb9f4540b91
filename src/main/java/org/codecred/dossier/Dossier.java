package org.codecred.dossier;

import org.codecred.alignment.AlignmentRow;
import org.codecred.alignment.ProviderMetric;
import org.codecred.credentials.CredentialCheck;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.Severity;
import org.codecred.history.ProviderHistory;
import org.codecred.staging.RejectedRow;
import org.codecred.verdict.ProviderVerdict;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything one provider's workbook shows, assembled by {@link DossierLoader} from the owners'
 * rows of the month (each part is the owning table's own record). Any part may be empty (a step
 * that found nothing, or has not run): the workbook then says so.
 *
 * @param checks    the credential checks in display order (the sheet numbers them 1, 2, ...)
 * @param decision  the verdict of decideVerdicts, or null when no verdict was decided
 * @param generated when the month's run started (the same on a resumed run, so cells do not change)
 * @param history   the provider's earlier completed months: previous verdict, rules that fired, trend
 * @param rejected  the month's rejected input rows that name the provider's NPI (file order)
 */
public record Dossier(
        YearMonth month,
        Provider provider,
        ProviderVerdict decision,
        List<CredentialCheck> checks,
        List<ProviderMetric> metrics,
        List<AlignmentRow> alignments,
        List<Finding> findings,
        List<ClaimLine> lines,
        LocalDateTime generated,
        ProviderHistory history,
        List<RejectedRow> rejected) {

    /** A dossier without rejected rows. */
    public Dossier(YearMonth month, Provider provider, ProviderVerdict decision, List<CredentialCheck> checks,
                   List<ProviderMetric> metrics, List<AlignmentRow> alignments, List<Finding> findings,
                   List<ClaimLine> lines, LocalDateTime generated, ProviderHistory history) {
        this(month, provider, decision, checks, metrics, alignments, findings, lines, generated, history, List.of());
    }

    /** A dossier without history (no earlier completed month). */
    public Dossier(YearMonth month, Provider provider, ProviderVerdict decision, List<CredentialCheck> checks,
                   List<ProviderMetric> metrics, List<AlignmentRow> alignments, List<Finding> findings,
                   List<ClaimLine> lines, LocalDateTime generated) {
        this(month, provider, decision, checks, metrics, alignments, findings, lines, generated, ProviderHistory.NONE);
    }

    public Dossier {
        history = history == null ? ProviderHistory.NONE : history;
        checks = List.copyOf(checks);
        metrics = List.copyOf(metrics);
        alignments = List.copyOf(alignments);
        findings = List.copyOf(findings);
        lines = List.copyOf(lines);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** The lines that count: not superseded, voided nor a void (Claim Lines shows those too, marked). */
    public List<ClaimLine> countedLines() {
        return lines.stream().filter(ClaimLine::counts).toList();
    }

    /** "Name · NPI n · month": who and when, as every sheet's title and print header name it. */
    public String identity() {
        return provider.displayName() + " · NPI " + provider.npi() + " · " + month;
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
