package org.codecred.ingest;

import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims as they really arrive (contract v3), through the real job: resubmissions count once,
 * replacements and voids take the claim's earlier lines out of every count, and a replacement of
 * last month's claim is recorded, not rejected.
 */
class ClaimsAsTheyArriveTest {

    @TempDir
    Path tmp;

    private static final String FREQUENCY_HEADER = TestMonth.CLAIMS_HEADER + ",claim_frequency";

    @Test
    void aResent837LeavesFindingsAndVerdictsAsWithoutIt() throws Exception {
        TestMonth once = month("once");
        TestMonth twice = month("twice");
        for (TestMonth m : List.of(once, twice)) {
            Files.copy(fixture("multi-claim.837"), m.monthDir().resolve("claims-october.837"));
        }
        // the clearinghouse drops the same interchange again, under another name
        Files.copy(fixture("multi-claim.837"), twice.monthDir().resolve("claims-resend.x12"));
        assertThat(once.run()).as(once.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(twice.run()).as(twice.lastMessage).isEqualTo(ExitCode.COMPLETED);

        assertThat(withoutRule(twice.read("findings.csv"), "DUPLICATE-SUBMISSION")).isEqualTo(once.read("findings.csv"));
        assertThat(verdicts(twice)).isEqualTo(verdicts(once)).isNotEmpty();
        List<String> repeats = twice.read("rejected.csv").lines().filter(r -> r.startsWith("claims-resend.x12,")).toList();
        assertThat(repeats).hasSize(Integer.parseInt(once.query("SELECT COUNT(*) FROM codecred.claim_line").get(0)))
                .allSatisfy(r -> assertThat(r).contains("duplicate of claims-october.837 line "));
        assertThat(twice.read("findings.csv").lines().filter(f -> f.contains("DUPLICATE-SUBMISSION")))
                .isNotEmpty().allSatisfy(f -> assertThat(f).contains("claims-resend.x12"));
        assertThat(twice.read("run-summary.json")).contains("\"lines_duplicate\": " + repeats.size())
                .contains("\"lines_superseded\": 0");
    }

    @Test
    void aCsvCopyOfAn837ClaimCountsOnce() throws Exception {
        TestMonth once = month("once");
        TestMonth twice = month("twice");
        for (TestMonth m : List.of(once, twice)) {
            Files.copy(fixture("multi-claim.837"), m.monthDir().resolve("claims-october.837"));
        }
        // claim C1 of the 837 as the practice's own CSV export: the same two services, written the CSV way
        twice.file("claims-a-practice.csv",
                "claim_id,line_no,rendering_npi,billing_npi,member_id,member_dob,service_date,procedure_code,units,"
                        + "diagnosis_codes,place_of_service,charge",
                "C1,1,1111111112,1234567893,SUBA001,01/15/1980,10/05/2026,90837,1,F33.1;F41.1,11,185.00",
                "C1,2,2222222223,1234567893,SUBA001,1980-01-15,2026-10-05,90785,1,F41.1,11,20");
        assertThat(once.run()).as(once.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(twice.run()).as(twice.lastMessage).isEqualTo(ExitCode.COMPLETED);

        assertThat(withoutRule(twice.read("findings.csv"), "DUPLICATE-SUBMISSION")).isEqualTo(once.read("findings.csv"));
        assertThat(verdicts(twice)).isEqualTo(verdicts(once));
        // the CSV file comes first by name: it counts, and the 837's copies are the repeats
        assertThat(twice.read("rejected.csv").lines().filter(r -> r.contains("duplicate of claims-a-practice.csv line ")))
                .hasSize(2).allSatisfy(r -> assertThat(r).startsWith("claims-october.837,").doesNotContain("SUBA001"));
    }

    @Test
    void aReplacementTakesTheCorrectedLinesFindings() throws Exception {
        TestMonth m = month("replaced");
        // 45 minutes billed as 90837 (53+): TIME-UPCODED; the replacement bills 90834 for it
        m.file("claims-1.csv", FREQUENCY_HEADER,
                TestMonth.line("R1", 1, "MEM001", "2026-10-06", "90837", "45", "F43.10") + ",",
                TestMonth.line("K1", 1, "MEM002", "2026-10-06", "90837", "45", "F43.10") + ",1");
        m.file("claims-2.csv", FREQUENCY_HEADER,
                TestMonth.line("R1", 1, "MEM001", "2026-10-06", "90834", "45", "F43.10") + ",7");
        assertThat(m.run()).as(m.lastMessage).isEqualTo(ExitCode.COMPLETED);

        String findings = m.read("findings.csv");
        assertThat(findings).contains(",K1,1,").doesNotContain(",R1,");
        assertThat(m.query("SELECT claim_id, procedure_code, line_status FROM codecred.claim_line WHERE claim_id = 'R1'"
                + " ORDER BY source_file")).containsExactly("R1|90837|SUPERSEDED", "R1|90834|null");
        assertThat(m.read("run-summary.json")).contains("\"lines_superseded\": 1").contains("\"lines_accepted\": 3");
        assertThat(m.query("SELECT lines FROM codecred.provider_verdict")).containsExactly("2");
    }

    @Test
    void aVoidRemovesTheClaimsFindings() throws Exception {
        TestMonth m = month("voided");
        m.file("claims-1.csv", FREQUENCY_HEADER,
                TestMonth.line("V1", 1, "MEM001", "2026-10-06", "90837", "45", "F43.10") + ",1",
                TestMonth.line("K1", 1, "MEM002", "2026-10-06", "90837", "45", "F43.10") + ",1");
        m.file("claims-2.csv", FREQUENCY_HEADER,
                TestMonth.line("V1", 1, "MEM001", "2026-10-06", "90837", "45", "F43.10") + ",8");
        assertThat(m.run()).as(m.lastMessage).isEqualTo(ExitCode.COMPLETED);

        assertThat(m.read("findings.csv")).contains(",K1,1,").doesNotContain(",V1,");
        assertThat(m.query("SELECT line_status FROM codecred.claim_line WHERE claim_id = 'V1' ORDER BY source_file"))
                .containsExactly("VOIDED", "VOID");
        assertThat(m.read("run-summary.json")).contains("\"lines_superseded\": 2");
    }

    @Test
    void aReplacementOfLastMonthsClaimIsRecordedNotRejected() throws Exception {
        TestMonth september = new TestMonth(tmp.resolve("db-shared"), "2026-09");
        september.roster(TestMonth.provider("LCSW", ""));
        september.claims("claims.csv", TestMonth.line("P1", 1, "MEM001", "2026-09-10", "90837", "45", "F43.10"));
        assertThat(september.run()).as(september.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(september.query("SELECT SUM(line_count), MAX(billing_npi) FROM codecred.history_claim_ledger_block"))
                .containsExactly("1|" + TestMonth.NPI);
        assertThat(september.query("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'HISTORY_CLAIM_LEDGER_BLOCK'"
                + " AND column_name LIKE 'MEMBER%'")).containsExactly("0");

        TestMonth october = new TestMonth(tmp.resolve("db-shared"), "2026-10");
        october.roster(TestMonth.provider("LCSW", ""));
        october.file("claims.csv", FREQUENCY_HEADER,
                TestMonth.line("P1", 1, "MEM001", "2026-09-10", "90834", "45", "F43.10") + ",7",
                TestMonth.line("Q9", 1, "MEM002", "2026-09-11", "90834", "45", "F43.10") + ",7",
                TestMonth.line("P1", 1, "MEM001", "2026-09-10", "90837", "45", "F43.10") + ",1",
                TestMonth.line("N1", 1, "MEM003", "2026-10-05", "90834", "45", "F43.10") + ",1");
        assertThat(october.run()).as(october.lastMessage).isEqualTo(ExitCode.COMPLETED);

        assertThat(october.read("findings.csv").lines().filter(f -> f.contains("CLAIM-ADJUSTS-EARLIER")))
                .singleElement().satisfies(f -> assertThat(f).contains(",P1,1,2026-09-10,").contains(",INFO,2026-09,"));
        String rejected = october.read("rejected.csv");
        // a claim September never counted, and an original line dated in September, stay out of month
        assertThat(rejected).contains("claims.csv,3,service_date: '2026-09-11' is outside the month 2026-10")
                .contains("claims.csv,4,service_date: '2026-09-10' is outside the month 2026-10");
        assertThat(october.query("SELECT claim_id FROM codecred.claim_line WHERE month = '2026-10' ORDER BY claim_id"))
                .containsExactly("N1", "P1");
        // --force of September replaces September's ledger rows only
        assertThat(september.run("--force")).as(september.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(september.query("SELECT history_month, SUM(line_count) FROM codecred.history_claim_ledger_block"
                + " GROUP BY history_month ORDER BY history_month")).containsExactly("2026-09|1", "2026-10|2");
    }

    @Test
    void anX12ReplacementWithoutItsPayerControlNumberIsRejected() throws Exception {
        TestMonth m = month("x12");
        String text = Files.readString(fixture("multi-claim.837"), StandardCharsets.ISO_8859_1);
        // C3 as a replacement (CLM05-3 = 7) without REF*F8; C2 as one with it
        text = text.replace("CLM*C3*95***11:B:1*", "CLM*C3*95***11:B:7*")
                .replace("CLM*C2*140***02:B:1*Y*A*Y*Y~", "CLM*C2*140***02:B:7*Y*A*Y*Y~REF*F8*ICN0000123~")
                .replace("SE*65*0001~", "SE*66*0001~"); // one segment more
        Files.writeString(m.monthDir().resolve("claims-october.837"), text, StandardCharsets.ISO_8859_1);
        assertThat(m.run()).as(m.lastMessage).isEqualTo(ExitCode.COMPLETED);

        assertThat(m.read("rejected.csv")).contains("CLM05-3: frequency 7 (replacement) without REF*F8");
        assertThat(m.query("SELECT claim_frequency FROM codecred.claim_line WHERE claim_id = 'C2'")).containsExactly("7");
        assertThat(m.query("SELECT COUNT(*) FROM codecred.claim_line WHERE claim_id = 'C3'")).containsExactly("0");
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(ClaimsAsTheyArriveTest.class.getResource("/x12/" + name).toURI());
    }

    private TestMonth month(String name) throws Exception {
        TestMonth m = new TestMonth(tmp.resolve(name), "2026-10");
        m.roster(TestMonth.provider("LCSW", ""));
        Files.createDirectories(m.monthDir());
        return m;
    }

    private static String withoutRule(String findingsCsv, String rule) {
        return String.join("\n", findingsCsv.lines().filter(l -> !l.contains("," + rule + ",")).toList()) + "\n";
    }

    private static List<String> verdicts(TestMonth m) throws Exception {
        // not the warning count: DUPLICATE-SUBMISSION is the one warning a resend adds
        return m.query("SELECT npi, verdict, reasons, lines, coding_errors, errors, infos FROM codecred.provider_verdict ORDER BY npi");
    }
}
