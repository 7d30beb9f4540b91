package org.codecred.sources;

import static org.codecred.sources.CmsTable.norm;

/**
 * A layout of a CMS table: the NCCI Practitioner PTP edits ({@link PtpLayout}) or the Practitioner
 * MUE values ({@link MueLayout}). A layout is recognized from its header row and then reads the rows
 * under it into {@link CmsTables}.
 */
sealed interface CmsLayout permits PtpLayout, MueLayout {

    /** {@code PTP} or {@code MUE}. */
    String kind();

    void row(String[] cells);

    /** End of the table. */
    default void finish() {
    }

    /** The layout whose header this row is, or null (a note row above the header, or not a CMS table). */
    static CmsLayout recognize(String[] cells, CmsTable table) {
        int c1 = -1, c2 = -1, hcpcs = -1, mue = -1, indicator = -1;
        for (int i = 0; i < cells.length; i++) {
            String h = norm(cells[i]);
            if (h.equals("column 1") || h.startsWith("column 1 ")) {
                c1 = c1 < 0 ? i : c1;
            } else if (h.equals("column 2") || h.startsWith("column 2 ")) {
                c2 = c2 < 0 ? i : c2;
            } else if (h.contains("hcpcs") && hcpcs < 0) {
                hcpcs = i;
            } else if (h.contains("mue value")) {
                mue = i;
            }
            if (h.contains("adjudication indicator")) {
                indicator = i;
            }
        }
        if (c1 >= 0 && c2 >= 0) {
            return new PtpLayout(table, c1, c2, cells);
        }
        if (hcpcs >= 0 && mue >= 0) {
            return new MueLayout(table, hcpcs, mue, indicator);
        }
        return null;
    }
}
