package org.codecred.coding;

import org.codecred.cli.CodeCred;
import org.codecred.credentials.NpiCheckDigit;
import org.codecred.job.ExitCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole month through CodeCred.run: findings.csv content, and a failure inside validateCoding resumed. */
class CodingJobTest {

    private static final String SW = npi("10000001");   // LCSW
    private static final String MD = npi("10000002");   // MD
    private static final String MD2 = npi("10000003");  // MD, bills the E/M of a shared patient
    private static final String OUT = npi("10000009");  // not on the roster

    @TempDir
    Path dir;

    @AfterEach
    void resetHook() {
        FindingWriter.afterInsert = () -> {
        };
    }

    @Test
    void findingsCsvHoldsThePlantedFindings() throws IOException {
        writeMonth(dir);
        assertThat(run(dir)).isEqualTo(ExitCode.COMPLETED);
        List<String> rows = Files.readAllLines(dir.resolve("out/2026-10/findings.csv"));

        assertThat(rows).contains(
                SW + ",P1,1,2026-10-05,90792,SCOPE-LICENSE,ERROR,,90792 is outside the scope of a LCSW (social workers); billable only by prescribers",
                SW + ",P2,1,2026-10-05,90837,TIME-UPCODED,ERROR,90834,90837 billed for 45 documented minutes; 38–52 minutes supports 90834",
                MD + ",P4,1,2026-10-06,90833,ADDON-WITHOUT-PRIMARY,ERROR,,\"add-on 90833 has no allowed primary "
                        + "(99202–99215, 99221–99239, 99242–99245, 99252–99255, 99281–99285, 99304–99316, 99341–99350, 98000–98015, 99201) for the same member, date and rendering provider\"",
                MD + ",P6,1,2026-10-08,90833,ADDON-WITHOUT-PRIMARY,ERROR,,\"add-on 90833 has no allowed primary "
                        + "(99202–99215, 99221–99239, 99242–99245, 99252–99255, 99281–99285, 99304–99316, 99341–99350, 98000–98015, 99201) for the same member, date and rendering provider\"",
                OUT + ",P9,1,2026-10-05,90806,CODE-UNKNOWN,ERROR,,90806 is not in force on 2026-10-05 (deleted: in force until 2012-12-31)");
        assertThat(rows).anyMatch(r -> r.startsWith(SW + ",P3,1,2026-10-05,90791,NCCI-PTP,ERROR,90834,"));
        assertThat(rows).anyMatch(r -> r.startsWith(SW + ",,,,,DAILY-TIME-IMPLAUSIBLE,WARNING,2026-10-20,"));
        assertThat(rows).as("primary on another claim of the same day: no add-on finding for P5")
                .noneMatch(r -> r.contains(",P5,") && r.contains("ADDON"));
        assertThat(rows).as("90792 by a prescriber, and by an unrostered NPI").noneMatch(r -> r.contains("SCOPE-LICENSE") && !r.contains(",P1,"));
        assertThat(rows).as("diagnosis without its dot").noneMatch(r -> r.contains("DX-"));
        // filler: 90837 at 45 minutes every fifth day for each of the eight filler providers
        assertThat(rows.stream().filter(r -> r.contains(",F") && r.contains("TIME-UPCODED")).count()).isEqualTo(8 * 6);
        assertThat(rows).filteredOn(r -> r.contains("DIAG-EVAL-REPEATED")).hasSize(8)
                .allSatisfy(r -> assertThat(r).contains(",2026-10-28,90791,DIAG-EVAL-REPEATED,WARNING,2026-10-02,"));
    }

    @Test
    void failureInsideValidateCodingResumesToTheSameFindings() throws IOException {
        Path straight = dir.resolve("straight");
        Path broken = dir.resolve("broken");
        writeMonth(straight);
        writeMonth(broken);
        assertThat(run(straight)).isEqualTo(ExitCode.COMPLETED);

        AtomicInteger chunks = new AtomicInteger();
        FindingWriter.afterInsert = () -> {
            if (chunks.incrementAndGet() == 2) {
                throw new IllegalStateException("simulated crash in the second chunk of validateCoding");
            }
        };
        assertThat(run(broken)).isEqualTo(ExitCode.FAILED);
        // validateCoding's NPI ranges run in parallel: the others may commit chunks after the crash
        assertThat(chunks.get()).isGreaterThanOrEqualTo(2);
        resetHook();
        assertThat(run(broken)).isEqualTo(ExitCode.COMPLETED);

        String expected = Files.readString(straight.resolve("out/2026-10/findings.csv"));
        assertThat(expected.lines().filter(r -> r.contains("DIAG-EVAL-REPEATED"))).hasSize(8);
        assertThat(Files.readString(broken.resolve("out/2026-10/findings.csv"))).isEqualTo(expected);
        assertThat(expected.lines().count()).isGreaterThan(50);
    }

