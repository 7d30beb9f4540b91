package org.codecred.dossier;

import org.codecred.alignment.AlignmentRow;
import org.codecred.dossier.Styles.Fill;

/** The dossier's Specialty Alignment sheet: each claimed (or strongly evidenced) specialty with evidence, thresholds, outcome. */
final class AlignmentSheet implements DossierSheet {

    static final String NAME = "Specialty Alignment";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean printsFor(Dossier dossier) {
        return DossierSheet.needsDecision(dossier);
    }

    @Override
    public void write(SheetWriter sheet, Dossier dossier, RunFacts run) {
        sheet.title("Specialty alignment: " + dossier.identity());
        sheet.tableHeader("Specialty", "Claimed", "Outcome", "Visits with evidence", "Visits", "Evidence share",
                "Supported at", "Weak below", "Evidence");
        sheet.cap(8, 55);
        if (dossier.alignments().isEmpty()) {
            if (dossier.provider().specialties().isEmpty()) {
                sheet.row().text("no specialties claimed or assessed");
            }
            for (String specialty : dossier.provider().specialties()) {
                sheet.row().text(specialty).text("yes").text(NOT_ASSESSED, Fill.MUTED);
            }
        }
        for (AlignmentRow a : dossier.alignments()) {
            long[] visits = DecisionWords.visits(a.evidence());
            sheet.row().text(a.specialty()).text(a.claimed() ? "yes" : "no").text(a.outcome().id(), Fill.of(a.outcome()))
                    .integer(visits == null ? null : visits[0]).integer(visits == null ? null : visits[1])
                    .percent(a.evidenceShare()).percent(a.supportedAt()).percent(a.weakAt()).wrap(a.evidence());
        }
        sheet.finish();
    }
}
