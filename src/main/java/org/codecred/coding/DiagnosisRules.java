package org.codecred.coding;

import org.codecred.rules.EffectivePeriod;
import org.codecred.rules.RuleTable;
import org.codecred.rules.RuleTableException;
import org.codecred.sources.Icd10cmOrderFiles;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code diagnosis-rules.csv}: ICD-10-CM syntax, category headers that are not billable, the
 * behavioral range (F01–F99), the Z codes accepted as behavioral, and the codes accepted as
 * behavioral on lines of some code families only (R45.x on crisis lines, Z03.89 on evaluations:
 * contract v3). Codes are compared with their dot; {@code F4310} is read as {@code F43.10}.
 */
public final class DiagnosisRules {

    public static final String FILE = "diagnosis-rules.csv";

    private record Syntax(Pattern pattern, EffectivePeriod period) {
    }

    /** A code (matches itself and its subdivisions) or a range of 3-character categories. */
    private record Match(String from, String to, EffectivePeriod period, boolean unverified) {
        Match(String from, String to, EffectivePeriod period) {
            this(from, to, period, false);
        }

        boolean matches(String code, LocalDate date) {
            if (!period.covers(date)) {
                return false;
            }
            if (to != null) {
                String category = code.length() >= 3 ? code.substring(0, 3) : code;
                return category.compareTo(from) >= 0 && category.compareTo(to) <= 0;
            }
            return code.equals(from) || code.startsWith(from.length() == 3 ? from + "." : from);
        }
    }

    private final List<Syntax> syntax = new ArrayList<>();
    private final List<Match> behavioral = new ArrayList<>();
    private final List<Match> allowedZ = new ArrayList<>();
    private final List<Match> notBillable = new ArrayList<>();
    /** allowed-for rows: a code accepted as behavioral on lines of the listed codes.csv families only. */
    private final List<Map.Entry<Match, java.util.Set<String>>> allowedFor = new ArrayList<>();
    /** CMS's order files in the rules folder: where one covers the date of service, it alone says what is billable. */
    private Icd10cmOrderFiles orderFiles = Icd10cmOrderFiles.none();

    private DiagnosisRules() {
    }

