package org.codecred.dossier;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Widths of text in the workbooks' one font family, so every cell is laid out to fit (or wrap
 * with a row height that holds all its lines) without any font installed. The workbooks name
 * Arial; the widths are those of Liberation Sans, which is metric-compatible with it (what
 * LibreOffice substitutes for Arial), read from its font files by {@code FontWidthTableGenerator}.
 * Points throughout; Excel's column unit is the width of a digit of the default font (7 px at 96
 * dpi for Arial 10, 5.25 pt).
 */
final class TextMetrics {

    /** Characters below this code point have a width in the table. */
    static final int CHARS = 0x3000;
    static final String FAMILY = "Arial";
    static final double BODY_POINTS = 10;

    /** Points of one Excel column-width unit (a digit of Arial 10: 7 px). */
    static final double POINTS_PER_CHAR = 5.25;
    /** What a cell keeps free of text: the cell margins on both sides and the grid line (about 5 px). */
    static final double CELL_PADDING = 5.25;
    /** Measured widths are scaled up by this much, so a program that spaces glyphs a little wider still fits. */
    static final double SAFETY = 1.06;

    private static final short[] REGULAR = new short[CHARS];
    private static final short[] BOLD = new short[CHARS];
    /** Used for a character the table lacks (another font will draw it): as wide as a capital W. */
    private static final int FALLBACK = 1933;

    static {
        try (InputStream in = TextMetrics.class.getResourceAsStream("font-widths.bin")) {
            if (in == null) {
                throw new IllegalStateException("font-widths.bin is missing from the classpath");
            }
            DataInputStream data = new DataInputStream(in);
            for (int c = 0; c < CHARS; c++) {
                REGULAR[c] = data.readShort();
            }
            for (int c = 0; c < CHARS; c++) {
                BOLD[c] = data.readShort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TextMetrics() {
    }

    /** Width in points of one line of text (no line breaks) at {@code size} points, with the safety margin. */
    static double width(CharSequence text, boolean bold, double size) {
        return width(text, 0, text.length(), bold, size);
    }

    /** {@link #width} of the characters from {@code from} to before {@code to} (no substring: a dossier measures thousands of words). */
    private static double width(CharSequence text, int from, int to, boolean bold, double size) {
        return units(text, from, to, bold) * size / 2048.0 * SAFETY;
    }

    private static long units(CharSequence text, int from, int to, boolean bold) {
        short[] table = bold ? BOLD : REGULAR;
        long units = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int w = c < CHARS ? table[c] : 0;
            units += w > 0 ? w : c < 0x20 ? 0 : FALLBACK;
        }
        return units;
    }

    /** Width in points of the widest line of a text that may hold line breaks. */
    static double widestLine(String text, boolean bold, double size) {
        double widest = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                widest = Math.max(widest, width(text, start, i, bold, size));
                start = i + 1;
            }
        }
        return widest;
    }

    /** Width in points of the widest word: the narrowest a wrapping column can be without breaking a word. */
    static double widestWord(String text, boolean bold, double size) {
        double widest = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
                if (i > start) {
                    widest = Math.max(widest, width(text, start, i, bold, size));
                }
                start = i + 1;
            }
        }
        return widest;
    }

    /**
     * Lines the text takes when wrapped at spaces into {@code available} points, the way spreadsheet
     * programs wrap: greedily, a word too long for a line of its own broken between characters.
     * Paragraphs end at line breaks, words at single spaces (two spaces make an empty word between).
     */
    static int lines(String text, double available, boolean bold, double size) {
        if (text.isEmpty()) {
            return 1;
        }
        double space = width(" ", bold, size);
        int lines = 1;
        double used = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '\n' : text.charAt(i);
            if (c != ' ' && c != '\n') {
                continue;
            }
            double w = width(text, start, i, bold, size);
            start = i + 1;
            double needed = used == 0 ? w : used + space + w;
            if (needed <= available || (used == 0 && w == 0)) {
                used = needed;
            } else {
                if (used > 0) {
                    lines++;
                    used = 0;
                }
                while (w > available) { // a word wider than the line: broken where it no longer fits
                    lines++;
                    w -= available;
                }
                used = w;
            }
            if (c == '\n' && i < text.length()) { // a new paragraph starts a new line
                lines++;
                used = 0;
            }
        }
        return lines;
    }

    /** Height in points of one line of text at {@code size} points (Arial 10: 12.75, Excel's default row). */
    static double lineHeight(double size) {
        return size * 1.275;
    }

    /** Usable text width in points of a column {@code widthUnits} (1/256 of a character) wide. */
    static double usable(int widthUnits) {
        return widthUnits / 256.0 * POINTS_PER_CHAR - CELL_PADDING;
    }

    /** The column width (in 1/256 of a character) that leaves {@code points} for text. */
    static int widthUnits(double points) {
        return (int) Math.ceil((points + CELL_PADDING) / POINTS_PER_CHAR * 256);
    }
}
