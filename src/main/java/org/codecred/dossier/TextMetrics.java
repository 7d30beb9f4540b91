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
        short[] table = bold ? BOLD : REGULAR;
        long units = 0;
        for (int i = from; i < to; i++) {
            units += units(table, text.charAt(i));
        }
        return points(units, size);
    }

    /** Font units of one character (2,048 to the em). */
    private static int units(short[] table, char c) {
        int w = c < CHARS ? table[c] : 0;
        return w > 0 ? w : c < 0x20 ? 0 : FALLBACK;
    }

    /** Points of a run of font units at {@code size} points, with the safety margin (the larger the run, the wider). */
    private static double points(long units, double size) {
        return units * size / 2048.0 * SAFETY;
    }

    /**
     * Widths in points of a text's widest line and of its widest word (between whitespace), and
     * whether it is one paragraph (no line break).
     */
    record Widest(double line, double word, boolean oneParagraph) {
    }

    /**
     * The widest line of a text that may hold line breaks, and its widest word: the narrowest a
     * wrapping column can be without breaking a word. One pass, as every text cell of a dossier is
     * measured so.
     */
    static Widest widest(String text, boolean bold, double size) {
        short[] table = bold ? BOLD : REGULAR;
        long line = 0;
        long word = 0;
        long widestLine = 0;
        long widestWord = 0;
        boolean oneParagraph = true;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                widestLine = Math.max(widestLine, line);
                widestWord = Math.max(widestWord, word);
                line = 0;
                word = 0;
                oneParagraph = false;
                continue;
            }
            int w = units(table, c);
            line += w;
            if (isWhitespace(c)) {
                widestWord = Math.max(widestWord, word);
                word = 0;
            } else {
                word += w;
            }
        }
        return new Widest(points(Math.max(widestLine, line), size), points(Math.max(widestWord, word), size), oneParagraph);
    }

    /** {@link Character#isWhitespace}, answered for printable ASCII without looking it up. */
    static boolean isWhitespace(char c) {
        return (c <= ' ' || c >= 0x7F) && Character.isWhitespace(c);
    }

    /**
     * Lines the text takes when wrapped at spaces into {@code available} points, the way spreadsheet
     * programs wrap: greedily, a word too long for a line of its own broken between characters.
     * Paragraphs end at line breaks, words at single spaces (two spaces make an empty word between).
     * Each word is measured as it is walked.
     */
    static int lines(String text, double available, boolean bold, double size) {
        return lines(text, Double.NaN, available, bold, size);
    }

    /**
     * {@link #lines(String, double, boolean, double)} of a text already measured: {@code oneLine},
     * the width of a paragraph's one line ({@link Widest#line()} of a text of one paragraph; NaN
     * when unknown). A line that fits with room to spare is one line without walking its words: a
     * billionth of the room spares more than the rounding of summing its words one by one.
     */
    static int lines(String text, double oneLine, double available, boolean bold, double size) {
        if (oneLine <= available - Math.abs(available) * 1e-9) {
            return 1;
        }
        if (text.isEmpty()) {
            return 1;
        }
        short[] table = bold ? BOLD : REGULAR;
        double space = width(" ", bold, size);
        int lines = 1;
        double used = 0;
        long wordUnits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '\n' : text.charAt(i);
            if (c != ' ' && c != '\n') {
                wordUnits += units(table, c);
                continue;
            }
            double w = points(wordUnits, size);
            wordUnits = 0;
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
