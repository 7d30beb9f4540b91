package org.codecred.ingest;

import java.util.Arrays;
import java.util.List;

/**
 * One claim line's fields as a file gives them, before any checking, whatever the format: a CSV
 * row's columns by name, or an 837P service line's elements. Each value is trimmed text, "" when
 * empty; null when the format or file does not carry that field at all (an 837 carries no minutes).
 * {@link ClaimLineValidator} reads every format's fields the same way.
 */
public record ClaimFields(String claimId, String lineNo, String renderingNpi, String billingNpi, String memberId,
                          String memberDob, String serviceDate, String procedureCode, String modifiers, String units,
                          String minutes, String diagnosisCodes, String placeOfService, String charge,
                          String claimFrequency) {

    /** The column names of the contract, in the order of the components. */
    public static final List<String> COLUMNS = List.of("claim_id", "line_no", "rendering_npi", "billing_npi",
            "member_id", "member_dob", "service_date", "procedure_code", "modifiers", "units", "minutes",
            "diagnosis_codes", "place_of_service", "charge", "claim_frequency");

    /** The values in the order of {@link #COLUMNS}. */
    public List<String> values() {
        return Arrays.asList(claimId, lineNo, renderingNpi, billingNpi, memberId, memberDob, serviceDate, procedureCode,
                modifiers, units, minutes, diagnosisCodes, placeOfService, charge, claimFrequency);
    }

    /**
     * The name of a field other than member_id (or a {@code ;}-separated item of one) whose value
     * equals {@code value}, ignoring case; null when there is none. For formats whose fields are all
     * here (an 837 line); a CSV row asks its own columns, which may include columns the contract does not name.
     */
    public String fieldAlsoHolding(String value) {
        List<String> values = values();
        for (int i = 0; i < values.size(); i++) {
            String field = values.get(i);
            if (field == null || COLUMNS.get(i).equals("member_id")) {
                continue;
            }
            for (String item : field.split(";", -1)) {
                if (item.trim().equalsIgnoreCase(value)) {
                    return COLUMNS.get(i);
                }
            }
        }
        return null;
    }

    /** "" for an absent field: the value readers take an absent optional field as empty. */
    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
