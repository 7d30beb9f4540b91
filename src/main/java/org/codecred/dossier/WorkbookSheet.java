package org.codecred.dossier;

/**
 * What every sheet of a workbook says about itself: its tab name and what its row count grows
 * with. {@link Workbooks#write} builds each sheet in memory or streams it from the volume alone.
 */
interface WorkbookSheet {

    /** The tab name, as the contract spells it. */
    String name();

    /** What the sheet's rows grow with; {@link Volume#FIXED} unless the sheet says otherwise. */
    default Volume volume() {
        return Volume.FIXED;
    }

    /** What a sheet's row count grows with. */
    enum Volume {
        /** A few rows whatever the provider or month (a sheet with a chart must be one: charts need XSSF). */
        FIXED,
        /** One row per finding of the provider. */
        FINDINGS,
        /** One row per claim line of the provider. */
        CLAIM_LINES,
        /** One row per rostered provider or per rejected row of the month. */
        MONTH
    }
}
