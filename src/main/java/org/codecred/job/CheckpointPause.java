package org.codecred.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Locale;

/**
 * Pauses HSQLDB's automatic checkpoint while a step's partitions run side by side. HSQLDB starts a
 * checkpoint on its own thread once the log passes its size limit; the checkpoint holds back every new
 * statement until all open transactions end. Spring Batch writes a partition's execution context under
 * a lock shared by the partitions of the JVM, inside the chunk's transaction: a partition that took that
 * lock and then met the waiting checkpoint waited for another partition's transaction, and that one
 * waited for the lock. The month hung (seen in alignSpecialties on a 1,000,000-line month). With the
 * limit off for the step, the log grows until the step ends and the next commit after it checkpoints;
 * a run killed meanwhile replays the longer log when it restarts, which changes nothing in the result.
 * On other databases this listener does nothing.
 */
public final class CheckpointPause implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPause.class);
    private static final String LOG_SIZE =
            "SELECT property_value FROM information_schema.system_properties WHERE property_name = 'hsqldb.log_size'";

    private final JdbcTemplate jdbc;
    private final boolean hsqldb;
    private volatile String logSizeMb = "50"; // HSQLDB's default, when the database does not say
    private volatile boolean paused;

    public CheckpointPause(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        String url = MonthLocks.urlOf(dataSource).toLowerCase(Locale.ROOT);
        this.hsqldb = url.startsWith("jdbc:hsqldb:") && !url.startsWith("jdbc:hsqldb:mem:"); // a mem: database has no log
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (!hsqldb) {
            return;
        }
        try {
            List<String> configured = jdbc.queryForList(LOG_SIZE, String.class);
            if (!configured.isEmpty() && configured.get(0) != null && !"0".equals(configured.get(0).trim())) {
                logSizeMb = configured.get(0).trim(); // 0: a paused run was killed; keep the last limit seen
            }
            jdbc.execute("SET FILES LOG SIZE 0");
            paused = true;
            log.debug("automatic checkpoint paused for {} (log limit was {} MB)", stepExecution.getStepName(), logSizeMb);
        } catch (DataAccessException e) {
            // e.g. an HSQLDB server account without the admin right SET FILES needs: run unpaused, as before
            paused = false;
            log.warn("HSQLDB's automatic checkpoint could not be paused for {} ({}); if the step hangs, give the"
                    + " database user the DBA role", stepExecution.getStepName(), e.getMostSpecificCause().getMessage());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (hsqldb && paused) {
            jdbc.execute("SET FILES LOG SIZE " + Integer.parseInt(logSizeMb));
        }
        return null;
    }
}
