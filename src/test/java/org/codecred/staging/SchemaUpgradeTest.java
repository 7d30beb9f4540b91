package org.codecred.staging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema under Flyway: a new database gets every migration; a database made by the last release
 * before Flyway (its DDL kept in previous-release/schema.sql, run the way that release ran it) is
 * taken over with its history kept; every table is CACHED on HSQLDB whatever the URL says.
 */
class SchemaUpgradeTest {

    /** The URL options of application.properties, where new tables default to CACHED. */
    private static final String OPTIONS = ";shutdown=true;hsqldb.default_table_type=cached;hsqldb.tx=mvcc";

    @Test
    void aDatabaseOfThePreviousReleaseKeepsItsHistory(@TempDir Path tmp) throws IOException {
        SingleConnectionDataSource db = database(tmp, OPTIONS);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            for (String statement : previousRelease()) {
                jdbc.execute(statement);
            }
            jdbc.update("INSERT INTO codecred.schema_digest (digest) VALUES ('ab12')");
            jdbc.update("INSERT INTO codecred.history_run VALUES ('2026-09', TIMESTAMP '2026-10-02 06:00:00', 2, 120)");
            jdbc.update("INSERT INTO codecred.history_provider VALUES ('2026-09', '1234567893', 'HOLD', 70, 0.9, 3, 1, 0)");
            jdbc.update("INSERT INTO codecred.history_provider VALUES ('2026-09', '1245319599', 'CLEAR', 50, 1.0, 0, 0, 2)");

            new StagingSchema(jdbc).create();

            assertThat(jdbc.queryForList("SELECT npi || ' ' || verdict FROM codecred.history_provider"
                    + " WHERE history_month = '2026-09' ORDER BY npi", String.class))
                    .containsExactly("1234567893 HOLD", "1245319599 CLEAR");
            assertThat(jdbc.queryForObject("SELECT lines FROM codecred.history_run WHERE history_month = '2026-09'",
                    Long.class)).isEqualTo(120L);
            assertThat(applied(jdbc)).startsWith("0 BASELINE", "1 SQL", "2 SQL").hasSize(1 + migrations());
            assertThat(tables(jdbc)).doesNotContain("SCHEMA_DIGEST").contains("HISTORY_KEY", "CLAIM_LINE");

            new StagingSchema(jdbc).create();
            assertThat(applied(jdbc)).as("nothing pending, nothing runs").hasSize(1 + migrations());
        } finally {
            db.destroy();
        }
    }

    @Test
    void aNewDatabaseGetsEveryMigrationAndCachedTables(@TempDir Path tmp) throws IOException {
        SingleConnectionDataSource db = database(tmp, ";shutdown=true"); // no default table type: plain CREATE TABLE is MEMORY
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            jdbc.execute("CREATE SCHEMA codecred");

            new StagingSchema(jdbc).create();

            assertThat(applied(jdbc)).startsWith("1 SQL", "2 SQL").hasSize(migrations())
                    .allMatch(m -> m.endsWith(" SQL") || m.equals("9 JDBC") || m.equals("10 JDBC"));
            assertThat(tables(jdbc)).contains("CLAIM_LINE", "HISTORY_PROVIDER", "HISTORY_KEY");
            assertThat(jdbc.queryForList("SELECT DISTINCT hsqldb_type FROM information_schema.system_tables"
                    + " WHERE table_schem = 'CODECRED' AND table_name <> 'flyway_schema_history'", String.class))
                    .containsExactly("CACHED");
        } finally {
            db.destroy();
        }
    }

    private static SingleConnectionDataSource database(Path tmp, String options) {
        return new SingleConnectionDataSource("jdbc:hsqldb:file:" + tmp.resolve("codecred") + options, "SA", "", true);
    }

    /** The previous release's statements, split as it split them (on a line holding only ';'). */
    private static List<String> previousRelease() throws IOException {
        String text = new ClassPathResource("previous-release/schema.sql").getContentAsString(StandardCharsets.UTF_8);
        return java.util.Arrays.stream(text.split("(?m)^\\s*;\\s*$"))
                .map(s -> s.lines().filter(l -> !l.stripLeading().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip())
                .filter(s -> !s.isBlank())
                .toList();
    }

    private static List<String> applied(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT \"version\", \"type\" FROM codecred.\"flyway_schema_history\""
                        + " ORDER BY \"installed_rank\"").stream()
                .map((Map<String, Object> row) -> row.get("version") + " " + row.get("type"))
                .toList();
    }

    /** The migrations of this build (V1, V2 and whatever later ones there are, SQL and Java). */
    private static int migrations() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql").length
                + StagingSchema.javaMigrations().size();
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'CODECRED'", String.class);
    }
}
