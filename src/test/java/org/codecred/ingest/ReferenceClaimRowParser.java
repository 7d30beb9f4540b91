package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.MemberIds;
import org.codecred.staging.RejectedRow;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/*
 * A frozen copy of the claim-row reader as it was at 52a6a0a, before issue 27 gave it fast paths: the
 * oracle ClaimRowParserAgreesWithReferenceTest compares the production reader with, value for value and
 * reason for reason. Never change it to make that test pass.
 */
/**
 * Reads one claim-file CSV row into a normalized {@link ClaimLine}, or rejects it naming the field
 * and value: splits the row, hands its columns to the {@link ReferenceClaimLineValidator} every format
 * shares, and masks member ids in what a rejected row shows.
 */
public final class ReferenceClaimRowParser {

    public static final List<String> REQUIRED_COLUMNS =
            List.of("claim_id", "line_no", "rendering_npi", "member_id", "service_date", "procedure_code");

    private final ReferenceClaimLineValidator validator;

    /** A parser that takes service dates of any month (for tools and tests of single rows). */
    public ReferenceClaimRowParser() {
        this(null);
    }

    /** @param month the month being credentialed: a line dated outside it is rejected, never counted silently */
    public ReferenceClaimRowParser(YearMonth month) {
        this(month, EarlierClaims.NONE);
    }

    /** @param earlier the earlier months' claims, whose replacements and voids are not out of month */
    public ReferenceClaimRowParser(YearMonth month, EarlierClaims earlier) {
        this.validator = new ReferenceClaimLineValidator(month, earlier);
    }

    public IngestResult<ClaimLine> parse(RawRow row) {
        try {
            return new IngestResult.Accepted<>(toClaimLine(row, ReferenceRowFields.parse(row)), row.text());
        } catch (UnreadableRow e) {
            return new IngestResult.Rejected<>(new RejectedRow(row.file(), row.lineNumber(),
                    withoutMemberIds(e.getMessage(), row), maskedRaw(row)));
        }
    }

    /** The row's columns by name (null for a column the file lacks), checked as every format's claim fields are. */
    private ClaimLine toClaimLine(RawRow row, ReferenceRowFields f) throws UnreadableRow {
        ClaimFields fields = new ClaimFields(f.carried("claim_id"), f.carried("line_no"), f.carried("rendering_npi"),
                f.carried("billing_npi"), f.carried("member_id"), f.carried("member_dob"), f.carried("service_date"),
                f.carried("procedure_code"), f.carried("modifiers"), f.carried("units"), f.carried("minutes"),
                f.carried("diagnosis_codes"), f.carried("place_of_service"), f.carried("charge"),
                f.carried("claim_frequency"));
        return validator.validate(row.file(), row.lineNumber(), fields, member -> f.columnAlsoHolding(member, "member_id"));
    }

    /** Field values that cannot be a member id's hiding place, shown as they are in rejected.csv. */
    private static final Pattern PLAINLY_NOT_AN_ID = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}|-?\\d{1,15}\\.\\d+"
                    + "|[A-Za-z0-9]{1,4}(;[A-Za-z0-9]{1,4})+|[A-Za-z]\\d[0-9A-Za-z](\\.?[0-9A-Za-z]{1,4})?(;[A-Za-z]\\d[0-9A-Za-z](\\.?[0-9A-Za-z]{1,4})?)*");

    /** Fields that are plainly a rendering or billing NPI or a procedure code: shown even in a row whose fields moved. */
    private static final Pattern NPI_OR_CODE = Pattern.compile("\\d{10}|[A-Za-z0-9]{5}");

    /**
     * The raw line with every member id and member birth date masked: rejected.csv is an output, and
     * outputs never show either. A rejected row is, by definition, one whose fields may not be where
     * the header says (a missing or extra field, a stray quote, the tail of a quoted line break). The
     * line is split into fields the way the CSV parser would (quotes, doubled quotes; an unclosed quote
     * taken literally); the member_id and member_dob columns are always masked, and when the row has
     * fields missing or extra, every field within as many places of them. Any other field equal to a
     * masked value is masked too. The rest is what a reviewer needs to recognise the row (claim id,
     * NPIs, procedure code, dates of service) and stays as written; in a row whose fields moved, only
     * fields that plainly hold no identifier (dates, amounts, modifier and diagnosis lists, NPIs,
     * procedure codes, values of at most 4 characters) stay. Never a substring replacement: a member
     * id "12" masks fields, not every "12" in the line.
     */
    static String maskedRaw(RawRow row) {
        return mask(row, new HashSet<>());
    }

    /** {@link #maskedRaw}, collecting the values it masked into {@code maskedValues}. */
    private static String mask(RawRow row, Set<String> maskedValues) {
        String text = row.text();
        List<int[]> spans = ReferenceRowFields.fieldSpans(text);
        int shift = spans.size() - row.header().width();
        Set<Integer> memberFields = new TreeSet<>();
        Set<String> members = new HashSet<>();
        List<Integer> columns = new java.util.ArrayList<>(row.header().indexesOf("member_id"));
        columns.addAll(row.header().indexesOf("member_dob"));
        for (int column : columns) {
            // fields missing before the member id move it left, extra fields move it right
            for (int i = Math.max(0, column + Math.min(0, shift)); i <= Math.min(spans.size() - 1, column + Math.max(0, shift)); i++) {
                memberFields.add(i);
                String value = fieldValue(text, spans.get(i));
                if (!value.isEmpty()) {
                    members.add(value);
                    members.add(comparable(value));
                }
            }
        }
        // the claim id is shown as written where the fields did not move; any other field only when it
        // plainly holds no identifier (a member id typed into the modifiers or NPI column stays hidden)
        Set<Integer> claimIdFields = new TreeSet<>(row.header().indexesOf("claim_id"));
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            String value = fieldValue(text, span);
            boolean plain = value.length() <= 4 || PLAINLY_NOT_AN_ID.matcher(value).matches()
                    || NPI_OR_CODE.matcher(value).matches();
            boolean shown = value.isEmpty() || !memberFields.contains(i) && !holdsMember(value, members)
                    && (plain || shift == 0 && claimIdFields.contains(i));
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

    /** Whether a field is, or holds, one of the row's member values (an id of 6 or more characters inside it). */
    private static boolean holdsMember(String value, Set<String> members) {
        if (members.contains(value)) {
            return true;
        }
        String plain = comparable(value);
        for (String member : members) {
            if (member.equals(plain) || member.length() >= 6 && plain.contains(member)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value as a member id is compared with other fields: letters and digits only, upper case, so the
     * same id typed elsewhere with spaces, quotes or an unreadable byte is still the same id. Values of
     * fewer than 4 such characters compare as themselves (a short id would otherwise mask every "12").
     */
    private static String comparable(String value) {
        String plain = value.replaceAll("[^\\p{Alnum}]", "").toUpperCase(java.util.Locale.ROOT);
        return plain.length() < 4 ? value : plain;
    }

    /** The mask, kept to letters and digits so it never changes how the raw line splits. */
    private static String safeMask(String member) {
        String mask = MemberIds.mask(member);
        return mask.substring(4).chars().allMatch(Character::isLetterOrDigit) ? mask : "****";
    }
}
