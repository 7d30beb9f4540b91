package org.codecred.dossier;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.Verdict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision in words for the committee: what each verdict asks of it, each reason of a verdict
 * named as an auditor would say it, and the dates after which a provider's lines were billed while
 * excluded, unlicensed or deactivated. Keyed by rule id text, so rules added later still print
 * (as their id) until they get words here.
 */
public final class DecisionWords {

    private static final Map<String, String> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put("EXCLUDED-OIG", "Excluded by the OIG (LEIE)");
        REASONS.put("EXCLUDED-SAM", "Excluded on SAM.gov");
        REASONS.put("LICENSE-EXPIRED", "License expired");
        REASONS.put("NPI-INVALID", "NPI fails the check digit");
        REASONS.put("NPI-DEACTIVATED", "NPI deactivated in NPPES");
        REASONS.put("SCOPE-LICENSE", "Codes outside the license's scope");
        REASONS.put("SPECIALTY-UNSUPPORTED", "Claimed specialty not supported by the month's coding");
        REASONS.put("PEER-OUTLIER", "Coding far above peers");
        REASONS.put("NPPES-MISMATCH", "NPPES registry disagrees with the roster");
        REASONS.put("TAXONOMY-LICENSE-MISMATCH", "Taxonomy does not fit the license");
        REASONS.put("LICENSE-EXPIRING", "License expires within 90 days");
        REASONS.put("LICENSE-UNVERIFIED", "No license expiry on the roster");
        REASONS.put("EXCLUSION-POSSIBLE", "Possible exclusion-list match (name only)");
        REASONS.put("EXCLUSION-PENDING", "Exclusion starting after the month");
        REASONS.put("CREDENTIAL-UNKNOWN", "Credential not in the credential table");
        REASONS.put("TAXONOMY-INACTIVE", "Taxonomy inactive in the NUCC file");
        REASONS.put("MEDICARE-OPT-OUT", "Opted out of Medicare");
        REASONS.put("SCREENING-INCOMPLETE", "Exclusion list missing or out of date: not screened");
        REASONS.put("TIME-UNDOCUMENTED-SHARE", "Many timed lines without documented minutes");
        REASONS.put("CAPACITY-IMPLAUSIBLE", "More timed services than one clinician can deliver");
        REASONS.put("CREDENTIAL-SUPERVISED", "Supervised credential: verify the supervisor");
    }

    private static final Pattern FROM_DATE = Pattern.compile("from (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern DEACTIVATED_ON = Pattern.compile("deactivat\\w* on (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private DecisionWords() {
    }

    /** The symbol that marks a verdict in print, whatever the colors (a shape survives grayscale). */
    public static String symbol(Verdict verdict) {
        return switch (verdict) {
            case HOLD -> "■";
            case REVIEW -> "▲";
            case CLEAR -> "●";
        };
    }

    /** The verdict as a list shows it, without the counts: symbol, verdict, what it means. */
    public static String headline(Verdict verdict) {
        return verdict == Verdict.CLEAR ? symbol(verdict) + " CLEAR — no decision needed" : headline(verdict, 0, 0);
    }

    /**
     * The verdict as the decision box shows it: symbol, verdict, what it means. A CLEAR says how many
     * errors and warnings it carries ("CLEAR — 2 warnings, no decision needed"): it never claims that
     * nothing was found.
     */
    public static String headline(Verdict verdict, long errors, long warnings) {
        return symbol(verdict) + " " + verdict.name() + switch (verdict) {
            case HOLD -> " — do not credential";
            case REVIEW -> " — committee review needed";
            case CLEAR -> " — " + (errors + warnings == 0 ? "no finding" : counted(errors, warnings))
                    + ", no decision needed";
        };
    }

    /** "1 error, 2 warnings"; the errors left out when there are none. */
    static String counted(long errors, long warnings) {
        String w = warnings + (warnings == 1 ? " warning" : " warnings");
        return errors == 0 ? w : errors + (errors == 1 ? " error, " : " errors, ") + w;
    }

    /**
     * For the rules whose finding may rest on a probable match or on the roster alone: which source
     * to check before acting. A probable match is recognised by the finding's own words.
     */
    private static final Map<String, String> VERIFY = Map.of(
            "EXCLUSION-POSSIBLE", "a name match without NPI: check the list's entry on the OIG online search or SAM.gov"
                    + " against the provider's identity documents",
            "LICENSE-EXPIRED", "the expiry date is the roster's only: check the license with the state licensing board",
            "LICENSE-UNVERIFIED", "the roster gives no expiry: check the license with the state licensing board",
            "TAXONOMY-LICENSE-MISMATCH", "the taxonomy and credential are the roster's: check NPPES and the state"
                    + " licensing board",
            "CREDENTIAL-UNKNOWN", "the credential is the roster's: check it with the state licensing board");

    /** "Verify before acting: ..." for a finding that rests on a probable match or a roster-only fact, else null. */
    public static String verifyBeforeActing(Finding finding) {
        String id = finding.rule().id();
        String message = finding.message() == null ? "" : finding.message();
        if (id.startsWith("EXCLUDED-") && message.contains("probable match")) {
            String source = sourceIn(message);
            return "Verify before acting: matched by name and birth date, no NPI; check the list's row"
                    + (source == null ? "" : " (" + source + ")") + " on the OIG online search or SAM.gov against the"
                    + " provider's identity documents";
        }
        String check = VERIFY.get(id);
        return check == null ? null : "Verify before acting: " + check;
    }

    public static String action(Verdict verdict) {
        return switch (verdict) {
            case HOLD -> "Hold credentialing and payment: do not approve this provider; review or recover the"
                    + " lines billed after the dates below; refer the file to the credentialing committee.";
            case REVIEW -> "Committee review: read the deciding facts and the findings, request records where coding"
                    + " is questioned, then approve, defer or approve with conditions.";
            case CLEAR -> "Approve: no credential error and no finding that needs review this month.";
        };
    }

    /** A rule's reason in words, or the rule id when it has none here. */
    public static String reason(String ruleId) {
        return REASONS.getOrDefault(ruleId, ruleId);
    }

    /**
     * The verdict's reasons ("EXCLUDED-OIG; NPPES-MISMATCH (name, taxonomy); coding errors on ...")
     * in words, one per element.
     */
    public static List<String> reasons(String reasons) {
        List<String> out = new ArrayList<>();
        if (reasons == null || reasons.isBlank()) {
            return out;
        }
        for (String piece : splitReasons(reasons)) {
            String id = ruleIdOf(piece);
            if (id == null) {
                out.add(capitalize(piece));
            } else {
                String rest = piece.substring(id.length()).trim();
                out.add(reason(id) + (rest.isEmpty() ? "" : " " + rest));
            }
        }
        return out;
    }

    /** What the verdict's reasons say about a rule beyond its id ("(name, taxonomy)", ": since ..."), or "". */
    public static String detailOf(String reasons, String ruleId) {
        if (reasons != null) {
            for (String piece : splitReasons(reasons)) {
                if (ruleId.equals(ruleIdOf(piece))) {
                    return piece.substring(ruleId.length()).replaceFirst("^[:\\s]+", "").trim();
                }
            }
        }
        return "";
    }

    /** The rule ids a verdict's reasons name, in their order. */
    public static List<String> ruleIds(String reasons) {
        List<String> ids = new ArrayList<>();
        if (reasons != null) {
            for (String piece : splitReasons(reasons)) {
                String id = ruleIdOf(piece);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** Splits on "; " outside parentheses (subjects in parentheses may hold commas). */
    private static List<String> splitReasons(String reasons) {
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < reasons.length(); i++) {
            char c = reasons.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ';' && depth == 0) {
                pieces.add(reasons.substring(start, i).trim());
                start = i + 1;
            }
        }
        pieces.add(reasons.substring(start).trim());
        pieces.removeIf(String::isEmpty);
        return pieces;
    }

    private static String ruleIdOf(String piece) {
        int end = 0;
        while (end < piece.length() && (Character.isUpperCase(piece.charAt(end)) || Character.isDigit(piece.charAt(end))
                || piece.charAt(end) == '-')) {
            end++;
        }
        if (end < 3 || (end < piece.length() && piece.charAt(end) != ' ' && piece.charAt(end) != ':')) {
            return null;
        }
        return piece.substring(0, end);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A date after which a provider's claim lines should not have been billed, and why. */
    public record Cutoff(String what, LocalDate date, boolean inclusive) {

        public boolean covers(LocalDate serviceDate) {
            return serviceDate != null && (inclusive ? !serviceDate.isBefore(date) : serviceDate.isAfter(date));
        }

        public String describe() {
            return (inclusive ? "on or after " : "after ") + what + " " + date;
        }
    }

    /** The cutoffs the provider's findings establish: license expiry, exclusion start, NPI deactivation. */
    public static List<Cutoff> cutoffs(Provider provider, List<Finding> findings) {
        List<Cutoff> cutoffs = new ArrayList<>();
        for (Finding f : findings) {
            if (f.claimId() != null) {
                continue;
            }
            String id = f.rule().id();
            LocalDate date = null;
            String what = null;
            boolean inclusive = true;
            if (id.equals("LICENSE-EXPIRED") && provider.licenseExpires() != null) {
                date = provider.licenseExpires();
                what = "the license expiry";
                inclusive = false;
            } else if (id.startsWith("EXCLUDED-")) {
                date = firstDate(FROM_DATE, f.message());
                what = "the exclusion start";
            } else if (id.equals("NPI-DEACTIVATED")) {
                date = ISO_DATE.matcher(f.subject()).matches() ? LocalDate.parse(f.subject())
                        : firstDate(DEACTIVATED_ON, f.message());
                what = "the NPI deactivation";
            }
            if (date != null) {
                Cutoff cutoff = new Cutoff(what, date, inclusive);
                if (!cutoffs.contains(cutoff)) {
                    cutoffs.add(cutoff);
                }
            }
        }
        return cutoffs;
    }

    private static LocalDate firstDate(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text == null ? "" : text);
        return m.find() ? LocalDate.parse(m.group(1)) : null;
    }

    /** "12 lines, $1,680.00 billed on or after the exclusion start 2024-10-01" (or "no line billed ..."). */
    public static String billedAfter(Cutoff cutoff, List<ClaimLine> lines) {
        long count = 0;
        BigDecimal charges = BigDecimal.ZERO;
        for (ClaimLine line : lines) {
            if (cutoff.covers(line.serviceDate())) {
                count++;
                if (line.charge() != null) {
                    charges = charges.add(line.charge());
                }
            }
        }
        if (count == 0) {
            return "no line billed " + cutoff.describe();
        }
        return count + (count == 1 ? " line, " : " lines, ") + money(charges) + " billed " + cutoff.describe();
    }

    /** Charges of the lines any cutoff covers, each line counted once. */
    public static BigDecimal billedWhileNotAllowed(List<Cutoff> cutoffs, List<ClaimLine> lines) {
        BigDecimal charges = BigDecimal.ZERO;
        for (ClaimLine line : lines) {
            if (line.charge() != null && cutoffs.stream().anyMatch(c -> c.covers(line.serviceDate()))) {
                charges = charges.add(line.charge());
            }
        }
        return charges;
    }

    public static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    private static final Pattern VISITS = Pattern.compile("(\\d+) of (\\d+) visits");

    /** The "x of y" visit counts at the start of an alignment's evidence text, or null. */
    public static long[] visits(String evidence) {
        Matcher m = VISITS.matcher(evidence == null ? "" : evidence);
        return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : null;
    }

    private static final Pattern SOURCE_LINE = Pattern.compile("([\\w.\\-]+\\.(?:csv|txt|xlsx|zip|837|x12|edi)) line (\\d+)");

    /** The "FILE line N" a provider-level finding's message names, or null. */
    static String sourceIn(String message) {
        Matcher m = SOURCE_LINE.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) + " line " + m.group(2) : null;
    }
}
