package org.codecred.output;

import org.codecred.job.ExitCode;
import org.codecred.job.Version;
import org.codecred.testing.JsonSchemaCheck;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** run-summary.json as written conforms to the JSON Schema shipped in the jar, and the schema can fail. */
class RunSummarySchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    static JsonNode schema() throws Exception {
        try (InputStream in = RunSummaryWriter.class.getResourceAsStream(RunSummaryWriter.SCHEMA)) {
            assertThat(in).as("the schema is a resource of the jar").isNotNull();
            return JSON.readTree(in);
        }
    }

    @Test
    void aCompletedRunsSummaryConformsToTheSchema() throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""), "1245319599,Roe,Ann,LCSW,LC1,WA,2027-12-31,1041C0700X,,1980-01-01");
        month.claims("claims.csv", TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "90834", "45", "F41.1"),
                "C2,1,1234567893,1234567893,MBR0002,1990-01-01,2026-10-06,99999,,1,,F41.1,11,100");
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);

        JsonNode summary = JSON.readTree(month.read("run-summary.json"));

        assertThat(JsonSchemaCheck.problems(schema(), summary)).isEmpty();
        assertThat(summary.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.path("exit_code").asInt()).isZero();
        assertThat(summary.path("version").asString()).isEqualTo(Version.current());
        long byVerdict = 0;
        for (JsonNode count : summary.path("verdicts")) {
            byVerdict += count.asLong();
        }
        assertThat(byVerdict).as("every provider has one verdict").isEqualTo(summary.path("providers").asLong()).isEqualTo(2);
        assertThat(summary.path("rule_tables").path("codes.csv").asString()).hasSize(64);
    }

    @Test
    void theSchemaRefusesWhatItShould() throws Exception {
        JsonNode running = JSON.readTree("""
                {"month": "2026-10", "status": "RUNNING", "version": "1.0", "exit_code": null, "lines_read": 0,
                 "lines_accepted": 0, "lines_rejected": 0, "lines_superseded": 0, "lines_duplicate": 0,
                 "roster_rows_rejected": 0, "providers": 0,
                 "findings": {"ERROR": 0, "WARNING": 0, "INFO": 0}, "verdicts": {"HOLD": 0, "REVIEW": 0, "CLEAR": 0},
                 "source_warnings": [], "started": "2026-12-07T02:33:22Z", "ended": null, "rule_tables": {}}""");
        assertThat(JsonSchemaCheck.problems(schema(), running)).isEmpty();

        JsonNode broken = JSON.readTree(running.toString().replace("\"RUNNING\"", "\"DONE\"")
                .replace("\"exit_code\":null", "\"exit_code\":143").replace("\"providers\":0,", ""));
        assertThat(JsonSchemaCheck.problems(schema(), broken)).hasSize(3)
                .anyMatch(p -> p.contains("status")).anyMatch(p -> p.contains("exit_code")).anyMatch(p -> p.contains("providers"));
    }
}
