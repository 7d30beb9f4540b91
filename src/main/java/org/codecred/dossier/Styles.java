package org.codecred.dossier;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.alignment.AlignmentOutcome;
import org.codecred.credentials.CheckResult;
import org.codecred.domain.Severity;
import org.codecred.domain.Verdict;

import java.util.HashMap;
import java.util.Map;

/**
 * The cell styles of one workbook, each created once on first use and then shared by every cell
 * that looks the same (a workbook holds at most 64,000 styles). One font family throughout
 * ({@link TextMetrics#FAMILY}), so what {@link SheetWriter} measures is what Excel and LibreOffice draw.
 */
final class Styles {

    /** What a cell holds, which decides its number format and font. */
    enum Kind {
        TITLE(13, true), HEADER(10, true), LABEL(10, true), TEXT(10, false), WRAP(10, false),
        INTEGER(10, false), LINE_NO(10, false), DECIMAL(10, false), MONEY(10, false), PERCENT(10, false),
        DATE(10, false), DATE_TIME(10, false), LINK(10, false),
        /** The verdict in the decision box: large and bold. */
        VERDICT(18, true),
        /** A cell the reviewer fills in: boxed. */
        INPUT(10, false),
        /** A line to sign or date on: a bottom border only. */
        SIGN_LINE(10, false),
        /**
         * A verdict word: the cell holds HOLD, REVIEW or CLEAR only, and its number format draws the
         * verdict's shape before it (a program reading the cell gets the word; print keeps the shape).
         */
        HOLD_WORD(10, true), REVIEW_WORD(10, true), CLEAR_WORD(10, true);

        final double points;
        final boolean bold;

        Kind(double points, boolean bold) {
            this.points = points;
            this.bold = bold;
        }

        boolean isText() {
            return this == TITLE || this == HEADER || this == LABEL || this == TEXT || this == WRAP || this == LINK
                    || this == VERDICT || this == INPUT || this == SIGN_LINE || prefix() != null;
        }

        /** Text that wraps into more lines when its column is too narrow (a link's text never does). */
        boolean wraps() {
            return isText() && this != LINK;
        }

        /** What the number format shows before a verdict word, or null. */
        String prefix() {
            return switch (this) {
                case HOLD_WORD -> "■ ";
                case REVIEW_WORD -> "▲ ";
                case CLEAR_WORD -> "● ";
                default -> null;
            };
        }

        /** The text as the cell displays it. */
        String shown(String text) {
            return prefix() == null ? text : prefix() + text;
        }

        static Kind of(Verdict verdict) {
            return switch (verdict) {
                case HOLD -> HOLD_WORD;
                case REVIEW -> REVIEW_WORD;
                case CLEAR -> CLEAR_WORD;
            };
        }

        /** Excel number format; numbers keep a space's width free on the right so they never touch the next cell. */
        String format() {
            return switch (this) {
                case INTEGER -> "#,##0_)";
                case LINE_NO -> "0_)";
                case DECIMAL -> "#,##0.00_)";
                case MONEY -> "#,##0.00_)";
                case PERCENT -> "0.0%_)";
                case DATE -> "yyyy-mm-dd";
                case DATE_TIME -> "yyyy-mm-dd hh:mm";
                case HOLD_WORD, REVIEW_WORD, CLEAR_WORD -> "\"" + prefix() + "\"@";
                default -> "@";
            };
        }
    }

    /**
     * Background of a cell: severity and outcome colors, or none. The verdict bands add a pattern
     * (HOLD dense dark stripes, REVIEW dots, CLEAR a light solid band) so that they still differ on
     * a grayscale print, HOLD darkest and CLEAR lightest.
     */
    enum Fill {
        NONE(null, null), ERROR("F4C7C3", null), WARNING("FCE8B2", null), INFO("CFE2F3", null), GOOD("D9EAD3", null),
        MUTED("EFEFEF", null), HEADER("D9D9D9", null),
        HOLD_BAND("C00000", FillPatternType.THICK_FORWARD_DIAG), REVIEW_BAND("BF9000", FillPatternType.SPARSE_DOTS),
        CLEAR_BAND("B6D7A8", FillPatternType.SOLID_FOREGROUND);

        private final String rgb;
        private final FillPatternType pattern;

        Fill(String rgb, FillPatternType pattern) {
            this.rgb = rgb;
            this.pattern = pattern;
        }

        static Fill of(Verdict verdict) {
            return switch (verdict) {
                case HOLD -> ERROR;
                case REVIEW -> WARNING;
                case CLEAR -> GOOD;
            };
        }

