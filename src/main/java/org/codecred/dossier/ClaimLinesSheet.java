package org.codecred.dossier;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.MemberIds;
import org.codecred.domain.Severity;
import org.codecred.dossier.DecisionWords.Cutoff;
import org.codecred.dossier.Styles.Fill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dossier's Claim Lines sheet: every staged line, member id masked, with the rules that fired
 * on it and the lines billed while not allowed. Streamed when the provider's volume is large.
 */
final class ClaimLinesSheet implements DossierSheet {

    static final String NAME = "Claim Lines";

    /** Title, flag summary, header; the first line is on this row (0-based). */
    static final int FIRST_CLAIM_LINE_ROW = 3;

    /** The sheet row of each line, by file and line number and by claim id and line number. */
    static Map<String, Integer> rows(List<ClaimLine> lines) {
        Map<String, Integer> rows = new HashMap<>(lines.size() * 3);
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine line = lines.get(i);
            rows.put(lineKey(line.sourceFile(), line.lineNumber()), FIRST_CLAIM_LINE_ROW + i);
            rows.putIfAbsent(claimKey(line.claimId(), line.lineNo()), FIRST_CLAIM_LINE_ROW + i);
        }
        return rows;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean printsFor(Dossier dossier) {
        return DossierSheet.needsDecision(dossier);
    }

    @Override
    public Volume volume() {
        return Volume.CLAIM_LINES;
    }

    @Override
    public void write(SheetWriter sheet, Dossier dossier, RunFacts run) {
        sheet.title("Claim lines: " + dossier.identity());
        List<Cutoff> cutoffs = DecisionWords.cutoffs(dossier.provider(), dossier.findings());
        sheet.paragraph(cutoffs.isEmpty()
                ? "No line is dated after a license expiry, an exclusion start or an NPI deactivation."
                : cutoffs.stream().map(c -> DecisionWords.billedAfter(c, dossier.countedLines()))
                .collect(Collectors.joining("; ")) + ": those lines are flagged in the column Billed while.");
        sheet.tableHeader("Claim id", "Line", "Service date", "Member", "Code", "Modifiers", "Units", "Minutes",
                "Diagnoses", "Place of service", "Charge", "Billing NPI", "Source file", "Source line", "Findings",
                "Billed while", "Status");
        sheet.cap(14, 24);
        if (dossier.lines().isEmpty()) {
            sheet.row().text(NO_LINES);
        }
        Map<String, List<Finding>> byLine = findingsByLine(dossier.findings());
        for (ClaimLine line : dossier.lines()) {
            List<Finding> found = byLine.getOrDefault(lineKey(line.sourceFile(), line.lineNumber()),
                    byLine.getOrDefault(claimKey(line.claimId(), line.lineNo()), List.of()));
            Severity worst = found.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(null);
            String rules = found.stream().map(f -> f.rule().id()).distinct().collect(Collectors.joining("; "));
            String flag = cutoffs.stream().filter(c -> c.covers(line.serviceDate()))
                    .map(c -> c.describe().replace("on or after the ", "").replace("after the ", ""))
                    .map(s -> s.replace("exclusion start", "excluded since").replace("license expiry", "license expired")
                            .replace("NPI deactivation", "NPI deactivated"))
                    .collect(Collectors.joining("; "));
            sheet.row().text(line.claimId()).lineNo(line.lineNo()).date(line.serviceDate())
                    .text(MemberIds.mask(line.memberId())).text(line.procedureCode())
                    .text(line.modifiers().isEmpty() ? null : String.join(" ", line.modifiers())).integer(line.units())
                    .integer(line.minutes())
                    .text(line.diagnosisCodes().isEmpty() ? null : String.join(" ", line.diagnosisCodes()))
                    .text(line.placeOfService()).money(line.charge())
                    .text(line.billingNpi()).text(line.sourceFile()).lineNo(line.lineNumber())
                    .text(rules.isEmpty() ? null : rules, worst == null ? Fill.NONE : Fill.of(worst))
                    .text(flag.isEmpty() ? null : flag, flag.isEmpty() ? Fill.NONE : Fill.ERROR)
                    .text(line.counts() ? null : line.status().words()); // superseded, voided or a void: counts nowhere
        }
        sheet.finish();
    }

    private static Map<String, List<Finding>> findingsByLine(List<Finding> findings) {
        Map<String, List<Finding>> byLine = new HashMap<>();
        for (Finding f : findings) {
            if (f.sourceFile() != null && f.sourceLine() != null) {
                byLine.computeIfAbsent(lineKey(f.sourceFile(), f.sourceLine()), k -> new ArrayList<>()).add(f);
            } else if (f.claimId() != null && f.lineNo() != null) {
                byLine.computeIfAbsent(claimKey(f.claimId(), f.lineNo()), k -> new ArrayList<>()).add(f);
            }
        }
        return byLine;
    }

    static String lineKey(String file, long line) {
        return "L\u0000" + file + '\u0000' + line;
    }

    static String claimKey(String claimId, int lineNo) {
        return "C\u0000" + claimId + '\u0000' + lineNo;
    }
}
