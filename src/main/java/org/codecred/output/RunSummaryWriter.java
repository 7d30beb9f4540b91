package org.codecred.output;

import org.codecred.job.RunSettings;
import org.codecred.domain.Severity;
import org.codecred.ingest.RosterRowParser;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * Writes run-summary.json when the job ends, completed or failed, for schedulers and other systems.
 * The counts come from the staging tables, so a resumed run reports the same figures as an
 * uninterrupted one; {@code started} is the start of the month's first execution.
 */
@Component
public class RunSummaryWriter implements JobExecutionListener {

    private final RunSettings settings;
    private final JobRepository repository;
    private final ClaimLineTable lines;
    private final RejectTable rejects;
    private final ProviderTable providers;
    private final FindingTable findings;

    public RunSummaryWriter(RunSettings settings, JobRepository repository, ClaimLineTable lines, RejectTable rejects,
                            ProviderTable providers, FindingTable findings) {
        this.settings = settings;
        this.repository = repository;
        this.lines = lines;
        this.rejects = rejects;
        this.providers = providers;
        this.findings = findings;
    }

    @Override
    public void afterJob(JobExecution execution) {
        String month = settings.monthKey();
        long accepted = lines.count(month);
        long rejected = rejects.count(month, "%") - rejects.count(month, RosterRowParser.FILE);
        Map<Severity, Long> bySeverity = findings.countBySeverity(month);
        LocalDateTime started = repository.getJobExecutions(execution.getJobInstance()).stream()
                .map(JobExecution::getStartTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(execution.getStartTime());
        String json = "{\n"
                + "  \"month\": \"" + month + "\",\n"
                + "  \"status\": \"" + execution.getStatus() + "\",\n"
                + "  \"lines_read\": " + (accepted + rejected) + ",\n"
                + "  \"lines_accepted\": " + accepted + ",\n"
                + "  \"lines_rejected\": " + rejected + ",\n"
                + "  \"roster_rows_rejected\": " + rejects.count(month, RosterRowParser.FILE) + ",\n"
                + "  \"providers\": " + providers.count(month) + ",\n"
                + "  \"findings\": {\"ERROR\": " + bySeverity.get(Severity.ERROR)
                + ", \"WARNING\": " + bySeverity.get(Severity.WARNING)
                + ", \"INFO\": " + bySeverity.get(Severity.INFO) + "},\n"
                + "  \"started\": \"" + timestamp(started) + "\",\n"
                + "  \"ended\": \"" + timestamp(LocalDateTime.now()) + "\"\n"
                + "}\n";
        OutputFiles.writeText(settings.outputDir().resolve("run-summary.json"), out -> out.write(json));
    }

    private static String timestamp(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault()).toOffsetDateTime().toString();
    }
}
