package org.codecred.report;

import org.codecred.alignment.AlignmentRow;
import org.codecred.alignment.ProviderMetric;
import org.codecred.credentials.CredentialCheck;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.MemberIds;
import org.codecred.domain.Provider;
import org.codecred.domain.Severity;
import org.codecred.domain.Verdict;
import org.codecred.dossier.DecisionWords;
import org.codecred.dossier.Dossier;
import org.codecred.history.ProviderHistory;
import org.codecred.verdict.ProviderVerdict;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code output/YYYY-MM/report/providers/<NPI>.html}: one provider's month from its {@link Dossier}
 * (the record the workbook is written from): the decision in words, the findings with the claim
 * lines they rest on, the specialty outcomes, the peer comparison in words and the history across
 * months, linking the dossier workbook and the provider's earlier months. Member ids are masked as
 * in the workbook; no birth date is shown.
 */
final class ProviderPage {

    /** Findings listed per rule; the rest are in the workbook's Findings sheet (pages stay small). */
    static final int FINDINGS_PER_RULE = 20;

    private ProviderPage() {
    }

    /**
     * @param dossierFile the workbook's file name in the month's dossiers folder, null when it is not there
     */
    static String render(Dossier dossier, String family, String dossierFile, Links links) {
        Provider p = dossier.provider();
        YearMonth month = dossier.month();
        Html html = new Html();
        html.head(p.displayName() + ", NPI " + p.npi() + ", " + month + ": CodeCred", Html.POLICY, "../report.css", null);
        html.raw("<body>\n<header>\n<p class=\"confidential\">Confidential: credentialing review. Member identifiers"
                + " are masked.</p>\n<nav aria-label=\"Report\"><ul>");
        html.raw("<li>").link("../" + Links.INDEX, "Month " + month + ": all providers").raw("</li>");
        html.raw("<li>").link("../../../" + Links.INDEX, "All months").raw("</li>");
        YearMonth previous = dossier.history().previousMonth();
        if (previous != null && links.hasProviderPage(previous, p.npi())) {
            html.raw("<li>").link(Links.pageToPage(previous, p.npi()), "Previous month: " + previous).raw("</li>");
        }
        if (dossierFile != null) {
            html.raw("<li>").link(dossierHref(dossierFile), "Dossier workbook (" + dossierFile + ")").raw("</li>");
        }
        html.raw("</ul></nav>\n");
        html.raw("<h1>").text(p.displayName()).raw(" <span class=\"npi\">").text("NPI " + p.npi()).raw("</span></h1>\n");
        html.raw("<p class=\"meta\">").text("Month " + month + "; " + p.credential() + " (" + family + ")").raw("</p>\n");
        html.raw("</header>\n<main>\n");
        decision(html, dossier);
        provider(html, dossier, family);
        findings(html, dossier, dossierFile);
        specialties(html, dossier);
        peers(html, dossier);
        checks(html, dossier);
        history(html, dossier, links);
        html.raw("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    static String dossierHref(String dossierFile) {
        return "../../dossiers/" + dossierFile;
    }

    private static void decision(Html html, Dossier dossier) {
        ProviderVerdict decision = dossier.decision();
        Verdict verdict = decision == null ? null : decision.verdict();
        html.raw("<section id=\"decision\" class=\"decision" + (verdict == null ? "" : " d-" + verdict.name())
                + "\" aria-labelledby=\"decision-h\">\n<h2 id=\"decision-h\">Decision</h2>\n");
        if (verdict == null) {
            html.el("p class=\"verdict\"", "not decided");
            html.raw("</section>\n");
            return;
        }
        // the workbook's words: a CLEAR says how many errors and warnings it carries
        html.el("p class=\"verdict\"", DecisionWords.headline(verdict, dossier.count(Severity.ERROR),
                dossier.count(Severity.WARNING)));
        html.el("p", DecisionWords.action(verdict));
        List<String> reasons = DecisionWords.reasons(decision.reasons());
        html.el("h3", "What decided it");
        html.raw("<ul class=\"reasons\">");
        if (reasons.isEmpty()) {
            html.el("li", "no reason recorded");
        }
        for (String reason : reasons) {
            html.el("li", reason);
        }
        // the provider-level finding behind each rule the verdict names, as the finding says it
        Set<String> ids = new LinkedHashSet<>(DecisionWords.ruleIds(decision.reasons()));
        for (Finding f : dossier.findings()) {
            if (f.claimId() == null && ids.contains(f.rule().id())) {
                html.raw("<li>").text(DecisionWords.reason(f.rule().id()) + ": " + f.message()).raw("</li>");
            }
        }
        html.raw("</ul>\n");
        // a verdict resting on a probable match or on the roster alone says what to check first
        List<String> verify = dossier.findings().stream().filter(f -> ids.contains(f.rule().id()))
                .map(DecisionWords::verifyBeforeActing).filter(java.util.Objects::nonNull).distinct().toList();
        for (String note : verify) {
            html.el("p class=\"verify\"", note);
        }
        List<DecisionWords.Cutoff> cutoffs = DecisionWords.cutoffs(dossier.provider(), dossier.findings());
        if (!cutoffs.isEmpty()) {
            html.el("h3", "Billed while not allowed");
            html.raw("<ul>");
            for (DecisionWords.Cutoff cutoff : cutoffs) {
                html.el("li", DecisionWords.billedAfter(cutoff, dossier.lines()));
            }
            html.raw("</ul>\n");
        }
        html.el("p", count(dossier.count(Severity.ERROR), "error") + ", " + count(dossier.count(Severity.WARNING), "warning")
                + ", " + dossier.count(Severity.INFO) + " for the record; " + count(dossier.lines().size(), "claim line")
                + (decision.codingAccuracy() == null ? "" : ", coding accuracy " + Charts.percent(decision.codingAccuracy()))
                + "; previous verdict"
                + (dossier.history().previousMonth() == null ? "" : " (" + dossier.history().previousMonth() + ")")
                + ": " + dossier.history().previousVerdictText() + ".");
        html.raw("</section>\n");
    }

    private static void provider(Html html, Dossier dossier, String family) {
        Provider p = dossier.provider();
        html.raw("<section id=\"provider\" aria-labelledby=\"provider-h\">\n<h2 id=\"provider-h\">Provider</h2>\n<dl>");
        html.el("dt", "Credential").el("dd", p.credential() + " (" + family + "), taxonomy " + p.taxonomyCode());
        html.el("dt", "License").el("dd", p.licenseNumber() + " (" + p.licenseState() + "), expires "
                + (p.licenseExpires() == null ? "— not on the roster" : p.licenseExpires())
                + " (as the roster states; not verified with the state board)");
        html.el("dt", "Claimed specialties").el("dd", p.specialties().isEmpty() ? "none" : String.join(", ", p.specialties()));
        html.raw("</dl>\n</section>\n");
    }

    private static void findings(Html html, Dossier dossier, String dossierFile) {
        html.raw("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">")
                .text("Findings (" + dossier.findings().size() + ")").raw("</h2>\n");
        if (dossier.findings().isEmpty()) {
            html.el("p class=\"none\"", "No finding this month.");
            html.raw("</section>\n");
            return;
        }
        // each claim line's place in the workbook's Claim Lines sheet, which lists the dossier's lines in order
        Map<String, Integer> position = new HashMap<>();
        Map<String, ClaimLine> lineOf = new HashMap<>();
        List<ClaimLine> lines = dossier.lines();
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine line = lines.get(i);
            position.putIfAbsent(key(line.sourceFile(), line.lineNumber()), i + 1);
            lineOf.putIfAbsent(key(line.sourceFile(), line.lineNumber()), line);
        }
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : dossier.findings()) {
            byRule.computeIfAbsent(f.rule().id(), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Finding>> rule : byRule.entrySet()) {
            List<Finding> found = rule.getValue();
            String words = DecisionWords.reason(rule.getKey());
            html.raw("<h3>").text(rule.getKey()).raw(" <span class=\"words\">")
                    .text((words.equals(rule.getKey()) ? "" : words + "; ") + found.size()
                            + (found.size() == 1 ? " finding, " : " findings, ")
                            + dossier.history().statusOf(rule.getKey()).name())
                    .raw("</span></h3>\n");
            html.raw("<table class=\"findings\">").headerRow("Severity", "Claim line", "Evidence", "Message").raw("<tbody>\n");
            for (Finding f : found.subList(0, Math.min(found.size(), FINDINGS_PER_RULE))) {
                html.raw("<tr class=\"s-" + f.severity().name() + "\">").el("td", f.severity().name());
                if (f.claimId() == null) {
                    html.el("td", "provider");
                    html.el("td", f.subject().isEmpty() ? "" : "about: " + f.subject());
                } else {
                    String k = f.sourceFile() == null || f.sourceLine() == null ? null : key(f.sourceFile(), f.sourceLine());
                    Integer at = k == null ? null : position.get(k);
                    html.raw("<td>");
                    String claim = "claim " + f.claimId() + " line " + f.lineNo();
                    if (dossierFile != null && at != null) {
                        html.link(dossierHref(dossierFile), claim).raw("<br><span class=\"where\">")
                                .text("Claim Lines sheet, line " + at + " of " + lines.size()).raw("</span>");
                    } else {
                        html.text(claim);
                    }
                    html.raw("</td>");
                    ClaimLine line = k == null ? null : lineOf.get(k);
                    html.el("td", line == null ? (f.sourceFile() == null ? "" : f.sourceFile() + " line " + f.sourceLine())
                            : evidence(line));
                }
                html.el("td", f.message()).raw("</tr>\n");
            }
            html.raw("</tbody></table>\n");
            if (found.size() > FINDINGS_PER_RULE) {
                html.el("p class=\"more\"", (found.size() - FINDINGS_PER_RULE) + " more " + rule.getKey()
                        + " findings are listed in the dossier workbook's Findings sheet.");
            }
        }
        html.raw("</section>\n");
    }

    /** A claim line as evidence: date, code, member masked, units, minutes, modifiers, diagnoses, source. */
    static String evidence(ClaimLine line) {
        return line.serviceDate() + " · " + line.procedureCode()
                + (line.modifiers().isEmpty() ? "" : "-" + String.join("-", line.modifiers()))
                + "; member " + MemberIds.mask(line.memberId()) + "; " + line.units() + (line.units() == 1 ? " unit" : " units")
                + "; " + (line.minutes() == null ? "no minutes" : line.minutes() + " min")
                + "; dx " + (line.diagnosisCodes().isEmpty() ? "none" : String.join(" ", line.diagnosisCodes()))
                + (line.charge() == null ? "" : "; " + DecisionWords.money(line.charge()))
                + "; " + line.sourceFile() + " line " + line.lineNumber();
    }

    private static String key(String file, long line) {
        return file + '\u0000' + line;
    }

    private static void specialties(Html html, Dossier dossier) {
        html.raw("<section id=\"specialties\" aria-labelledby=\"specialties-h\">\n"
                + "<h2 id=\"specialties-h\">Specialty outcomes</h2>\n");
        if (dossier.alignments().isEmpty()) {
            html.el("p class=\"none\"", dossier.provider().specialties().isEmpty() ? "No specialty claimed or assessed."
                    : "Not assessed: " + String.join(", ", dossier.provider().specialties()) + ".");
            html.raw("</section>\n");
            return;
        }
        html.raw("<table>").headerRow("Specialty", "Claimed", "Outcome", "Evidence").raw("<tbody>\n");
        for (AlignmentRow a : dossier.alignments()) {
            html.raw("<tr>").el("td", a.specialty()).el("td", a.claimed() ? "yes" : "no")
                    .raw("<td class=\"o-" + a.outcome().name() + "\">").text(a.outcome().id()).raw("</td>")
                    .el("td", a.evidence()).raw("</tr>\n");
        }
        html.raw("</tbody></table>\n</section>\n");
    }

    private static void peers(Html html, Dossier dossier) {
        html.raw("<section id=\"peers\" aria-labelledby=\"peers-h\">\n<h2 id=\"peers-h\">Peer comparison</h2>\n");
        List<ProviderMetric> compared = dossier.metrics().stream().filter(m -> m.value() != null && m.peerMedian() != null).toList();
        long notCompared = dossier.metrics().size() - compared.size();
        if (compared.isEmpty()) {
            html.el("p class=\"none\"", dossier.metrics().isEmpty() ? "No peer comparison recorded."
                    : "No metric was compared with peers (volume or peer group too small).");
        } else {
            html.raw("<ul class=\"peers\">");
            for (ProviderMetric m : compared) {
                html.raw(m.aboveThreshold() ? "<li class=\"above\">" : "<li>").text(inWords(m)).raw("</li>");
            }
            html.raw("</ul>\n");
        }
        if (notCompared > 0 && !compared.isEmpty()) {
            html.el("p", notCompared + " further metrics are counted for the record (see the workbook's Coding Profile).");
        }
        html.raw("</section>\n");
    }

    /** "share-90837 is 62.0 %, against a peer median of 20.0 % among 34 social workers; above the outlier threshold of 40.0 %." */
    static String inWords(ProviderMetric m) {
        StringBuilder s = new StringBuilder(m.id()).append(" is ").append(number(m, m.value()))
                .append(", against a peer median of ").append(number(m, m.peerMedian()));
        if (m.peerSize() != null) {
            s.append(" among ").append(m.peerSize()).append(' ').append(group(m.peerGroup()));
        }
        if (m.peerThreshold() == null) {
            s.append(" (no outlier threshold)");
        } else {
            s.append(m.aboveThreshold() ? "; ABOVE the outlier threshold of " : "; within the outlier threshold of ")
                    .append(number(m, m.peerThreshold()));
        }
        return s.append('.').toString();
    }

    private static String group(String peerGroup) {
        if (peerGroup == null) {
            return "peers";
        }
        int bar = peerGroup.indexOf('|');
        String family = bar < 0 ? peerGroup : peerGroup.substring(0, bar);
        String label = org.codecred.domain.CredentialFamily.ofPeerGroup(family).label();
        return bar < 0 ? label : label + " (" + peerGroup.substring(bar + 1) + ")";
    }

    private static String number(ProviderMetric m, Double value) {
        if (value == null) {
            return "—";
        }
        if (m.isShare()) {
            return Charts.percent(value);
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static void checks(Html html, Dossier dossier) {
        html.raw("<section id=\"checks\" aria-labelledby=\"checks-h\">\n<h2 id=\"checks-h\">Credential checks</h2>\n");
        if (dossier.checks().isEmpty()) {
            html.el("p class=\"none\"", "No checks recorded.");
        } else {
            html.raw("<table>").headerRow("Check", "Result", "Detail", "Source", "Source date").raw("<tbody>\n");
            for (CredentialCheck c : dossier.checks()) {
                html.raw("<tr>").el("td", c.check()).raw("<td class=\"r-" + c.result().name() + "\">")
                        .text(c.result().label()).raw("</td>").el("td", c.detail()).el("td", c.source())
                        .el("td", c.sourceDate()).raw("</tr>\n");
            }
            html.raw("</tbody></table>\n");
        }
        html.raw("</section>\n");
    }

    private static void history(Html html, Dossier dossier, Links links) {
        html.raw("<section id=\"history\" aria-labelledby=\"history-h\">\n<h2 id=\"history-h\">History</h2>\n");
        ProviderHistory history = dossier.history();
        html.raw("<table>").headerRow("Month", "Verdict", "Lines", "Coding accuracy", "Errors", "Warnings").raw("<tbody>\n");
        ProviderVerdict now = dossier.decision();
        html.raw("<tr class=\"current\">").el("td", dossier.month() + " (this page)");
        MonthIndexPage.verdictCell(html, now == null ? null : now.verdict());
        html.el("td class=\"num\"", dossier.lines().size())
                .el("td class=\"num\"", now == null || now.codingAccuracy() == null ? "" : Charts.percent(now.codingAccuracy()))
                .el("td class=\"num\"", dossier.count(Severity.ERROR)).el("td class=\"num\"", dossier.count(Severity.WARNING))
                .raw("</tr>\n");
        List<ProviderHistory.PastMonth> months = new ArrayList<>(history.months());
        months.sort((a, b) -> b.month().compareTo(a.month()));
        for (ProviderHistory.PastMonth m : months) {
            html.raw("<tr><td>");
            if (links.hasProviderPage(m.month(), dossier.provider().npi())) {
                html.link(Links.pageToPage(m.month(), dossier.provider().npi()), m.month());
            } else {
                html.text(m.month());
            }
            html.raw("</td>");
            MonthIndexPage.verdictCell(html, m.verdict());
            html.el("td class=\"num\"", m.lines())
                    .el("td class=\"num\"", m.codingAccuracy() == null ? "" : Charts.percent(m.codingAccuracy()))
                    .el("td class=\"num\"", m.errors()).el("td class=\"num\"", m.warnings()).raw("</tr>\n");
        }
        html.raw("</tbody></table>\n");
        if (history.previousMonth() == null) {
            html.el("p class=\"none\"", "No earlier completed month.");
        }
        html.raw("</section>\n");
    }
}
