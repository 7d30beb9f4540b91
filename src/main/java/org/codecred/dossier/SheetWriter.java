package org.codecred.dossier;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.codecred.domain.Verdict;
import org.codecred.dossier.Styles.Fill;
import org.codecred.dossier.Styles.Kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes one sheet with typed cells: text is always a string cell (quote-prefixed when it starts
 * like a formula), numbers are numbers, dates are dates. Rows are collected first and written by
 * {@link #finish()}, which lays the sheet out with the font's metrics ({@link TextMetrics}): each
 * column as wide as its longest line (up to a cap), text that does not fit wrapped at spaces with
 * a row height that holds every line, and the columns together kept within what prints one page
 * wide at a legible scale. Every sheet prints landscape, one page wide, with the confidentiality
 * header and a footer naming file, sheet, page and generation time.
 *
 * <p>The writer only lays the sheet out: {@link PoiSheet} renders it into POI's object model and
 * {@link SheetXml} streams it as the sheet's XML, each from the same rows and settings read here.
 */
final class SheetWriter {

    /** Widest a column grows before its text wraps, in characters (Excel's column unit). */
    static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 5;
    /**
     * Points all columns may take together: a landscape page (US Letter, narrow margins) holds about
     * 730 pt, so this prints at no less than about 75 %.
     */
    static final double PAGE_BUDGET = 960;
    static final String CONFIDENTIAL = "CONFIDENTIAL — contains PHI";

    private final String name;
    private final String printTitle;
    private final String generatedUtc;
    private final List<PendingRow> rows = new ArrayList<>();
    private double[] caps = new double[0];
    private double[] floors = new double[0];
    private double budget = PAGE_BUDGET;
    private boolean fill;
    private int nextRow;
    private int tableHeaderRow = -1;
    private int tableColumns;
    private int[] widths;

    // the sheet's settings, read by the renderers
    private boolean landscape = true;
    private int fitHeight;
    private boolean gridLines = true;
    private int frozenRows;
    private int repeatedRow = -1;
    private Range autoFilter;
    private Range printArea;
    private final List<DropDown> dropDowns = new ArrayList<>();
    private final java.util.SortedSet<Integer> hiddenColumns = new java.util.TreeSet<>();
    private final List<Integer> pageBreaks = new ArrayList<>();
    private final List<SheetChart> charts = new ArrayList<>();

    SheetWriter(String name, String printTitle, String generatedUtc) {
        this.name = name;
        this.printTitle = printTitle;
        this.generatedUtc = generatedUtc;
    }

    /** Rows {@code firstRow}..{@code lastRow} by columns {@code firstColumn}..{@code lastColumn}, 0-based and inclusive. */
    record Range(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    }

    /** Choices offered as a drop-down list in a range of cells. */
    record DropDown(List<String> choices, Range cells) {
    }

    /** The index the next row will get. */
    int rowIndex() {
        return nextRow;
    }

    void skipRows(int count) {
        nextRow += count;
    }

    /** Caps a column's width (characters) below {@link #MAX_WIDTH}, or lets it grow wider. */
    void cap(int column, int chars) {
        caps = grow(caps, column);
        caps[column] = chars * TextMetrics.POINTS_PER_CHAR - TextMetrics.CELL_PADDING;
    }

    /** Sets a column's width to at least {@code chars} characters (for columns charts sit over). */
    void atLeast(int column, int chars) {
        floors = grow(floors, column);
        floors[column] = Math.max(floors[column], chars * TextMetrics.POINTS_PER_CHAR - TextMetrics.CELL_PADDING);
    }

    /** Points all columns may take together (a narrower sheet, such as Summary, asks for less). */
    void budget(double points) {
        this.budget = points;
    }

    /** Widens the last column so the columns take the whole budget (for sheets of spanning text). */
    void fillToBudget() {
        this.fill = true;
    }

    /** Prints upright (a sheet narrow enough for it, such as Summary), to fit more rows on the page. */
    void portrait() {
        landscape = false;
    }

    /** No grid lines on screen (a sheet of sentences rather than a table). */
    void noGridLines() {
        gridLines = false;
    }

    /** Keeps rows 0..{@code row} in view when scrolling and repeats row {@code row} on each printed page. */
    void freezeAndRepeat(int row) {
        frozenRows = row + 1;
        repeatedRow = row;
    }

    /** Hides a column (a chart's helper values). */
    void hideColumn(int column) {
        hiddenColumns.add(column);
    }

    /** Starts a new printed page after row {@code row}. */
    void pageBreakAfter(int row) {
        pageBreaks.add(row);
    }

    /** Draws a chart over the sheet (after {@link #finish()}, which knows the columns it spans). */
    void chart(SheetChart chart) {
        charts.add(chart);
    }

    /** A bold title line across the sheet's columns. */
    void title(String text) {
        spanning(text, Kind.TITLE, Fill.NONE);
    }

    /** A bold section heading across the sheet's columns. */
    void heading(String text) {
        spanning(text, Kind.LABEL, Fill.NONE);
    }

    /** A paragraph of text across the sheet's columns, wrapped. */
    void paragraph(String text) {
        spanning(text, Kind.WRAP, Fill.NONE);
    }

    /** A thin band across the sheet in a fill (the verdict's pattern). */
    void band(Fill fill, double points) {
        PendingRow row = newRow();
        row.cells.add(new PendingCell(0, "", Kind.TEXT, fill, true));
        row.fixedHeight = points;
    }

    private void spanning(String text, Kind kind, Fill fill) {
        newRow().cells.add(new PendingCell(0, text, kind, fill, true));
    }

    /** A header row of column names (bold, grey, bottom border; names wrap at spaces). */
    int header(String... names) {
        RowWriter row = row();
        for (String name : names) {
            row.cell(name, Kind.HEADER);
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
        freezeAndRepeat(index);
        return index;
    }

    RowWriter row() {
        return new RowWriter(newRow());
    }

    /**
     * Leaves the sheet out of print: its print area is one empty cell beside the data, and
     * LibreOffice (and Excel) print no page for an empty area. The sheet itself is unchanged.
     */
    void printNothing() {
        int column = widths == null ? 1 : widths.length + 1;
        printArea = new Range(0, 0, column, column);
    }

    /** Prints only rows {@code first} to {@code last} (0-based), one page wide and one page tall. */
    void printRows(int first, int last) {
        int columns = widths == null ? 1 : widths.length;
        printArea = new Range(first, last, 0, columns - 1);
        fitHeight = 1;
    }

    /** A label and its text across the rest of the sheet. */
    void value(String label, String text) {
        row().label(label).spanning(text, Kind.TEXT, Fill.NONE);
    }

    /** Offers {@code choices} as a drop-down list in the given cells (written rows or not). */
    void dropDown(List<String> choices, int firstRow, int lastRow, int firstColumn, int lastColumn) {
        dropDowns.add(new DropDown(List.copyOf(choices), new Range(firstRow, lastRow, firstColumn, Math.max(firstColumn, lastColumn))));
    }

    private PendingRow newRow() {
        PendingRow row = new PendingRow(nextRow++);
        rows.add(row);
        return row;
    }

    /** The width of each column in 1/256 of a character, once {@link #finish()} has laid the sheet out. */
    int[] widths() {
        return widths;
    }

    /** Lays the sheet out: column widths, each row's height and merged spans; then the autofilter over the main table. */
    void finish() {
        int columns = 1;
        for (PendingRow row : rows) {
            for (PendingCell cell : row.cells) {
                if (!cell.span) {
                    columns = Math.max(columns, cell.column + 1);
                }
            }
        }
        double[] points = layout(columns);
        widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = TextMetrics.widthUnits(points[c]);
        }
        double[] usable = new double[columns];
        double[] usableToEnd = new double[columns + 1];
        for (int c = columns - 1; c >= 0; c--) {
            usable[c] = TextMetrics.usable(widths[c]);
            usableToEnd[c] = usableToEnd[c + 1] + widths[c] / 256.0 * TextMetrics.POINTS_PER_CHAR;
        }
        double bodyLine = TextMetrics.lineHeight(TextMetrics.BODY_POINTS);
        for (PendingRow pending : rows) {
            double height = bodyLine;
            for (PendingCell cell : pending.cells) {
                if (cell.span && columns - 1 > cell.column) {
                    cell.mergedTo = columns - 1; // one span per row, never overlapping
                }
                if (cell.kind.isText() && cell.value instanceof String value) {
                    String text = cell.kind.shown(value);
                    double room = cell.span ? usableToEnd[cell.column] - TextMetrics.CELL_PADDING : usable[cell.column];
                    int lines = TextMetrics.lines(text, cell.oneLine, room, cell.kind.bold, cell.kind.points);
                    height = Math.max(height, lines * TextMetrics.lineHeight(cell.kind.points) + (lines > 1 ? 2 : 0));
                }
            }
            if (pending.fixedHeight > 0) {
                pending.height = pending.fixedHeight;
            } else if (height > bodyLine + 0.01) {
                pending.height = Math.ceil(height);
            }
        }
        if (tableHeaderRow >= 0) {
            int last = Math.max(tableHeaderRow, nextRow - 1);
            autoFilter = new Range(tableHeaderRow, last, 0, tableColumns - 1);
        }
    }

    /** Column widths in points of text: natural widths, capped, then narrowed to the page budget. */
    private double[] layout(int columns) {
        double[] natural = new double[columns];
        double[] narrowest = new double[columns]; // a number, a date or a word: never narrower
        boolean[] wraps = new boolean[columns];
        for (PendingRow row : rows) {
            for (PendingCell cell : row.cells) {
                if (cell.span || cell.value == null) {
                    continue;
                }
                int c = cell.column;
                if (cell.kind.isText()) {
                    String text = cell.kind.shown((String) cell.value);
                    TextMetrics.Widest widest = TextMetrics.widest(text, cell.kind.bold, cell.kind.points);
                    double word = widest.word();
                    double full = widest.line();
                    if (widest.oneParagraph()) {
                        cell.oneLine = full;
                    }
                    // a header may wrap at its spaces, into two lines at most where the column allows
                    double line = cell.kind == Kind.HEADER ? Math.max(word, full / 2 + word / 4) : full;
                    natural[c] = Math.max(natural[c], line);
                    if (cell.kind == Kind.LINK) { // a hyperlink's text is not wrapped by LibreOffice
                        narrowest[c] = Math.max(narrowest[c], full);
                    } else {
                        narrowest[c] = Math.max(narrowest[c], Math.min(word, 12 * TextMetrics.POINTS_PER_CHAR));
                        wraps[c] |= line > word;
                    }
                } else {
                    double w = TextMetrics.width(cell.display(), false, cell.kind.points);
                    natural[c] = Math.max(natural[c], w);
                    narrowest[c] = Math.max(narrowest[c], w);
                }
            }
        }
        double[] points = new double[columns];
        double total = 0;
        double min = MIN_WIDTH * TextMetrics.POINTS_PER_CHAR - TextMetrics.CELL_PADDING;
        for (int c = 0; c < columns; c++) {
            double cap = c < caps.length && caps[c] > 0 ? caps[c] : MAX_WIDTH * TextMetrics.POINTS_PER_CHAR;
            double floor = c < floors.length ? floors[c] : 0;
            points[c] = Math.max(Math.max(min, floor), Math.max(narrowest[c], Math.min(natural[c], cap)));
            total += points[c] + TextMetrics.CELL_PADDING;
        }
        // too wide for one legible page: narrow the wrapping columns in proportion to their slack
        // (what they have beyond their longest word, or 14 characters), so none is starved
        if (total > budget) {
            double[] slack = new double[columns];
            double slackSum = 0;
            for (int c = 0; c < columns; c++) {
                double asked = c < floors.length ? floors[c] : 0; // atLeast holds while narrowing too
                double floor = Math.max(Math.max(narrowest[c], asked), Math.max(min, 14 * TextMetrics.POINTS_PER_CHAR));
                slack[c] = wraps[c] ? Math.max(0, points[c] - floor) : 0;
                slackSum += slack[c];
            }
            double share = slackSum == 0 ? 0 : Math.min(1, (total - budget) / slackSum);
            for (int c = 0; c < columns; c++) {
                points[c] -= slack[c] * share;
                total -= slack[c] * share;
            }
        }
        // a sheet of labels and long values (Summary) uses the page's width: the last column takes the rest
        if (fill && total < budget) {
            points[columns - 1] += budget - total;
        }
        return points;
    }

    // what the renderers read once the sheet is laid out

    String name() {
        return name;
    }

    /** The rows in order, each with its cells and height, once {@link #finish()} has laid them out. */
    List<PendingRow> rows() {
        return rows;
    }

    /** The page header's left part: the workbook's title ({@code &} doubled: a header code starts with it). */
    String headerLeft() {
        return printTitle.replace("&", "&&");
    }

    /** The page header's right part, bold. */
    String headerRight() {
        return "&B" + CONFIDENTIAL;
    }

    /** The page footer: file name, sheet name, page and generation time. */
    String[] footer() {
        return new String[] {"&F", "&A", "Page &P of &N · generated " + generatedUtc + " UTC"};
    }

    boolean landscape() {
        return landscape;
    }

    /** Pages tall the sheet is fitted to (0: as many as it takes). */
    int fitHeight() {
        return fitHeight;
    }

    boolean gridLines() {
        return gridLines;
    }

    /** Rows kept in view when scrolling (0: none). */
    int frozenRows() {
        return frozenRows;
    }

    /** The row repeated on each printed page, or -1. */
    int repeatedRow() {
        return repeatedRow;
    }

    /** The main table's autofilter, or null. */
    Range autoFilter() {
        return autoFilter;
    }

    /** What prints, or null for the whole sheet. */
    Range printArea() {
        return printArea;
    }

    List<DropDown> dropDowns() {
        return dropDowns;
    }

    java.util.SortedSet<Integer> hiddenColumns() {
        return hiddenColumns;
    }

    /** Rows after which a new printed page starts. */
    List<Integer> pageBreaks() {
        return pageBreaks;
    }

    List<SheetChart> charts() {
        return charts;
    }

    private static double[] grow(double[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, index + 8);
    }

    /** True when a spreadsheet program would read this text as a formula or a command if typed in. */
    static boolean startsLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** A row as laid out: its cells left to right and its height in points (0: the sheet's default). */
    static final class PendingRow {
        final int index;
        final List<PendingCell> cells = new ArrayList<>(8);
        double fixedHeight;
        double height;

        PendingRow(int index) {
            this.index = index;
        }
    }

    /** One cell waiting for the layout: its value is a String, Double, LocalDate, LocalDateTime or null (blank). */
    /**
     * A number as its cell displays it (what String.format(Locale.ROOT, "%,d" / "%.1f%%" / "%,.2f")
     * gives), for measuring; without a Formatter per cell, which was a sizable share of a dossier's
     * time. Formatter rounds the shortest decimal form of the double half up, hence Double.toString.
     */
    static String displayNumber(Kind kind, double d) {
        if (!Double.isFinite(d) || Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0)) {
            return formatted(kind, d);
        }
        if (d >= 0 && d < 1000 && d == Math.rint(d) && kind != Kind.PERCENT) {
            // a count or an amount in whole units below a thousand (most cells): no separator, nothing to round
            String whole = Long.toString((long) d);
            return kind == Kind.INTEGER || kind == Kind.LINE_NO ? whole : whole + ".00";
        }
        return switch (kind) {
            case INTEGER -> DISPLAY.get()[0].format(Math.round(d));
            case LINE_NO -> Long.toString(Math.round(d));
            case PERCENT -> DISPLAY.get()[1].format(new BigDecimal(Double.toString(d * 100))) + "%";
            default -> DISPLAY.get()[2].format(new BigDecimal(Double.toString(d)));
        };
    }

    static String formatted(Kind kind, double d) {
        return switch (kind) {
            case INTEGER -> String.format(Locale.ROOT, "%,d", Math.round(d));
            case LINE_NO -> Long.toString(Math.round(d));
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", d * 100);
            default -> String.format(Locale.ROOT, "%,.2f", d);
        };
    }

    /** Per thread (DecimalFormat is not thread-safe): "#,##0", "0.0" and "#,##0.00", rounding half up like Formatter. */
    private static final ThreadLocal<java.text.DecimalFormat[]> DISPLAY = ThreadLocal.withInitial(() -> {
        java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(Locale.ROOT);
        java.text.DecimalFormat[] formats = {new java.text.DecimalFormat("#,##0", symbols),
                new java.text.DecimalFormat("0.0", symbols), new java.text.DecimalFormat("#,##0.00", symbols)};
        for (java.text.DecimalFormat f : formats) {
            f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        }
        return formats;
    });

    static final class PendingCell {
        final int column;
        final Object value;
        final Kind kind;
        final Fill fill;
        final boolean span;
        /** The last column a spanning cell is merged to (-1: not merged). */
        int mergedTo = -1;
        /** The width in points of its text on one line, when measured and of one paragraph (else NaN). */
        double oneLine = Double.NaN;
        String link;
        HyperlinkType linkType;

        PendingCell(int column, Object value, Kind kind, Fill fill, boolean span) {
            this.column = column;
            this.value = value;
            this.kind = kind;
            this.fill = fill;
            this.span = span;
        }

        /** Text that would read as a formula if typed gets a quote prefix, so editing it keeps it text. */
        boolean quoted() {
            return value instanceof String s && startsLikeFormula(s);
        }

        /** The text a spreadsheet shows for a number or date in this cell's format. */
        String display() {
            if (value == null) {
                return "";
            }
            if (value instanceof LocalDate) {
                return "0000-00-00";
            }
            if (value instanceof LocalDateTime) {
                return "0000-00-00 00:00";
            }
            double d = (Double) value;
            return displayNumber(kind, d) + ")"; // the _) padding: a parenthesis's width of space
        }
    }

    /** Writes the cells of one row from left to right; {@link #fill} colors the cells that follow. */
    final class RowWriter {

        private final PendingRow row;
        private int column;
        private Fill fill = Fill.NONE;

        private RowWriter(PendingRow row) {
            this.row = row;
        }

        int index() {
            return row.index;
        }

        RowWriter fill(Fill background) {
            this.fill = background;
            return this;
        }

        RowWriter skip() {
            column++;
            return this;
        }

        /** A row taller than its text needs (a signature line). */
        RowWriter height(double points) {
            row.fixedHeight = points;
            return this;
        }

        RowWriter label(String text) {
            return cell(text, Kind.LABEL);
        }

        RowWriter text(String text) {
            return cell(text, Kind.TEXT);
        }

        /** Long text: wrapped, so its column is capped and the row grows instead. */
        RowWriter wrap(String text) {
            return cell(text, Kind.WRAP);
        }

        /** A verdict: the word only, its shape drawn by the number format, in the verdict's fill. */
        RowWriter verdict(Verdict verdict) {
            if (verdict == null) {
                return blank();
            }
            Fill saved = fill;
            fill = Fill.of(verdict);
            cell(verdict.name(), Kind.of(verdict));
            fill = saved;
            return this;
        }

        /** Text in a fill of its own (a verdict, a result), whatever the row's fill. */
        RowWriter text(String text, Fill own) {
            Fill saved = fill;
            fill = own;
            cell(text, Kind.TEXT);
            fill = saved;
            return this;
        }

        /** Text that runs from this column to the sheet's last column (merged). */
        RowWriter spanning(String text, Kind kind, Fill own) {
            if (text == null) {
                return blank();
            }
            row.cells.add(new PendingCell(column++, text, kind, own, true));
            return this;
        }

        /** An empty boxed cell for the reviewer, running to the sheet's last column. */
        RowWriter input() {
            return input("");
        }

        /** A boxed cell for the reviewer with printed choices in it, running to the sheet's last column. */
        RowWriter input(String text) {
            row.cells.add(new PendingCell(column++, text, Kind.INPUT, Fill.NONE, true));
            return this;
        }

        RowWriter integer(Number value) {
            return number(value, Kind.INTEGER);
        }

        /** A line or sequence number: no thousands separator. */
        RowWriter lineNo(Number value) {
            return number(value, Kind.LINE_NO);
        }

        RowWriter decimal(Double value) {
            return number(value, Kind.DECIMAL);
        }

        RowWriter money(BigDecimal value) {
            return number(value, Kind.MONEY);
        }

        /** A fraction 0..1 shown as a percentage. */
        RowWriter percent(Double fraction) {
            return number(fraction, Kind.PERCENT);
        }

        private RowWriter number(Number value, Kind kind) {
            if (value == null) {
                return blank();
            }
            row.cells.add(new PendingCell(column++, value.doubleValue(), kind, fill, false));
            return this;
        }

        RowWriter date(LocalDate date) {
            if (date == null) {
                return blank();
            }
            row.cells.add(new PendingCell(column++, date, Kind.DATE, fill, false));
            return this;
        }

        /** A text cell linking to a file given by a relative path. */
        RowWriter link(String text, String relativePath) {
            return linked(text, relativePath, HyperlinkType.FILE);
        }

        /** A text cell linking to a cell of this workbook, e.g. {@code 'Claim Lines'!A12}. */
        RowWriter jump(String text, String sheetName, int rowIndex) {
            return linked(text, "'" + sheetName + "'!A" + (rowIndex + 1), HyperlinkType.DOCUMENT);
        }

        private RowWriter linked(String text, String address, HyperlinkType type) {
            if (text == null) {
                return blank();
            }
            PendingCell cell = new PendingCell(column++, text, Kind.LINK, fill, false);
            cell.link = address;
            cell.linkType = type;
            row.cells.add(cell);
            return this;
        }

        RowWriter blank() {
            if (fill != Fill.NONE) {
                row.cells.add(new PendingCell(column, null, Kind.TEXT, fill, false));
            }
            column++;
            return this;
        }

        RowWriter cell(String text, Kind kind) {
            if (text == null) {
                return blank();
            }
            row.cells.add(new PendingCell(column++, text, kind, fill, false));
            return this;
        }
    }
}
