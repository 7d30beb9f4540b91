package org.codecred.ingest;

import org.codecred.domain.Provider;
import org.codecred.staging.RejectedRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads one roster row into a {@link Provider}, or rejects it naming the field and value. */
public final class RosterRowParser {

    public static final String FILE = "roster.csv";
    public static final List<String> REQUIRED_COLUMNS = List.of("npi", "last_name", "credential");
    /** Longest specialty id (the specialty table's ids are far shorter). */
    public static final int MAX_SPECIALTY_ID = 40;

    public IngestResult<Provider> parse(RawRow row) {
        try {
            // the raw text is shown only if the row is rejected later (an NPI twice): birth date masked
            return new IngestResult.Accepted<>(toProvider(row, RowFields.parse(row)), maskedRaw(row));
        } catch (UnreadableRow e) {
            String reason = e.getMessage().startsWith("date_of_birth:")
                    ? e.getMessage().replaceFirst("'[^']*'", "'****'") : e.getMessage();
            return new IngestResult.Rejected<>(new RejectedRow(row.file(), row.lineNumber(), reason, maskedRaw(row)));
        }
    }

    /**
     * The raw row with the provider's birth date masked (rejected.csv is an output, and outputs show
     * no birth date): the date_of_birth column, and when the row has fields missing or extra, every
     * field within as many places of it that looks like a date.
     */
    static String maskedRaw(RawRow row) {
        String text = row.text();
        List<int[]> spans = RowFields.fieldSpans(text);
        int shift = spans.size() - row.header().width();
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        for (int column : row.header().indexesOf("date_of_birth")) {
            for (int i = Math.max(0, column + Math.min(0, shift)); i <= Math.min(spans.size() - 1, column + Math.max(0, shift)); i++) {
                int[] span = spans.get(i);
                String value = text.substring(span[0], span[1]).replace("\"", "").trim();
                if (span[0] >= done && (i == column && shift == 0 ? !value.isEmpty() : value.matches("[\\d/.-]{6,10}"))) {
                    out.append(text, done, span[0]).append("****");
                    done = span[1];
                }
            }
        }
        return out.append(text, done, text.length()).toString();
    }

    private static Provider toProvider(RawRow row, RowFields f) throws UnreadableRow {
        String npi = f.npi("npi", true);
        String last = f.maxLength("last_name", f.required("last_name"), 100);
        String first = f.maxLength("first_name", f.text("first_name"), 100);
        String credential = f.maxLength("credential", f.required("credential"), 20);
        String license = f.maxLength("license_number", f.text("license_number"), 40);
        String state = f.text("license_state").toUpperCase(Locale.ROOT);
        if (!state.isEmpty() && !state.matches("[A-Z]{2}")) {
            throw new UnreadableRow("license_state: '" + RowFields.shorten(state) + "' is not a 2-letter state code");
        }
        LocalDate expires = f.date("license_expires", false);
        String taxonomy = f.text("taxonomy_code").toUpperCase(Locale.ROOT);
        if (!taxonomy.isEmpty() && !taxonomy.matches("[0-9A-Z]{9}X")) {
            throw new UnreadableRow("taxonomy_code: '" + RowFields.shorten(taxonomy) + "' is not a 10-character NUCC taxonomy code");
        }
        List<String> specialties = new ArrayList<>();
        for (String part : f.text("specialties").split(";")) {
            String id = part.trim().toLowerCase(Locale.ROOT);
            if (RowFields.characters(id) > MAX_SPECIALTY_ID) {
                // ids are keys downstream: two long ids must never be cut to the same one
                throw new UnreadableRow("specialties: '" + RowFields.shorten(id) + "' is longer than "
                        + MAX_SPECIALTY_ID + " characters, not a specialty id");
            }
            if (!id.isEmpty() && !specialties.contains(id)) {
                specialties.add(id);
            }
        }
        if (RowFields.characters(String.join(";", specialties)) > 500) {
            throw new UnreadableRow("specialties: longer than 500 characters");
        }
        LocalDate dob = f.date("date_of_birth", false);
        return new Provider(npi, last, first, credential, license.isEmpty() ? null : license,
                state.isEmpty() ? null : state, expires, taxonomy.isEmpty() ? null : taxonomy, specialties, dob,
                row.lineNumber());
    }
}
