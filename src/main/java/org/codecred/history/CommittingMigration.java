package org.codecred.history;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A history migration written in Java (V9, V10) that runs outside Flyway's transaction and commits
 * as it goes: it rewrites months of history, more rows than one HSQLDB transaction should hold in a
 * 1 GB heap. Killed halfway, it has no entry in Flyway's history and runs again from the start, so
 * each one clears what it writes before writing it and drops the former table last.
 */
abstract class CommittingMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    CommittingMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    /** Commits what was written so far (nothing to do when the connection commits each statement). */
    static void commit(Connection connection, String what) {
        try {
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("committing " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** Whether the codecred schema has a table of this name (a rerun finds the former table gone). */
    static boolean tableExists(org.springframework.jdbc.core.JdbcTemplate jdbc, String name) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE LOWER(table_schema) = 'codecred' AND LOWER(table_name) = ?", Integer.class, name);
        return n != null && n > 0;
    }
}
