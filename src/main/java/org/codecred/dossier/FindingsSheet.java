package org.codecred.dossier;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.MemberIds;
import org.codecred.dossier.Styles.Fill;
import org.codecred.dossier.Styles.Kind;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dossier's Findings sheet: every finding with its severity, NEW or REPEAT, rule and message,
 * linked to its claim line, with the Disposition drop-down and a Reviewer note for the committee.
 */
final class FindingsSheet implements DossierSheet {

    static final String NAME = "Findings";

    /** What a reviewer may record against a finding, offered as a drop-down. */
    static final List<String> DISPOSITIONS = List.of("Confirmed", "Disputed", "Corrected", "Records requested",
            "Not applicable");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Volume volume() {
        return Volume.FINDINGS;
    }

    @Override
    public void write(SheetWriter sheet, Dossier dossier, RunFacts run) {
        sheet.title("Findings: " + dossier.identity());
        int header = sheet.tableHeader("Severity", "Status", "Rule", "Message", "Claim line", "Line detail", "Source",
                "Disposition", "Reviewer note");
        sheet.cap(3, 50);
        sheet.cap(5, 30);
        sheet.cap(6, 24);
        sheet.atLeast(7, 14);
        sheet.atLeast(8, 16);
        if (dossier.findings().isEmpty()) {
            sheet.row().text(NO_FINDINGS);
        }
        Map<String, Integer> rowOfLine = ClaimLinesSheet.rows(dossier.lines());
        Map<String, ClaimLine> lineOf = new HashMap<>();
        for (ClaimLine line : dossier.lines()) {
            lineOf.put(ClaimLinesSheet.lineKey(line.sourceFile(), line.lineNumber()), line);
            lineOf.putIfAbsent(ClaimLinesSheet.claimKey(line.claimId(), line.lineNo()), line);
        }
        for (Finding f : dossier.findings()) {
            SheetWriter.RowWriter row = sheet.row().fill(Fill.of(f.severity())).text(f.severity().name())
                    .text(dossier.history().statusOf(f.rule().id()).name()).text(f.rule().id()).wrap(f.message());
            ClaimLine line = null;
            Integer target = null;
            if (f.claimId() != null) {
                String key = f.sourceFile() != null && f.sourceLine() != null ? ClaimLinesSheet.lineKey(f.sourceFile(), f.sourceLine())
                        : ClaimLinesSheet.claimKey(f.claimId(), f.lineNo() == null ? 0 : f.lineNo());
                line = lineOf.get(key);
                target = rowOfLine.get(key);
            }
            String claim = f.claimId() == null ? null : f.claimId() + " line " + f.lineNo();
            if (target != null) {
                row.jump(claim, ClaimLinesSheet.NAME, target);
            } else {
                row.text(claim == null ? "provider" : claim);
            }
            row.text(line == null ? (f.subject().isEmpty() ? null : "about: " + f.subject()) : lineDetail(line));
            row.text(f.sourceFile() != null ? f.sourceFile() + " line " + f.sourceLine() : providerSource(f, dossier));
            row.fill(Fill.NONE).cell("", Kind.INPUT).cell("", Kind.INPUT);
        }
        sheet.finish();
        if (!dossier.findings().isEmpty()) {
            sheet.dropDown(DISPOSITIONS, header + 1, header + dossier.findings().size(), 7, 7);
        }
    }

    /** Member (masked), units, minutes, modifiers and diagnoses of a claim line, in one readable cell. */
    static String lineDetail(ClaimLine line) {
        return line.serviceDate() + " · " + line.procedureCode() + "; member " + MemberIds.mask(line.memberId()) + "; " + line.units() + (line.units() == 1 ? " unit" : " units")
                + "; " + (line.minutes() == null ? "no minutes" : line.minutes() + " min")
                + (line.modifiers().isEmpty() ? "" : "; modifiers " + String.join(" ", line.modifiers()))
                + "; dx " + (line.diagnosisCodes().isEmpty() ? "none" : String.join(" ", line.diagnosisCodes()));
    }

    /** Where a provider-level finding comes from: the file and line its message names, else the roster line. */
    static String providerSource(Finding f, Dossier dossier) {
        String named = DecisionWords.sourceIn(f.message());
        if (named != null) {
            return named;
        }
        return "roster.csv line " + dossier.provider().lineNumber();
    }
}
