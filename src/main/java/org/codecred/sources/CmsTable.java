package org.codecred.sources;

import org.codecred.rules.CodeSet;
import org.codecred.rules.RuleTableException;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CMS table (a file or a zip entry) as its rows arrive: its layout is recognized from the header
 * wherever it sits in the first {@value CmsFiles#HEADER_SEARCH_ROWS} rows (a sheet may start with
 * notes), then every row goes to that layout.
 */
final class CmsTable {

    private static final Pattern DATE_MDY = Pattern.compile("(\\d{2})-(\\d{2})-(\\d{4})");
    private static final Pattern DATE_YMD = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    final String name;
    final LocalDate fileDate;
    private final CmsTables.Builder tables;
    private CmsLayout layout;
    String kind;
    int rowsSeen;
    long dataRows;
    int kept;
    int withoutValue;

    CmsTable(String name, CmsTables.Builder tables) {
        this.name = name;
        this.tables = tables;
        this.fileDate = dateInName(name);
    }

    void startSheet() {
        if (layout == null) {
            rowsSeen = 0;
        }
    }

    void row(String[] cells) {
        rowsSeen++;
        if (layout == null) {
            if (rowsSeen <= CmsFiles.HEADER_SEARCH_ROWS) {
                layout = CmsLayout.recognize(cells, this);
                kind = layout == null ? null : layout.kind();
            }
            return;
        }
        layout.row(cells);
    }

    /** End of the table: a header with no data under it must still be complete. */
    void finish() {
        if (layout != null) {
            layout.finish();
        }
    }

    CmsTables.Builder tables() {
        return tables;
    }

    RuleTableException problem(String column, String value, String what) {
        return new RuleTableException("CMS file " + name + " row " + rowsSeen + ", column '" + column + "': '"
                + value + "' " + what);
    }

    /** The table's own name (a zip entry's name without the zip). */
    String shortName() {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('!')) + 1);
    }

    static boolean isCode(String text) {
        return CodeSet.isCode(text.toUpperCase(Locale.ROOT));
    }

    static String cell(String[] cells, int index) {
        return index < 0 || index >= cells.length || cells[index] == null ? "" : cells[index].trim();
    }

    /** A header cell compared as a reader sees it: lower case, line breaks and runs of spaces as one space. */
    static String norm(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The effective date in a CMS file name such as {@code MCR_MUE_PractitionerServices_Eff_07-01-2024}. */
    static LocalDate dateInName(String name) {
        try {
            Matcher mdy = DATE_MDY.matcher(name);
            if (mdy.find()) {
                return LocalDate.of(Integer.parseInt(mdy.group(3)), Integer.parseInt(mdy.group(1)), Integer.parseInt(mdy.group(2)));
            }
            Matcher ymd = DATE_YMD.matcher(name);
            if (ymd.find()) {
                return LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)), Integer.parseInt(ymd.group(3)));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

}
