package org.codecred.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HSQLDB, the embedded default. Its URL says where the database lives:
 * <ul>
 *   <li>a file ({@code file:PATH}, or a bare path): one process at a time opens it, so the command's
 *       {@link RunLock} guards every month at once ({@link MonthLock#PROCESS_EXCLUSIVE_DATABASE});</li>
 *   <li>memory ({@code mem:}, or {@code res:}, read-only): it exists only in this JVM, so a lock in
 *       this JVM guards it ({@link InProcessMonthLock});</li>
 *   <li>a server ({@code hsql://}, {@code hsqls://}, {@code http://}, {@code https://}):
 *       {@link HsqldbServerMonthLock}.</li>
 * </ul>
 */
public final class HsqldbDialect implements Dialect {

    static final String PREFIX = "jdbc:hsqldb:";

    /** Rows of one query result HSQLDB keeps on the heap; larger results go to a temporary disk store. */
    static final int RESULT_MEMORY_ROWS = 100_000;

    enum Where { FILE, MEMORY, SERVER }

    private final String url;
    private final Where where;

    private HsqldbDialect(String url, Where where) {
        this.url = url;
        this.where = where;
    }

    static HsqldbDialect of(String url) {
        String rest = url.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        if (rest.startsWith("mem:") || rest.startsWith("res:")) {
            return new HsqldbDialect(url, Where.MEMORY);
        }
        if (rest.startsWith("hsql:") || rest.startsWith("hsqls:") || rest.startsWith("http:") || rest.startsWith("https:")) {
            return new HsqldbDialect(url, Where.SERVER);
        }
        return new HsqldbDialect(url, Where.FILE);
    }

    @Override
    public String name() {
        return "HSQLDB";
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public Optional<Path> fileDatabase() {
        if (where != Where.FILE) {
            return Optional.empty();
        }
        String path = url.substring(PREFIX.length());
        if (path.toLowerCase(Locale.ROOT).startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int options = path.indexOf(';');
        return Optional.of(Path.of(options < 0 ? path : path.substring(0, options)));
    }

    @Override
    public boolean shared() {
        return where == Where.SERVER;
    }

    @Override
    public MonthLock monthLock(ConnectionSource connections) {
        return switch (where) {
            case FILE -> MonthLock.PROCESS_EXCLUSIVE_DATABASE;
            case MEMORY -> new InProcessMonthLock(url);
            case SERVER -> new HsqldbServerMonthLock(connections);
        };
    }

    /**
     * HSQLDB builds a query's whole result before returning its first row; the encounter-ordered read
     * of a 5-million-line month would not fit a 1 GB heap. Set per session, before the pool opens any,
     * because the database-wide default reaches only sessions opened after it is set.
     */
    @Override
    public String sessionInitSql() {
        return "SET SESSION RESULT MEMORY ROWS " + RESULT_MEMORY_ROWS;
    }

    @Override
    public AutomaticCheckpoint automaticCheckpoint(JdbcTemplate jdbc) {
        return where == Where.MEMORY ? AutomaticCheckpoint.NONE : new LogSizeCheckpoint(jdbc); // a mem: database has no log
    }

    @Override
    public String deleteSomeOfMonth(String table, String monthColumn) {
        return "DELETE FROM " + table + " WHERE " + monthColumn + " = ? LIMIT ?";
    }

    /**
     * A plain CREATE TABLE in a file database makes a MEMORY table, every row on the heap: the
     * migrations say {@code CREATE ${table_type} TABLE}, CACHED here (rows on disk), whatever the URL's
     * {@code hsqldb.default_table_type}. In a {@code mem:} database CACHED tables are kept in memory.
     * {@code ${binary_64k}}, bytes of up to 64 KB (the claim ledger's blocks), is PostgreSQL's BYTEA.
     */
    @Override
    public Map<String, String> schemaPlaceholders() {
        return Map.of("table_type", "CACHED", "binary_64k", "VARBINARY(65536)");
    }

    @Override
    public String storedIdentifier(String identifier) {
        return identifier.toUpperCase(Locale.ROOT);
    }

    /** HSQLDB refuses a second process its file database; the message names its lock file. */
    @Override
    public boolean openElsewhere(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("lockFile") || message.contains("Database lock acquisition failure")) {
                return true;
            }
        }
        return false;
    }

    /**
     * HSQLDB's automatic checkpoint, started on its own thread once the log passes its size limit. The
     * checkpoint holds back every new statement until all open transactions end; Spring Batch writes a
     * partition's execution context under a lock shared by the partitions of the JVM, inside the chunk's
     * transaction: a partition that took that lock and then met the waiting checkpoint waited for
     * another partition's transaction, and that one waited for the lock. The month hung (seen in
     * alignSpecialties on a 1,000,000-line month). With the limit at 0 the log grows until it is set
     * back and the next commit checkpoints; a run killed meanwhile replays the longer log when it
     * restarts, which changes nothing in the result.
     */
    private static final class LogSizeCheckpoint implements AutomaticCheckpoint {

        private static final Logger log = LoggerFactory.getLogger(LogSizeCheckpoint.class);
        private static final String LOG_SIZE =
                "SELECT property_value FROM information_schema.system_properties WHERE property_name = 'hsqldb.log_size'";

        private final JdbcTemplate jdbc;
        private volatile String logSizeMb = "50"; // HSQLDB's default, when the database does not say

        LogSizeCheckpoint(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public boolean pause(String stepName) {
            try {
                List<String> configured = jdbc.queryForList(LOG_SIZE, String.class);
                if (!configured.isEmpty() && configured.get(0) != null && !"0".equals(configured.get(0).trim())) {
                    logSizeMb = configured.get(0).trim(); // 0: a paused run was killed; keep the last limit seen
                }
                jdbc.execute("SET FILES LOG SIZE 0");
                log.debug("automatic checkpoint paused for {} (log limit was {} MB)", stepName, logSizeMb);
                return true;
            } catch (DataAccessException e) {
                // e.g. an HSQLDB server account without the admin right SET FILES needs: run unpaused, as before
                log.warn("HSQLDB's automatic checkpoint could not be paused for {} ({}); if the step hangs, give the"
                        + " database user the DBA role", stepName, e.getMostSpecificCause().getMessage());
                return false;
            }
        }

        @Override
        public void resume() {
            jdbc.execute("SET FILES LOG SIZE " + Integer.parseInt(logSizeMb));
        }
    }
}
