package org.codecred.dossier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFPrintSetup;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything a reader of a workbook sees, as POI reads it back, one line per fact: sheets in order,
 * every cell's type, value and look (number format, font, fill, borders, alignment, wrap, quote
 * prefix), row heights, column widths and hidden columns, merged regions, hyperlinks, frozen panes,
 * autofilters, print areas, titles, breaks and page setup, headers and footers, data validations,
 * and each chart's anchor and whole XML (series references and data caches included). Two writers
 * that produce the same lines produce the same workbook for a reader.
 */
final class WorkbookDiff {

    private WorkbookDiff() {
    }

    /** The lines of {@code expected} and {@code actual} that differ, at most {@code limit} (empty: the same). */
    static List<String> differences(XSSFWorkbook expected, XSSFWorkbook actual, int limit) {
        List<String> a = describe(expected);
        List<String> b = describe(actual);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()) && out.size() < limit; i++) {
            String x = i < a.size() ? a.get(i) : "(none)";
            String y = i < b.size() ? b.get(i) : "(none)";
            if (!x.equals(y)) {
                out.add("expected " + x + "\n     got " + y);
            }
        }
        return out;
    }

    static List<String> describe(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        var core = wb.getProperties().getCoreProperties();
        out.add("properties " + core.getTitle() + " | " + core.getSubject() + " | " + core.getCreator() + " | "
                + core.getDescription() + " | " + core.getCreated() + " | " + core.getModified());
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            XSSFSheet sheet = wb.getSheetAt(s);
            String n = sheet.getSheetName();
            out.add(n + " sheet " + s + " print area " + wb.getPrintArea(s));
            out.add(n + " repeating rows " + sheet.getRepeatingRows() + " columns " + sheet.getRepeatingColumns());
            PaneInformation pane = sheet.getPaneInformation();
            out.add(n + " pane " + (pane == null ? "none" : pane.getHorizontalSplitPosition() + "," + pane.getVerticalSplitPosition()
                    + "," + pane.getHorizontalSplitTopRow() + "," + pane.getVerticalSplitLeftColumn() + "," + pane.isFreezePane()));
            out.add(n + " grid lines " + sheet.isDisplayGridlines() + " fit to page " + sheet.getFitToPage()
                    + " autobreaks " + sheet.getAutobreaks() + " default row height " + sheet.getDefaultRowHeightInPoints());
            XSSFPrintSetup print = sheet.getPrintSetup();
            out.add(n + " print setup landscape " + print.getLandscape() + " fit " + print.getFitWidth() + "x"
                    + print.getFitHeight() + " paper " + print.getPaperSize() + " margins "
                    + sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT) + "," + sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT)
                    + "," + sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.TOP) + "," + sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.BOTTOM)
                    + "," + sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.HEADER) + "," + sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.FOOTER));
            out.add(n + " header " + sheet.getHeader().getLeft() + " | " + sheet.getHeader().getCenter() + " | " + sheet.getHeader().getRight());
            out.add(n + " footer " + sheet.getFooter().getLeft() + " | " + sheet.getFooter().getCenter() + " | " + sheet.getFooter().getRight());
            out.add(n + " row breaks " + Arrays.toString(sheet.getRowBreaks()) + " column breaks " + Arrays.toString(sheet.getColumnBreaks()));
            out.add(n + " autofilter " + (sheet.getCTWorksheet().isSetAutoFilter() ? sheet.getCTWorksheet().getAutoFilter().getRef() : "none"));
            TreeSet<String> merged = new TreeSet<>();
            sheet.getMergedRegions().forEach(r -> merged.add(r.formatAsString()));
            out.add(n + " merged " + merged);
            for (DataValidation v : sheet.getDataValidations()) {
                out.add(n + " validation " + Arrays.toString(v.getRegions().getCellRangeAddresses()) + " "
                        + Arrays.toString(v.getValidationConstraint().getExplicitListValues()) + " error box " + v.getShowErrorBox()
                        + " empty " + v.getEmptyCellAllowed() + " arrow " + v.getSuppressDropDownArrow() + " prompt " + v.getShowPromptBox());
            }
            int lastColumn = 0;
            for (Row row : sheet) {
                lastColumn = Math.max(lastColumn, row.getLastCellNum());
            }
            for (int c = 0; c <= lastColumn + 2; c++) {
                out.add(n + " column " + c + " width " + sheet.getColumnWidth(c) + " hidden " + sheet.isColumnHidden(c));
            }
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    out.add(n + " row " + r + " none");
                    continue;
                }
                out.add(n + " row " + r + " height " + row.getHeightInPoints() + " custom " + row.isFormatted() + "/"
                        + ((org.apache.poi.xssf.usermodel.XSSFRow) row).getCTRow().getCustomHeight());
                for (Cell cell : row) {
                    out.add(n + " " + cell.getAddress() + " " + cell(cell));
                }
            }
            for (XSSFHyperlink link : sheet.getHyperlinkList()) {
                out.add(n + " link " + link.getCellRef() + " " + link.getType() + " " + link.getAddress() + " " + link.getLocation());
            }
            XSSFDrawing drawing = sheet.getDrawingPatriarch();
            if (drawing != null) {
                for (XSSFShape shape : drawing.getShapes()) {
                    if (shape instanceof XSSFGraphicFrame frame) {
                        XSSFClientAnchor anchor = (XSSFClientAnchor) frame.getAnchor();
                        out.add(n + " frame " + frame.getShapeName() + " from " + anchor.getCol1() + "," + anchor.getRow1()
                                + " to " + anchor.getCol2() + "," + anchor.getRow2() + " "
                                + frame.getCTGraphicalObjectFrame().getXfrm().xmlText());
                    }
                }
                for (XSSFChart chart : drawing.getCharts()) {
                    out.add(n + " chart " + chart.getCTChartSpace().xmlText());
                }
            }
        }
        return out;
    }

    private static String cell(Cell cell) {
        String value = switch (cell.getCellType()) {
            case STRING -> "S " + cell.getStringCellValue();
            case NUMERIC -> "N " + cell.getNumericCellValue();
            case BOOLEAN -> "B " + cell.getBooleanCellValue();
            case FORMULA -> "F " + cell.getCellFormula();
            case BLANK -> "blank";
            default -> cell.getCellType().name();
        };
        XSSFCellStyle s = (XSSFCellStyle) cell.getCellStyle();
        XSSFFont f = s.getFont();
        return value + " | format " + s.getDataFormatString() + " | font " + f.getFontName() + " " + f.getFontHeightInPoints()
                + (f.getBold() ? " bold" : "") + " u" + f.getUnderline() + " c" + f.getColor() + " " + color(f.getXSSFColor())
                + " | fill " + s.getFillPattern() + " " + color(s.getFillForegroundXSSFColor()) + " " + color(s.getFillBackgroundXSSFColor())
                + " | border " + s.getBorderTop() + s.getBorderRight() + s.getBorderBottom() + s.getBorderLeft()
                + " | align " + s.getAlignment() + " " + s.getVerticalAlignment() + " wrap " + s.getWrapText()
                + " quote " + s.getQuotePrefixed() + " locked " + s.getLocked() + " hidden " + s.getHidden();
    }

    private static String color(XSSFColor color) {
        return color == null ? "-" : color.getARGBHex() + "/" + color.getIndexed();
    }
}