    public static DiagnosisRules load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "kind", "value", "effective_from", "effective_to");
        DiagnosisRules rules = new DiagnosisRules();
        for (RuleTable.Row row : table.rows()) {
            String value = row.required("value");
            EffectivePeriod period = EffectivePeriod.of(row);
            switch (row.required("kind").toLowerCase(Locale.ROOT)) {
                case "syntax" -> {
                    try {
                        rules.syntax.add(new Syntax(Pattern.compile(value), period));
                    } catch (PatternSyntaxException e) {
                        throw row.problem("value", value, "is not a regular expression");
                    }
                }
                case "behavioral" -> rules.behavioral.add(match(row, value, period));
                case "allowed-z" -> rules.allowedZ.add(match(row, value, period));
                case "allowed-for" -> {
                    List<String> families = row.list("code_families");
                    if (families.isEmpty()) {
                        throw row.problem("code_families", "", "an allowed-for row names the codes.csv families it applies to");
                    }
                    rules.allowedFor.add(Map.entry(match(row, value, period), java.util.Set.copyOf(families)));
                }
                case "not-billable" -> rules.notBillable.add(new Match(normalize(value), null, period,
                        UnitLimits.unverified(row)));
                default -> throw row.problem("kind", row.get("kind"),
                        "is not one of syntax, not-billable, behavioral, allowed-z, allowed-for");
            }
        }
        if (rules.syntax.isEmpty()) {
            throw new RuleTableException(table.file() + " needs at least one 'syntax' row");
        }
        rules.orderFiles = Icd10cmOrderFiles.load(rulesDir);
        return rules;
    }

    private static Match match(RuleTable.Row row, String value, EffectivePeriod period) {
        String normalized = value.toUpperCase(Locale.ROOT).replace(" ", "");
        int dash = normalized.indexOf('-');
        if (dash > 0) {
            String from = normalized.substring(0, dash);
            String to = normalized.substring(dash + 1);
            if (from.length() != 3 || to.length() != 3 || from.compareTo(to) > 0) {
                throw row.problem("value", value, "a range is written with 3-character categories, low to high (F01-F99)");
            }
            return new Match(from, to, period);
        }
        return new Match(normalize(normalized), null, period);
    }

    /** Upper case, trimmed, with the dot after the third character ({@code f4310} → {@code F43.10}). */
    public static String normalize(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.length() > 3 && c.indexOf('.') < 0 && Character.isLetter(c.charAt(0))) {
            return c.substring(0, 3) + "." + c.substring(3);
        }
        return c;
    }

    /** What a (code, date of service) was found to be: the tables are fixed once loaded. */
    private record Checked(String code, LocalDate date) {
    }

    /** The answer kept for a valid code (the map holds no nulls; a reason is never empty). */
    private static final String VALID = "";

    /** Most distinct (code, date) pairs kept: a month has a few thousand; a file of random codes cannot fill the heap. */
    private static final int MEMO_LIMIT = 50_000;

    /**
     * Answers of {@link #invalidReason} already given. A month's lines repeat a few hundred codes on at
     * most 31 dates, and each answer costs a regular expression, a search of the order files' windows
     * and a lookup, for every diagnosis of every line (shared by validateCoding's threads).
     */
    private final Map<Checked, String> answered = new java.util.concurrent.ConcurrentHashMap<>();

    /** Why {@code code} is not a valid ICD-10-CM code on {@code date}, or null when it is. */
    public String invalidReason(String code, LocalDate date) {
        if (code == null || date == null) {
            return findInvalidReason(code, date);
        }
        Checked key = new Checked(code, date);
        String reason = answered.get(key);
        if (reason == null) {
            reason = findInvalidReason(code, date);
            if (answered.size() >= MEMO_LIMIT) {
                answered.clear();
            }
            answered.put(key, reason == null ? VALID : reason);
            return reason;
        }
        return reason.isEmpty() ? null : reason;
    }

    private String findInvalidReason(String code, LocalDate date) {
        String c = normalize(code);
        for (Syntax s : syntax) {
            if (s.period().covers(date) && !s.pattern().matcher(c).matches()) {
                return "is not written as an ICD-10-CM code (a letter, a digit, a digit or letter, then up to 4 characters after the dot)";
            }
        }
        var orderFile = orderFiles.fileFor(date);
        if (orderFile.isPresent()) {
            String fiscalYear = orderFile.get().label();
            return switch (Icd10cmOrderFiles.status(orderFile.get(), c)) {
                case BILLABLE -> null;
                case HEADER -> "is a category heading, not billable in the ICD-10-CM of " + fiscalYear
                        + ", the fiscal year of the service date " + date + " (a more specific code is needed)";
                case ABSENT -> "is not an ICD-10-CM code in " + fiscalYear + ", the fiscal year of the service date "
                        + date;
            };
        }
        for (Match header : notBillable) {
            if (header.period().covers(date) && c.equals(header.from())) {
                return "is a category heading, not a billable ICD-10-CM code on " + date + " (a more specific code is needed)";
            }
        }
        return null;
    }

    /** The CMS order files read from the rules folder (none: the header rows of the table apply). */
    public Icd10cmOrderFiles orderFiles() {
        return orderFiles;
    }

    /** True when {@code code} is a header the table lists as not billable on {@code date} in a row marked UNVERIFIED. */
    public boolean headerUnverified(String code, LocalDate date) {
        if (orderFiles.fileFor(date).isPresent()) {
            return false;       // CMS's file says it, not a hand-kept row
        }
        String c = normalize(code);
        for (Match header : notBillable) {
            if (header.period().covers(date) && c.equals(header.from())) {
                return header.unverified();
            }
        }
        return false;
    }

    /** True when {@code code} is in the behavioral range (F01–F99), allowed Z codes not counted. */
    public boolean inBehavioralRange(String code, LocalDate date) {
        String c = normalize(code);
        for (Match m : behavioral) {
            if (m.matches(c, date)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code code} is in the behavioral range or an allowed Z code on {@code date}. */
    public boolean isBehavioral(String code, LocalDate date) {
        return isBehavioral(code, date, null);
    }

    /**
     * True when {@code code} is behavioral on a line of the code family {@code codeFamily} (codes.csv):
     * the behavioral range, an allowed Z code, or an allowed-for row naming that family (R45.x on crisis lines).
     */
    public boolean isBehavioral(String code, LocalDate date, String codeFamily) {
        String c = normalize(code);
        if (codeFamily != null) {
            for (Map.Entry<Match, java.util.Set<String>> m : allowedFor) {
                if (m.getValue().contains(codeFamily) && m.getKey().matches(c, date)) {
                    return true;
                }
            }
        }
        for (Match m : behavioral) {
            if (m.matches(c, date)) {
                return true;
            }
        }
        for (Match m : allowedZ) {
            if (m.matches(c, date)) {
                return true;
            }
        }
        return false;
    }
}
