package org.codecred.ingest;

import org.codecred.domain.ClaimContent;
import org.codecred.domain.ClaimLine;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Claims as they really arrive (contract v3), over the month's staged lines of one claim id at a
 * time. A claim is its billing NPI (or rendering NPI when the file has none) and claim id; its
 * lines are taken in arrival order — files in name order, lines in file order — whatever the
 * format. Then, line by line:
 * <ol>
 *   <li>a line equal to one already read (same line number, frequency and {@link ClaimContent}) is
 *       an exact resubmission: it counts once, the repeat goes to the reject table;</li>
 *   <li>a replacement (frequency 7) supersedes every line of the claim read before it, a void
 *       (frequency 8) removes them and counts nowhere itself. A replacement's or void's lines are
 *       one submission: the lines of one file and frequency with rising line numbers;</li>
 *   <li>a replacement or void of a claim counted in an earlier completed month is recorded with
 *       that month (CLAIM-ADJUSTS-EARLIER).</li>
 * </ol>
 * Plain Java and deterministic: the same staged lines always give the same result, so a resumed
 * month resolves exactly as an uninterrupted one.
 */
public final class ClaimResolution {

    /** A repeat and the line it repeats. */
    public record Duplicate(ClaimLine line, ClaimLine original) {
    }

    /** A replacement or void (its first line) of a claim counted in {@code earlierMonth}. */
    public record Adjustment(ClaimLine first, YearMonth earlierMonth) {
    }

    /** Arrival order: file name (Java string order, the same on every database), then line in the file. */
    public static final Comparator<ClaimLine> ARRIVAL = Comparator.comparing(ClaimLine::sourceFile)
            .thenComparingLong(ClaimLine::lineNumber);

    private final YearMonth month;
    private final EarlierClaims earlier;
    private final Map<ClaimLine.LineStatus, List<ClaimLine>> statuses = new EnumMap<>(ClaimLine.LineStatus.class);
    private final List<Duplicate> duplicates = new ArrayList<>();
    private final List<Adjustment> adjustments = new ArrayList<>();

    public ClaimResolution(YearMonth month, EarlierClaims earlier) {
        this.month = month;
        this.earlier = earlier;
    }

    /** All staged lines of one claim id (any billing NPI, any order). */
    public void resolve(List<ClaimLine> linesOfClaimId) {
        Map<String, List<ClaimLine>> byClaim = linesOfClaimId.stream()
                .collect(Collectors.groupingBy(ClaimLine::billingKey));
        for (List<ClaimLine> claim : byClaim.values()) {
            resolveClaim(claim.stream().sorted(ARRIVAL).toList());
        }
    }

    private void resolveClaim(List<ClaimLine> lines) {
        Map<Key, ClaimLine> read = new HashMap<>();
        List<ClaimLine> standing = new ArrayList<>(); // lines that count so far
        ClaimLine previous = null;
        for (ClaimLine line : lines) {
            ClaimLine original = read.putIfAbsent(new Key(line.lineNo(), ClaimContent.digest(line, line.memberId()),
                    line.memberId()), line);
            if (original != null) {
                duplicates.add(new Duplicate(line, original));
                continue;
            }
            boolean adjusting = !line.claimFrequency().equals(ClaimLine.ORIGINAL);
            if (adjusting && startsSubmission(previous, line)) {
                ClaimLine.LineStatus status = line.claimFrequency().equals(ClaimLine.VOID)
                        ? ClaimLine.LineStatus.VOIDED : ClaimLine.LineStatus.SUPERSEDED;
                statuses.computeIfAbsent(status, s -> new ArrayList<>()).addAll(standing);
                standing.clear();
                Optional<YearMonth> counted = earlier.latestBefore(line.billingKey(), line.claimId(), month);
                counted.ifPresent(m -> adjustments.add(new Adjustment(line, m)));
            }
            if (line.claimFrequency().equals(ClaimLine.VOID)) {
                statuses.computeIfAbsent(ClaimLine.LineStatus.VOID, s -> new ArrayList<>()).add(line);
            } else {
                standing.add(line);
            }
            previous = line;
        }
    }

    /** A new submission of the claim: another file, another frequency, or line numbers starting again. */
    private static boolean startsSubmission(ClaimLine previous, ClaimLine line) {
        return previous == null || !previous.sourceFile().equals(line.sourceFile())
                || !previous.claimFrequency().equals(line.claimFrequency()) || line.lineNo() <= previous.lineNo();
    }

    /** Line number, content digest and member: the member is compared as well as digested, so a digest collision cannot merge two members. */
    private record Key(int lineNo, long digest, String member) {
    }

    /** The lines that count nowhere, by why. */
    public Map<ClaimLine.LineStatus, List<ClaimLine>> statuses() {
        return statuses;
    }

    public List<Duplicate> duplicates() {
        return duplicates;
    }

    public List<Adjustment> adjustments() {
        return adjustments;
    }
}
