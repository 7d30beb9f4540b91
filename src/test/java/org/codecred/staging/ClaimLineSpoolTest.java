package org.codecred.staging;

import org.codecred.domain.ClaimLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The load's spools into the staging engine: every value as written, in NPI order, once each across a restart. */
class ClaimLineSpoolTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final String[] NPIS = {"1497758544", "1234567893", "1588667638", "1003000126"};

    @TempDir
    Path tmp;

    private StagingEngine engine;
    private ClaimLineTable lines;
    private ClaimLineSpool spool;

    @BeforeEach
    void open() {
        engine = StagingEngine.open(tmp.resolve("staging.duckdb"));
        lines = new ClaimLineTable(engine);
        spool = new ClaimLineSpool(engine);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void everyValueComesBackAsWrittenAndTheMonthIsStoredInNpiOrder() throws Exception {
        List<ClaimLine> arrived = arrivals(0, 40);
        // text a CSV must quote, empty text, missing values, characters beyond ASCII, several modifiers
        arrived.set(3, new ClaimLine("a \"quoted\", file.csv", 5, "C,\"3\"", 2, NPIS[3], "", "MBR\n1\r\nx", null,
                LocalDate.of(2026, 10, 4), "90834", List.of("95", "GT"), 2, null, List.of("F41.1", "Z63.0"), "",
                null, false, "7", ClaimLine.LineStatus.VOIDED));
        arrived.set(6, new ClaimLine("b.csv", 8, "C-6", 1, NPIS[2], null, "MBRé😀", LocalDate.of(1931, 2, 28),
                LocalDate.of(2026, 10, 31), "90837", List.of(), 1, 60, List.of(), null, new BigDecimal("0.00"), true, "1", null));
        lines.insert(YearMonth.of(2026, 9), List.of(arrived.get(0))); // another month, left alone
        write(spool.writer(MONTH, "loadClaimsWorker:file001"), new ExecutionContext(), arrived.subList(0, 25));
        write(spool.writer(MONTH, "loadClaimsWorker:file002"), new ExecutionContext(), arrived.subList(25, 40));
        write(spool.writer(MONTH, "loadX12ClaimsWorker:file001"), new ExecutionContext(), List.of()); // a file without lines

        assertThat(spool.stage(MONTH)).isEqualTo(40);
        assertThat(spool.stage(MONTH)).as("a rerun after a kill stages the same lines again").isEqualTo(40);

        assertThat(read()).isEqualTo(byProvider(arrived));
        assertThat(lines.count(YearMonth.of(2026, 9))).isEqualTo(1);
        List<String> stored = engine.jdbc().queryForList("SELECT rendering_npi FROM codecred.claim_line WHERE month = ?"
                + " ORDER BY rowid", String.class, MONTH.toString());
        assertThat(stored).as("stored in NPI order: a slice of providers reads neighbouring row groups only").isSorted().hasSize(40);
    }

    @Test
    void aRestartedPartitionGoesOnFromItsLastCommitAndStagesEachLineOnce() throws Exception {
        List<ClaimLine> arrived = arrivals(0, 30);
        ExecutionContext committed = new ExecutionContext();
        FlatFileItemWriter<ClaimLine> first = spool.writer(MONTH, "loadClaimsWorker:file001");
        first.open(committed);
        first.write(new Chunk<>(arrived.subList(0, 10)));
        first.update(committed); // chunk 1 committed with the reader's position
        first.write(new Chunk<>(arrived.subList(10, 20))); // chunk 2 on disk, then killed before its commit
        first.close();

        write(spool.writer(MONTH, "loadClaimsWorker:file001"), committed, arrived.subList(10, 30));

        assertThat(spool.stage(MONTH)).isEqualTo(30);
        assertThat(read()).isEqualTo(byProvider(arrived));
    }

    @Test
    void withoutSpoolsTheMonthIsEmptyAndRemovingThemLeavesNoFile() throws Exception {
        write(spool.writer(MONTH, "loadClaimsWorker:file001"), new ExecutionContext(), arrivals(0, 5));
        spool.remove(MONTH);

        assertThat(spool.folder(MONTH)).doesNotExist();
        assertThat(spool.stage(MONTH)).isZero();
        assertThat(lines.count(MONTH)).isZero();
    }

    @Test
    void aSpoolLineQuotesTextAndLeavesMissingValuesEmpty() {
        ClaimLine line = new ClaimLine("a.csv", 2, "C\"1", 1, NPIS[0], null, "MBR1", null, LocalDate.of(2026, 10, 6),
                "90834", List.of(), 1, null, List.of("F41.1"), "11", new BigDecimal("140.5"), true, "1", null);

        assertThat(ClaimLineSpool.csvLine(line)).isEqualTo(
                "\"a.csv\",2,\"C\"\"1\",1,\"1497758544\",,\"MBR1\",,2026-10-06,\"90834\",,1,,\"F41.1\",\"11\",140.50,true,\"1\",");
    }

    @Test
    void aLoadPartitionThatCommittedLinesWithoutASpoolPositionIsAnEarlierVersionsAndNamed() throws Exception {
        org.springframework.batch.core.job.JobExecution job = new org.springframework.batch.core.job.JobExecution(1L,
                new org.springframework.batch.core.job.JobInstance(1L, "monthlyCredentialing"),
                new org.springframework.batch.core.job.parameters.JobParameters());
        StepExecution spooled = step(job, "loadClaimsWorker:file001", 10_000);
        write(spool.writer(MONTH, spooled.getStepName()), spooled.getExecutionContext(), arrivals(0, 3));
        StepExecution nothingCommitted = step(job, "loadClaimsWorker:file002", 0);
        StepExecution notALoad = step(job, "validateCodingWorker:range001", 500);

        assertThat(ClaimLineSpool.loadedWithoutSpool(List.of(spooled, nothingCommitted, notALoad))).isEmpty();

        StepExecution appended = step(job, "loadX12ClaimsWorker:file001", 2_000); // no spool position: appended to the engine
        assertThat(ClaimLineSpool.loadedWithoutSpool(List.of(spooled, appended, nothingCommitted)))
                .contains("loadX12ClaimsWorker:file001");
    }

    private static StepExecution step(org.springframework.batch.core.job.JobExecution job, String name, long written) {
        StepExecution step = new StepExecution(name, job);
        step.setWriteCount(written);
        return step;
    }

    private static void write(FlatFileItemWriter<ClaimLine> writer, ExecutionContext context, List<ClaimLine> chunk) throws Exception {
        writer.open(context);
        writer.write(new Chunk<>(chunk));
        writer.update(context);
        writer.close();
    }

    private Map<String, List<ClaimLine>> read() {
        return lines.ofProviders(MONTH, List.of(NPIS));
    }

    private static Map<String, List<ClaimLine>> byProvider(List<ClaimLine> arrived) {
        Map<String, List<ClaimLine>> expected = new java.util.HashMap<>();
        for (String npi : NPIS) {
            expected.put(npi, arrived.stream().filter(l -> l.renderingNpi().equals(npi)).sorted(ClaimLineTable.PROVIDER_ORDER).toList());
        }
        return expected;
    }

    /** Lines in arrival order: the providers' lines interleaved. */
    private static List<ClaimLine> arrivals(int from, int to) {
        List<ClaimLine> arrived = new ArrayList<>();
        for (int i = from; i < to; i++) {
            arrived.add(new ClaimLine("a.csv", i + 2, "C-" + i, 1, NPIS[i % NPIS.length], "1588667638", "MBR" + i,
                    LocalDate.of(1980, 1, 1 + i % 28), LocalDate.of(2026, 10, 1 + i % 28), "90834", List.of("95"), 1, 45,
                    List.of("F41.1"), "11", new BigDecimal("140.00"), true, "1", null));
        }
        return arrived;
    }
}
