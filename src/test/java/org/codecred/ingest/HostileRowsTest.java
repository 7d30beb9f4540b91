package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Provider;
import org.codecred.staging.RejectedRow;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: rows that are not merely wrong but hostile — member ids placed where the old masking
 * missed them, values that passed a length check before normalizing, numbers that wrap, quotes in
 * the wrong place. Each either reads as the contract says or is rejected naming its line, and no
 * member id reaches rejected.csv.
 */
class HostileRowsTest {

    private static final String HEADER = "claim_id,line_no,rendering_npi,billing_npi,member_id,member_dob,service_date,"
            + "procedure_code,modifiers,units,minutes,diagnosis_codes,place_of_service,charge";

    private final ClaimRowParser parser = new ClaimRowParser(YearMonth.of(2026, 10));

    private static RawRow row(String header, String text) {
        return new RawRow(new CsvHeader("claims-test.csv", header.split(",", -1)), 9, text);
    }

    private RejectedRow rejected(RawRow row) {
        IngestResult<ClaimLine> result = parser.parse(row);
        assertThat(result).as(result.toString()).isInstanceOf(IngestResult.Rejected.class);
        RejectedRow rejected = ((IngestResult.Rejected<ClaimLine>) result).row();
        assertThat(rejected.lineNumber()).isEqualTo(9);
        return rejected;
    }

    private ClaimLine accepted(RawRow row) {
        IngestResult<ClaimLine> result = parser.parse(row);
        assertThat(result).as(result.toString()).isInstanceOf(IngestResult.Accepted.class);
        return ((IngestResult.Accepted<ClaimLine>) result).value();
    }

    // case 2: member ids in rejected.csv

    @Test
    void aMissingFieldBeforeTheMemberIdStillMasksIt() {
        // billing_npi left out: the member id sits one field to the left of its column
        RejectedRow r = rejected(row(HEADER, "C1,1,1234567893,MBRSECRET77,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00"));
        assertThat(r.raw()).doesNotContain("MBRSECRET77");
        assertThat(r.reason()).doesNotContain("MBRSECRET77");
    }

    @Test
    void anExtraFieldBeforeTheMemberIdStillMasksIt() {
        RejectedRow r = rejected(row(HEADER, "C1,1,1234567893,,extra,MBRSECRET77,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00"));
        assertThat(r.raw()).doesNotContain("MBRSECRET77");
    }

    @Test
    void aMemberIdLongerThan64NeverReachesTheReason() {
        String member = "M" + "7".repeat(70);
        RejectedRow r = rejected(row(HEADER, "C1,1,1234567893,," + member + ",1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00"));
        assertThat(r.reason()).contains("member_id: longer than 64 characters").doesNotContain("M7777");
        assertThat(r.raw()).doesNotContain("M7777");
    }

    @Test
    void aDuplicateMemberIdColumnIsMaskedToo() {
        String header = HEADER + ",member_id";
        RejectedRow r = rejected(row(header, "C1,1,1234567893,,MBRFIRST01,1980-04-02,2026-02-30,90834,,1,45,F41.1,11,140.00,MBRSECOND2"));
        assertThat(r.raw()).doesNotContain("MBRFIRST01").doesNotContain("MBRSECOND2");
    }

    @Test
    void aMemberIdWithADoubledQuoteIsMaskedWholly() {
        RejectedRow r = rejected(row(HEADER, "C1,1,1234567893,,\"MB\"\"R,SECRET\",1980-04-02,2026-02-30,90834,,1,45,F41.1,11,140.00"));
        assertThat(r.raw()).doesNotContain("SECRET").doesNotContain("MB\"").startsWith("C1,1,1234567893,,****").endsWith(",140.00");
    }