    private static ExitCode run(Path root) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code = CodeCred.run(new PrintStream(err, true, StandardCharsets.UTF_8), "--month=2026-10",
                "--input=" + root.resolve("in"), "--output=" + root.resolve("out"), "--db=" + root.resolve("db/codecred"),
                "--rules=src/test/resources/rules");
        return code;
    }

    /** A small month: planted cases, plus 8 filler providers x 30 days so validateCoding runs several chunks. */
    private static void writeMonth(Path root) throws IOException {
        Path month = Files.createDirectories(root.resolve("in/2026-10"));
        StringBuilder roster = new StringBuilder("npi,last_name,first_name,credential,license_number,license_state,"
                + "license_expires,taxonomy_code,specialties,date_of_birth\n");
        roster.append(SW).append(",Testa,Ann,LCSW,L1,MA,2028-01-31,1041C0700X,trauma,\n");
        roster.append(MD).append(",Testb,Bo,MD,L2,MA,2028-01-31,2084P0800X,medication-management,\n");
        roster.append(MD2).append(",Testc,Cy,MD,L3,MA,2028-01-31,2084P0800X,medication-management,\n");
        StringBuilder claims = new StringBuilder("claim_id,line_no,rendering_npi,member_id,service_date,procedure_code,"
                + "modifiers,units,minutes,diagnosis_codes,place_of_service\n");
        claims.append("P1,1,").append(SW).append(",MEM001,2026-10-05,90792,,1,,F4310,11\n");
        claims.append("P2,1,").append(SW).append(",MEM002,2026-10-05,90837,,1,45,F32.9,11\n");
        claims.append("P3,1,").append(SW).append(",MEM003,2026-10-05,90791,,1,,F41.1,11\n");
        claims.append("P3,2,").append(SW).append(",MEM003,2026-10-05,90834,,1,45,F41.1,11\n");
        // add-on by MD whose E/M primary was billed by another provider the same day
        claims.append("P4,1,").append(MD).append(",MEM004,2026-10-06,90833,,1,20,F33.1,11\n");
        claims.append("P4X,1,").append(MD2).append(",MEM004,2026-10-06,99214,,1,,F33.1,11\n");
        // add-on whose primary is on another claim of the same day: fine
        claims.append("P5,1,").append(MD).append(",MEM005,2026-10-07,99213,,1,,F90.0,11\n");
        claims.append("P5B,1,").append(MD).append(",MEM005,2026-10-07,90833,,1,20,F90.0,11\n");
        // add-on whose primary is for the same member on another date
        claims.append("P6,1,").append(MD).append(",MEM006,2026-10-08,90833,,1,20,F43.10,11\n");
        claims.append("P6B,1,").append(MD).append(",MEM006,2026-10-09,99213,,1,,F43.10,11\n");
        claims.append("P7,1,").append(MD).append(",MEM007,2026-10-09,90792,,1,,F20.9,11\n");
        claims.append("P9,1,").append(OUT).append(",MEM009,2026-10-05,90806,,1,45,F43.10,11\n");
        claims.append("P10,1,").append(OUT).append(",MEM010,2026-10-05,90792,,1,,F43.10,11\n");
        // a 14-session day for the social worker: 742 minutes at 53 minutes each
        for (int i = 0; i < 14; i++) {
            claims.append("D").append(i).append(",1,").append(SW).append(",DAY").append(String.format("%02d", i))
                    .append(",2026-10-20,90837,,1,55,F43.10,11\n");
        }
        for (int p = 0; p < 8; p++) {
            String npi = npi("2000000" + p);
            roster.append(npi).append(",Fill").append(p).append(",X,LPC,F").append(p).append(",MA,2028-01-31,101YP2500X,trauma,\n");
            for (int d = 1; d <= 30; d++) {
                LocalDate date = LocalDate.of(2026, 10, d);
                boolean upcoded = d % 5 == 0;
                claims.append("F").append(p).append("-").append(d).append(",1,").append(npi).append(",FM").append(d)
                        .append(',').append(date).append(upcoded ? ",90837,,1,45," : ",90834,,1,45,")
                        .append("F43.10,11\n");
            }
            // one member evaluated on day 2 and again on day 28: DIAG-EVAL-REPEATED needs day 2, which a
            // resumed run must rebuild from lines of chunks committed before the crash
            claims.append("E").append(p).append("-2,1,").append(npi).append(",FE,2026-10-02,90791,,1,,F43.10,11\n");
            claims.append("E").append(p).append("-28,1,").append(npi).append(",FE,2026-10-28,90791,,1,,F43.10,11\n");
        }
        Files.writeString(month.resolve("roster.csv"), roster);
        Files.writeString(month.resolve("claims.csv"), claims);
    }

    /** A valid NPI (Luhn check digit over 80840 + the first nine digits) from nine... or eight digits padded. */
    static String npi(String start) {
        String base = (start + "000000000").substring(0, 9);
        return base + NpiCheckDigit.checkDigit(base);
    }
}
