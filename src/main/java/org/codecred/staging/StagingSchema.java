package org.codecred.staging;

import org.codecred.database.Dialect;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * CodeCred's tables (staging, history) at the newest version, by Flyway's versioned migrations in
 * {@code classpath:db/migration} (docs/database.md): {@code V<n>__what.sql}, run once each in order and
 * recorded in {@code codecred.flyway_schema_history}, and the Java migrations registered below (a
 * conversion of rows SQL cannot do). The dialect fills in the DDL variants
 * ({@link Dialect#schemaPlaceholders}). Spring Batch's own tables are not here: Boot creates them.
 */
public final class StagingSchema {

    /** CodeCred's schema, as written in the migrations (unquoted). */
    static final String SCHEMA = "codecred";

    private final JdbcTemplate jdbc;

    public StagingSchema(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies the migrations this database has not had yet. A database made by a release before
     * Flyway has the tables but no history: it is baselined at version 0, below V1, so V1 (every
     * statement IF NOT EXISTS, as those releases ran it) passes over the existing tables and keeps
     * their rows, and the later migrations run on them. Nothing pending, nothing runs: on PostgreSQL
     * a DDL statement would wait for the locks of a month running in another process.
     */
    public void create() {
        Dialect dialect = Dialect.of(jdbc.getDataSource());
        Flyway.configure(StagingSchema.class.getClassLoader())
                .dataSource(jdbc.getDataSource())
                .schemas(dialect.storedIdentifier(SCHEMA))
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations().toArray(org.flywaydb.core.api.migration.JavaMigration[]::new))
                .placeholders(dialect.schemaPlaceholders())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("tables of a release before Flyway")
                .load()
                .migrate();
    }

    /**
     * The migrations written in Java, beside the SQL ones: each owner package lists its own in
     * {@code META-INF/services/org.flywaydb.core.api.migration.JavaMigration} (V9, the claim ledger in
     * blocks, is history's: it packs the ledger with history's encoder), so this package, which every
     * table owner uses, depends on none of them.
     */
    static List<org.flywaydb.core.api.migration.JavaMigration> javaMigrations() {
        return java.util.ServiceLoader.load(org.flywaydb.core.api.migration.JavaMigration.class,
                StagingSchema.class.getClassLoader()).stream().map(java.util.ServiceLoader.Provider::get).toList();
    }

    /**
     * Deletes up to {@code batch} staged rows of {@code month}, from every table of the codecred
     * schema that has a month column, and returns how many went. Called until it returns 0, each
     * call in its own transaction, so clearing a month of millions of lines never holds them all
     * in one transaction (HSQLDB keeps a transaction's row versions on the heap).
     */
    public int clearMonth(YearMonth month, int batch) {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.columns"
                        + " WHERE LOWER(table_schema) = 'codecred' AND LOWER(column_name) = 'month'",
                String.class);
        Dialect dialect = Dialect.of(jdbc.getDataSource());
        for (String name : tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).sorted().toList()) {
            // table names come from the catalog, never from input; values are bound
            String table = "codecred." + name;
            int deleted = jdbc.update(dialect.deleteSomeOfMonth(table), month.toString(), batch);
            if (deleted > 0) {
                return deleted;
            }
        }
        return 0;
    }
}
