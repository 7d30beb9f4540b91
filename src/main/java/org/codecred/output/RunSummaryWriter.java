package org.codecred.output;

import org.codecred.job.RunSettings;
import org.codecred.domain.Severity;
import org.codecred.ingest.RosterRowParser;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.SourceFileTable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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
    private final SourceFileTable sourceFiles;

    public RunSummaryWriter(RunSettings settings, JobRepository repository, ClaimLineTable lines, RejectTable rejects,
                            ProviderTable providers, FindingTable findings, SourceFileTable sourceFiles) {
        this.settings = settings;
        this.repository = repository;
        this.lines = lines;
        this.rejects = rejects;
        this.providers = providers;
        this.findings = findings;
        this.sourceFiles = sourceFiles;
    }

    @Override
    public void afterJob(JobExecution execution) {
        YearMonth month = settings.month();
        long accepted = lines.count(month);
        long rejected = rejects.count(month, "%") - rejects.count(month, RosterRowParser.FILE);
        Map<Severity, Long> bySeverity = findings.countBySeverity(month);
        LocalDateTime started = repository.getJobExecutions(execution.getJobInstance()).stream()
                .map(JobExecution::getStartTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(execution.getStartTime());
        List<String> staleSources = SourceFileTable.staleWarnings(settings.month(), sourceFiles.ofMonth(month));
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
                + "  \"source_warnings\": [" + staleSources.stream().map(RunSummaryWriter::jsonString)
                .collect(Collectors.joining(", ")) + "],\n"
                + "  \"started\": \"" + timestamp(started) + "\",\n"
                + "  \"ended\": \"" + timestamp(LocalDateTime.now()) + "\"\n"
                + "}\n";
        OutputFiles.writeText(settings.outputDir().resolve("run-summary.json"), out -> out.write(json));
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** One fixed form, seconds always written ({@code 2026-12-02T04:14:00Z}): schedulers parse it with one pattern. */
    private static final java.time.format.DateTimeFormatter TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    static String timestamp(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault()).toOffsetDateTime().format(TIMESTAMP);
    }
}
