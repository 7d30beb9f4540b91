package org.codecred.staging;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;

/**
 * The embedded staging engine: a DuckDB file beside the embedded HSQLDB database, holding the month's
 * claim lines (docs/database.md, the staging engine). One instance per process, opened once; every
 * connection it gives is a duplicate of the first, so all threads share one database and its memory
 * limit. The tables are in {@code db/engine}: the claim lines ({@code claim_line.sql}, owned by
 * {@link ClaimLineTable}) and the month's provider metrics ({@code provider_metric.sql}, owned by
 * {@code alignment.MetricTable}).
 */
public final class StagingEngine implements AutoCloseable {

    /** The engine's memory limit: a share of the JVM's heap limit (DuckDB's memory is outside the heap). */
    static final int HEAP_SHARE = 4;
    static final long MIN_MEMORY = 128L << 20;

    private final Path file;
    private final DuckDBConnection root;
    private final JdbcTemplate jdbc;

    private StagingEngine(Path file, DuckDBConnection root) {
        this.file = file;
        this.root = root;
        this.jdbc = new JdbcTemplate(new Duplicates(root));
    }

    /**
     * Opens (or creates) the engine's file, with its temp folder beside it, a memory limit from the
     * heap and two threads, and creates its tables if they are missing.
     */
    public static StagingEngine open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            EngineLibraryCopy.removeOnce(); // loaded now: its 70 MB copy in the temp folder must not outlive a kill
            try (Statement s = root.createStatement()) {
                setMemoryLimit(s, HEAP_SHARE);
                s.execute("SET temp_directory = '" + tempFolder(file).toAbsolutePath().toString().replace("'", "''") + "'");
                s.execute("SET threads = 2");
                s.execute("SET preserve_insertion_order = false");
                // steps that commit a chunk at a time (alignSpecialties' metrics; the load, when it appended
                // here): at the default 16 MB of log the engine rewrote its file every few dozen chunks
                // (measured on 1M lines: a quarter of the load's time then)
                s.execute("SET checkpoint_threshold = '256MB'");
                for (String statement : schema().split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            return new StagingEngine(file, root);
        } catch (SQLException | IOException e) {
            // the operator's to fix (a folder in the file's place, no permission, a full disk): one line, exit 2
            throw new StagingEngineUnavailable("cannot open the staging engine's file " + file + ": " + e.getMessage());
        } catch (LinkageError e) {
            // DuckDB's native library is built for Linux (x86-64, ARM64 with glibc), macOS on Apple silicon
            // and Windows x86-64; elsewhere (Alpine's musl, an Intel Mac) it cannot load
            throw new StagingEngineUnavailable("the staging engine (DuckDB) cannot run on this platform ("
                    + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + "): " + e.getMessage()
                    + "; run with --codecred.staging-engine=database to stage claim lines in the embedded database");
        }
    }

    /** Sets the engine's memory limit to the heap limit's {@code 1/share} (at least {@link #MIN_MEMORY}). */
    private static void setMemoryLimit(Statement s, int share) throws SQLException {
        long memory = Math.max(MIN_MEMORY, Runtime.getRuntime().maxMemory() / share);
        s.execute("SET memory_limit = '" + (memory >> 20) + "MB'");
    }

    /**
     * Runs {@code work} with the engine's memory limit at half the heap's instead of a quarter: for a
     * step that sorts the month in the engine while the JVM's own work is light (staging the lines, in
     * a step of its own). Above its limit the engine sorts in runs spilled to disk: at 1M lines, 2.0 s
     * at a quarter of a 1 GB heap against 1.2 s at half (docs/performance.md).
     */
    public void withSortMemory(Runnable work) {
        try (Statement s = root.createStatement()) {
            setMemoryLimit(s, HEAP_SHARE / 2);
            try {
                work.run();
            } finally {
                setMemoryLimit(s, HEAP_SHARE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("staging engine: " + e.getMessage(), e);
        }
    }

    /** Where the engine spills what exceeds its memory limit: beside its file. */
    static Path tempFolder(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** The engine's DDL files, each run at every open. */
    private static final String[] SCHEMA = {"/db/engine/claim_line.sql", "/db/engine/provider_metric.sql"};

    /** The engine's tables: what each {@link #SCHEMA} file stages (a new run of a month clears them all). */
    private static final String[] TABLES = {"claim_line", "claim_line_repeat", "provider_metric"};

    private static String schema() throws IOException {
        StringBuilder statements = new StringBuilder();
        for (String file : SCHEMA) {
            try (InputStream in = StagingEngine.class.getResourceAsStream(file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                text.lines().filter(l -> !l.startsWith("--")).forEach(l -> statements.append('\n').append(l));
            }
        }
        return statements.toString();
    }

    public Path file() {
        return file;
    }

    /** Queries and statements, each on a connection of its own, committed as it runs. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Rows appended through DuckDB's Appender and flushed as one transaction. */
    @FunctionalInterface
    public interface Rows {
        void appendTo(DuckDBAppender appender) throws SQLException;
    }

    /**
     * Appends rows to a table of schema codecred in one transaction (all or none). The appender hands
     * the engine a block every 2,048 rows, each a transaction of its own unless one is open: the
     * driver's {@code setAutoCommit(false)} does not open one for the appender, an explicit BEGIN does.
     */
    public void append(String table, Rows rows) {
        try (DuckDBConnection c = (DuckDBConnection) root.duplicate(); var s = c.createStatement()) {
            s.execute("BEGIN TRANSACTION");
            try (DuckDBAppender appender = c.createAppender("codecred", table)) {
                rows.appendTo(appender);
                appender.flush(); // explicitly: a failed flush throws here, where close() might not
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
            s.execute("COMMIT");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot stage rows in the staging engine: " + e.getMessage(), e);
        }
    }

    /** Work that must see its statements commit together (DuckDB transactions are per connection). */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on one connection in one transaction. */
    public void inTransaction(Work work) {
        try (Connection c = root.duplicate()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("staging engine: " + e.getMessage(), e);
        }
    }

    /** Deletes the month's staged rows, claim lines and metrics (a new run of the month starts from empty staging). */
    public void clearMonth(YearMonth month) {
        inTransaction(c -> {
            for (String table : TABLES) {
                try (var ps = c.prepareStatement("DELETE FROM codecred." + table + " WHERE month = ?")) {
                    ps.setString(1, month.toString());
                    ps.executeUpdate();
                }
            }
        });
    }

    /** Writes everything to the file and closes it (the next open need not replay a log). */
    @Override
    public void close() {
        try (Statement s = root.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            // closing still writes what it can; a kill would have left the same log to replay
        }
        try {
            root.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the staging engine: " + e.getMessage(), e);
        }
    }

    /** Connections for JdbcTemplate: each a duplicate of the engine's first, closed after use. */
    private static final class Duplicates extends AbstractDataSource {
        private final DuckDBConnection root;

        Duplicates(DuckDBConnection root) {
            this.root = root;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return root.duplicate();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
