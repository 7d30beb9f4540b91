package org.codecred.ingest;

import org.codecred.job.ExitCode;
import org.codecred.staging.StagingSchema;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * resolveClaims changes claim lines in the staging engine, which commits apart from the step's own
 * transaction. Here that transaction fails after the engine's changes (the database refuses the
 * step's DUPLICATE-SUBMISSION finding): the engine already holds a resolved month. The rerun must
 * put the month back as loaded and resolve it exactly as an uninterrupted run does.
 */
class ResolveClaimsRestartTest {

    private static final String HEADER = TestMonth.CLAIMS_HEADER + ",claim_frequency";
    private static final String LINES = "SELECT source_file, line_number, claim_id, procedure_code, line_status"
            + " FROM codecred.claim_line ORDER BY source_file, line_number";

    @Test
    void aRerunAfterAFailedResolutionResolvesTheMonthAsLoaded(@TempDir Path tmp) throws Exception {
        TestMonth uninterrupted = month(tmp.resolve("uninterrupted"));
        TestMonth failed = month(tmp.resolve("failed"));
        try (Connection c = failed.connect()) {
            new StagingSchema(new JdbcTemplate(new SingleConnectionDataSource(c, true))).create();
            c.createStatement().execute("CREATE TRIGGER codecred.planted_failure BEFORE INSERT ON codecred.finding"
                    + " REFERENCING NEW ROW AS n FOR EACH ROW WHEN (n.rule_id = 'DUPLICATE-SUBMISSION')"
                    + " BEGIN ATOMIC SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'planted failure'; END");
        }
        assertThat(uninterrupted.run()).as(uninterrupted.lastMessage).isEqualTo(ExitCode.COMPLETED);

        assertThat(failed.run()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.lastMessage).contains("failed in step resolveClaims").contains("planted failure");
        // the engine kept the failed attempt's changes: a repeat taken out, a line superseded
        assertThat(failed.query("SELECT COUNT(*) FROM codecred.claim_line_repeat")).containsExactly("1");
        assertThat(failed.query("SELECT COUNT(*) FROM codecred.claim_line WHERE line_status IS NOT NULL")).containsExactly("1");

        failed.execute("DROP TRIGGER codecred.planted_failure");
        assertThat(failed.run()).as(failed.lastMessage).isEqualTo(ExitCode.COMPLETED);

        assertThat(failed.query(LINES)).isEqualTo(uninterrupted.query(LINES)).hasSize(4);
        assertThat(failed.query("SELECT COUNT(*) FROM codecred.claim_line_repeat")).containsExactly("1");
        for (String file : List.of("findings.csv", "rejected.csv")) {
            assertThat(failed.read(file)).as(file).isEqualTo(uninterrupted.read(file));
        }
        assertThat(failed.read("rejected.csv")).contains("duplicate of claims-1.csv line 2");
        assertThat(failed.read("findings.csv")).contains("DUPLICATE-SUBMISSION");
    }

    /** A month with a resubmitted line (claims-2 repeats K1) and a replacement (claims-2 replaces R1). */
    private static TestMonth month(Path root) throws Exception {
        TestMonth m = new TestMonth(root, "2026-10");
        m.roster(TestMonth.provider("LCSW", ""));
        m.file("claims-1.csv", HEADER,
                TestMonth.line("K1", 1, "MEM002", "2026-10-06", "90837", "45", "F43.10") + ",1",
                TestMonth.line("R1", 1, "MEM001", "2026-10-06", "90837", "45", "F43.10") + ",1",
                TestMonth.line("S1", 1, "MEM003", "2026-10-07", "90834", "45", "F43.10") + ",1");
        m.file("claims-2.csv", HEADER,
                TestMonth.line("K1", 1, "MEM002", "2026-10-06", "90837", "45", "F43.10") + ",1",
                TestMonth.line("R1", 1, "MEM001", "2026-10-06", "90834", "45", "F43.10") + ",7");
        return m;
    }
}
