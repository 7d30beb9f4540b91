package org.codecred.job;

import org.springframework.batch.core.job.JobExecution;

import java.time.YearMonth;
import java.util.Optional;

/**
 * What stops a month's unfinished run from resuming exactly (its staged rows where this version does
 * not read them, say). The launcher asks every such bean before it resumes a month; a problem stops
 * the command with exit 2 and the advice to recompute the month with {@code --force}.
 */
@FunctionalInterface
public interface ResumeCheck {

    /**
     * Why the month's unfinished run cannot be resumed, in words for the operator; empty when it can.
     *
     * @param last the month's last job execution (the run to resume)
     */
    Optional<String> problem(YearMonth month, JobExecution last);
}
