package org.codecred.cli;

import org.codecred.job.ExitCode;
import org.codecred.testing.HoldDatabase;
import org.codecred.testing.JobProcess;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every exit code of the contract (1 is in LoadClaimsRestartTest), each with the message a user reads. */
class ExitCodesTest {

    @TempDir
    Path tmp;

    private TestMonth readyMonth() throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        month.claims("claims.csv", TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "90834", "45", "F41.1"));
        return month;
    }

    @Test
    void completedAndAlreadyCompletedExitZeroWithoutRedoingAnything() throws Exception {
        TestMonth month = readyMonth();
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        String summary = month.read("run-summary.json");
        Files.delete(month.outputDir().resolve("findings.csv"));

        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        assertThat(month.read("run-summary.json")).isEqualTo(summary);
        assertThat(month.outputDir().resolve("findings.csv")).doesNotExist();
        assertThat(month.query("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).containsExactly("1");
    }

    @Test
    void forceRecomputesACompletedMonthFromScratch() throws Exception {
        TestMonth month = readyMonth();
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        Files.delete(month.outputDir().resolve("findings.csv"));

        assertThat(month.run("--force")).isEqualTo(ExitCode.COMPLETED);
        assertThat(month.outputDir().resolve("findings.csv")).exists();
        assertThat(month.query("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).containsExactly("2");
        assertThat(month.query("SELECT COUNT(*) FROM codecred.claim_line")).containsExactly("1");
    }

    @Test
    void noMonth() {
        assertUsage(ExitCode.USAGE, CodeCredTestRun.of("--input=" + tmp), "no month given: add --month=YYYY-MM");
    }

    @Test
    void aMisspeltOptionOrTwoMonthsAreUsageErrorsNotIgnored() {
        // --ouput would otherwise write to the default output folder without a word
        assertUsage(ExitCode.USAGE, CodeCredTestRun.of("--month=2026-10", "--ouput=" + tmp), "unknown option --ouput");
        assertUsage(ExitCode.USAGE, CodeCredTestRun.of("--month=2026-10", "--month=2026-09"), "--month is given twice");
        // --force=yes read as "no" would quietly keep a completed month instead of recomputing it
        assertUsage(ExitCode.USAGE, CodeCredTestRun.of("--month=2026-10", "--force=maybe"), "--force=maybe is neither yes nor no");
    }

    @Test
    void notAMonth() {
        assertUsage(ExitCode.USAGE, CodeCredTestRun.of("--month=2026-13"), "--month=2026-13 is not a month");
    }

    @Test
    void noInputFolder() throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-11");
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).startsWith("codecred: no input folder").contains("2026-11").doesNotContain("Exception");
        assertThat(month.db.getParent()).doesNotExist();
    }

    @Test
    void noRoster() throws Exception {
        TestMonth month = readyMonth();
        Files.delete(month.monthDir().resolve("roster.csv"));
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("no roster").contains("roster.csv is missing");
    }

    @Test
    void rosterWithoutAUsableRow() throws Exception {
        TestMonth month = readyMonth();
        month.roster("1234567893,Tester,Pat,LCSW,LIC1,MA,2030-02-31,1041C0700X,,");
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("has no usable provider row")
                .contains("line 2: license_expires: '2030-02-31' is not a date");
    }

    @Test
    void noClaimFile() throws Exception {
        TestMonth month = readyMonth();
        Files.delete(month.monthDir().resolve("claims.csv"));
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("no claim file in").contains("claims*.csv");
    }

    @Test
    void claimFileWithoutARequiredColumn() throws Exception {
        TestMonth month = readyMonth();
        month.file("claims-2.csv", "claim_id,line_no,rendering_npi,service_date,procedure_code",
                "C2,1,1234567893,2026-10-05,90834");
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("claims-2.csv: the header (line 1) lacks required column(s) member_id");
    }

    @Test
    void exclusionFileNotInTheLeieLayout() throws Exception {
        TestMonth month = readyMonth();
        month.file("exclusions/UPDATED.csv", "LAST,FIRST,NPI", "\"DOE\",\"JANE\",\"0000000000\"");
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("UPDATED.csv is neither the OIG LEIE (columns LASTNAME, FIRSTNAME")
                .contains("nor the SAM.gov exclusions extract");
    }

    @Test
    void unusableRuleTable() throws Exception {
        TestMonth month = readyMonth();
        Path rules = tmp.resolve("rules");
        try (var files = Files.list(Path.of("src/test/resources/rules"))) {
            Files.createDirectories(rules);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Files.writeString(rules.resolve("verdict.csv"), "setting,value\ncoding_error_share,five percent\n");
        assertThat(month.run("--rules=" + rules)).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).startsWith("codecred: rule table").contains("verdict.csv").contains("five percent")
                .doesNotContain("Exception");
    }

    @Test
    void sameMonthRunningInAnotherProcess() throws Exception {
        TestMonth month = readyMonth();
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED); // creates the database
        try (JobProcess other = JobProcess.start(HoldDatabase.class, month.db.toString())) {
            other.await("the other process to hold the database", Duration.ofSeconds(60), () -> other.printed("holding"));
            assertThat(month.run("--force")).isEqualTo(ExitCode.RUNNING);
            assertThat(month.lastMessage).contains("already running").contains("2026-10").doesNotContain("Exception");
        }
    }

    @Test
    void databaseOpenInAnotherProgramIsTheUsersToClose() throws Exception {
        TestMonth month = readyMonth();
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        try (JobProcess other = JobProcess.start(HoldDatabase.class, month.db.toString(), "--database-only")) {
            other.await("the other program to hold the database", Duration.ofSeconds(60), () -> other.printed("holding"));
            assertThat(month.run("--force")).isEqualTo(ExitCode.USAGE);
            assertThat(month.lastMessage).contains("is open in another program (not a CodeCred run)").hasLineCount(1);
        }
    }

    @Test
    void aStagingEngineFileThatCannotBeOpenedIsTheOperatorsToFix() throws Exception {
        TestMonth month = readyMonth();
        java.nio.file.Path engine = org.codecred.database.Dialect.embedded(month.db).stagingEngine().orElseThrow();
        java.nio.file.Files.createDirectories(engine); // a folder where the engine's file belongs
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("cannot open the staging engine's file " + engine).hasLineCount(1);
    }

    private static void assertUsage(ExitCode expected, CodeCredTestRun run, String message) {
        assertThat(run.code).isEqualTo(expected);
        assertThat(run.message).startsWith("codecred: ").contains(message).doesNotContain("Exception").hasLineCount(1);
    }

    /** A run with hand-written arguments. */
    private record CodeCredTestRun(ExitCode code, String message) {
        static CodeCredTestRun of(String... args) {
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            ExitCode code = CodeCred.run(new java.io.PrintStream(err, true), args);
            return new CodeCredTestRun(code, err.toString());
        }
    }
}
