package org.codecred.dossier;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a laid-out {@link SheetWriter} as a worksheet's XML (SpreadsheetML), the way {@link
 * PoiSheet} would have POI write it: cells with the template's shared style indexes and inline
 * strings, merged spans, the autofilter, drop-downs, links, print setup, page breaks and the
 * drawing that holds the sheet's charts. What POI reads back is the same (WriterComparisonTest).
 */
final class SheetXml {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int LAST_COLUMN = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();

    private SheetXml() {
    }

    /** A link to a file or address outside the workbook: a relationship of the sheet. */
    record ExternalLink(String relationshipId, String target) {
    }

    /**
     * Appends the sheet's XML. {@code styles} gives each cell's style index; {@code drawingId} is the
     * relationship id of the sheet's drawing (null without charts); external links get relationship
     * ids from rId2 on and are added to {@code external}.
     */
    static void write(StringBuilder out, SheetWriter sheet, boolean selected, DossierTemplate.StyleIndex styles,
                      String drawingId, List<ExternalLink> external) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"").append(MAIN)
                .append("\" xmlns:r=\"").append(RELATIONSHIPS).append("\">")
                .append("<sheetPr><pageSetUpPr fitToPage=\"true\" autoPageBreaks=\"true\"/></sheetPr>");
        List<SheetWriter.PendingRow> rows = sheet.rows();
        int[] widths = sheet.widths();
        int lastRow = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).index;
        out.append("<dimension ref=\"A1:").append(CellReference.convertNumToColString(Math.max(0, widths.length - 1)))
                .append(lastRow + 1).append("\"/>");
        out.append("<sheetViews><sheetView workbookViewId=\"0\"");
        if (selected) {
            out.append(" tabSelected=\"true\"");
        }
        if (!sheet.gridLines()) {
            out.append(" showGridLines=\"false\"");
        }
        int frozen = sheet.frozenRows();
        if (frozen > 0) {
            out.append("><pane ySplit=\"").append((double) frozen).append("\" state=\"frozen\" topLeftCell=\"A")
                    .append(frozen + 1).append("\" activePane=\"bottomLeft\"/><selection pane=\"bottomLeft\"/></sheetView>");
        } else {
            out.append("/>");
        }
        out.append("</sheetViews><sheetFormatPr defaultRowHeight=\"").append(defaultRowHeight())
                .append("\" customHeight=\"true\"/><cols>");
        for (int c = 0; c < widths.length; c++) {
            out.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"")
                    .append(widths[c] / 256.0).append("\" customWidth=\"true\"");
            if (sheet.hiddenColumns().contains(c)) {
                out.append(" hidden=\"true\"");
            }
            out.append("/>");
        }
        out.append("</cols><sheetData>");
        List<CellRangeAddress> merged = new ArrayList<>();
        List<String[]> links = new ArrayList<>();
        for (SheetWriter.PendingRow row : rows) {
            out.append("<row r=\"").append(row.index + 1);
            if (row.height > 0) {
                // as POI stores a height: whole twentieths of a point
                out.append("\" ht=\"").append((short) ((float) row.height * 20) / 20.0).append("\" customHeight=\"true");
            }
            out.append("\">");
            for (SheetWriter.PendingCell cell : row.cells) {
                cell(out, cell.column, row.index + 1, cell, styles.of(cell.kind, cell.fill, cell.quoted()));
                if (cell.mergedTo >= 0) {
                    merged.add(new CellRangeAddress(row.index, row.index, cell.column, cell.mergedTo));
                }
                if (cell.link != null) {
                    links.add(new String[] {columnName(cell.column) + (row.index + 1), cell.link, cell.linkType.name()});
                }
            }
            out.append("</row>");
        }
        out.append("</sheetData>");
        if (sheet.autoFilter() != null) {
            out.append("<autoFilter ref=\"").append(range(sheet.autoFilter()).formatAsString()).append("\"/>");
        }
        if (!merged.isEmpty()) {
            out.append("<mergeCells count=\"").append(merged.size()).append("\">");
            for (CellRangeAddress m : merged) {
                out.append("<mergeCell ref=\"").append(m.formatAsString()).append("\"/>");
            }
            out.append("</mergeCells>");
        }
        List<SheetWriter.DropDown> dropDowns = sheet.dropDowns();
        if (!dropDowns.isEmpty()) {
            out.append("<dataValidations count=\"").append(dropDowns.size()).append("\">");
            for (SheetWriter.DropDown d : dropDowns) {
                out.append("<dataValidation type=\"list\" sqref=\"").append(range(d.cells()).formatAsString())
                        .append("\" allowBlank=\"true\" errorStyle=\"stop\" showDropDown=\"false\" showErrorMessage=\"true\"><formula1>");
                escape(out, "\"" + String.join(",", d.choices()) + "\"");
                out.append("</formula1></dataValidation>");
            }
            out.append("</dataValidations>");
        }
        if (!links.isEmpty()) {
            out.append("<hyperlinks>");
            for (String[] link : links) {
                out.append("<hyperlink ref=\"").append(link[0]).append('"');
                if (HyperlinkType.valueOf(link[2]) == HyperlinkType.DOCUMENT) {
                    out.append(" location=\"");
                    escape(out, link[1]);
                } else {
                    ExternalLink rel = new ExternalLink("rId" + (external.size() + 2), link[1]);
                    external.add(rel);
                    out.append(" r:id=\"").append(rel.relationshipId());
                }
                out.append("\"/>");
            }
            out.append("</hyperlinks>");
        }
        out.append("<pageMargins bottom=\"0.6\" footer=\"0.3\" header=\"0.3\" left=\"0.4\" right=\"0.4\" top=\"0.6\"/>")
                .append("<pageSetup orientation=\"").append(sheet.landscape() ? "landscape" : "portrait")
                .append("\" fitToWidth=\"1\" fitToHeight=\"").append(sheet.fitHeight()).append("\" paperSize=\"1\"/>")
                .append("<headerFooter><oddHeader>");
        escape(out, headerFooter("", sheet.headerLeft(), sheet.headerRight()));
        out.append("</oddHeader><oddFooter>");
        String[] footer = sheet.footer();
        escape(out, headerFooter(footer[1], footer[0], footer[2]));
        out.append("</oddFooter></headerFooter>");
        List<Integer> breaks = sheet.pageBreaks();
        if (!breaks.isEmpty()) {
            out.append("<rowBreaks count=\"").append(breaks.size()).append("\" manualBreakCount=\"").append(breaks.size()).append("\">");
            for (int b : breaks) { // POI numbers a break by the row after it, 1-based
                out.append("<brk id=\"").append(b + 1).append("\" man=\"true\" max=\"").append(LAST_COLUMN).append("\"/>");
            }
            out.append("</rowBreaks>");
        }
        if (drawingId != null) {
            out.append("<drawing r:id=\"").append(drawingId).append("\"/>");
        }
        out.append("</worksheet>");
    }

    /** The sheet's default row height as POI writes it. */
    static String defaultRowHeight() {
        return Double.toString((float) TextMetrics.lineHeight(TextMetrics.BODY_POINTS));
    }

    /** A header or footer as POI joins its parts: centre, left, right, each after its code. */
    private static String headerFooter(String center, String left, String right) {
        StringBuilder text = new StringBuilder();
        if (!center.isEmpty()) {
            text.append("&C").append(center);
        }
        if (!left.isEmpty()) {
            text.append("&L").append(left);
        }
        if (!right.isEmpty()) {
            text.append("&R").append(right);
        }
        return text.toString();
    }

    private static CellRangeAddress range(SheetWriter.Range r) {
        return new CellRangeAddress(r.firstRow(), r.lastRow(), r.firstColumn(), r.lastColumn());
    }

    /**
     * One cell: a number as the double it is (a whole number without its ".0"), a date as its Excel
     * serial, text inline.
     */
    private static void cell(StringBuilder out, int column, int rowNumber, SheetWriter.PendingCell cell, int style) {
        out.append("<c r=\"").append(columnName(column)).append(rowNumber).append("\" s=\"").append(style).append('"');
        Object value = cell.value;
        double number;
        if (value instanceof String text) {
            if (text.isEmpty()) { // an empty input cell stays blank: only its box is written
                out.append("/>");
                return;
            }
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("The maximum length of cell contents (text) is " + MAX_TEXT + " characters");
            }
            // spaces at either end, or a line break, are kept only when the reader is told to
            boolean preserve = TextMetrics.isWhitespace(text.charAt(0)) || TextMetrics.isWhitespace(text.charAt(text.length() - 1))
                    || text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0;
            out.append(preserve ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>");
            escape(out, text);
            out.append("</t></is></c>");
            return;
        } else if (value instanceof Double d) {
            number = d;
        } else if (value instanceof LocalDate d) {
            number = serial(d);
        } else if (value instanceof LocalDateTime t) {
            number = DateUtil.getExcelDate(t, false);
        } else {
            out.append("/>");
            return;
        }
        if (Double.isInfinite(number) || Double.isNaN(number)) { // as POI: Excel has no infinities or NaN
            out.append(" t=\"e\"><v>").append(Double.isNaN(number) ? "#NUM!" : "#DIV/0!").append("</v></c>");
        } else {
            out.append("><v>");
            if (number == (long) number && Math.abs(number) < 1e15 && !(number == 0 && 1 / number < 0)) {
                out.append((long) number); // the same value, read back, without the double's slow formatting
            } else {
                out.append(number);
            }
            out.append("</v></c>"); // a number is the default type
        }
    }

    /** The 1900 date system's serial of 1 March 1900, after the day that system counts but never was. */
    private static final LocalDate SERIAL_61 = LocalDate.of(1900, 3, 1);
    private static final long EPOCH_SERIAL = 25_569; // 1970-01-01

    /** A date's Excel serial, as POI gives it: days since 1899-12-30 from March 1900, POI's own count before. */
    static double serial(LocalDate date) {
        return date.isBefore(SERIAL_61) ? DateUtil.getExcelDate(date.atStartOfDay(), false) : date.toEpochDay() + EPOCH_SERIAL;
    }

    /** Whether text needs no escaping: printable ASCII without markup characters. */
    private static boolean plain(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '&' || c == '<' || c == '>' || c == '"') {
                return false;
            }
        }
        return true;
    }

    /**
     * Escapes text for XML: markup characters as entities, a carriage return as a reference (so a
     * reader keeps it), and what XML 1.0 cannot hold (control characters, a lone surrogate, U+FFFE
     * and U+FFFF) as '?', as POI writes them. Every other character beyond ASCII is written as a
     * character reference (a surrogate pair, an emoji, as one): the part stays ASCII, so its
     * builder keeps one byte per character and the UTF-8 bytes are a copy of it. One em dash in
     * a sheet's footer used to make every sheet's XML two bytes a character and its encoding a
     * tenth of the dossier writer's time.
     */
    static void escape(StringBuilder out, String text) {
        if (plain(text)) { // most text: copied whole
            out.append(text);
            return;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                case '\t', '\n' -> out.append(c);
                default -> {
                    if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('?');
                    } else if (c < 0x80) {
                        out.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append("&#").append(Character.toCodePoint(c, text.charAt(++i))).append(';');
                    } else if (Character.isSurrogate(c)) {
                        out.append('?');
                    } else {
                        out.append("&#").append((int) c).append(';');
                    }
                }
            }
        }
    }

    /** Column letters of the first columns, made once: every cell's reference starts with them. */
    private static final String[] COLUMN_NAMES = java.util.stream.IntStream.range(0, 64)
            .mapToObj(CellReference::convertNumToColString).toArray(String[]::new);

    private static String columnName(int column) {
        return column < COLUMN_NAMES.length ? COLUMN_NAMES[column] : CellReference.convertNumToColString(column);
    }
}
