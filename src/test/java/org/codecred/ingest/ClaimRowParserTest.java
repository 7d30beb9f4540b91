package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.codecred.staging.RejectedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reject reason of the claim files, and the normalizations that must not change meaning. */
class ClaimRowParserTest {

    private static final String HEADER = "claim_id,line_no,rendering_npi,billing_npi,member_id,member_dob,service_date,"
            + "procedure_code,modifiers,units,minutes,diagnosis_codes,place_of_service,charge";
    private static final String GOOD = "C1,1,1234567893,1234567893,MBR0001234,1980-04-02,2026-10-05,90834,95,1,45,F43.10,10,140.00";

    private final ClaimRowParser parser = new ClaimRowParser();

    private static RawRow row(String header, String text) {
        return new RawRow(new CsvHeader("claims-test.csv", header.split(",")), 7, text);
    }

    @Test
    void readsAGoodRow() {
        ClaimLine line = accepted(row(HEADER, GOOD));
        assertThat(line.claimId()).isEqualTo("C1");
        assertThat(line.lineNumber()).isEqualTo(7);
        assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(line.modifiers()).containsExactly("95");
        assertThat(line.minutes()).isEqualTo(45);
        assertThat(line.diagnosisCodes()).containsExactly("F43.10");
        assertThat(line.charge()).isEqualByComparingTo(new BigDecimal("140.00"));
        assertThat(line.minutesColumnPresent()).isTrue();
    }

    @Test
    void normalizesWithoutChangingMeaning() {
        ClaimLine line = accepted(row(HEADER,
                "C1,1,1234567893,,MBR0001234,,10/05/2026,90834,gt;59,,,\"f4310;F411;296.32\",,"));
        assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(line.modifiers()).containsExactly("GT", "59");
        assertThat(line.units()).isEqualTo(1);
        assertThat(line.minutes()).isNull();
        // the dot goes in; an ICD-9 code stays as written for the DX-INVALID rule
        assertThat(line.diagnosisCodes()).containsExactly("F43.10", "F41.1", "296.32");
        assertThat(line.billingNpi()).isNull();
        assertThat(line.placeOfService()).isNull();
    }

