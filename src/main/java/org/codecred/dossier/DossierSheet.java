package org.codecred.dossier;

/**
 * One sheet of a provider's dossier. It reads the provider's {@link Dossier} (what {@link
 * DossierLoader#load} assembles from the month's tables) and the run's {@link RunFacts}, and
 * writes its rows through a {@link SheetWriter}. {@link DossierWorkbook#SHEETS} puts the sheets
 * in the contract's order: a new sheet is one class and one line there.
 */
interface DossierSheet extends WorkbookSheet {

    String NOT_DECIDED = "not decided";
    String NO_CHECKS = "no checks recorded";
    String NO_FINDINGS = "no findings recorded";
    String NO_LINES = "no claim lines this month";
    String NO_METRICS = "no peer comparison recorded";
    String NOT_ASSESSED = "not assessed";

    void write(SheetWriter sheet, Dossier dossier, RunFacts run);

    /**
     * Whether the sheet prints for this dossier. Every sheet stays in the workbook; a sheet that does
     * not print keeps the printed packet short (a CLEAR prints its decision, credential checks and
     * findings). True unless the sheet says otherwise.
     */
    default boolean printsFor(Dossier dossier) {
        return true;
    }

    /** HOLD, REVIEW, or no verdict decided: the committee reads the whole packet. */
    static boolean needsDecision(Dossier dossier) {
        return dossier.decision() == null || dossier.decision().verdict() != org.codecred.domain.Verdict.CLEAR;
    }
}
