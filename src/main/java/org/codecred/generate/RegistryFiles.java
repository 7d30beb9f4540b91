package org.codecred.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
                            p.licenseState, p.licenseExpires == null ? "" : p.licenseExpires.toString(), p.taxonomy,
                            String.join(";", p.specialties), p.dateOfBirth == null ? "" : p.dateOfBirth.toString()) + "\n");
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
                // excluded from the 5th of the sequence's last month: earlier months' lists do not have it yet
                case "Muñoz" -> {
                    if (!g.month.isBefore(g.latest)) {
                        rows.add(leie("MUNOZ", "JOSE", "", "COUNSELOR", "0000000000", "19700505",
                                "1128b7", g.latest.atDay(5), null));
                    }
                }
                case "Pemberton" -> rows.add(leie(p.lastName.toUpperCase(Locale.ROOT), p.firstName.toUpperCase(Locale.ROOT),
                        "", "SOCIAL WORKER", p.npi, YYYYMMDD.format(p.dateOfBirth), "1128b4",
                        monthStart.minusYears(3), monthStart.minusMonths(2)));
                case "Oduya" -> rows.add(leie("ODUYA", "GRACE", "", "COUNSELOR", "0000000000", "19600101",
                        "1128a1", monthStart.minusYears(1), null));
                // name only: the roster gives no birth date, the row no NPI → EXCLUSION-POSSIBLE
                case "Thibodeaux" -> rows.add(leie("THIBODEAUX", "RENEE", "", "COUNSELOR", "0000000000", "19720909",
                        "1128b4", monthStart.minusYears(2), null));
                // by NPI, excluded from the 20th of the next month → EXCLUSION-PENDING
                case "Yarrow" -> rows.add(leie("YARROW", "DMITRI", "", "COUNSELOR", p.npi, "00000000",
                        "1128b7", g.month.plusMonths(1).atDay(20), null));
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
        writeSam(g);
        writeOptOut(g);
    }

    private static final String SAM_HEADER = "\"Classification\",\"Name\",\"Prefix\",\"First\",\"Middle\",\"Last\","
            + "\"Suffix\",\"Address 1\",\"Address 2\",\"Address 3\",\"Address 4\",\"City\",\"State / Province\","
            + "\"Country\",\"Zip Code\",\"Open Data Flag\",\"Blank (Deprecated)\",\"Unique Entity ID\","
            + "\"Exclusion Program\",\"Excluding Agency\",\"CT Code\",\"Exclusion Type\",\"Additional Comments\","
            + "\"Active Date\",\"Termination Date\",\"Record Status\",\"Cross-Reference\",\"SAM Number\",\"CAGE\","
            + "\"NPI\",\"Creation_Date\"";

    /**
     * The SAM.gov exclusions public extract (V2 layout, 31 quoted columns, {@code MM/DD/YYYY} dates,
     * {@code Indefinite}), named with the Julian date of a few days before the month as SAM names it.
     */
    static void writeSam(SampleMonthGenerator g) throws IOException {
        LocalDate published = g.month.atDay(1).minusDays(3);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalDate active = g.month.atDay(1).minusYears(1 + i % 5).plusDays(i * 11L);
            if (i % 3 == 0) {
                rows.add(sam("Firm", "Northgate Supply " + i + " LLC", "", "", "", "DENVER", "CO", "80202", "",
                        active, null, "Ineligible (Proceedings Completed)", "GSA", "", published));
            } else {
                rows.add(sam("Individual", "", "Morgan", "", "Sandoval" + (char) ('A' + i) + "ez", "TUCSON", "AZ", "85701", "",
                        active, i % 2 == 0 ? active.plusYears(3) : null, "Prohibition/Restriction", "HHS", "", published));
            }
        }
        for (Practice p : g.practices) {
            if (!p.planted) {
                continue;
            }
            switch (p.lastName) {
                // by NPI, in force → EXCLUDED-SAM
                case "Ostrander" -> rows.add(sam("Individual", "", p.firstName.toUpperCase(Locale.ROOT), "",
                        p.lastName.toUpperCase(Locale.ROOT), "SPRINGFIELD", "MA", "01101", p.npi,
                        g.month.atDay(1).minusMonths(8), null, "Prohibition/Restriction", "HHS", "", published));
                // name and license state agree, but the exclusion ended before the month: clean
                case "Faircloth" -> rows.add(sam("Individual", "", p.firstName.toUpperCase(Locale.ROOT), "",
                        p.lastName.toUpperCase(Locale.ROOT), "WORCESTER", p.licenseState, "01608", "",
                        g.month.atDay(1).minusYears(4), g.month.atDay(1).minusMonths(2), "Ineligible (Proceedings Completed)",
                        "OPM", "", published));
                // the name only, in another state, no NPI → EXCLUSION-POSSIBLE (SAM.gov)
                case "Brannock" -> rows.add(sam("Individual", "", p.firstName.toUpperCase(Locale.ROOT), "",
                        p.lastName.toUpperCase(Locale.ROOT), "RENO", "NV", "89501", "",
                        g.month.atDay(1).minusYears(1), null, "Ineligible (Proceedings Completed)", "DOJ", "", published));
                default -> {
                }
            }
        }
        String name = String.format("SAM_Exclusions_Public_Extract_V2_%02d%03d.CSV", published.getYear() % 100,
                published.getDayOfYear());
        try (BufferedWriter out = Files.newBufferedWriter(g.monthDir.resolve("exclusions").resolve(name), StandardCharsets.UTF_8)) {
            out.write(SAM_HEADER + "\r\n");
            for (String[] row : rows) {
                out.write("\"" + String.join("\",\"", row) + "\"\r\n");
            }
        }
    }

    private static String[] sam(String classification, String name, String first, String middle, String last, String city,
                                String state, String zip, String npi, LocalDate active, LocalDate terminated, String type,
                                String agency, String comments, LocalDate created) {
        DateTimeFormatter us = SampleMonthGenerator.US_DATE;
        return new String[]{classification, name, "", first, middle, last, "", "", "", "", "", city, state, "USA", zip,
                "", "", "", "Reciprocal", agency, "", type, comments, us.format(active),
                terminated == null ? "Indefinite" : us.format(terminated), "", "", "S4MR" + Math.abs((last + first + name).hashCode() % 100000),
                "", npi, created.toString()};
    }

    /** The CMS Medicare opt-out affidavits file as data.cms.gov serves it: unquoted header, MM/DD/YYYY dates. */
    static void writeOptOut(SampleMonthGenerator g) throws IOException {
        DateTimeFormatter us = SampleMonthGenerator.US_DATE;
        Files.createDirectories(g.monthDir.resolve("optout"));
        List<String> lines = new ArrayList<>();
        lines.add("Last Name,First Name,NPI,Specialty,Optout Effective Date,Optout End Date,First Line Street Address,"
                + "Second Line Street Address,City Name,State Code,Zip code,Eligible to Order and Refer,Last updated");
        for (int i = 0; i < 8; i++) {
            LocalDate from = g.month.atDay(1).minusYears(1).plusDays(i * 40L);
            lines.add(String.join(",", "HARGROVE" + (char) ('A' + i), "ELI", g.nextNpi(), "Psychiatry", us.format(from),
                    us.format(from.plusYears(2).minusDays(1)), "\"" + (100 + i) + " MAIN ST, SUITE 4\"", "", "BOSTON", "MA",
                    "02108", "N", us.format(g.month.atDay(1).minusDays(5))));
        }
        for (Practice p : g.practices) {
            if (p.planted && (p.lastName.equals("Ashby") || p.lastName.equals("Vantongeren"))) {
                // Ashby's two-year opt-out covers the month; Vantongeren's ended before it
                LocalDate from = p.lastName.equals("Ashby") ? g.month.atDay(1).minusMonths(7) : g.month.atDay(1).minusYears(3);
                lines.add(String.join(",", p.lastName.toUpperCase(Locale.ROOT), p.firstName.toUpperCase(Locale.ROOT), p.npi,
                        "Clinical Psychologist", us.format(from), us.format(from.plusYears(2).minusDays(1)),
                        "12 ELM ST", "", "SPRINGFIELD", "MA", "01101", "N", us.format(g.month.atDay(1).minusDays(5))));
            }
        }
        Files.writeString(g.monthDir.resolve("optout").resolve("Opt_Out_Affidavits.csv"),
                String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
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
        // the monthly file a user downloads when the month is run, early in the next month
        String fileName = "npidata_pfile_20050523-" + YYYYMMDD.format(g.month.atEndOfMonth().plusDays(9)) + ".csv";
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
                        p.registryDeactivated == null ? "" : us.format(p.registryDeactivated),
                        p.registryReactivated == null ? "" : us.format(p.registryReactivated), "F"));
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
