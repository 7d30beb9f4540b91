package org.codecred.output;

import org.codecred.domain.Severity;
import org.codecred.domain.Verdict;
import org.codecred.ingest.ResolveClaimsTasklet;
import org.codecred.ingest.RosterRowParser;
import org.codecred.job.ExitCode;
import org.codecred.job.RunSettings;
import org.codecred.job.Version;
import org.codecred.sources.SourceFileTable;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.verdict.VerdictTable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes run-summary.json for schedulers and other systems: when the job starts ({@code RUNNING})
 * and when it ends ({@code COMPLETED}, {@code FAILED} or {@code STOPPED}, with the exit code the
 * command returns). The fields are described by {@link #SCHEMA}, shipped in the jar. The counts come
 * from the staging tables, so a resumed run reports the same figures as an uninterrupted one;
 * {@code started} is the start of the month's first execution.
 */
@Component
public class RunSummaryWriter implements JobExecutionListener {

    /** The JSON Schema of run-summary.json, a resource of the jar (and of the release archive). */
    public static final String SCHEMA = "/org/codecred/output/run-summary.schema.json";

    /** {@code "name": value}, two-space indent, {@code []} for an empty list: the file's form since version 1. */
    private static final ObjectWriter JSON = JsonMapper.builder().build().writer().with(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("").withObjectEmptySeparator("")));

    private final RunSettings settings;
    private final JobRepository repository;
    private final ClaimLineTable lines;
    private final RejectTable rejects;
    private final ProviderTable providers;
    private final FindingTable findings;
    private final SourceFileTable sourceFiles;
    private final VerdictTable verdicts;

    public RunSummaryWriter(RunSettings settings, JobRepository repository, ClaimLineTable lines, RejectTable rejects,
                            ProviderTable providers, FindingTable findings, SourceFileTable sourceFiles,
                            VerdictTable verdicts) {
        this.settings = settings;
        this.repository = repository;
        this.lines = lines;
        this.rejects = rejects;
        this.providers = providers;
        this.findings = findings;
        this.sourceFiles = sourceFiles;
        this.verdicts = verdicts;
    }

    /** RUNNING, with the counts at zero: what the staging tables hold now may be a previous run's. */
    @Override
    public void beforeJob(JobExecution execution) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("month", settings.month());
        summary.put("status", "RUNNING");
        summary.put("version", Version.current());
        summary.put("exit_code", null);
        summary.put("lines_read", 0);
        summary.put("lines_accepted", 0);
        summary.put("lines_rejected", 0);
        summary.put("lines_superseded", 0);
        summary.put("lines_duplicate", 0);
        summary.put("roster_rows_rejected", 0);
        summary.put("providers", 0);
        summary.put("findings", zeroes(Severity.values()));
        summary.put("verdicts", zeroes(Verdict.values()));
        summary.put("source_warnings", List.of());
        summary.put("started", timestamp(firstStart(execution)));
        summary.put("ended", null);
        summary.put("rule_tables", Map.of());
        write(summary);
    }

    @Override
    public void afterJob(JobExecution execution) {
        YearMonth month = settings.month();
        long accepted = lines.count(month);
        long rosterRejected = rejects.count(month, RosterRowParser.FILE);
        long rejected = rejects.count(month, "%") - rosterRejected;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("month", month.toString());
        summary.put("status", status(execution.getStatus()));
        summary.put("version", Version.current());
        summary.put("exit_code", exitCode(execution.getStatus()).code());
        summary.put("lines_read", accepted + rejected);
        summary.put("lines_accepted", accepted);
        summary.put("lines_rejected", rejected);
        summary.put("lines_superseded", accepted - lines.countCounted(month));
        summary.put("lines_duplicate", rejects.countReasonStarting(month, ResolveClaimsTasklet.DUPLICATE_OF));
        summary.put("roster_rows_rejected", rosterRejected);
        summary.put("providers", providers.count(month));
        summary.put("findings", byName(findings.countBySeverity(month), Severity.values()));
        summary.put("verdicts", byName(verdicts.countByVerdict(month), Verdict.values()));
        summary.put("source_warnings", SourceFileTable.staleWarnings(settings.month(), sourceFiles.ofMonth(month)));
        summary.put("started", timestamp(firstStart(execution)));
        summary.put("ended", timestamp(LocalDateTime.now()));
        summary.put("rule_tables", RuleTableDigests.of(settings.rulesDir()));
        write(summary);
    }

    /** The file's status: a stop that ended as the step stopped is STOPPED, whatever Batch's exact state. */
    static String status(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> "COMPLETED";
            case STOPPING, STOPPED -> "STOPPED";
            default -> "FAILED";
        };
    }

    /** The exit code the command returns for a run that ended so (contract: 0, 1 or 4 here). */
    static ExitCode exitCode(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> ExitCode.COMPLETED;
            case STOPPING, STOPPED -> ExitCode.STOPPED;
            default -> ExitCode.FAILED;
        };
    }

    private LocalDateTime firstStart(JobExecution execution) {
        LocalDateTime now = execution.getStartTime() != null ? execution.getStartTime() : LocalDateTime.now();
        return repository.getJobExecutions(execution.getJobInstance()).stream()
                .map(JobExecution::getStartTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(now);
    }

    private void write(Map<String, Object> summary) {
        String json = JSON.writeValueAsString(summary) + "\n";
        OutputFiles.writeText(settings.outputDir().resolve("run-summary.json"), out -> out.write(json));
    }

    private static <E extends Enum<E>> Map<String, Long> byName(Map<E, Long> counts, E[] order) {
        Map<String, Long> named = new LinkedHashMap<>();
        for (E key : order) {
            named.put(key.name(), counts.getOrDefault(key, 0L));
        }
        return named;
    }

    private static <E extends Enum<E>> Map<String, Long> zeroes(E[] order) {
        return byName(new LinkedHashMap<>(), order);
    }

    /** One fixed form, seconds always written ({@code 2026-12-02T04:14:00Z}): schedulers parse it with one pattern. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    static String timestamp(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault()).toOffsetDateTime().format(TIMESTAMP);
    }
}
