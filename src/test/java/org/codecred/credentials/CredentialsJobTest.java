package org.codecred.credentials;

import org.codecred.cli.CodeCred;
import org.codecred.job.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One month end to end through {@code CodeCred.run}: roster, claims, an LEIE file and an NPPES extract. */
class CredentialsJobTest {

    private static final String CLEAN = Fixtures.npi("167890123");
    private static final String EXCLUDED = Fixtures.npi("167890124");
    private static final String BAD_DIGIT = "1234567890";
    private static final String EXPIRED = Fixtures.npi("167890125");
    private static final String MISFIT = Fixtures.npi("167890126");
    private static final String STRANGER = Fixtures.npi("167890127");
    private static final String STRANGER_BAD = "1999999990";

    @TempDir
    Path tmp;

    @Test
    void checksCredentialsOfTheMonth() throws Exception {
        Path month = Files.createDirectories(tmp.resolve("input/2026-10"));
        Files.writeString(month.resolve("roster.csv"), String.join("\n",
                "npi,last_name,first_name,credential,license_number,license_state,license_expires,taxonomy_code,specialties,date_of_birth",
                CLEAN + ",Marchetti,Sol,LICSW,LICSW-1001,MA,2028-05-31,1041C0700X,trauma,",
                EXCLUDED + ",Thistlewood,Rafe,LPC,LPC-2002,OH,2028-05-31,101YP2500X,,",
                BAD_DIGIT + ",Quillon,Mae,LMFT,LMFT-3003,CA,2028-05-31,106H00000X,,",
                EXPIRED + ",Brackenridge,Tove,PsyD,PSY-4004,NY,2026-10-15,103TC0700X,,",
                MISFIT + ",Ashdown,Pell,LCSW,LCSW-5005,TX,2028-05-31,2084P0800X,,") + "\n");
        Files.writeString(month.resolve("claims.csv"), String.join("\n",
                "claim_id,line_no,rendering_npi,member_id,service_date,procedure_code,minutes,diagnosis_codes",
                "C1,1," + CLEAN + ",M0001,2026-10-05,90834,45,F43.10",
                "C2,1," + STRANGER + ",M0002,2026-10-06,90834,45,F43.10",
                "C3,1," + STRANGER + ",M0003,2026-10-09,90837,60,F43.10",
                "C4,1," + STRANGER_BAD + ",M0004,2026-10-07,90832,30,F43.10") + "\n");
        Path exclusions = Files.createDirectories(month.resolve("exclusions"));
        Files.writeString(exclusions.resolve("UPDATED.csv"), ExclusionRuleTest.HEADER + "\r\n"
                + ExclusionRuleTest.row("THISTLEWOOD", "RAFE", EXCLUDED, "19700101", "1128b7", "20240812", "00000000") + "\r\n");
        // the SAM extract of 2026-10-28 (Julian 301), its header only: screened, nobody on it
        Files.writeString(exclusions.resolve("SAM_Exclusions_Public_Extract_V2_26301.CSV"), Files.readAllLines(
                Path.of("src/test/resources/published/sam/SAM_Exclusions_Public_Extract_V2_26305.CSV")).get(0) + "\r\n");
        Path nppes = Files.createDirectories(month.resolve("nppes"));
        List<String> registry = new ArrayList<>();
        registry.add(NppesFiles.headerLine());
        registry.add(NppesFiles.line(NppesFiles.individual(CLEAN, "MARCHETTI", "SOL", "1041C0700X", "LICSW-1001", "MA")));
        registry.add(NppesFiles.line(NppesFiles.individual(EXCLUDED, "THISTLEWOOD", "RAFE", "101YP2500X", "LPC-2002", "OH")));
        registry.add(NppesFiles.line(NppesFiles.individual(EXPIRED, "BRACKENRIDGE", "TOVE", "103TC0700X", "PSY-4004", "NY")));
        registry.add(NppesFiles.line(NppesFiles.individual(MISFIT, "ASHDOWN", "PELL", "2084P0800X", "LCSW-5005", "TX")));
        Files.write(nppes.resolve("npidata_pfile_20050523-20261012.csv"), registry);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code = CodeCred.run(new PrintStream(err, true), "--month=2026-10", "--input=" + tmp.resolve("input"),
                "--output=" + tmp.resolve("output"), "--db=" + tmp.resolve("db/codecred"), "--rules=src/test/resources/rules");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.COMPLETED);