    @Test
    void aShortMemberIdMasksItsFieldNotEveryOccurrence() {
        RejectedRow r = rejected(row(HEADER, "C12,12,1234567893,,12,1980-04-12,2026-02-30,90834,,1,12,F41.1,11,112.00"));
        // every field holding exactly "12" is masked, and the birth date; "C12", the NPI, the code, the
        // service date, the charge and the diagnosis are untouched, and no "12" inside another value is
        assertThat(r.raw()).isEqualTo("C12,****,1234567893,,****,****,2026-02-30,90834,,1,****,F41.1,11,112.00");
    }

    @Test
    void aMemberIdQuotedInAnotherFieldsReasonIsMasked() {
        // the member id typed into procedure_code as well: the reason quotes that field's value
        RejectedRow r = rejected(row(HEADER, "C1,1,1234567893,,MBR777,1980-04-02,2026-10-05,MBR777,,1,45,F41.1,11,140.00"));
        assertThat(r.reason()).doesNotContain("MBR777").contains("also stands in procedure_code");
        assertThat(r.raw()).doesNotContain("MBR777");
    }

    @Test
    void aMemberIdAlsoStandingInAnotherFieldRejectsTheRow() {
        // found by the fuzz test: accepted, the claim id or a diagnosis "code" carried the member id into findings.csv
        RejectedRow asClaimId = rejected(row(HEADER, "MBR0001234,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00"));
        assertThat(asClaimId.reason()).isEqualTo("member_id: the same value also stands in claim_id; a member id may appear only in its own column");
        assertThat(asClaimId.raw()).doesNotContain("MBR0001234");
        RejectedRow asDiagnosis = rejected(row(HEADER, "C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1;mbr0001234,11,140.00"));
        assertThat(asDiagnosis.reason()).contains("also stands in diagnosis_codes");
        assertThat(accepted(row(HEADER, "C1,1,1234567893,,1,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00")).memberId())
                .as("a short id equal to a number is no identifier in other columns").isEqualTo("1");
    }

    // case 3: lengths after normalizing, roster specialty ids

    @Test
    void diagnosisCodesAreMeasuredAfterTheDotGoesIn() {
        // 42 codes of 5 characters fit 255 as written (251) and not once each gains its dot (293)
        String dx = String.join(";", java.util.Collections.nCopies(42, "F4310"));
        assertThat(dx.length()).isLessThanOrEqualTo(255);
        RejectedRow r = rejected(row(HEADER, "C1,1,1234567893,,MBR1,1980-04-02,2026-10-05,90834,,1,45,\"" + dx + "\",11,140.00"));
        assertThat(r.reason()).contains("diagnosis_codes: more than 12 diagnosis codes");
        String twelve = String.join(";", java.util.Collections.nCopies(12, "F4310"));
        assertThat(accepted(row(HEADER, "C1,1,1234567893,,MBR1,1980-04-02,2026-10-05,90834,,1,45,\"" + twelve + "\",11,140.00"))
                .diagnosisCodes()).hasSize(12).allMatch("F43.10"::equals);
    }

    @Test
    void anOverlongDiagnosisCodeIsRejectedNotFailingTheMonth() {
        RejectedRow r = rejected(row(HEADER, "C1,1,1234567893,,MBR1,1980-04-02,2026-10-05,90834,,1,45,F" + "1".repeat(30) + ",11,140.00"));
        // a value that plainly holds no identifier is shown; this one does not look like a code list, so it is masked
        assertThat(r.reason()).contains("diagnosis_codes: '****1111' is longer than 16 characters");
        RejectedRow longer = rejected(row(HEADER, "C1,1,1234567893,,MBR1,1980-04-02,2026-10-05,90834,,1,45,F" + "1".repeat(50) + ",11,140.00"));
        assertThat(longer.reason()).contains("diagnosis_codes: '(a value of 51 characters)' is longer than 16 characters");
    }

