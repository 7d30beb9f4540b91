package org.codecred.report;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts as plain SVG inside the page (no script, no library): each bar carries its
 * number as text, so the chart reads in grayscale and the table beside it holds the same figures.
 * Colours come from the stylesheet's classes ({@code bar-HOLD}, {@code bar-now}, ...).
 */
final class Charts {

    /** One series of a chart: its name in the legend, its CSS class, one value per label. */
    record Series(String name, String cssClass, long[] values) {
    }

    private static final int WIDTH = 720;
    private static final int LABEL = 220;
    private static final int BAR_AREA = 420;
    private static final int BAR = 16;
    private static final int GAP = 10;

    private Charts() {
    }

    /** One bar per series per label, side by side (e.g. this month against last month). */
    static void grouped(Html html, String id, String title, List<String> labels, List<Series> series) {
        long max = 1;
        for (Series s : series) {
            for (long v : s.values()) {
                max = Math.max(max, v);
            }
        }
        int group = series.size() * BAR + GAP;
        int height = 28 + labels.size() * group + 24;
        open(html, id, title, height);
        for (int i = 0; i < labels.size(); i++) {
            int top = 24 + i * group;
            label(html, labels.get(i), top + series.size() * BAR / 2);
            for (int s = 0; s < series.size(); s++) {
                long value = series.get(s).values()[i];
                int y = top + s * BAR;
                int w = (int) Math.round((double) value / max * BAR_AREA);
                rect(html, LABEL, y, w, BAR - 2, series.get(s).cssClass(), series.get(s).name() + ": " + value);
                number(html, LABEL + w + 4, y + BAR - 5, Long.toString(value));
            }
        }
        legend(html, series, height - 8);
        html.raw("</svg>\n");
    }

    /** One bar per label, its series stacked (e.g. HOLD, REVIEW, CLEAR within a specialty). */
    static void stacked(Html html, String id, String title, List<String> labels, List<Series> series) {
        long max = 1;
        for (int i = 0; i < labels.size(); i++) {
            long total = 0;
            for (Series s : series) {
                total += s.values()[i];
            }
            max = Math.max(max, total);
        }
        int row = BAR + GAP;
        int height = 28 + labels.size() * row + 24;
        open(html, id, title, height);
        for (int i = 0; i < labels.size(); i++) {
            int y = 24 + i * row;
            label(html, labels.get(i), y + BAR / 2);
            int x = LABEL;
            long total = 0;
            for (Series s : series) {
                long value = s.values()[i];
                total += value;
                int w = (int) Math.round((double) value / max * BAR_AREA);
                if (w > 0) {
                    rect(html, x, y, w, BAR - 2, s.cssClass(), s.name() + ": " + value);
                    if (w >= 22) {
                        html.raw("<text class=\"in-bar\" x=\"" + (x + w / 2) + "\" y=\"" + (y + BAR - 5)
                                + "\" text-anchor=\"middle\">").text(value).raw("</text>");
                    }
                }
                x += w;
            }
            number(html, x + 4, y + BAR - 5, Long.toString(total));
        }
        legend(html, series, height - 8);
        html.raw("</svg>\n");
    }

    private static void open(Html html, String id, String title, int height) {
        html.raw("<svg class=\"chart\" id=\"").attr(id).raw("\" role=\"img\" aria-labelledby=\"").attr(id + "-title")
                .raw("\" viewBox=\"0 0 " + WIDTH + " " + height + "\" width=\"" + WIDTH + "\" height=\"" + height
                        + "\" xmlns=\"http://www.w3.org/2000/svg\">")
                .raw("<title id=\"").attr(id + "-title").raw("\">").text(title).raw("</title>")
                .raw("<text class=\"chart-title\" x=\"0\" y=\"14\">").text(title).raw("</text>\n");
    }

    private static void label(Html html, String text, int middle) {
        String shown = text.length() > 30 ? text.substring(0, 29) + "…" : text;
        html.raw("<text x=\"" + (LABEL - 6) + "\" y=\"" + (middle + 4) + "\" text-anchor=\"end\">").text(shown)
                .raw("</text>");
    }

    private static void rect(Html html, int x, int y, int w, int h, String cssClass, String tooltip) {
        html.raw("<rect class=\"").attr(cssClass).raw("\" x=\"" + x + "\" y=\"" + y + "\" width=\"" + w
                + "\" height=\"" + h + "\"><title>").text(tooltip).raw("</title></rect>");
    }

    private static void number(Html html, int x, int y, String text) {
        html.raw("<text x=\"" + x + "\" y=\"" + y + "\">").text(text).raw("</text>\n");
    }

    private static void legend(Html html, List<Series> series, int y) {
        int x = LABEL;
        for (Series s : series) {
            html.raw("<rect class=\"").attr(s.cssClass()).raw("\" x=\"" + x + "\" y=\"" + (y - 10)
                    + "\" width=\"12\" height=\"12\"></rect>");
            html.raw("<text x=\"" + (x + 16) + "\" y=\"" + y + "\">").text(s.name()).raw("</text>");
            x += 24 + s.name().length() * 8;
        }
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }
}
