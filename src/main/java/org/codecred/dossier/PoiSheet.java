package org.codecred.dossier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Renders a laid-out {@link SheetWriter} into a POI sheet (in memory or streamed): the summary
 * workbook, and the dossier's reference engine that the template stream is compared with.
 */
final class PoiSheet {

    private PoiSheet() {
    }

    static void render(SheetWriter laid, Sheet sheet, Styles styles) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(laid.landscape());
        print.setFitWidth((short) 1);
        print.setFitHeight((short) laid.fitHeight());
        print.setPaperSize(PrintSetup.LETTER_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.setDefaultRowHeightInPoints((float) TextMetrics.lineHeight(TextMetrics.BODY_POINTS));
        sheet.getHeader().setLeft(laid.headerLeft());
        sheet.getHeader().setRight(laid.headerRight());
        String[] footer = laid.footer();
        sheet.getFooter().setLeft(footer[0]);
        sheet.getFooter().setCenter(footer[1]);
        sheet.getFooter().setRight(footer[2]);
        if (!laid.gridLines()) {
            sheet.setDisplayGridlines(false);
        }
        if (laid.frozenRows() > 0) {
            sheet.createFreezePane(0, laid.frozenRows());
        }
        if (laid.repeatedRow() >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(laid.repeatedRow(), laid.repeatedRow(), -1, -1));
        }
        int[] widths = laid.widths();
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c]);
        }
        for (SheetWriter.PendingRow pending : laid.rows()) {
            Row row = sheet.createRow(pending.index);
            for (SheetWriter.PendingCell cell : pending.cells) {
                write(cell, row.createCell(cell.column), styles);
                if (cell.mergedTo >= 0) {
                    // unchecked: one span per row, never overlapping (the checked form rescans every region)
                    sheet.addMergedRegionUnsafe(new CellRangeAddress(pending.index, pending.index, cell.column, cell.mergedTo));
                }
            }
            if (pending.height > 0) {
                row.setHeightInPoints((float) pending.height);
            }
        }
        SheetWriter.Range filter = laid.autoFilter();
        if (filter != null) {
            sheet.setAutoFilter(range(filter));
        }
        Workbook workbook = sheet.getWorkbook();
        SheetWriter.Range area = laid.printArea();
        if (area != null) {
            workbook.setPrintArea(workbook.getSheetIndex(sheet), area.firstColumn(), area.lastColumn(), area.firstRow(),
                    area.lastRow());
        }
        for (SheetWriter.DropDown dropDown : laid.dropDowns()) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            SheetWriter.Range r = dropDown.cells();
            DataValidation validation = helper.createValidation(
                    helper.createExplicitListConstraint(dropDown.choices().toArray(String[]::new)),
                    new CellRangeAddressList(r.firstRow(), r.lastRow(), r.firstColumn(), r.lastColumn()));
            validation.setSuppressDropDownArrow(true); // POI's inverted flag: true shows the arrow in XSSF
            validation.setShowErrorBox(true);
            validation.setEmptyCellAllowed(true);
            sheet.addValidationData(validation);
        }
        for (int column : laid.hiddenColumns()) {
            sheet.setColumnHidden(column, true);
        }
        for (int row : laid.pageBreaks()) {
            sheet.setRowBreak(row);
        }
        for (SheetChart chart : laid.charts()) {
            draw(chart, (XSSFSheet) sheet); // charts need XSSF: a sheet with one is never streamed
        }
    }

    static void draw(SheetChart chart, XSSFSheet sheet) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, chart.fromColumn(), chart.fromRow(), chart.toColumn(),
                chart.toRow());
        XSSFChart xssf = drawing.createChart(anchor);
        chart.drawer().draw(xssf, sheet, chart.firstRow(), chart.lastRow());
    }

    private static CellRangeAddress range(SheetWriter.Range r) {
        return new CellRangeAddress(r.firstRow(), r.lastRow(), r.firstColumn(), r.lastColumn());
    }

    private static void write(SheetWriter.PendingCell pending, Cell cell, Styles styles) {
        cell.setCellStyle(styles.of(pending.kind, pending.fill, pending.quoted()));
        Object value = pending.value;
        if (value instanceof String s) {
            if (!s.isEmpty()) { // an empty input cell stays blank: only its box is written
                cell.setCellValue(s);
            }
        } else if (value instanceof Double d) {
            cell.setCellValue(d);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
        } else if (value instanceof LocalDateTime t) {
            cell.setCellValue(t);
        }
        if (pending.link != null) {
            Hyperlink hyperlink = cell.getSheet().getWorkbook().getCreationHelper().createHyperlink(pending.linkType);
            hyperlink.setAddress(pending.link);
            cell.setHyperlink(hyperlink);
        }
    }
}
