package org.codecred.ingest;

import org.codecred.staging.RejectedRow;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.MemberIds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one claim-file row into a normalized {@link ClaimLine}, or rejects it naming the field and
 * value. Normalizing never changes meaning: dates become ISO dates, codes and modifiers upper case,
 * diagnosis codes get their dot ({@code F4310} → {@code F43.10}). A diagnosis that is not a valid
 * ICD-10-CM code is kept as written: that is a coding finding (DX-INVALID), not a reading problem.
 */
public final class ClaimRowParser {

    public static final List<String> REQUIRED_COLUMNS =
            List.of("claim_id", "line_no", "rendering_npi", "member_id", "service_date", "procedure_code");

    private static final Pattern PROCEDURE = Pattern.compile("[A-Z0-9]{5}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern POS = Pattern.compile("\\d{2}");
    private static final Pattern ICD10_WITHOUT_DOT = Pattern.compile("[A-Z][0-9][0-9A-Z][0-9A-Z]{1,4}");

    /** Longest claim or member id (the staging columns' width). */
    public static final int MAX_ID = 64;
    /** Most units on one line: far above any unit limit, low enough that no sum can overflow. */
    public static final int MAX_UNITS = 99_999;
    /** Most documented minutes on one line: a day. */
    public static final int MAX_MINUTES = 1440;
    /** Most diagnosis codes on one line (the 837P carries 12). */
    public static final int MAX_DIAGNOSES = 12;
    /** Longest single diagnosis code after normalizing (an ICD-10-CM code has at most 8 with its dot). */
    public static final int MAX_DIAGNOSIS_CODE = 16;
    /** Longest diagnosis list after normalizing (the staging column's width). */
    public static final int MAX_DIAGNOSIS_LIST = 255;

    private final YearMonth month;

    /** A parser that takes service dates of any month (for tools and tests of single rows). */
    public ClaimRowParser() {
        this(null);
    }

    /** @param month the month being credentialed: a line dated outside it is rejected, never counted silently */
    public ClaimRowParser(YearMonth month) {
        this.month = month;
    }

    public IngestResult<ClaimLine> parse(RawRow row) {
        try {
            return new IngestResult.Accepted<>(toClaimLine(row, RowFields.parse(row)), row.text());
        } catch (RowFields.Unreadable e) {
            return new IngestResult.Rejected<>(new RejectedRow(row.file(), row.lineNumber(),
                    withoutMemberIds(e.getMessage(), row), maskedRaw(row)));
        }
    }

    private ClaimLine toClaimLine(RawRow row, RowFields f) throws RowFields.Unreadable {
        String claimId = f.maxLength("claim_id", f.required("claim_id"), MAX_ID);
        f.required("line_no");
        int lineNo = f.integer("line_no", 1, Integer.MAX_VALUE, null);
        String rendering = f.npi("rendering_npi", true);
        String billing = f.npi("billing_npi", false);
        String member = f.required("member_id");
        if (member.length() > MAX_ID) {
            // the value is protected health information: the reason never quotes it
            throw new RowFields.Unreadable("member_id: longer than " + MAX_ID + " characters (" + member.length() + ")");
        }
        String elsewhere = f.columnAlsoHolding(member, "member_id");
        if (member.length() >= 5 && elsewhere != null) {
            // every other field reaches outputs unmasked (claim ids, diagnosis subjects): a member id must not ride along
            throw new RowFields.Unreadable("member_id: the same value also stands in " + elsewhere
                    + "; a member id may appear only in its own column");
        }
        LocalDate dob = f.date("member_dob", false);
        LocalDate service = f.date("service_date", true);
        if (month != null && !YearMonth.from(service).equals(month)) {
            throw new RowFields.Unreadable("service_date: '" + service + "' is outside the month " + month
                    + " being credentialed; credential it with the month it belongs to");
        }
        String code = f.required("procedure_code").toUpperCase(Locale.ROOT);
        if (!PROCEDURE.matcher(code).matches()) {
            throw new RowFields.Unreadable("procedure_code: '" + RowFields.shorten(code) + "' is not a 5-character CPT/HCPCS code");
        }
        List<String> modifiers = modifiers(f.text("modifiers"));
        int units = f.integer("units", 1, MAX_UNITS, 1);
        Integer minutes = f.integer("minutes", 0, MAX_MINUTES, null);
        List<String> diagnoses = diagnoses(f.text("diagnosis_codes"));
        String pos = f.text("place_of_service");
        if (!pos.isEmpty() && !POS.matcher(pos).matches()) {
            throw new RowFields.Unreadable("place_of_service: '" + RowFields.shorten(pos) + "' is not a 2-digit place of service");
        }
        BigDecimal charge = f.amount("charge");
        return new ClaimLine(row.file(), row.lineNumber(), claimId, lineNo, rendering, billing, member, dob, service,
                code, modifiers, units, minutes, diagnoses, pos.isEmpty() ? null : pos, charge,
                row.header().has("minutes"));
    }

    private static List<String> modifiers(String value) throws RowFields.Unreadable {
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> modifiers = new ArrayList<>();
        for (String part : value.split(";", -1)) {
            String modifier = part.trim().toUpperCase(Locale.ROOT);
            if (!MODIFIER.matcher(modifier).matches()) {
                throw new RowFields.Unreadable("modifiers: '" + RowFields.shorten(value) + "' holds '" + RowFields.shorten(part)
                        + "', not a 2-character modifier");
            }
            modifiers.add(modifier);
        }
        if (modifiers.size() > 4) {
            throw new RowFields.Unreadable("modifiers: '" + RowFields.shorten(value) + "' has more than four modifiers");
        }
        return modifiers;
    }

    /** Lengths and count are checked on the codes as stored (after the dot is added), never before. */
    private static List<String> diagnoses(String value) throws RowFields.Unreadable {
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String part : value.split(";")) {
            String code = part.trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (ICD10_WITHOUT_DOT.matcher(code).matches()) {
                code = code.substring(0, 3) + "." + code.substring(3);
            }
            if (code.length() > MAX_DIAGNOSIS_CODE) {
                throw new RowFields.Unreadable("diagnosis_codes: '" + RowFields.shorten(code) + "' is longer than "
                        + MAX_DIAGNOSIS_CODE + " characters, not a diagnosis code");
            }
            codes.add(code);
            if (codes.size() > MAX_DIAGNOSES) {
                throw new RowFields.Unreadable("diagnosis_codes: more than " + MAX_DIAGNOSES + " diagnosis codes");
            }
        }
        if (String.join(";", codes).length() > MAX_DIAGNOSIS_LIST) {
            throw new RowFields.Unreadable("diagnosis_codes: longer than " + MAX_DIAGNOSIS_LIST + " characters");
        }
        return codes;
    }

