package org.codecred.dossier;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.codecred.dossier.Styles.Fill;
import org.codecred.dossier.Styles.Kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes one sheet row by row with typed cells: text is always a string cell (quote-prefixed when
 * it starts like a formula), numbers are numbers, dates are dates. It measures each column's
 * longest text as it goes, so widths are set without fonts ({@code autoSizeColumn} needs them).
 */
final class SheetWriter {

    static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 6;

    private final Sheet sheet;
    private final Styles styles;
    private final int[] widths = new int[64];
    private int nextRow;
    private int tableHeaderRow = -1;
    private int tableColumns;

    SheetWriter(Sheet sheet, Styles styles, String printTitle) {
        this.sheet = sheet;
        this.styles = styles;
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.getHeader().setLeft(printTitle);
        sheet.getFooter().setRight("Page &P of &N");
    }

    Sheet sheet() {
        return sheet;
    }

    /** The index the next row will get. */
    int rowIndex() {
        return nextRow;
    }

    void skipRows(int rows) {
        nextRow += rows;
    }

    /** A bold title line that does not count toward column widths. */
    void title(String text) {
        Row row = sheet.createRow(nextRow++);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(styles.of(Kind.TITLE, Fill.NONE, startsLikeFormula(text)));
    }

    /** A bold section heading inside a sheet. */
    void heading(String text) {
        Row row = sheet.createRow(nextRow++);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(styles.of(Kind.LABEL, Fill.NONE, false));
    }

    /** A header row of column names (bold, grey, bottom border). */
    int header(String... names) {
        RowWriter row = row();
        for (String name : names) {
            row.cell(name, Kind.HEADER, name.length());
        }
        return row.index();
    }

    /**
     * The header row of the sheet's main table: frozen with everything above it, repeated on each
     * printed page, and carrying the autofilter once {@link #finish()} knows the last row.
     */
    int tableHeader(String... names) {
        int index = header(names);
        tableHeaderRow = index;
        tableColumns = names.length;
        sheet.createFreezePane(0, index + 1);
        sheet.setRepeatingRows(new CellRangeAddress(0, index, -1, -1));
        return index;
    }

    RowWriter row() {
        return new RowWriter(sheet.createRow(nextRow++));
    }

    /** Sets widths from the measured text and the autofilter over the main table. */
    void finish() {
        for (int c = 0; c < widths.length; c++) {
            if (widths[c] > 0) {
                int chars = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c] + 2));
                sheet.setColumnWidth(c, chars * 256);
            }
        }
        if (tableHeaderRow >= 0) {
            int last = Math.max(tableHeaderRow, nextRow - 1);
            sheet.setAutoFilter(new CellRangeAddress(tableHeaderRow, last, 0, tableColumns - 1));
        }
    }

    /** Sets a column's width to at least {@code chars} characters (for columns charts sit over). */
    void atLeast(int column, int chars) {
        widths[column] = Math.max(widths[column], chars);
    }

    /** True when a spreadsheet program would read this text as a formula or a command if typed in. */
    static boolean startsLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** Writes the cells of one row from left to right; {@link #fill} colors the cells that follow. */
    final class RowWriter {

        private final Row row;
        private int column;
        private Fill fill = Fill.NONE;

        private RowWriter(Row row) {
            this.row = row;
        }

        int index() {
            return row.getRowNum();
        }

        RowWriter fill(Fill background) {
            this.fill = background;
            return this;
        }

        RowWriter skip() {
            column++;
            return this;
        }

        RowWriter label(String text) {
            return cell(text, Kind.LABEL, length(text));
        }

        RowWriter text(String text) {
            return cell(text, Kind.TEXT, length(text));
        }

        /** Long text: wrapped, so its column is capped and the row grows instead. */
        RowWriter wrap(String text) {
            return cell(text, Kind.WRAP, length(text));
        }

        /** Text in a fill of its own (a verdict, a result), whatever the row's fill. */
        RowWriter text(String text, Fill own) {
            Fill saved = fill;
            fill = own;
            cell(text, Kind.TEXT, length(text));
            fill = saved;
            return this;
        }

        RowWriter integer(Number value) {
            if (value == null) {
                return blank();
            }
            Cell cell = typed(Kind.INTEGER, digits(value.longValue()));
            cell.setCellValue(value.doubleValue());
            return this;
        }

        RowWriter decimal(Double value) {
            if (value == null) {
                return blank();
            }
            Cell cell = typed(Kind.DECIMAL, digits((long) value.doubleValue()) + 3);
            cell.setCellValue(value);
            return this;
        }

        RowWriter money(BigDecimal value) {
            if (value == null) {
                return blank();
            }
            Cell cell = typed(Kind.MONEY, digits(value.longValue()) + 3);
            cell.setCellValue(value.doubleValue());
            return this;
        }

        /** A fraction 0..1 shown as a percentage. */
        RowWriter percent(Double fraction) {
            if (fraction == null) {
                return blank();
            }
            Cell cell = typed(Kind.PERCENT, digits((long) (fraction * 100)) + 3);
            cell.setCellValue(fraction);
            return this;
        }

        RowWriter date(LocalDate date) {
            if (date == null) {
                return blank();
            }
            typed(Kind.DATE, 10).setCellValue(date);
            return this;
        }

        RowWriter dateTime(LocalDateTime time) {
            if (time == null) {
                return blank();
            }
            typed(Kind.DATE_TIME, 16).setCellValue(time);
            return this;
        }

        /** A text cell linking to a file given by a relative path. */
        RowWriter link(String text, String relativePath) {
            cell(text, Kind.LINK, length(text));
            Cell cell = row.getCell(column - 1);
            Hyperlink link = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.FILE);
            link.setAddress(relativePath);
            cell.setHyperlink(link);
            return this;
        }

        RowWriter blank() {
            if (fill != Fill.NONE) {
                row.createCell(column).setCellStyle(styles.of(Kind.TEXT, fill, false));
            }
            column++;
            return this;
        }

        private RowWriter cell(String text, Kind kind, int width) {
            if (text == null) {
                return blank();
            }
            Cell cell = row.createCell(column);
            cell.setCellValue(text);
            cell.setCellStyle(styles.of(kind, fill, startsLikeFormula(text)));
            measure(width);
            column++;
            return this;
        }

        private Cell typed(Kind kind, int width) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(styles.of(kind, fill, false));
            measure(width);
            column++;
            return cell;
        }

        private void measure(int width) {
            if (column < widths.length && width > widths[column]) {
                widths[column] = width;
            }
        }
    }

    /** Characters of an integer shown with thousands separators ("-12,345" is 7). */
    static int digits(long value) {
        String plain = Long.toString(Math.abs(value));
        return plain.length() + (plain.length() - 1) / 3 + (value < 0 ? 1 : 0);
    }

    private static int length(String text) {
        if (text == null) {
            return 0;
        }
        int longestLine = 0;
        for (String line : text.split("\n", -1)) {
            longestLine = Math.max(longestLine, line.length());
        }
        return longestLine;
    }
}
