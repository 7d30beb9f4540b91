package org.codecred.report;

import org.codecred.domain.Verdict;
import org.codecred.dossier.DecisionWords;
import org.codecred.history.VerdictChange;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code output/YYYY-MM/report/index.html}: the Docket first (what needs a decision), then the
 * counts against last month, every provider in one table that report.js filters and searches in
 * the browser (without it the table is simply complete), the rules by frequency and two charts.
 */
final class MonthIndexPage {

    static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Rules the chart shows (the table lists them all). */
    private static final int CHART_RULES = 12;
    /** Specialties the chart shows, most providers first (the filter offers them all). */
    private static final int CHART_SPECIALTIES = 15;

    private MonthIndexPage() {
    }

    /**
     * @param summaryFile the summary workbook's name beside the report folder, or null when it is not there
     */
    static String render(MonthReport report, String summaryFile) {
        Html html = new Html();
        YearMonth month = report.month();
        html.head("CodeCred " + month + ": credentialing report", Html.POLICY, "report.css", "report.js");
        html.raw("<body>\n<header>\n").raw("<p class=\"confidential\">Confidential: credentialing review. Member"
                + " identifiers are masked.</p>\n");
        html.el("h1", "Credentialing report, " + month);
        html.raw("<nav aria-label=\"Months\"><ul>");
        html.raw("<li>").link("../../index.html", "All months").raw("</li>");
        YearMonth previous = report.previousMonth();
        if (previous != null && report.links().hasIndex(previous)) {
            html.raw("<li>").link(Links.indexToIndex(previous), "Previous month: " + previous).raw("</li>");
        }
        if (summaryFile != null) {
            html.raw("<li>").link("../" + summaryFile, "Summary workbook (" + summaryFile + ")").raw("</li>");
        }
        html.raw("</ul></nav>\n");
        html.raw("<p class=\"meta\">").text(report.providers().size() + " providers on the roster; run started "
                + (report.generated() == null ? "(unknown)" : report.generated().format(UTC_MINUTE) + " UTC")
                + (previous == null ? "; no earlier completed month to compare with." : "; compared with " + previous + "."))
                .raw("</p>\n</header>\n<main>\n");
        docket(html, report);
        counts(html, report);
        providers(html, report);
        rules(html, report);
        specialties(html, report);
        html.raw("</main>\n<footer><p>").text("Written by CodeCred. Static files: nothing here is sent anywhere;"
                + " the page works from a shared drive without a network.").raw("</p></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void docket(Html html, MonthReport report) {
        List<MonthReport.Row> docket = new ArrayList<>(report.providers().stream().filter(MonthReport.Row::onDocket).toList());
        docket.sort(Comparator.comparing((MonthReport.Row r) -> r.verdict() == null ? Verdict.values().length : r.verdict().ordinal())
                .thenComparing(r -> r.provider().displayName()).thenComparing(r -> r.provider().npi()));
        html.raw("<section id=\"docket\" aria-labelledby=\"docket-h\">\n<h2 id=\"docket-h\">")
                .text("Docket: " + docket.size() + (docket.size() == 1 ? " provider" : " providers")).raw("</h2>\n");
        html.el("p", "Every HOLD and REVIEW provider, and every provider whose verdict changed since the previous"
                + " completed month. Open a provider for the decision in words and its evidence.");
        if (docket.isEmpty()) {
            html.el("p class=\"none\"", "Nobody needs a decision this month.");
            html.raw("</section>\n");
            return;
        }
        html.raw("<table class=\"docket\">").headerRow("Verdict", "Provider", "NPI", "Why", "Previous", "Change")
                .raw("<tbody>\n");
        for (MonthReport.Row row : docket) {
            html.raw("<tr>");
            verdictCell(html, row.verdict());
            html.raw("<td>").link(providerHref(row), row.provider().displayName()).raw("</td>");
            html.el("td", row.provider().npi());
            html.el("td", row.decision() == null ? "not decided" : String.join("; ", DecisionWords.reasons(row.decision().reasons())));
            html.el("td", previousText(report, row));
            html.el("td", row.change().marker());
            html.raw("</tr>\n");
        }
        html.raw("</tbody></table>\n</section>\n");
    }

    private static void counts(Html html, MonthReport report) {
        Map<Verdict, Long> now = report.counts();
        YearMonth previous = report.previousMonth();
        html.raw("<section id=\"verdicts\" aria-labelledby=\"verdicts-h\">\n<h2 id=\"verdicts-h\">Verdicts</h2>\n");
        html.raw("<table class=\"counts\">").headerRow("Verdict", report.month().toString(),
                previous == null ? "previous month" : previous.toString(), "Change").raw("<tbody>\n");
        for (Verdict v : Verdict.values()) {
            html.raw("<tr>");
            verdictCell(html, v);
            html.el("td class=\"num\"", now.get(v));
            if (previous == null) {
                html.el("td", "none completed").el("td", "");
            } else {
                long before = report.previousCounts().getOrDefault(v, 0L);
                long delta = now.get(v) - before;
                html.el("td class=\"num\"", before).el("td class=\"num\"", delta > 0 ? "+" + delta : Long.toString(delta));
            }
            html.raw("</tr>\n");
        }
        html.raw("</tbody></table>\n");
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series(report.month().toString(), "bar-now", values(now)));
        if (previous != null) {
            Map<Verdict, Long> before = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                before.put(v, report.previousCounts().getOrDefault(v, 0L));
            }
            series.add(new Charts.Series(previous.toString(), "bar-prev", values(before)));
        }
        Charts.grouped(html, "chart-verdicts", "Providers by verdict" + (previous == null ? "" : ", against " + previous),
                List.of("HOLD", "REVIEW", "CLEAR"), series);
        html.raw("</section>\n");
    }

    private static long[] values(Map<Verdict, Long> counts) {
        return new long[] {counts.get(Verdict.HOLD), counts.get(Verdict.REVIEW), counts.get(Verdict.CLEAR)};
    }

    private static void providers(Html html, MonthReport report) {
        TreeSet<String> specialties = new TreeSet<>();
        TreeSet<String> families = new TreeSet<>();
        TreeSet<String> rules = new TreeSet<>();
        for (MonthReport.Row row : report.providers()) {
            specialties.addAll(row.provider().specialties());
            families.add(row.family());
            rules.addAll(row.rules());
        }
        html.raw("<section id=\"providers\" aria-labelledby=\"providers-h\">\n<h2 id=\"providers-h\">")
                .text("All providers (" + report.providers().size() + ")").raw("</h2>\n");
        // the filters need report.js: without it they stay hidden and the table is shown whole
        html.raw("<form id=\"filters\" class=\"filters\" hidden>\n");
        select(html, "f-verdict", "Verdict", "verdict", List.of("HOLD", "REVIEW", "CLEAR"));
        select(html, "f-specialty", "Specialty", "specialty", List.copyOf(specialties));
        select(html, "f-family", "Credential family", "family", List.copyOf(families));
        select(html, "f-rule", "Rule", "rule", List.copyOf(rules));
        html.raw("<label for=\"f-search\">NPI or name</label><input id=\"f-search\" type=\"search\" autocomplete=\"off\">\n");
        html.raw("<button type=\"reset\" id=\"f-reset\">Show all</button>\n");
        html.raw("<p id=\"shown\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n");
        html.raw("<table id=\"provider-table\" class=\"providers\"><thead><tr>"
                + "<th scope=\"col\" data-col=\"npi\">NPI</th><th scope=\"col\" data-col=\"name\">Name</th>"
                + "<th scope=\"col\" data-col=\"verdict\">Verdict</th><th scope=\"col\">Previous</th>"
                + "<th scope=\"col\">Credential</th><th scope=\"col\" data-col=\"family\">Family</th>"
                + "<th scope=\"col\" data-col=\"specialty\">Specialties</th><th scope=\"col\" data-col=\"rule\">Rules</th>"
                + "<th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Lines</th>"
                + "</tr></thead>\n<tbody>\n");
        for (MonthReport.Row row : report.providers()) {
            html.raw("<tr><td>").link(providerHref(row), row.provider().npi()).raw("</td>");
            html.el("td", row.provider().displayName());
            verdictCell(html, row.verdict());
            html.el("td", previousText(report, row));
            html.el("td", row.provider().credential());
            html.el("td", row.family());
            html.el("td", String.join(", ", row.provider().specialties()));
            html.el("td", String.join(", ", row.rules()));
            // numbers right-aligned by the stylesheet (columns 9 to 11): no class per cell on the longest table
            html.el("td", row.errors()).el("td", row.warnings()).el("td", row.lines());
            html.raw("</tr>\n");
        }
        html.raw("</tbody></table>\n</section>\n");
    }

    private static void select(Html html, String id, String label, String column, List<String> options) {
        html.raw("<label for=\"").attr(id).raw("\">").text(label).raw("</label><select id=\"").attr(id)
                .raw("\" data-col=\"").attr(column).raw("\"><option value=\"\">any</option>");
        for (String option : options) {
            html.raw("<option>").text(option).raw("</option>");
        }
        html.raw("</select>\n");
    }

    private static void rules(Html html, MonthReport report) {
        html.raw("<section id=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">Rules by frequency</h2>\n");
        if (report.rules().isEmpty()) {
            html.el("p class=\"none\"", "No rule fired this month.");
            html.raw("</section>\n");
            return;
        }
        html.raw("<table class=\"rules\">").headerRow("Rule", "Severity", "In words", "Providers", "Findings")
                .raw("<tbody>\n");
        for (MonthReport.RuleCount rule : report.rules()) {
            html.raw("<tr>").el("td", rule.rule()).el("td", rule.severity().name());
            String words = DecisionWords.reason(rule.rule());
            html.el("td", words.equals(rule.rule()) ? "" : words);
            html.el("td class=\"num\"", rule.providers()).el("td class=\"num\"", rule.findings()).raw("</tr>\n");
        }
        html.raw("</tbody></table>\n");
        List<MonthReport.RuleCount> top = report.rules().stream().limit(CHART_RULES).toList();
        Charts.grouped(html, "chart-rules", "Providers per rule (the " + top.size() + " most frequent)",
                top.stream().map(MonthReport.RuleCount::rule).toList(),
                List.of(new Charts.Series("providers", "bar-now", top.stream().mapToLong(MonthReport.RuleCount::providers).toArray())));
        html.raw("</section>\n");
    }

    private static void specialties(Html html, MonthReport report) {
        Map<String, long[]> bySpecialty = new TreeMap<>();
        for (MonthReport.Row row : report.providers()) {
            if (row.verdict() == null) {
                continue;
            }
            for (String specialty : row.provider().specialties()) {
                bySpecialty.computeIfAbsent(specialty, k -> new long[3])[row.verdict().ordinal()]++;
            }
        }
        html.raw("<section id=\"specialties\" aria-labelledby=\"specialties-h\">\n"
                + "<h2 id=\"specialties-h\">Verdicts by claimed specialty</h2>\n");
        if (bySpecialty.isEmpty()) {
            html.el("p class=\"none\"", "No provider claims a specialty.");
            html.raw("</section>\n");
            return;
        }
        List<Map.Entry<String, long[]>> top = bySpecialty.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -(e.getValue()[0] + e.getValue()[1] + e.getValue()[2]))
                        .thenComparing(Map.Entry::getKey))
                .limit(CHART_SPECIALTIES).toList();
        List<Charts.Series> series = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            series.add(new Charts.Series(v.name(), "bar-" + v.name(), top.stream().mapToLong(e -> e.getValue()[v.ordinal()]).toArray()));
        }
        html.el("p", "A provider counts once in each specialty it claims.");
        Charts.stacked(html, "chart-specialties", "Providers by claimed specialty and verdict",
                top.stream().map(Map.Entry::getKey).toList(), series);
        html.raw("</section>\n");
    }

    static void verdictCell(Html html, Verdict verdict) {
        if (verdict == null) {
            html.el("td", "not decided");
        } else {
            // the shape (■ ▲ ●) comes from the stylesheet, so the cell's text is the verdict word alone
            html.raw("<td class=\"v v-" + verdict.name() + "\">").text(verdict.name()).raw("</td>");
        }
    }

    private static String previousText(MonthReport report, MonthReport.Row row) {
        if (report.previousMonth() == null) {
            return "";
        }
        if (row.change() == VerdictChange.NEW_PROVIDER) {
            return "not on roster";
        }
        return row.previous() == null ? "" : row.previous().name();
    }

    private static String providerHref(MonthReport.Row row) {
        return Links.PROVIDERS + "/" + Links.pageName(row.provider().npi());
    }
}