        static Fill of(Severity severity) {
            return switch (severity) {
                case ERROR -> ERROR;
                case WARNING -> WARNING;
                case INFO -> INFO;
            };
        }

        static Fill of(AlignmentOutcome outcome) {
            return switch (outcome) {
                case SUPPORTED -> GOOD;
                case UNSUPPORTED -> WARNING;
                case UNDECLARED -> INFO;
                case INSUFFICIENT_DATA -> MUTED;
                case WEAK -> NONE;
            };
        }

        static Fill of(CheckResult result) {
            return switch (result) {
                case PASS -> GOOD;
                case FAIL -> ERROR;
                case WARN -> WARNING;
                case NOT_CHECKED -> MUTED;
            };
        }
    }

    private final Workbook workbook;
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final Map<String, Font> fonts = new HashMap<>();

    Styles(Workbook workbook) {
        this.workbook = workbook;
        // the workbook's default font (index 0) sets Excel's column unit and every unstyled cell
        XSSFWorkbook xssf = workbook instanceof SXSSFWorkbook s ? s.getXSSFWorkbook() : (XSSFWorkbook) workbook;
        XSSFFont base = xssf.getFontAt(0);
        base.setFontName(TextMetrics.FAMILY);
        base.setFontHeightInPoints((short) TextMetrics.BODY_POINTS);
        base.setFamily(org.apache.poi.ss.usermodel.FontFamily.SWISS);
        base.setScheme(org.apache.poi.ss.usermodel.FontScheme.NONE);
    }

    /**
     * The style for a cell. {@code quoted} marks text that would read as a formula if typed
     * (starting with =, +, -, @, tab or CR): the cell gets a quote prefix, so editing it in a
     * spreadsheet program keeps it text.
     */
    CellStyle of(Kind kind, Fill fill, boolean quoted) {
        String key = kind.name() + '/' + fill.name() + '/' + quoted;
        CellStyle style = styles.get(key);
        if (style == null) {
            style = create(kind, fill, quoted);
            styles.put(key, style);
        }
        return style;
    }

    int count() {
        return styles.size();
    }

    private CellStyle create(Kind kind, Fill fill, boolean quoted) {
        CellStyle style = workbook.createCellStyle();
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setQuotePrefixed(quoted);
        if (kind != Kind.TITLE && kind != Kind.HEADER && kind != Kind.LABEL) {
            style.setDataFormat(workbook.createDataFormat().getFormat(kind.format()));
        }
        if (kind.wraps()) {
            style.setWrapText(true); // the writer sizes the row for every line it measured
        }
        style.setFont(font(kind));
        switch (kind) {
            case HEADER -> style.setBorderBottom(BorderStyle.THIN);
            case DATE, DATE_TIME -> style.setAlignment(HorizontalAlignment.LEFT);
            case VERDICT -> style.setVerticalAlignment(VerticalAlignment.CENTER);
            case SIGN_LINE -> style.setBorderBottom(BorderStyle.THIN);
            case INPUT -> {
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            default -> {
            }
        }
        Fill background = kind == Kind.HEADER && fill == Fill.NONE ? Fill.HEADER : fill;
        if (background.rgb != null) {
            XSSFCellStyle xssf = (XSSFCellStyle) style;
            xssf.setFillForegroundColor(new XSSFColor(rgb(background.rgb), null));
            if (background.pattern == null || background.pattern == FillPatternType.SOLID_FOREGROUND) {
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            } else {
                xssf.setFillBackgroundColor(new XSSFColor(rgb("FFFFFF"), null));
                style.setFillPattern(background.pattern);
            }
        }
        return style;
    }

    private Font font(Kind kind) {
        boolean link = kind == Kind.LINK;
        String key = kind.points + "/" + kind.bold + "/" + link;
        return fonts.computeIfAbsent(key, k -> {
            Font font = workbook.createFont();
            font.setFontName(TextMetrics.FAMILY);
            font.setFontHeightInPoints((short) kind.points);
            font.setBold(kind.bold);
            if (link) {
                font.setUnderline(Font.U_SINGLE);
                font.setColor(IndexedColors.BLUE.getIndex());
            }
            return font;
        });
    }

    private static byte[] rgb(String hex) {
        return new byte[] {(byte) Integer.parseInt(hex.substring(0, 2), 16),
                (byte) Integer.parseInt(hex.substring(2, 4), 16), (byte) Integer.parseInt(hex.substring(4, 6), 16)};
    }
}
