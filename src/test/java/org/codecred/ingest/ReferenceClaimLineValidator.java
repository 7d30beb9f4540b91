package org.codecred.ingest;

import org.codecred.domain.ClaimLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/*
 * A frozen copy of the claim-row reader as it was at 52a6a0a, before issue 27 gave it fast paths: the
 * oracle ClaimRowParserAgreesWithReferenceTest compares the production reader with, value for value and
 * reason for reason. Never change it to make that test pass.
 */
/**
 * The one check of a claim line, whatever the file's format: a CSV row and an 837P service line
 * both arrive as {@link ClaimFields} and leave as the same normalized {@link ClaimLine}, or are
 * rejected with a reason naming the field and value. Normalizing never changes meaning: dates
 * become ISO dates, codes and modifiers upper case, diagnosis codes get their dot ({@code F4310} →
 * {@code F43.10}). A diagnosis that is not a valid ICD-10-CM code is kept as written: that is a
 * coding finding (DX-INVALID), not a reading problem.
 */
public final class ReferenceClaimLineValidator {

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
    private final EarlierClaims earlier;

    /** @param month the month being credentialed: a line dated outside it is rejected; null takes any month */
    public ReferenceClaimLineValidator(YearMonth month) {
        this(month, EarlierClaims.NONE);
    }

    /**
     * @param earlier the claims of earlier completed months: a replacement or void of one of them dated
     *                in its month is taken, not rejected as out of month (contract v3)
     */
    public ReferenceClaimLineValidator(YearMonth month, EarlierClaims earlier) {
        this.month = month;
        this.earlier = earlier;
    }

    /**
     * @param memberAlsoIn the name of another field of the same row holding the member id, or null: a
     *                     format asks its own fields (a CSV row also has columns the contract does not name)
     */
    public ClaimLine validate(String file, long lineNumber, ClaimFields f, UnaryOperator<String> memberAlsoIn)
            throws UnreadableRow {
        String claimId = ReferenceRowFields.required("claim_id", text(f.claimId()));
        if (ReferenceRowFields.characters(claimId) > MAX_ID) {
            throw new UnreadableRow("claim_id: '" + ReferenceRowFields.shorten(claimId) + "' is longer than " + MAX_ID + " characters");
        }
        ReferenceRowFields.required("line_no", text(f.lineNo()));
        int lineNo = ReferenceRowFields.integer("line_no", text(f.lineNo()), 1, Integer.MAX_VALUE, null);
        String rendering = ReferenceRowFields.npi("rendering_npi", text(f.renderingNpi()), true);
        String billing = ReferenceRowFields.npi("billing_npi", text(f.billingNpi()), false);
        String member = ReferenceRowFields.required("member_id", text(f.memberId()));
        if (ReferenceRowFields.characters(member) > MAX_ID) {
            // the value is protected health information: the reason never quotes it
            throw new UnreadableRow("member_id: longer than " + MAX_ID + " characters (" + ReferenceRowFields.characters(member) + ")");
        }
        String elsewhere = memberAlsoIn.apply(member);
        if (member.length() >= 5 && elsewhere != null) {
            // every other field reaches outputs unmasked (claim ids, diagnosis subjects): a member id must not ride along
            throw new UnreadableRow("member_id: the same value also stands in " + elsewhere
                    + "; a member id may appear only in its own column");
        }
        LocalDate dob = ReferenceRowFields.date("member_dob", text(f.memberDob()), false);
        LocalDate service = ReferenceRowFields.date("service_date", text(f.serviceDate()), true);
        if (month != null && !YearMonth.from(service).equals(month)
                && !adjustsEarlierMonth(claimId, billing != null ? billing : rendering, service, text(f.claimFrequency()))) {
            throw new UnreadableRow("service_date: '" + service + "' is outside the month " + month
                    + " being credentialed; credential it with the month it belongs to");
        }
        String code = ReferenceRowFields.required("procedure_code", text(f.procedureCode())).toUpperCase(Locale.ROOT);
        if (!PROCEDURE.matcher(code).matches()) {
            throw new UnreadableRow("procedure_code: '" + ReferenceRowFields.shorten(code) + "' is not a 5-character CPT/HCPCS code");
        }
        List<String> modifiers = modifiers(text(f.modifiers()));
        int units = ReferenceRowFields.integer("units", text(f.units()), 1, MAX_UNITS, 1);
        Integer minutes = ReferenceRowFields.integer("minutes", text(f.minutes()), 0, MAX_MINUTES, null);
        List<String> diagnoses = diagnoses(text(f.diagnosisCodes()));
        String pos = text(f.placeOfService());
        if (!pos.isEmpty() && !POS.matcher(pos).matches()) {
            throw new UnreadableRow("place_of_service: '" + ReferenceRowFields.shorten(pos) + "' is not a 2-digit place of service");
        }
        BigDecimal charge = ReferenceRowFields.amount("charge", text(f.charge()));
        String frequency = frequency(text(f.claimFrequency()));
        return new ClaimLine(file, lineNumber, claimId, lineNo, rendering, billing, member, dob, service,
                code, modifiers, units, minutes, diagnoses, pos.isEmpty() ? null : pos, charge, f.minutes() != null,
                frequency, null);
    }