        List<String> lines = Files.readAllLines(tmp.resolve("output/2026-10/findings.csv"));
        assertThat(lines.get(0)).isEqualTo("provider_npi,claim_id,line_no,service_date,procedure_code,rule_id,severity,subject,message");
        List<String> credentialLines = lines.stream().filter(l -> l.matches("^\"?\\d{10}\"?,.*")).toList();
        assertThat(credentialLines.stream().map(CredentialsJobTest::withoutMessage)).contains(
                BAD_DIGIT + ",,,,,NPI-INVALID,ERROR,",
                BAD_DIGIT + ",,,,,NPPES-MISMATCH,WARNING,registry",
                EXCLUDED + ",,,,,EXCLUDED-OIG,ERROR,",
                EXPIRED + ",,,,,LICENSE-EXPIRED,ERROR,",
                MISFIT + ",,,,,TAXONOMY-LICENSE-MISMATCH,WARNING,",
                STRANGER + ",,,,,PROVIDER-NOT-ROSTERED,WARNING,",
                STRANGER_BAD + ",,,,,NPI-INVALID,ERROR,",
                STRANGER_BAD + ",,,,,PROVIDER-NOT-ROSTERED,WARNING,");
        assertThat(credentialLines).noneMatch(l -> l.startsWith(CLEAN));
        assertThat(String.join("\n", lines))
                .contains("exclusion type 1128b7 from 2024-08-12 (UPDATED.csv line 2)")
                .contains("rendering NPI " + STRANGER + " is on 2 claim line(s) from 2026-10-06 to 2026-10-09");
        assertThat(lines.stream().filter(l -> l.contains("-OIG") || l.contains("NPPES-") || l.contains("LICENSE-")
                || l.contains("NPI-INVALID") || l.contains("NOT-ROSTERED"))).hasSize(8);

        try (Connection db = DriverManager.getConnection("jdbc:hsqldb:file:" + tmp.resolve("db/codecred") + ";shutdown=true", "SA", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT npi, seq, check_name, result, source, source_date"
                     + " FROM codecred.credential_check WHERE month = '2026-10' ORDER BY npi, seq")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5) + " " + rs.getDate(6));
            }
            assertThat(rows).hasSize(5 * 12);
            assertThat(rows).anyMatch(r -> r.startsWith(EXCLUDED + " 5 oig-exclusion FAIL UPDATED.csv"))
                    .anyMatch(r -> r.equals(CLEAN + " 8 nppes-registry PASS npidata_pfile_20050523-20261012.csv 2026-10-12"))
                    .anyMatch(r -> r.startsWith(CLEAN + " 1 npi-check-digit PASS roster.csv"))
                    .anyMatch(r -> r.startsWith(EXPIRED + " 2 license-expiry FAIL roster.csv"))
                    .anyMatch(r -> r.startsWith(MISFIT + " 3 taxonomy-fit FAIL taxonomies.csv"))
                    .anyMatch(r -> r.equals(BAD_DIGIT + " 9 nppes-deactivation NOT CHECKED npidata_pfile_20050523-20261012.csv 2026-10-12"));
        }
    }

    private static String withoutMessage(String csvLine) {
        int cut = 0;
        for (int i = 0; i < 8; i++) {
            cut = csvLine.indexOf(',', cut) + 1;
        }
        return csvLine.substring(0, cut - 1).replace("\"", "");
    }
}
