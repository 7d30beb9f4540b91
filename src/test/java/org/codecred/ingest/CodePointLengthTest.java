package org.codecred.ingest;

import org.codecred.domain.Provider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits count characters as a reader does (Unicode code points), not Java's UTF-16 units: a name
 * of 100 characters outside the Basic Multilingual Plane (𝒜, U+1D49C, two units each) is 100.
 */
class CodePointLengthTest {

    private static final String HEADER = "npi,last_name,first_name,credential,license_number,license_state,license_expires,"
            + "taxonomy_code,specialties,date_of_birth";
    private static final String SCRIPT_A = new String(Character.toChars(0x1D49C));

    private static IngestResult<Provider> roster(String lastName) {
        return new RosterRowParser().parse(new RawRow(new CsvHeader("roster.csv", HEADER.split(",")), 2,
                "1234567893," + lastName + ",Pat,LCSW,LIC1,MA,2030-01-01,1041C0700X,,1980-01-01"));
    }

    @Test
    void aNameOf100CharactersOutsideTheBmpIsWithinTheLimit() {
        String name = SCRIPT_A.repeat(100);
        assertThat(name.length()).as("Java's units").isEqualTo(200);
        IngestResult<Provider> result = roster(name);
        assertThat(result).isInstanceOf(IngestResult.Accepted.class);
        assertThat(((IngestResult.Accepted<Provider>) result).value().lastName()).isEqualTo(name);
    }

    @Test
    void aNameOf101CharactersIsRejectedCountingCharacters() {
        IngestResult<Provider> result = roster(SCRIPT_A.repeat(101));
        assertThat(result).isInstanceOf(IngestResult.Rejected.class);
        assertThat(((IngestResult.Rejected<Provider>) result).row().reason())
                .contains("last_name:").contains("(a value of 101 characters)").contains("longer than 100 characters");
    }

    @Test
    void aMemberIdOf64CharactersOutsideTheBmpIsWithinTheLimit() throws Exception {
        String header = "claim_id,line_no,rendering_npi,billing_npi,member_id,member_dob,service_date,procedure_code,"
                + "modifiers,units,minutes,diagnosis_codes,place_of_service,charge";
        ClaimRowParser parser = new ClaimRowParser(java.time.YearMonth.of(2026, 10));
        IngestResult<?> ok = parser.parse(new RawRow(new CsvHeader("claims.csv", header.split(",")), 2,
                "C1,1,1234567893,," + SCRIPT_A.repeat(64) + ",1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00"));
        assertThat(ok).isInstanceOf(IngestResult.Accepted.class);
        IngestResult<?> long65 = parser.parse(new RawRow(new CsvHeader("claims.csv", header.split(",")), 3,
                "C1,2,1234567893,," + SCRIPT_A.repeat(65) + ",1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00"));
        assertThat(long65).isInstanceOf(IngestResult.Rejected.class);
        assertThat(((IngestResult.Rejected<?>) long65).row().reason()).contains("member_id: longer than 64 characters (65)");
    }

    /** Seeded: names of 90 to 110 characters mixing the BMP and beyond are accepted exactly when at most 100. */
    @Test
    void namesAreMeasuredInCharactersWhateverTheirPlane() {
        for (long seed : new long[] {29L, 20261207L, 5L}) {
            java.util.Random random = new java.util.Random(seed);
            for (int i = 0; i < 200; i++) {
                int characters = 90 + random.nextInt(21);
                StringBuilder name = new StringBuilder();
                for (int c = 0; c < characters; c++) {
                    int codePoint = switch (random.nextInt(3)) {
                        case 0 -> 'a' + random.nextInt(26);
                        case 1 -> 0x00C0 + random.nextInt(0x17F - 0xC0);   // Latin-1 and Latin Extended-A
                        default -> 0x1D400 + random.nextInt(0x33);         // mathematical letters, beyond the BMP
                    };
                    name.appendCodePoint(codePoint);
                }
                IngestResult<Provider> result = roster(name.toString());
                assertThat(result).as("seed %d: %d characters, %d UTF-16 units", seed, characters, name.length())
                        .isInstanceOf(characters <= 100 ? IngestResult.Accepted.class : IngestResult.Rejected.class);
            }
        }
    }
}
