package org.codecred.dossier;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

import java.util.HashMap;
import java.util.Map;

/**
 * The cell styles of one workbook, each created once on first use and then shared by every cell
 * that looks the same (a workbook holds at most 64,000 styles).
 */
final class Styles {

    /** What a cell holds, which decides its number format and font. */
    enum Kind {
        TITLE, HEADER, LABEL, TEXT, WRAP, INTEGER, DECIMAL, MONEY, PERCENT, DATE, DATE_TIME, LINK
    }

    /** Background of a cell: severity and outcome colors, or none. */
    enum Fill {
        NONE(null), ERROR("F4C7C3"), WARNING("FCE8B2"), INFO("CFE2F3"), GOOD("D9EAD3"), MUTED("EFEFEF"),
        HEADER("D9D9D9");

        private final String rgb;

        Fill(String rgb) {
            this.rgb = rgb;
        }
    }

    private final Workbook workbook;
    private final Map<String, CellStyle> styles = new HashMap<>();
    private Font bold;
    private Font title;
    private Font link;

    Styles(Workbook workbook) {
        this.workbook = workbook;
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
        String format = switch (kind) {
            case INTEGER -> "#,##0";
            case DECIMAL -> "#,##0.00";
            case MONEY -> "#,##0.00";
            case PERCENT -> "0.0%";
            case DATE -> "yyyy-mm-dd";
            case DATE_TIME -> "yyyy-mm-dd hh:mm";
            default -> "@";
        };
        if (kind != Kind.TITLE && kind != Kind.HEADER && kind != Kind.LABEL) {
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
        }
        switch (kind) {
            case TITLE -> style.setFont(titleFont());
            case HEADER -> {
                style.setFont(boldFont());
                style.setBorderBottom(BorderStyle.THIN);
                style.setWrapText(true);
            }
            case LABEL -> style.setFont(boldFont());
            case WRAP -> style.setWrapText(true);
            case LINK -> style.setFont(linkFont());
            case DATE, DATE_TIME -> style.setAlignment(HorizontalAlignment.LEFT);
            default -> {
            }
        }
        Fill background = kind == Kind.HEADER && fill == Fill.NONE ? Fill.HEADER : fill;
        if (background.rgb != null) {
            ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(rgb(background.rgb), null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }

    private Font boldFont() {
        if (bold == null) {
            bold = workbook.createFont();
            bold.setBold(true);
        }
        return bold;
    }

    private Font titleFont() {
        if (title == null) {
            title = workbook.createFont();
            title.setBold(true);
            title.setFontHeightInPoints((short) 13);
        }
        return title;
    }

    private Font linkFont() {
        if (link == null) {
            link = workbook.createFont();
            link.setUnderline(Font.U_SINGLE);
            link.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
        }
        return link;
    }

    private static byte[] rgb(String hex) {
        return new byte[] {(byte) Integer.parseInt(hex.substring(0, 2), 16),
                (byte) Integer.parseInt(hex.substring(2, 4), 16), (byte) Integer.parseInt(hex.substring(4, 6), 16)};
    }
}
