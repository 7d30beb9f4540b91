package org.codecred.dossier;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.nio.file.Path;

/**
 * Writes {@code font-widths.bin}, the advance widths {@link TextMetrics} lays cells out with, from
 * the Liberation Sans font files (metric-compatible with Arial, the family the workbooks name):
 * {@code java -cp ... org.codecred.dossier.FontWidthTableGenerator REGULAR.ttf BOLD.ttf OUT.bin}.
 * Widths are in font units of a 2048-unit em, 0 where the font has no glyph.
 */
public final class FontWidthTableGenerator {

    public static void main(String[] args) throws Exception {
        try (DataOutputStream out = new DataOutputStream(new FileOutputStream(args[2]))) {
            for (int f = 0; f < 2; f++) {
                for (short width : widths(Path.of(args[f]))) {
                    out.writeShort(width);
                }
            }
        }
    }

    static short[] widths(Path fontFile) throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, new File(fontFile.toString())).deriveFont(2048f);
        FontRenderContext frc = new FontRenderContext(null, false, true);
        short[] widths = new short[TextMetrics.CHARS];
        for (char c = 0x20; c < TextMetrics.CHARS; c++) {
            if (font.canDisplay(c)) {
                widths[c] = (short) Math.round(font.createGlyphVector(frc, new char[] {c}).getGlyphMetrics(0).getAdvanceX());
            }
        }
        return widths;
    }
}
