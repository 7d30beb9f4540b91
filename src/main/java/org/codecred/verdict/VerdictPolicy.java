package org.codecred.verdict;

import org.codecred.domain.RuleId;
import org.codecred.domain.Verdict;
import org.codecred.rules.RuleTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The contract's verdict rules (v3): HOLD on any finding of a rule whose {@link RuleId#verdictEffect()} is
 * HOLD (EXCLUDED-OIG, LICENSE-EXPIRED, NPI-INVALID); REVIEW when the share of lines with a coding
 * ERROR is above the threshold (default 5 %) and at least {@code min_error_lines} lines (default 3)
 * carry one, so that one error in 8 lines is not a review; on any finding of a REVIEW rule
 * (SPECIALTY-UNSUPPORTED, PEER-OUTLIER, NPPES-MISMATCH, TAXONOMY-LICENSE-MISMATCH, LICENSE-UNVERIFIED,
 * CREDENTIAL-UNKNOWN, TIME-UNDOCUMENTED-SHARE, SCREENING-INCOMPLETE, CAPACITY-IMPLAUSIBLE...: the rules whose
 * catalog line says REVIEW), or on a finding of severity ERROR of a REVIEW_IF_ERROR
 * rule (SCOPE-LICENSE: a scope error is a REVIEW on its own, whatever the share; a scope row rated
 * WARNING is not); CLEAR otherwise. INFO findings never change a verdict. Plain Java: no database, no Spring.
 */
public final class VerdictPolicy {

    public static final String FILE = "verdict.csv";
    public static final double DEFAULT_CODING_ERROR_SHARE = 0.05;
    /** Contract v3: the coding-share REVIEW also needs at least this many lines with an error. */
    public static final int DEFAULT_MIN_ERROR_LINES = 3;

    /** Rules any finding of which makes the verdict HOLD, in catalog order (from {@link RuleId#verdictEffect()}). */
    public static final Set<RuleId> HOLD_RULES = RuleId.withVerdictEffect(RuleId.VerdictEffect.HOLD);
    /** Rules any finding of which makes the verdict at least REVIEW, in catalog order. */
    public static final Set<RuleId> REVIEW_RULES = RuleId.withVerdictEffect(RuleId.VerdictEffect.REVIEW);
    /** Rules a finding of which makes the verdict at least REVIEW when the finding itself is an ERROR. */
    public static final Set<RuleId> REVIEW_IF_ERROR_RULES = RuleId.withVerdictEffect(RuleId.VerdictEffect.REVIEW_IF_ERROR);

    private final double codingErrorShare;
    private final int minErrorLines;

    public VerdictPolicy(double codingErrorShare) {
        this(codingErrorShare, DEFAULT_MIN_ERROR_LINES);
    }

    public VerdictPolicy(double codingErrorShare, int minErrorLines) {
        this.codingErrorShare = codingErrorShare;
        this.minErrorLines = minErrorLines;
    }

    /** Reads {@code verdict.csv} (setting,value); a missing setting keeps its default. */
    public static VerdictPolicy load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "setting", "value");
        double share = DEFAULT_CODING_ERROR_SHARE;
        int minLines = DEFAULT_MIN_ERROR_LINES;
        for (RuleTable.Row row : table.rows()) {
            String setting = row.required("setting").toLowerCase(Locale.ROOT);
            if (setting.equals("coding_error_share")) {
                share = row.doubleOr("value", DEFAULT_CODING_ERROR_SHARE);
                if (share < 0 || share > 1) {
                    throw row.problem("value", row.get("value"), "is not a share between 0 and 1 (write 0.05 for 5 %)");
                }
            } else if (setting.equals("min_error_lines")) {
                minLines = row.intOr("value", -1);
                if (minLines < 1) {
                    throw row.problem("value", row.get("value"), "is not a whole number of lines of at least 1");
                }
            } else {
                throw row.problem("setting", setting, "is not a known setting (known: coding_error_share, min_error_lines)");
            }
        }
        return new VerdictPolicy(share, minLines);
    }

    public double codingErrorShare() {
        return codingErrorShare;
    }

    public int minErrorLines() {
        return minErrorLines;
    }

    public ProviderVerdict decide(VerdictInput in) {
        Double accuracy = in.lines() == 0 ? null : 1.0 - Math.min(in.codingErrorLines(), in.lines()) / (double) in.lines();
        Map<RuleId, Set<String>> holds = grouped(in, HOLD_RULES);
        Map<RuleId, Set<String>> reviews = grouped(in, REVIEW_IF_ERROR_RULES, true);
        reviews.putAll(grouped(in, REVIEW_RULES));
        double errorShare = in.lines() == 0 ? 0 : in.codingErrorLines() / (double) in.lines();
        boolean shareAbove = errorShare > codingErrorShare;
        // a share above the threshold on fewer lines than the minimum is chance, not a pattern (contract v3)
        boolean codingReview = shareAbove && in.codingErrorLines() >= minErrorLines;
        String codingText = "coding errors on " + in.codingErrorLines() + " of " + in.lines() + " lines ("
                + pct(errorShare) + (shareAbove ? " > " : " <= ") + pct(codingErrorShare)
                + (shareAbove && !codingReview ? ", but fewer than " + minErrorLines + " lines" : "") + ")";

        Verdict verdict;
        List<String> reasons = new ArrayList<>();
        if (!holds.isEmpty()) {
            verdict = Verdict.HOLD;
            reasons.addAll(describe(holds));
        } else if (codingReview || !reviews.isEmpty()) {
            verdict = Verdict.REVIEW;
            if (codingReview) {
                reasons.add(codingText);
            }
            reasons.addAll(describe(reviews));
        } else {
            verdict = Verdict.CLEAR;
            reasons.add("no credential error, no review finding, " + codingText);
        }
        return new ProviderVerdict(in.npi(), verdict, String.join("; ", reasons), in.lines(), in.codingErrorLines(),
                accuracy, in.errors(), in.warnings(), in.infos());
    }

    private static Map<RuleId, Set<String>> grouped(VerdictInput in, Set<RuleId> rules) {
        return grouped(in, rules, false);
    }

    private static Map<RuleId, Set<String>> grouped(VerdictInput in, Set<RuleId> rules, boolean errorsOnly) {
        Map<RuleId, Set<String>> byRule = new LinkedHashMap<>();
        for (RuleId rule : rules) { // catalog order, so reasons read the same every run
            for (VerdictInput.Hit hit : in.hits()) {
                if (hit.rule() == rule && (!errorsOnly || hit.severity() == org.codecred.domain.Severity.ERROR)) {
                    Set<String> subjects = byRule.computeIfAbsent(rule, r -> new LinkedHashSet<>());
                    if (!hit.subject().isEmpty()) {
                        subjects.add(hit.subject());
                    }
                }
            }
        }
        byRule.values().forEach(s -> {
            List<String> sorted = new ArrayList<>(s);
            sorted.sort(null);
            s.clear();
            s.addAll(sorted);
        });
        return byRule;
    }

    private static List<String> describe(Map<RuleId, Set<String>> byRule) {
        List<String> out = new ArrayList<>();
        byRule.forEach((rule, subjects) -> out.add(subjects.isEmpty() ? rule.id()
                : rule.id() + " (" + String.join(", ", subjects) + ")"));
        return out;
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