    @Test
    void rosterSpecialtyIdsLongerThanTheKeyAreRejectedByLine() {
        String header = "npi,last_name,first_name,credential,license_number,license_state,license_expires,taxonomy_code,specialties,date_of_birth";
        String shared = "a".repeat(40);
        RawRow row = new RawRow(new CsvHeader("roster.csv", header.split(",")), 4,
                "1234567893,Doe,Jane,LICSW,SW1,MA,2027-05-01,1041C0700X," + shared + "-one;" + shared + "-two,1980-01-01");
        IngestResult<Provider> result = new RosterRowParser().parse(row);
        assertThat(result).isInstanceOf(IngestResult.Rejected.class);
        RejectedRow r = ((IngestResult.Rejected<Provider>) result).row();
        assertThat(r.file()).isEqualTo("roster.csv");
        assertThat(r.lineNumber()).isEqualTo(4);
        assertThat(r.reason()).contains("specialties:").contains("longer than 40 characters");
        RawRow fine = new RawRow(row.header(), 5, "1234567893,Doe,Jane,LICSW,SW1,MA,2027-05-01,1041C0700X," + shared + ",");
        assertThat(new RosterRowParser().parse(fine)).isInstanceOf(IngestResult.Accepted.class);
    }

    // case 8: units

    @Test
    void unitsBeyondTheLimitAreRejectedAndNeverWrap() {
        RejectedRow r = rejected(row(HEADER, "C1,1,1234567893,,MBR1,1980-04-02,2026-10-05,96159,,2147483647,,F41.1,11,140.00"));
        assertThat(r.reason()).contains("units: '2147483647' is above 99999");
        RejectedRow beyondInt = rejected(row(HEADER, "C1,1,1234567893,,MBR1,1980-04-02,2026-10-05,96159,,99999999999999999999,,F41.1,11,140.00"));
        assertThat(beyondInt.reason()).contains("is above 99999");
        assertThat(accepted(row(HEADER, "C1,1,1234567893,,MBR1,1980-04-02,2026-10-05,96159,,99999,,F41.1,11,140.00")).units())
                .isEqualTo(99_999);
    }

    // case 9: stray quotes

    @Test
    void aQuoteInsideAnUnquotedFieldRejectsTheLine() {
        RejectedRow r = rejected(row(HEADER, "C1\"X,1,1234567893,,MBR1,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00"));
        assertThat(r.reason()).contains("field 1: a quote inside an unquoted field");
    }

    @Test
    void textAfterAClosingQuoteRejectsTheLine() {
        RejectedRow r = rejected(row(HEADER, "\"C1\"X,1,1234567893,,MBR1,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00"));
        assertThat(r.reason()).contains("field 1: text after the closing quote");
    }

    @Test
    void theTailOfAQuotedLineBreakIsNamedAsSuch() {
        CsvHeader header = new CsvHeader("claims-test.csv", HEADER.split(","));
        String head = "C1,1,1234567893,,MBR1,1980-04-02,2026-10-05,90834,,1,45,\"F41.1";
        String tail = "F43.10\",11,140.00";
        RejectedRow r = rejected(new RawRow(header, 9, tail, null, head));
        assertThat(r.reason()).contains("continues a quoted field left open on the line before (8)")
                .contains("a record never spans two lines");
    }

    // also: service dates outside the month

    @Test
    void aServiceDateOutsideTheMonthIsRejectedVisibly() {
        RejectedRow r = rejected(row(HEADER, "C1,1,1234567893,,MBR1,1980-04-02,2026-09-30,90834,,1,45,F41.1,11,140.00"));
        assertThat(r.reason()).contains("service_date: '2026-09-30' is outside the month 2026-10");
        assertThat(accepted(row(HEADER, "C1,1,1234567893,,MBR1,1980-04-02,10/31/2026,90834,,1,45,F41.1,11,140.00")).serviceDate())
                .hasDayOfMonth(31);
    }

    @Test
    void controlCharactersRejectTheLine() {
        RejectedRow r = rejected(row(HEADER, "C1,1,1234567893,,MBR1,1980-04-02,2026-10-05,90834,,1,45,F41.1\r,11,140.00"));
        assertThat(r.reason()).contains("control character (U+000D)");
    }
}
