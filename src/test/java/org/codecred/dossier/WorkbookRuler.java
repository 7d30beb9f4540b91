package org.codecred.dossier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures every cell of a workbook with the real font (Liberation Sans, which is what LibreOffice
 * draws for Arial, read with java.awt from its font file) against the space the cell has: its
 * column width (or merged width), and for wrapped text the row height its lines need. Independent
 * of {@link TextMetrics}: it is how the tests check the writer's layout.
 *
 * <p>{@code java -cp ... org.codecred.dossier.WorkbookRuler DIR} prints every overflow under DIR.
 */
final class WorkbookRuler {

    static final Path[] FONT_DIRS = {Path.of("/usr/share/fonts/truetype/liberation"),
            Path.of("/usr/share/fonts/truetype/liberation2")};
    /** Pixels a cell keeps free of text (margins and grid line), at 96 dpi. */
    private static final double PADDING_PX = 5;

    private final Font regular;
    private final Font bold;
    private final FontRenderContext frc = new FontRenderContext(null, true, true);
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    WorkbookRuler() throws Exception {
        regular = load("LiberationSans-Regular.ttf");
        bold = load("LiberationSans-Bold.ttf");
    }

    static boolean fontsInstalled() {
        return Stream.of(FONT_DIRS).anyMatch(d -> Files.isRegularFile(d.resolve("LiberationSans-Regular.ttf")));
    }

    private static Font load(String file) throws Exception {
        for (Path dir : FONT_DIRS) {
            if (Files.isRegularFile(dir.resolve(file))) {
                return Font.createFont(Font.TRUETYPE_FONT, new File(dir.resolve(file).toString()));
            }
        }
        throw new IllegalStateException(file + " not found: install fonts-liberation (see .ci/run)");
    }

    /** Every overflow of every workbook under {@code dir}, described. */
    List<String> overflows(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList()) {
                problems.addAll(overflows(file, dir.relativize(file).toString()));
            }
        }
        return problems;
    }

    List<String> overflows(Path file, String name) throws IOException {
        List<String> problems = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                Map<String, CellRangeAddress> merged = new HashMap<>();
                for (CellRangeAddress region : sheet.getMergedRegions()) {
                    merged.put(region.getFirstRow() + ":" + region.getFirstColumn(), region);
                }
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String problem = check(sheet, cell, merged.get(cell.getRowIndex() + ":" + cell.getColumnIndex()));
                        if (problem != null) {
                            problems.add(name + " " + sheet.getSheetName() + "!"
                                    + new CellReference(cell).formatAsString(false) + ": " + problem);
                        }
                    }
                }
            }
        }
        return problems;
    }

    private String check(XSSFSheet sheet, Cell cell, CellRangeAddress region) {
        if (cell.getCellType() == CellType.BLANK) {
            return null;
        }
        String text = formatter.formatCellValue(cell);
        if (text.isEmpty()) {
            return null;
        }
        CellStyle style = cell.getCellStyle();
        XSSFFont xf = sheet.getWorkbook().getFontAt(style.getFontIndex());
        if (!xf.getFontName().equals("Arial")) {
            return "font " + xf.getFontName() + ", not the workbook's one family (Arial)";
        }
        Font font = (xf.getBold() ? bold : regular).deriveFont((float) xf.getFontHeightInPoints());
        int firstColumn = cell.getColumnIndex();
        int lastColumn = region == null ? firstColumn : region.getLastColumn();
        double widthPx = 0;
        for (int c = firstColumn; c <= lastColumn; c++) {
            widthPx += Math.floor(sheet.getColumnWidth(c) / 256.0 * 7 + 0.5);
        }
        double available = (widthPx - PADDING_PX) * 0.75;
        double height = 0;
        int lastRow = region == null ? cell.getRowIndex() : region.getLastRow();
        for (int r = cell.getRowIndex(); r <= lastRow; r++) {
            Row row = sheet.getRow(r);
            height += row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
        }
        if (cell.getCellType() == CellType.NUMERIC || cell.getCellType() == CellType.FORMULA) {
            double w = width(font, text.replace(")", "").stripTrailing()) + width(font, ")");
            return w > available ? String.format(Locale.ROOT, "number '%s' needs %.1f pt, column has %.1f", text, w, available)
                    : null;
        }
        if (!style.getWrapText()) {
            double w = widestLine(font, text);
            return w > available ? String.format(Locale.ROOT, "'%s' needs %.1f pt, has %.1f (not wrapped)", cut(text), w,
                    available) : null;
        }
        int lines = lines(font, text, available);
        LineMetrics metrics = font.getLineMetrics("Ág", frc);
        double needed = lines * (metrics.getAscent() + metrics.getDescent() + metrics.getLeading());
        return needed > height + 0.5 ? String.format(Locale.ROOT, "'%s' wraps to %d lines (%.1f pt), row is %.1f pt",
                cut(text), lines, needed, height) : null;
    }

    private static String cut(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private double width(Font font, String text) {
        return text.isEmpty() ? 0 : font.getStringBounds(text, frc).getWidth();
    }

    private double widestLine(Font font, String text) {
        double widest = 0;
        for (String line : text.split("\n", -1)) {
            widest = Math.max(widest, width(font, line));
        }
        return widest;
    }

    /** Lines of text wrapped at spaces into {@code available} points; an overlong word breaks between characters. */
    int lines(Font font, String text, double available) {
        int lines = 0;
        double space = width(font, " ");
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            double used = 0;
            for (String word : paragraph.split(" ", -1)) {
                double w = width(font, word);
                if (used == 0 ? w <= available : used + space + w <= available) {
                    used = used == 0 ? w : used + space + w;
                    continue;
                }
                if (used > 0) {
                    lines++;
                }
                while (w > available) {
                    lines++;
                    w -= available;
                }
                used = w;
            }
        }
        return lines;
    }

    public static void main(String[] args) throws Exception {
        List<String> problems = new WorkbookRuler().overflows(Path.of(args[0]));
        problems.forEach(System.out::println);
        System.out.println(problems.size() + " overflow(s)");
    }
}
