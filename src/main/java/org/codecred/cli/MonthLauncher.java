package org.codecred.cli;

import org.codecred.database.MonthLock;
import org.codecred.job.ExitCode;
import org.codecred.job.GracefulStop;
import org.codecred.job.MonthReset;
import org.codecred.job.ResumeCheck;
import org.codecred.job.RunSettings;
import org.codecred.job.Version;
import org.codecred.output.OutputAside;
import org.codecred.output.RuleTableDigests;
import org.codecred.scaleout.PartitionLeases;
import org.codecred.scaleout.PartitionRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what the command does for a month: start it, resume it after a failure or a kill, say it
 * is already done, or (with --force) start it again from scratch. The month is the job's identifying
 * parameter; a forced rerun adds a second one so that it is a new job instance.
 *
 * <p>The caller holds the month exclusively (the run lock of a file database, or {@link MonthLock} on a server
 * database), so an execution still marked running here was left by a process that died: it is
 * marked failed ({@link JobOperator#recover}) and restarted from its last commit. When workers run
 * partitions (docs/scale-out.md), partitions still running on a live worker are waited for first.
 */
@Component
public class MonthLauncher {

    private static final Logger log = LoggerFactory.getLogger(MonthLauncher.class);

    private final JobRepository repository;
    private final JobOperator operator;
    private final Job monthlyJob;
    private final RunSettings settings;
    private final MonthLock lock;
    private final PartitionRecovery partitions;
    private final List<MonthReset> resets;
    private final List<ResumeCheck> resumeChecks;

    public MonthLauncher(JobRepository repository, JobOperator operator, Job monthlyJob, RunSettings settings, MonthLock lock,
                         ObjectProvider<PartitionLeases> partitionLeases, List<MonthReset> resets,
                         List<ResumeCheck> resumeChecks) {
        this.repository = repository;
        this.operator = operator;
        this.monthlyJob = monthlyJob;
        this.settings = settings;
        this.lock = lock;
        this.partitions = new PartitionRecovery(partitionLeases.getIfAvailable(() -> PartitionLeases.NONE));
        this.resets = resets;
        this.resumeChecks = resumeChecks;
    }

    public ExitCode launch(PrintStream err) {
        YearMonth month = settings.month();
        if (!lock.tryAcquire(month)) {
            err.println("codecred: month " + month + " is already running in another process; wait for it to finish");
            return ExitCode.RUNNING;
        }
        try {
            return launchHeld(err, month);
        } finally {
            lock.release(month);
        }
    }

    private ExitCode launchHeld(PrintStream err, YearMonth month) {
        if (GracefulStop.requested()) {
            err.println("codecred: month " + month + " was not started: a stop was requested");
            return ExitCode.STOPPED;
        }
        GracefulStop.whileRunning(() -> stopRunning(month));
        try {
            return launchUnlessStopped(err, month);
        } finally {
            GracefulStop.whileRunning(null);
        }
    }

    /** Asks the month's running execution to stop at its steps' next chunk boundary. */
    private void stopRunning(YearMonth month) {
        for (JobExecution running : repository.findRunningJobExecutions(monthlyJob.getName())) {
            if (month.toString().equals(running.getJobParameters().getString("month"))) {
                try {
                    operator.stop(running);
                } catch (Exception e) {
                    log.warn("month {}: the stop request could not be recorded ({}); the run goes on", month, Failures.describe(e));
                }
            }
        }
    }

    private ExitCode launchUnlessStopped(PrintStream err, YearMonth month) {
        log.info("CodeCred {} (process {}): month {}", Version.current(), ProcessHandle.current().pid(), month);
        JobExecution last = lastExecutionOf(month);
        try {
            JobExecution execution;
            if (last == null) {
                log.info("month {}: starting", month);
                execution = operator.start(monthlyJob, parameters(month, null));
            } else if (settings.force() && !unfinishedRecomputation(last)) {
                log.info("month {}: --force given, recomputing from scratch", month);
                if (last.getStatus().isRunning() || hasRunningStep(last)) {
                    partitions.recover(last, operator::recover);
                }
                execution = operator.start(monthlyJob, parameters(month, Instant.now().toString()));
            } else if (last.getStatus() == BatchStatus.COMPLETED) {
                OutputAside.publish(settings, resets); // a forced run killed between completing and its outputs' swap
                List<String> changed = RuleTableDigests.changedSince(settings.publishedDir().resolve("run-summary.json"),
                        settings.rulesDir());
                if (changed.isEmpty()) {
                    log.info("month {} was already completed on {}; nothing redone (give --force to recompute it)",
                            month, last.getEndTime());
                } else {
                    log.info("month {} was already completed on {} with other rule tables ({} changed since); nothing"
                            + " redone: give --force to recompute it with today's", month, last.getEndTime(),
                            String.join(", ", changed));
                }
                return ExitCode.COMPLETED;
            } else {
                for (ResumeCheck check : resumeChecks) {
                    java.util.Optional<String> problem = check.problem(month, last);
                    if (problem.isPresent()) {
                        log.error("month {}: the previous run cannot be resumed: {}", month, problem.get());
                        err.println("codecred: month " + month + " cannot be resumed: " + problem.get()
                                + ". Give --force to recompute the month.");
                        return ExitCode.USAGE;
                    }
                }
                if (last.getStatus().isRunning()) {
                    log.info("month {}: the previous run stopped without finishing (killed?); recovering it", month);
                    last = partitions.recover(last, operator::recover);
                } else if (hasRunningStep(last)) {
                    // a partitioned step failed while some partitions had not started: end them too
                    log.info("month {}: the previous run left partitions waiting; marking them failed", month);
                    last = partitions.recover(last, operator::recover);
                }
                log.info("month {}: resuming the previous run from its last commit", month);
                execution = operator.restart(last);
            }
            return exitCodeOf(err, execution);
        } catch (Exception e) {
            log.error("month {}: the job could not be launched", month, e);
            err.println("codecred: month " + month + " could not be launched: " + Failures.describe(e));
            return ExitCode.FAILED;
        }
    }

    private ExitCode exitCodeOf(PrintStream err, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            OutputAside.publish(settings, resets);
            log.info("month {} completed; results in {}", settings.month(), settings.outputDir());
            return ExitCode.COMPLETED;
        }
        if (execution.getStatus() == BatchStatus.STOPPED || execution.getStatus() == BatchStatus.STOPPING) {
            err.println("codecred: month " + settings.month() + " stopped on request at a chunk boundary."
                    + " Run the same command again to resume from there.");
            return ExitCode.STOPPED;
        }
        // a partitioned step fails because one of its partitions did: name both, and give the partition's cause
        // (the step's own is only "Partition handler returned an unsuccessful step")
        List<StepExecution> failed = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED).toList();
        StepExecution partition = failed.stream()
                .filter(s -> s.getStepName().contains(":") && !s.getFailureExceptions().isEmpty()).findFirst().orElse(null);
        if (partition == null) {
            // a remote partition failed on its worker, or was failed for a lost worker: only the
            // repository has it, with its reason as exit description (naming the worker)
            StepExecution remote = failedRemotePartition(execution);
            if (remote != null) {
                String step = failed.stream().map(StepExecution::getStepName).filter(name -> !name.contains(":"))
                        .findFirst().orElse("?");
                err.println("codecred: month " + settings.month() + " failed in step " + step + " (partition "
                        + remote.getStepName().substring(remote.getStepName().indexOf(':') + 1) + "): "
                        + Failures.oneLine(remote.getExitStatus().getExitDescription())
                        + ". Run the same command again to resume from the last commit.");
                return ExitCode.FAILED;
            }
        }
        String failedStep = failed.stream().map(StepExecution::getStepName).filter(name -> !name.contains(":"))
                .findFirst().orElse(partition == null ? "?" : partition.getStepName());
        if (partition != null) {
            failedStep += " (partition " + partition.getStepName().substring(partition.getStepName().indexOf(':') + 1) + ")";
        }
        String cause = (partition != null ? partition.getFailureExceptions() : execution.getAllFailureExceptions())
                .stream().findFirst()
                .map(Failures::describe).orElse(Failures.oneLine(execution.getExitStatus().getExitDescription()));
        err.println("codecred: month " + settings.month() + " failed in step " + failedStep + ": " + cause
                + ". Run the same command again to resume from the last commit.");
        return ExitCode.FAILED;
    }

    /** A failed partition of {@code execution} as the job repository holds it, with a reason; null when none. */
    private StepExecution failedRemotePartition(JobExecution execution) {
        try {
            JobExecution stored = repository.getJobExecution(execution.getId());
            return stored == null ? null : stored.getStepExecutions().stream()
                    .filter(s -> s.getStatus() == BatchStatus.FAILED && s.getStepName().contains(":"))
                    .filter(s -> !s.getExitStatus().getExitDescription().isBlank())
                    .min(Comparator.comparing(StepExecution::getStepName)).orElse(null);
        } catch (RuntimeException e) {
            return null; // the database went away: the step's own cause is said instead
        }
    }

    /** The newest execution of the newest job instance of {@code month}, or null if the month never ran. */
    JobExecution lastExecutionOf(YearMonth month) {
        List<JobInstance> instances = repository.findJobInstances(monthlyJob.getName());
        return instances.stream()
                .map(repository::getLastJobExecution)
                .filter(e -> e != null && month.toString().equals(e.getJobParameters().getString("month")))
                .max(Comparator.comparingLong(JobExecution::getId))
                .orElse(null);
    }

    /**
     * A forced run that did not complete (stopped, failed or killed): the same command, --force
     * included, resumes it rather than starting the month over once more.
     */
    private static boolean unfinishedRecomputation(JobExecution last) {
        return last.getStatus() != BatchStatus.COMPLETED && last.getJobParameters().getString("forced") != null;
    }

    private static boolean hasRunningStep(JobExecution execution) {
        return execution.getStepExecutions().stream().anyMatch(s -> s.getStatus().isRunning());
    }

    static JobParameters parameters(YearMonth month, String forcedAt) {
        JobParametersBuilder builder = new JobParametersBuilder().addString("month", month.toString());
        if (forcedAt != null) {
            builder.addString("forced", forcedAt);
        }
        return builder.toJobParameters();
    }
}
