package org.codecred.ingest;

import org.codecred.staging.RejectedRow;
import org.codecred.domain.Provider;

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
            return new IngestResult.Accepted<>(toProvider(row, RowFields.parse(row)), row.text());
        } catch (UnreadableRow e) {
            return new IngestResult.Rejected<>(new RejectedRow(row.file(), row.lineNumber(), e.getMessage(), row.text()));
        }
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
            if (id.length() > MAX_SPECIALTY_ID) {
                // ids are keys downstream: two long ids must never be cut to the same one
                throw new UnreadableRow("specialties: '" + RowFields.shorten(id) + "' is longer than "
                        + MAX_SPECIALTY_ID + " characters, not a specialty id");
            }
            if (!id.isEmpty() && !specialties.contains(id)) {
                specialties.add(id);
            }
        }
        if (String.join(";", specialties).length() > 500) {
            throw new UnreadableRow("specialties: longer than 500 characters");
        }
        LocalDate dob = f.date("date_of_birth", false);
        return new Provider(npi, last, first, credential, license.isEmpty() ? null : license,
                state.isEmpty() ? null : state, expires, taxonomy.isEmpty() ? null : taxonomy, specialties, dob,
                row.lineNumber());
    }
}
