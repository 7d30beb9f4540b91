package org.codecred.ingest.x12;

import org.codecred.domain.ClaimLine;
import org.codecred.ingest.ClaimRowParser;
import org.codecred.ingest.CsvHeader;
import org.codecred.ingest.IngestResult;
import org.codecred.ingest.RawRow;
import org.codecred.staging.RejectedRow;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns an 837 item into what loadClaims stages: a service line goes through the same
 * {@link ClaimRowParser} checks as a CSV row (so every later step sees the same claim line), an
 * unreadable set or line becomes a row of rejected.csv with the file and segment number.
 */
public final class X12LineParser {

    private final ClaimRowParser parser;
    private final Map<String, CsvHeader> headers = new HashMap<>();

    /** Where each claim column comes from in the 837, so a reason names the element too. */
    private static final Map<String, String> ELEMENTS = Map.ofEntries(
            Map.entry("claim_id", "CLM01"), Map.entry("line_no", "LX01"),
            Map.entry("rendering_npi", "NM109 of 2420A/2310B/2010AA"), Map.entry("billing_npi", "2010AA NM109"),
            Map.entry("member_id", "2010BA NM109"), Map.entry("member_dob", "DMG02"),
            Map.entry("service_date", "DTP03 of DTP*472"), Map.entry("procedure_code", "SV101-2"),
            Map.entry("modifiers", "SV101-3..6"), Map.entry("units", "SV104"),
            Map.entry("diagnosis_codes", "HI by SV107"), Map.entry("place_of_service", "SV105 or CLM05-1"),
            Map.entry("charge", "SV102"));

    /** A parser that takes service dates of any month (for tools and tests of single files). */
    public X12LineParser() {
        this(null);
    }

    /** @param month the month being credentialed: a line dated outside it is rejected, as a CSV row is */
    public X12LineParser(YearMonth month) {
        this.parser = new ClaimRowParser(month);
    }

    public IngestResult<ClaimLine> parse(X12Item item) {
        if (item instanceof X12Item.ServiceLine line) {
            CsvHeader header = headers.computeIfAbsent(line.file(), f -> new CsvHeader(f, Claim837Mapper.COLUMNS));
            // the raw text is written only for a reject (it is the line's own segments, no member data)
            IngestResult<ClaimLine> result = parser.parse(new RawRow(header, line.segment(), ""), line.fields());
            if (result instanceof IngestResult.Rejected<ClaimLine> r) {
                RejectedRow row = r.row();
                return new IngestResult.Rejected<>(new RejectedRow(row.file(), row.lineNumber(),
                        withElement(row.reason()) + " (segment " + row.lineNumber() + ")", line.raw().get()));
            }
            return result;
        }
        X12Item.Unreadable u = (X12Item.Unreadable) item;
        return new IngestResult.Rejected<>(new RejectedRow(u.file(), u.segment(), u.reason(), u.raw()));
    }

    /** "units: '0' is below 1" → "units (SV104): '0' is below 1". */
    static String withElement(String reason) {
        int colon = reason.indexOf(':');
        String element = colon > 0 ? ELEMENTS.get(reason.substring(0, colon)) : null;
        return element == null ? reason : reason.substring(0, colon) + " (" + element + ")" + reason.substring(colon);
    }
}
