package org.codecred.testing;

import org.codecred.database.Dialect;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The codecred schema as an earlier release left it: its SQL migrations up to a Flyway version, with
 * the database's own placeholders, so an upgrade test can fill it the old way and then let
 * {@code StagingSchema.create()} bring it up to date.
 */
public final class EarlierSchema {

    private EarlierSchema() {
    }

    /** Migrates {@code jdbc}'s database to {@code version} (e.g. "8"), no further. */
    public static void migrateTo(JdbcTemplate jdbc, String version) {
        Dialect dialect = Dialect.of(jdbc.getDataSource());
        Flyway.configure(EarlierSchema.class.getClassLoader()).dataSource(jdbc.getDataSource())
                .schemas(dialect.storedIdentifier("codecred")).locations("classpath:db/migration")
                .placeholders(dialect.schemaPlaceholders()).target(version).load().migrate();
    }
}
