package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.MemberIds;
import org.codecred.domain.RuleId;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RejectedRow;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Step resolveClaims, after every claim file is loaded: applies {@link ClaimResolution} to the
 * month's staged lines — marks superseded, voided and void lines, moves exact resubmissions to the
 * reject table ("duplicate of FILE line N"), raises DUPLICATE-SUBMISSION once per provider and file
 * and CLAIM-ADJUSTS-EARLIER per replacement or void of an earlier month's claim. Everything it
 * decides comes from committed staging rows, never from what a load remembered, and it runs in one
 * transaction: a kill leaves the month as loaded, and the rerun resolves it exactly as an
 * uninterrupted run would. Claim lines in the staging engine commit apart from that transaction: the
 * rerun first puts them back as loaded ({@link ClaimLineTable#unresolve}).
 */
public final class ResolveClaimsTasklet implements Tasklet {

    /** How every repeat's reason starts. */
    public static final String DUPLICATE_OF = "duplicate of ";

    private final YearMonth month;
    private final ClaimLineTable lines;
    private final RejectTable rejects;
    private final FindingTable findings;
    private final EarlierClaims earlier;

    public ResolveClaimsTasklet(YearMonth month, ClaimLineTable lines, RejectTable rejects, FindingTable findings,
                                EarlierClaims earlier) {
        this.month = month;
        this.lines = lines;
        this.rejects = rejects;
        this.findings = findings;
        this.earlier = earlier;
    }

    /** The repeats of one file for one provider: how many, and the first with what it repeats. */
    private record Repeats(int count, ClaimResolution.Duplicate first) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<List<String>, Repeats> repeats = new TreeMap<>(java.util.Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        List<Finding> adjusted = new ArrayList<>();
        Pending pending = new Pending(month);
        lines.unresolve(month); // an earlier attempt's changes in the staging engine, which commit on their own
        for (List<ClaimLine> claimLines : lines.claimsToResolve(month)) {
            ClaimResolution resolution = new ClaimResolution(month, earlier);
            resolution.resolve(claimLines);
            resolution.statuses().forEach((status, marked) -> pending.statuses.get(status).addAll(marked));
            for (ClaimResolution.Duplicate d : resolution.duplicates()) {
                pending.repeated.add(d.line());
                pending.rejected.add(new RejectedRow(d.line().sourceFile(), d.line().lineNumber(), reason(d), shown(d.line())));
                repeats.merge(List.of(d.line().renderingNpi(), d.line().sourceFile()), new Repeats(1, d),
                        (a, b) -> new Repeats(a.count() + 1, ClaimResolution.ARRIVAL.compare(a.first().line(), b.first().line()) <= 0
                                ? a.first() : b.first()));
            }
            for (ClaimResolution.Adjustment a : resolution.adjustments()) {
                adjusted.add(adjustsEarlier(a));
            }
            if (pending.size() >= BATCH) {
                pending.flush();
            }
        }
        pending.flush();
        List<Finding> found = new ArrayList<>(adjusted);
        repeats.forEach((npiAndFile, r) -> found.add(Finding.onProvider(RuleId.DUPLICATE_SUBMISSION, npiAndFile.get(0),
                npiAndFile.get(1), r.count() + " line(s) of " + npiAndFile.get(1) + " repeat lines already read this month"
                        + " with the same claim, line number and content (first: line " + r.first().line().lineNumber()
                        + ", a copy of " + r.first().original().sourceFile() + " line " + r.first().original().lineNumber()
                        + "); each service is counted once and the repeats are listed in rejected.csv")));
        findings.insert(month, found);
        contribution.incrementWriteCount(pending.written);
        return RepeatStatus.FINISHED;
    }

    /** Rows changed per batch: a month of repeats is written in a few large batches, not one per claim. */
    private static final int BATCH = 5000;

    /** What the claims read so far change, written in batches. */
    private final class Pending {
        final YearMonth month;
        final Map<ClaimLine.LineStatus, List<ClaimLine>> statuses = new java.util.EnumMap<>(ClaimLine.LineStatus.class);
        final List<ClaimLine> repeated = new ArrayList<>();
        final List<RejectedRow> rejected = new ArrayList<>();
        long written;

        Pending(YearMonth month) {
            this.month = month;
            for (ClaimLine.LineStatus status : ClaimLine.LineStatus.values()) {
                statuses.put(status, new ArrayList<>());
            }
        }

        int size() {
            return repeated.size() + statuses.values().stream().mapToInt(List::size).sum();
        }

        void flush() {
            statuses.forEach((status, marked) -> {
                lines.setStatus(month, marked, status);
                written += marked.size();
                marked.clear();
            });
            lines.delete(month, repeated);
            rejects.insert(month, rejected);
            written += repeated.size();
            repeated.clear();
            rejected.clear();
        }
    }

    /** The reason rejected.csv gives a repeat: it starts "duplicate of FILE line N" (contract v3). */
    static String reason(ClaimResolution.Duplicate d) {
        return DUPLICATE_OF + d.original().sourceFile() + " line " + d.original().lineNumber()
                + ": the same claim, line number and content was already read this month; counted once";
    }

    /** What rejected.csv shows of a repeat: its staged fields, member id masked (the raw text is not kept). */
    static String shown(ClaimLine l) {
        return String.join(",", l.claimId(), Integer.toString(l.lineNo()), l.renderingNpi(),
                Objects.toString(l.billingNpi(), ""), MemberIds.mask(l.memberId()), l.serviceDate().toString(),
                l.procedureCode(), String.join(";", l.modifiers()), Integer.toString(l.units()),
                String.join(";", l.diagnosisCodes()), Objects.toString(l.placeOfService(), ""),
                l.charge() == null ? "" : l.charge().toPlainString(), l.claimFrequency());
    }

    private static Finding adjustsEarlier(ClaimResolution.Adjustment a) {
        ClaimLine l = a.first();
        boolean replacement = l.claimFrequency().equals(ClaimLine.REPLACEMENT);
        return Finding.onLine(RuleId.CLAIM_ADJUSTS_EARLIER, l, a.earlierMonth().toString(),
                (replacement ? "replacement (frequency 7)" : "void (frequency 8)") + " of claim " + l.claimId()
                        + " of billing NPI " + l.billingKey() + ", which was counted in the completed month "
                        + a.earlierMonth() + (replacement ? "; the corrected lines count in this month"
                        : "; its lines count nowhere in this month") + ", and " + a.earlierMonth()
                        + "'s results stay as they were recorded");
    }
}
