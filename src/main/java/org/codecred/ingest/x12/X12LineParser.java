package org.codecred.ingest.x12;

import org.codecred.domain.ClaimLine;
import org.codecred.ingest.ClaimFields;
import org.codecred.ingest.ClaimLineValidator;
import org.codecred.ingest.EarlierClaims;
import org.codecred.ingest.IngestResult;
import org.codecred.ingest.UnreadableRow;
import org.codecred.staging.RejectedRow;

import java.time.YearMonth;
import java.util.Map;

/**
 * Turns an 837 item into what loadClaims stages: a service line's fields go through the same
 * {@link ClaimLineValidator} as a CSV row's (so every later step sees the same claim line), an
 * unreadable set or line becomes a row of rejected.csv with the file and segment number.
 */
public final class X12LineParser {

    private final ClaimLineValidator validator;

    /** Where each claim column comes from in the 837, so a reason names the element too. */
    private static final Map<String, String> ELEMENTS = Map.ofEntries(
            Map.entry("claim_id", "CLM01"), Map.entry("line_no", "LX01"),
            Map.entry("rendering_npi", "NM109 of 2420A/2310B/2010AA"), Map.entry("billing_npi", "2010AA NM109"),
            Map.entry("member_id", "2010BA NM109"), Map.entry("member_dob", "DMG02"),
            Map.entry("service_date", "DTP03 of DTP*472"), Map.entry("procedure_code", "SV101-2"),
            Map.entry("modifiers", "SV101-3..6"), Map.entry("units", "SV104"),
            Map.entry("diagnosis_codes", "HI by SV107"), Map.entry("place_of_service", "SV105 or CLM05-1"),
            Map.entry("charge", "SV102"), Map.entry("claim_frequency", "CLM05-3"));

    /** A parser that takes service dates of any month (for tools and tests of single files). */
    public X12LineParser() {
        this(null);
    }

    /** @param month the month being credentialed: a line dated outside it is rejected, as a CSV row is */
    public X12LineParser(YearMonth month) {
        this(month, EarlierClaims.NONE);
    }

    /** @param earlier the earlier months' claims, whose replacements and voids are not out of month */
    public X12LineParser(YearMonth month, EarlierClaims earlier) {
        this.validator = new ClaimLineValidator(month, earlier);
    }

    public IngestResult<ClaimLine> parse(X12Item item) {
        if (item instanceof X12Item.ServiceLine line) {
            try {
                readable(line.fields());
                // the raw text is written only for a reject (it is the line's own segments, no member data)
                return new IngestResult.Accepted<>(validator.validate(line.file(), line.segment(), line.fields(),
                        line.fields()::fieldAlsoHolding), "");
            } catch (UnreadableRow e) {
                return new IngestResult.Rejected<>(new RejectedRow(line.file(), line.segment(),
                        withElement(e.getMessage()) + " (segment " + line.segment() + ")", line.raw().get()));
            }
        }
        X12Item.Unreadable u = (X12Item.Unreadable) item;
        return new IngestResult.Rejected<>(new RejectedRow(u.file(), u.segment(), u.reason(), u.raw()));
    }

    /** StAEDI shows bytes that are not UTF-8 as U+FFFD: such a line is not read. */
    private static void readable(ClaimFields fields) throws UnreadableRow {
        for (String field : fields.values()) {
            if (field != null && field.indexOf('\uFFFD') >= 0) {
                throw new UnreadableRow("the line is not valid UTF-8 text");
            }
        }
    }

    /** "units: '0' is below 1" → "units (SV104): '0' is below 1". */
    static String withElement(String reason) {
        int colon = reason.indexOf(':');
        String element = colon > 0 ? ELEMENTS.get(reason.substring(0, colon)) : null;
        return element == null ? reason : reason.substring(0, colon) + " (" + element + ")" + reason.substring(colon);
    }
}
