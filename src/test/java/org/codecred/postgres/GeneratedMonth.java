package org.codecred.postgres;

import org.codecred.credentials.NpiCheckDigit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A small made-up month (no real names or ids): a roster of a few providers and two claim files,
 * with member ids whose order differs between collations ("m-7" and "M7", lower and upper case)
 * and a few unreadable rows, so that rejected.csv is not empty.
 */
final class GeneratedMonth {

    static final int PROVIDERS = 6;
    static final int BAD_ROWS = 3;

    private static final String[] CODES = {"90832", "90834", "90837", "90791", "90846", "90847", "99213", "90785"};
    private static final String[] DIAGNOSES = {"F4310", "F32.1", "F90.0", "Z63.0", "F10.20", "J45.909"};

    private GeneratedMonth() {
    }

    /** Writes roster.csv, claims-a.csv ({@code lines} lines) and claims-B.csv (a few lines and the bad rows). */
    static void write(Path monthDir, int lines) throws IOException {
        Files.createDirectories(monthDir);
        String month = monthDir.getFileName().toString();
        Random random = new Random(42);
        try (Writer out = Files.newBufferedWriter(monthDir.resolve("roster.csv"), StandardCharsets.UTF_8)) {
            out.write("npi,last_name,first_name,credential,license_number,license_state,license_expires,taxonomy_code,specialties,date_of_birth\n");
            String[] credentials = {"LCSW", "PhD", "MD", "LPC", "LMFT", "NP"};
            for (int p = 0; p < PROVIDERS; p++) {
                out.write(npi(p) + ",Testname" + p + ",Pat,"  + credentials[p] + ",LIC" + p + ",NY,2027-06-30,,"
                        + (p % 2 == 0 ? "trauma" : "family-therapy;trauma") + ",\n");
            }
        }
        try (Writer out = Files.newBufferedWriter(monthDir.resolve("claims-a.csv"), StandardCharsets.UTF_8)) {
            out.write("claim_id,line_no,rendering_npi,member_id,member_dob,service_date,procedure_code,modifiers,units,minutes,diagnosis_codes,place_of_service,charge\n");
            for (int i = 0; i < lines; i++) {
                out.write(line(month, random, i));
            }
        }
        try (Writer out = Files.newBufferedWriter(monthDir.resolve("claims-B.csv"), StandardCharsets.UTF_8)) {
            out.write("claim_id,line_no,rendering_npi,member_id,service_date,procedure_code,minutes,diagnosis_codes\n");
            out.write("B1,1," + npi(1) + ",m-7," + month + "-03,90834,45,F4310\n");
            out.write("B2,1," + npi(1) + ",M7," + month + "-03,90834,45,F4310\n");
            out.write("B3,1," + npi(1) + ",m7," + month + "-03,90834,,F4310\n");
            out.write("B4,1," + npi(2) + ",\"unclosed," + month + "-04,90834,45,F4310\n");
            out.write("B5,x," + npi(2) + ",m-9," + month + "-05,90834,45,F4310\n");
            out.write("B6,1," + npi(2) + ",m-9,not-a-date,90834,45,F4310\n");
        }
    }

    private static String line(String month, Random random, int i) {
        int provider = random.nextInt(PROVIDERS + 1); // one rendering NPI not on the roster
        String member = switch (random.nextInt(3)) {
            case 0 -> "m-" + random.nextInt(400);
            case 1 -> "M" + random.nextInt(400);
            default -> "mb" + random.nextInt(400);
        };
        String code = CODES[random.nextInt(CODES.length)];
        String minutes = random.nextInt(10) == 0 ? "" : Integer.toString(10 + random.nextInt(60));
        return "C" + i + "," + (1 + random.nextInt(3)) + "," + npi(provider) + "," + member + ",2001-02-0" + (1 + random.nextInt(9))
                + "," + month + "-" + String.format("%02d", 1 + random.nextInt(28)) + "," + code + ","
                + (random.nextInt(8) == 0 ? "95" : "") + ",1," + minutes + "," + DIAGNOSES[random.nextInt(DIAGNOSES.length)]
                + "," + (random.nextInt(6) == 0 ? "02" : "11") + ",120.00\n";
    }

    /** A made-up NPI with a valid check digit (Luhn over 80840 + the first nine digits). */
    static String npi(int n) {
        String base = "1" + String.format("%08d", 31_000_000 + n * 7);
        return base + NpiCheckDigit.checkDigit(base);
    }
}