    @Test
    void headersMatchInAnyOrderAndCase() {
        String header = "Member_ID,SERVICE_DATE,Procedure_Code,Claim_Id,LINE_NO,Rendering_NPI";
        ClaimLine line = accepted(row(header, "MBR0001234,2026-10-05,90837,C9,2,1234567893"));
        assertThat(line.claimId()).isEqualTo("C9");
        assertThat(line.lineNo()).isEqualTo(2);
        assertThat(line.procedureCode()).isEqualTo("90837");
        assertThat(line.minutesColumnPresent()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong field count       | C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834                                  | expected 14 fields as in the header, found 8
            unclosed quote          | C1,1,1234567893,,"MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00           | a quoted field is not closed on this line
            empty claim id          | ,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00              | claim_id: required field is empty
            empty member id         | C1,1,1234567893,,,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00                      | member_id: required field is empty
            line_no not a number    | C1,x,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00            | line_no: 'x' is not a whole number
            line_no zero            | C1,0,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00            | line_no: '0' is below 1
            rendering npi           | C1,1,12345,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00                 | rendering_npi: '12345' is not a 10-digit NPI
            billing npi             | C1,1,1234567893,12A4567893,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00  | billing_npi: '****7893' is not a 10-digit NPI
            impossible date         | C1,1,1234567893,,MBR0001234,1980-04-02,2026-02-30,90834,,1,45,F41.1,11,140.00            | service_date: '2026-02-30' is not a date
            US date out of range    | C1,1,1234567893,,MBR0001234,1980-04-02,13/45/2026,90834,,1,45,F41.1,11,140.00            | service_date: '13/45/2026' is not a date
            birth date              | C1,1,1234567893,,MBR0001234,1980-14-02,2026-10-05,90834,,1,45,F41.1,11,140.00            | member_dob: '****' is not a date
            short procedure code    | C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,9083,,1,45,F41.1,11,140.00             | procedure_code: '9083' is not a 5-character CPT/HCPCS code
            bad modifier            | C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,95;GTX,1,45,F41.1,11,140.00      | modifiers: '95;GTX' holds 'GTX', not a 2-character modifier
            five modifiers          | C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,95;59;GT;XU;25,1,45,F41.1,11,140.00 | has more than four modifiers
            zero units              | C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,0,45,F41.1,11,140.00            | units: '0' is below 1
            negative minutes        | C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,-5,F41.1,11,140.00            | minutes: '-5' is below 0
            minutes not a number    | C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,abc,F41.1,11,140.00           | minutes: 'abc' is not a whole number
            place of service        | C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,1,140.00             | place_of_service: '1' is not a 2-digit place of service
            charge decimals         | C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.005           | charge: '140.005' is not an amount with at most 2 decimals
            charge text             | C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,abc               | charge: 'abc' is not a decimal number
            long claim id           | C12345678901234567890123456789012345678901234567890123456789012345,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00 | claim_id: '(a value of 66 characters)' is longer than 64 characters
            """)
    void rejectsNamingFieldAndValue(String what, String text, String reason) {
        // the member id and birth date are quoted masked, as in the raw column; the other fields as written
        IngestResult<ClaimLine> result = parser.parse(row(HEADER, text));
        assertThat(result).isInstanceOf(IngestResult.Rejected.class);
        RejectedRow rejected = ((IngestResult.Rejected<ClaimLine>) result).row();
        assertThat(rejected.reason()).as(what).contains(reason);
        assertThat(rejected.file()).isEqualTo("claims-test.csv");
        assertThat(rejected.lineNumber()).isEqualTo(7);
    }

    @Test
    void rejectedRawTextMasksTheMemberIdAndBirthDateAndKeepsWhatIdentifiesTheRow() {
        RejectedRow parsed = rejected(row(HEADER, "C1,1,1234567893,,MBR0001234,1980-04-02,2026-02-30,90834,,1,45,F41.1,11,140.00"));
        assertThat(parsed.raw()).isEqualTo("C1,1,1234567893,,****1234,****,2026-02-30,90834,,1,45,F41.1,11,140.00");
        RejectedRow unsplittable = rejected(row(HEADER, "C1,1,1234567893,,\"MBR0001234,1980-04-02,2026-10-05,90834"));
        // nine fields short: the member id may have moved up to nine places, so each of those is masked
        assertThat(unsplittable.raw()).doesNotContain("MBR0001234").doesNotContain("1234567893").contains("****");
    }

    private ClaimLine accepted(RawRow row) {
        IngestResult<ClaimLine> result = parser.parse(row);
        assertThat(result).as(result.toString()).isInstanceOf(IngestResult.Accepted.class);
        return ((IngestResult.Accepted<ClaimLine>) result).value();
    }

    private RejectedRow rejected(RawRow row) {
        IngestResult<ClaimLine> result = parser.parse(row);
        assertThat(result).isInstanceOf(IngestResult.Rejected.class);
        return ((IngestResult.Rejected<ClaimLine>) result).row();
    }

    @Test
    void rosterRowsAreReadAndRejectedByField() {
        RosterRowParser roster = new RosterRowParser();
        String header = "npi,last_name,first_name,credential,license_number,license_state,license_expires,taxonomy_code,specialties,date_of_birth";
        RawRow good = new RawRow(new CsvHeader("roster.csv", header.split(",")), 2,
                "1234567893,Doe,Jane,LICSW,SW1,ma,2027-05-01,1041c0700x,Trauma; family-therapy,1980-01-01");
        IngestResult<?> ok = roster.parse(good);
        assertThat(ok).isInstanceOf(IngestResult.Accepted.class);
        org.codecred.domain.Provider p = (org.codecred.domain.Provider) ((IngestResult.Accepted<?>) ok).value();
        assertThat(p.specialties()).isEqualTo(List.of("trauma", "family-therapy"));
        assertThat(p.licenseState()).isEqualTo("MA");
        assertThat(p.taxonomyCode()).isEqualTo("1041C0700X");

        // the provider's birth date never reaches rejected.csv, in the raw row or in the reason
        RawRow badExpiry = new RawRow(good.header(), 6, "1234567893,Doe,Jane,LCSW,SW1,MA,2027-02-30,1041C0700X,,1980-01-01");
        assertThat(((IngestResult.Rejected<?>) roster.parse(badExpiry)).row().raw())
                .isEqualTo("1234567893,Doe,Jane,LCSW,SW1,MA,2027-02-30,1041C0700X,,****");
        RawRow badBirth = new RawRow(good.header(), 7, "1234567893,Doe,Jane,LCSW,SW1,MA,2027-02-01,1041C0700X,,1980-13-01");
        assertThat(((IngestResult.Rejected<?>) roster.parse(badBirth)).row().reason()).doesNotContain("1980")
                .startsWith("date_of_birth: '****'");
        assertThat(((IngestResult.Accepted<?>) ok).raw()).doesNotContain("1980-01-01");

        RawRow badDate = new RawRow(good.header(), 3, "1234567893,Doe,Jane,LCSW,SW1,MA,2027-02-30,1041C0700X,,");
        assertThat(((IngestResult.Rejected<?>) roster.parse(badDate)).row().reason())
                .isEqualTo("license_expires: '2027-02-30' is not a date (YYYY-MM-DD or MM/DD/YYYY)");
        RawRow noCredential = new RawRow(good.header(), 4, "1234567893,Doe,Jane,,SW1,MA,2027-02-01,1041C0700X,,");
        assertThat(((IngestResult.Rejected<?>) roster.parse(noCredential)).row().reason())
                .isEqualTo("credential: required field is empty");
        RawRow badTaxonomy = new RawRow(good.header(), 5, "1234567893,Doe,Jane,LCSW,SW1,MA,2027-02-01,1041C07,,");
        assertThat(((IngestResult.Rejected<?>) roster.parse(badTaxonomy)).row().reason())
                .startsWith("taxonomy_code: '1041C07'");
    }
}