    /** Field values that cannot be a member id's hiding place, shown as they are in rejected.csv. */
    private static final Pattern PLAINLY_NOT_AN_ID = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}|-?\\d{1,15}\\.\\d+"
                    + "|[A-Za-z0-9]{1,4}(;[A-Za-z0-9]{1,4})+|[A-Za-z]\\d[0-9A-Za-z](\\.?[0-9A-Za-z]{1,4})?(;[A-Za-z]\\d[0-9A-Za-z](\\.?[0-9A-Za-z]{1,4})?)*");

    /**
     * The raw line with every member id masked: rejected.csv is an output, and outputs never show
     * member ids. A rejected row is, by definition, one whose fields may not be where the header says
     * (a missing or extra field, a stray quote, the tail of a quoted line break), so the member id may
     * sit in any field. The line is split into fields the way the CSV parser would (quotes, doubled
     * quotes; an unclosed quote taken literally); then every field is masked except those that plainly
     * hold no identifier: empty fields, dates, amounts, modifier and diagnosis lists, and values of at
     * most 4 characters away from the member id's column and unequal to its value. The member_id
     * columns (all of them, and every field within as many places as the row has fields missing or
     * extra) are always masked. Never a substring replacement: a member id "12" masks fields, not
     * every "12" in the line.
     */
    static String maskedRaw(RawRow row) {
        return mask(row, new HashSet<>());
    }

    /** {@link #maskedRaw}, collecting the values it masked into {@code maskedValues}. */
    private static String mask(RawRow row, Set<String> maskedValues) {
        String text = row.text();
        List<int[]> spans = RowFields.fieldSpans(text);
        int shift = spans.size() - row.header().width();
        Set<Integer> memberFields = new TreeSet<>();
        Set<String> members = new HashSet<>();
        for (int column : row.header().indexesOf("member_id")) {
            // fields missing before the member id move it left, extra fields move it right
            for (int i = Math.max(0, column + Math.min(0, shift)); i <= Math.min(spans.size() - 1, column + Math.max(0, shift)); i++) {
                memberFields.add(i);
                String value = fieldValue(text, spans.get(i));
                if (!value.isEmpty()) {
                    members.add(value);
                }
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            String value = fieldValue(text, span);
            boolean shown = value.isEmpty() || !memberFields.contains(i) && !members.contains(value)
                    && (value.length() <= 4 || PLAINLY_NOT_AN_ID.matcher(value).matches());
            if (!shown) {
                maskedValues.add(value);
                out.append(text, done, span[0]).append(safeMask(value));
                done = span[1];
            }
        }
        return out.append(text, done, text.length()).toString();
    }

    /**
     * The reason with every value the raw line masks masked too (reasons quote field values, and a
     * member id may sit in any field of a rejected row), compared without case: a reason may quote a
     * value upper-cased.
     */
    static String withoutMemberIds(String reason, RawRow row) {
        Set<String> masked = new HashSet<>();
        mask(row, masked);
        String safe = reason;
        for (String value : masked) {
            safe = Pattern.compile("'" + Pattern.quote(value) + "'", Pattern.CASE_INSENSITIVE)
                    .matcher(safe).replaceAll(java.util.regex.Matcher.quoteReplacement("'" + safeMask(value) + "'"));
        }
        return safe;
    }

    /** A field's value as the parser reads it: unquoted, doubled quotes made single, trimmed. */
    private static String fieldValue(String text, int[] span) {
        String raw = text.substring(span[0], span[1]);
        if (raw.startsWith("\"")) {
            raw = raw.substring(1, raw.length() > 1 && raw.endsWith("\"") ? raw.length() - 1 : raw.length()).replace("\"\"", "\"");
        }
        return raw.trim();
    }

    /** The mask, kept to letters and digits so it never changes how the raw line splits. */
    private static String safeMask(String member) {
        String mask = MemberIds.mask(member);
        return mask.substring(4).chars().allMatch(Character::isLetterOrDigit) ? mask : "****";
    }
}
