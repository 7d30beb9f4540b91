package org.codecred.dossier;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TextMetrics#lines} walks the text by index, or takes a paragraph measured before as one
 * line when it fits; it must count the lines the former reading (split into paragraphs, then words)
 * counted, kept here as the reference, for any text and width.
 */
class TextMetricsLinesTest {

    @Test
    void countsTheLinesTheParagraphAndWordReadingCounts() {
        Random random = new Random(27);
        String alphabet = "aW1 \n  .Ü\u4e00";
        for (int i = 0; i < 200_000; i++) {
            String text = randomText(random, alphabet);
            double available = 5 + random.nextInt(200);
            boolean bold = random.nextBoolean();
            int expected = reference(text, available, bold, 10);
            assertThat(TextMetrics.lines(text, available, bold, 10))
                    .as("'%s' in %s points", text, available).isEqualTo(expected);
            // measured before (as a sheet's layout measures it): the same count, a line that fits or not
            TextMetrics.Widest widest = TextMetrics.widest(text, bold, 10);
            double oneLine = widest.oneParagraph() ? widest.line() : Double.NaN;
            assertThat(TextMetrics.lines(text, oneLine, available, bold, 10))
                    .as("'%s' measured, in %s points", text, available).isEqualTo(expected);
            assertThat(TextMetrics.lines(text, oneLine, widest.line(), bold, 10))
                    .as("'%s' in exactly its width", text).isEqualTo(reference(text, widest.line(), bold, 10));
        }
    }

    /** {@link TextMetrics#widest} measures in one pass what measuring each line and each word apart gives. */
    @Test
    void theWidestLineAndWordAreThoseOfEachMeasuredApart() {
        Random random = new Random(28);
        String alphabet = "aW1 \n\t\r.Ü\u00A0\u2003\u4e00\u0001";
        for (int i = 0; i < 200_000; i++) {
            String text = randomText(random, alphabet);
            boolean bold = random.nextBoolean();
            double size = random.nextBoolean() ? 10 : 14;
            TextMetrics.Widest widest = TextMetrics.widest(text, bold, size);
            double line = 0;
            for (String each : text.split("\n", -1)) {
                line = Math.max(line, TextMetrics.width(each, bold, size));
            }
            double word = 0;
            for (String each : text.split("[\\s\\p{javaWhitespace}]", -1)) {
                word = Math.max(word, TextMetrics.width(each, bold, size));
            }
            assertThat(widest.line()).as("widest line of '%s'", text).isEqualTo(line);
            assertThat(widest.word()).as("widest word of '%s'", text).isEqualTo(word);
        }
        assertThat(TextMetrics.widest("ab\nW", false, 10).line()).isEqualTo(TextMetrics.width("ab", false, 10));
        assertThat(TextMetrics.widest("ab W", false, 10).word()).isEqualTo(TextMetrics.width("ab", false, 10));
    }

    @Test
    void aLineBreakStartsALineAndAWordTooLongIsBroken() {
        assertThat(TextMetrics.lines("", 50, false, 10)).isEqualTo(1);
        assertThat(TextMetrics.lines("a\nb\n", 50, false, 10)).isEqualTo(3);
        assertThat(TextMetrics.lines("W".repeat(30), TextMetrics.width("W".repeat(10), false, 10), false, 10)).isEqualTo(3);
    }

    /** Up to 40 of the alphabet's characters, one in five a word too long for most lines. */
    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(40); n > 0; n--) {
            text.append(random.nextInt(5) == 0 ? "averyveryverylongword" : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** The former {@link TextMetrics#lines}, as it was before it walked the text by index. */
    private static int reference(String text, double available, boolean bold, double size) {
        if (text.isEmpty()) {
            return 1;
        }
        double space = TextMetrics.width(" ", bold, size);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            double used = 0;
            for (String word : paragraph.split(" ", -1)) {
                double w = TextMetrics.width(word, bold, size);
                double needed = used == 0 ? w : used + space + w;
                if (needed <= available || (used == 0 && w == 0)) {
                    used = needed;
                    continue;
                }
                if (used > 0) {
                    lines++;
                    used = 0;
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
}
