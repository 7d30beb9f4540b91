package org.codecred.report;

import org.codecred.domain.Verdict;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * {@code output/index.html}: every completed month with its counts by verdict, newest first, each
 * linking its report. It sits outside any month's report folder, so it carries its few style
 * rules inline, allowed by their hash in the Content-Security-Policy (and no script at all).
 */
final class MonthsIndexPage {

    /** One month: providers by verdict; {@code current} for the month being written. */
    record MonthCounts(YearMonth month, Map<Verdict, Long> counts, boolean current) {
        long providers() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;color:#111}"
            + "table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3rem .6rem;text-align:right}"
            + "th:first-child,td:first-child{text-align:left}.confidential{font-size:.9rem;color:#444}";

    private MonthsIndexPage() {
    }

    /** @param months newest first */
    static String render(List<MonthCounts> months, Links links) {
        Html html = new Html();
        html.head("CodeCred: credentialing months", Html.POLICY.replace("style-src 'self'",
                "style-src " + Html.sha256Source(STYLE)), null, null, STYLE);
        html.raw("<body>\n");
        html.raw("<p class=\"confidential\">Confidential: credentialing review.</p>\n");
        html.el("h1", "Credentialing months");
        html.raw("<table>").headerRow("Month", "Providers", "HOLD", "REVIEW", "CLEAR").raw("<tbody>\n");
        for (MonthCounts m : months) {
            html.raw("<tr><td>");
            if (links.hasIndex(m.month()) || m.current()) {
                html.link(Links.rootToIndex(m.month()), m.month());
            } else {
                html.text(m.month() + " (no report)");
            }
            html.raw("</td>").el("td", m.providers());
            for (Verdict v : Verdict.values()) {
                html.el("td", m.counts().getOrDefault(v, 0L));
            }
            html.raw("</tr>\n");
        }
        html.raw("</tbody></table>\n</body>\n</html>\n");
        return html.toString();
    }
}
