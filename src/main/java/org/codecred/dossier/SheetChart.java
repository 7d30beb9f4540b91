package org.codecred.dossier;

import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A chart over a sheet's rows: the POI code that draws its series from rows {@code firstRow} to
 * {@code lastRow} ({@link Drawer}, one constant per kind of chart), and the cells it covers, from
 * ({@code fromColumn}, {@code fromRow}) to ({@code toColumn}, {@code toRow}), 0-based.
 */
record SheetChart(Drawer drawer, int firstRow, int lastRow, int fromColumn, int fromRow, int toColumn, int toRow) {

    /**
     * Draws one kind of chart with POI's chart model: titles, axes, series over cell ranges of the
     * sheet, colors. {@link PoiSheet} draws it into each sheet; {@link DossierTemplate} draws it once
     * and reuses its XML with each dossier's ranges and values.
     */
    @FunctionalInterface
    interface Drawer {
        void draw(XSSFChart chart, XSSFSheet sheet, int firstRow, int lastRow);
    }
}