    /** 1 (original, also when empty), 7 (replacement) or 8 (void). */
    static String frequency(String value) throws UnreadableRow {
        return switch (value) {
            case "", ClaimLine.ORIGINAL -> ClaimLine.ORIGINAL;
            case ClaimLine.REPLACEMENT, ClaimLine.VOID -> value;
            default -> throw new UnreadableRow("claim_frequency: '" + ReferenceRowFields.shorten(value)
                    + "' is not 1 (original), 7 (replacement) or 8 (void)");
        };
    }

    /** A replacement or void dated in an earlier completed month whose claim that month counted. */
    private boolean adjustsEarlierMonth(String claimId, String billingKey, LocalDate service, String frequency) {
        YearMonth serviceMonth = YearMonth.from(service);
        return (frequency.equals(ClaimLine.REPLACEMENT) || frequency.equals(ClaimLine.VOID))
                && serviceMonth.isBefore(month) && earlier.counted(billingKey, claimId, serviceMonth);
    }

    private static String text(String value) {
        return ClaimFields.orEmpty(value).trim();
    }

    private static List<String> modifiers(String value) throws UnreadableRow {
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> modifiers = new ArrayList<>();
        for (String part : value.split(";", -1)) {
            String modifier = part.trim().toUpperCase(Locale.ROOT);
            if (!MODIFIER.matcher(modifier).matches()) {
                throw new UnreadableRow("modifiers: '" + ReferenceRowFields.shorten(value) + "' holds '" + ReferenceRowFields.shorten(part)
                        + "', not a 2-character modifier");
            }
            modifiers.add(modifier);
        }
        if (modifiers.size() > 4) {
            throw new UnreadableRow("modifiers: '" + ReferenceRowFields.shorten(value) + "' has more than four modifiers");
        }
        return modifiers;
    }

    /** Lengths and count are checked on the codes as stored (after the dot is added), never before. */
    private static List<String> diagnoses(String value) throws UnreadableRow {
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
            if (ReferenceRowFields.characters(code) > MAX_DIAGNOSIS_CODE) {
                throw new UnreadableRow("diagnosis_codes: '" + ReferenceRowFields.shorten(code) + "' is longer than "
                        + MAX_DIAGNOSIS_CODE + " characters, not a diagnosis code");
            }
            codes.add(code);
            if (codes.size() > MAX_DIAGNOSES) {
                throw new UnreadableRow("diagnosis_codes: more than " + MAX_DIAGNOSES + " diagnosis codes");
            }
        }
        if (ReferenceRowFields.characters(String.join(";", codes)) > MAX_DIAGNOSIS_LIST) {
            throw new UnreadableRow("diagnosis_codes: longer than " + MAX_DIAGNOSIS_LIST + " characters");
        }
        return codes;
    }
}
