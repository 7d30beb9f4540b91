package org.codecred.ingest;

import org.codecred.staging.RejectedRow;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.MemberIds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    public IngestResult<ClaimLine> parse(RawRow row) {
        RowFields fields = null;
        try {
            fields = RowFields.parse(row);
            return new IngestResult.Accepted<>(toClaimLine(row, fields), row.text());
        } catch (RowFields.Unreadable e) {
            return new IngestResult.Rejected<>(new RejectedRow(row.file(), row.lineNumber(), e.getMessage(),
                    maskedRaw(row, fields)));
        }
    }

    private static ClaimLine toClaimLine(RawRow row, RowFields f) throws RowFields.Unreadable {
        String claimId = f.maxLength("claim_id", f.required("claim_id"), 64);
        f.required("line_no");
        int lineNo = f.integer("line_no", 1, null);
        String rendering = f.npi("rendering_npi", true);
        String billing = f.npi("billing_npi", false);
        String member = f.maxLength("member_id", f.required("member_id"), 64);
        LocalDate dob = f.date("member_dob", false);
        LocalDate service = f.date("service_date", true);
        String code = f.required("procedure_code").toUpperCase(Locale.ROOT);
        if (!PROCEDURE.matcher(code).matches()) {
            throw new RowFields.Unreadable("procedure_code: '" + RowFields.shorten(code) + "' is not a 5-character CPT/HCPCS code");
        }
        List<String> modifiers = modifiers(f.text("modifiers"));
        int units = f.integer("units", 1, 1);
        Integer minutes = f.integer("minutes", 0, null);
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

    private static List<String> diagnoses(String value) throws RowFields.Unreadable {
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.length() > 255) {
            throw new RowFields.Unreadable("diagnosis_codes: '" + RowFields.shorten(value) + "' is longer than 255 characters");
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
            codes.add(code);
        }
        return codes;
    }

    /** The raw line with the member id masked: rejected.csv is an output, and outputs never show member ids. */
    static String maskedRaw(RawRow row, RowFields fields) {
        int index = row.header().indexOf("member_id");
        if (index < 0) {
            return row.text();
        }
        String member = fields != null ? fields.text("member_id") : naiveField(row.text(), index);
        if (member == null || member.isEmpty()) {
            return row.text();
        }
        return row.text().replace(member, MemberIds.mask(member));
    }

    /** The n-th comma-separated piece of a line that the CSV parser could not split. */
    private static String naiveField(String text, int index) {
        String[] parts = text.split(",", -1);
        return index < parts.length ? parts[index].replace("\"", "").trim() : null;
    }
}
