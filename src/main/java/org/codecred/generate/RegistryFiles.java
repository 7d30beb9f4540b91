package org.codecred.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The roster, the OIG exclusion list (LEIE layout) and the NPPES registry extract of a generated month. */
final class RegistryFiles {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String LEIE_HEADER = "LASTNAME,FIRSTNAME,MIDNAME,BUSNAME,GENERAL,SPECIALTY,UPIN,NPI,DOB,"
            + "ADDRESS,CITY,STATE,ZIP,EXCLTYPE,EXCLDATE,REINDATE,WAIVERDATE,WVRSTATE";

    private RegistryFiles() {
    }

    static void writeRoster(SampleMonthGenerator g) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(g.monthDir.resolve("roster.csv"), StandardCharsets.UTF_8)) {
            out.write("npi,last_name,first_name,credential,license_number,license_state,license_expires,taxonomy_code,"
                    + "specialties,date_of_birth\n");
            for (Practice p : g.practices) {
                if (p.rostered) {
                    out.write(String.join(",", p.npi, p.lastName, p.firstName, p.credential, p.licenseNumber,
                            p.licenseState, p.licenseExpires == null ? "" : p.licenseExpires.toString(), p.taxonomy, String.join(";", p.specialties),
                            p.dateOfBirth.toString()) + "\n");
                }
            }
            // unreadable roster rows: an impossible date, and a second row for an NPI already listed
            Practice first = g.practices.get(0);
            out.write("1999999996,Nemo,Ada,LCSW,LIC1,MA," + g.month.getYear() + "-02-30,1041C0700X,trauma,1980-01-01\n");
            out.write(String.join(",", first.npi, first.lastName, first.firstName, first.credential, "LIC0",
                    "MA", "2030-01-01", first.taxonomy, "", "") + "\n");
        }
    }

    /** An OIG LEIE file as published: every field quoted, YYYYMMDD dates, zeros for empty. */
    static void writeExclusions(SampleMonthGenerator g) throws IOException {
        List<String[]> rows = new ArrayList<>();
        LocalDate monthStart = g.month.atDay(1);
        // unrelated people and businesses, as most of the real list is
        for (int i = 0; i < 40; i++) {
            boolean business = i % 5 == 0;
            rows.add(leie(business ? "" : "Exley" + (char) ('A' + i % 26) + "ton", business ? "" : "Morgan",
                    business ? "Sunrise Supply " + i + " LLC" : "", business ? "OTHER BUSINESS" : "IND- LIC HC SERV PRO",
                    i % 4 == 0 ? g.nextNpi() : "0000000000", business ? "00000000" : "1960010" + (1 + i % 9),
                    "1128a1", monthStart.minusYears(1 + i % 9), null));
        }
        for (Practice p : g.practices) {
            if (!p.planted) {
                continue;
            }
            switch (p.lastName) {
                case "Stroud" -> rows.add(leie(p.lastName, p.firstName, "", "SOCIAL WORKER", p.npi,
                        YYYYMMDD.format(p.dateOfBirth), "1128b4", monthStart.minusYears(2), null));
                case "Marchetti" -> rows.add(leie("MARCHETTI", "SOFIA", "", "COUNSELOR", "0000000000", "19790314",
                        "1128a1", monthStart.minusMonths(3), null));
                case "Muñoz" -> rows.add(leie("MUNOZ", "JOSE", "", "COUNSELOR", "0000000000", "19700505",
                        "1128b7", g.month.atDay(5), null));
                case "Pemberton" -> rows.add(leie(p.lastName.toUpperCase(Locale.ROOT), p.firstName.toUpperCase(Locale.ROOT),
                        "", "SOCIAL WORKER", p.npi, YYYYMMDD.format(p.dateOfBirth), "1128b4",
                        monthStart.minusYears(3), monthStart.minusMonths(2)));
                case "Oduya" -> rows.add(leie("ODUYA", "GRACE", "", "COUNSELOR", "0000000000", "19600101",
                        "1128a1", monthStart.minusYears(1), null));
                default -> {
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(g.monthDir.resolve("exclusions").resolve("UPDATED.csv"),
                StandardCharsets.UTF_8)) {
            out.write(LEIE_HEADER + "\r\n");
            for (String[] row : rows) {
                out.write("\"" + String.join("\",\"", row) + "\"\r\n");
            }
        }
    }

    private static String[] leie(String last, String first, String business, String general, String npi, String dob,
                                 String type, LocalDate excluded, LocalDate reinstated) {
        return new String[]{last, first, "", business, general, "", "", npi, dob, "12 Elm St", "Springfield", "MA",
                "01101", type, YYYYMMDD.format(excluded), reinstated == null ? "00000000" : YYYYMMDD.format(reinstated),
                "00000000", ""};
    }

    /** An NPPES extract: the published column names and order for the fields CodeCred reads. */
    static void writeNppes(SampleMonthGenerator g) throws IOException {
        List<String> header = new ArrayList<>(List.of("NPI", "Entity Type Code", "Replacement NPI",
                "Employer Identification Number (EIN)", "Provider Organization Name (Legal Business Name)",
                "Provider Last Name (Legal Name)", "Provider First Name", "Provider Middle Name",
                "Provider Name Prefix Text", "Provider Name Suffix Text", "Provider Credential Text",
                "Provider Enumeration Date", "Last Update Date", "NPI Deactivation Reason Code",
                "NPI Deactivation Date", "NPI Reactivation Date", "Provider Sex Code"));
        for (int n = 1; n <= 15; n++) {
            header.add("Healthcare Provider Taxonomy Code_" + n);
            header.add("Provider License Number_" + n);
            header.add("Provider License Number State Code_" + n);
            header.add("Healthcare Provider Primary Taxonomy Switch_" + n);
        }
        String fileName = "npidata_pfile_20050523-" + YYYYMMDD.format(g.month.atDay(1).minusDays(20)) + ".csv";
        DateTimeFormatter us = SampleMonthGenerator.US_DATE;
        try (BufferedWriter out = Files.newBufferedWriter(g.monthDir.resolve("nppes").resolve(fileName), StandardCharsets.UTF_8)) {
            out.write(quoted(header) + "\n");
            for (Practice p : g.practices) {
                if (!p.inRegistry) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(p.npi, "1", "", "<UNAVAIL>", "",
                        (p.registryLastName != null ? p.registryLastName : p.lastName).toUpperCase(Locale.ROOT),
                        p.firstName.toUpperCase(Locale.ROOT), "", "", "", p.credential.toUpperCase(Locale.ROOT),
                        "05/23/2012", "07/08/2024", "",
                        p.registryDeactivated == null ? "" : us.format(p.registryDeactivated), "", "F"));
                row.add(p.registryTaxonomy != null ? p.registryTaxonomy : p.taxonomy);
                row.add(p.registryLicense != null ? p.registryLicense : p.licenseNumber);
                row.add(p.licenseState);
                row.add("Y");
                for (int n = 2; n <= 15; n++) {
                    row.add("");
                    row.add("");
                    row.add("");
                    row.add("");
                }
                out.write(quoted(row) + "\n");
            }
        }
    }

    private static String quoted(List<String> values) {
        return "\"" + String.join("\",\"", values) + "\"";
    }
}
