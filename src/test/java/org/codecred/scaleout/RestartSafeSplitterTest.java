package org.codecred.scaleout;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partitioned step restarted after a kill that fell between the splitter's two writes (a partition's
 * step execution stored, its NPI range not yet): the restarted partition runs with its range again.
 */
class RestartSafeSplitterTest {

    private static final List<String> NPIS = List.of("1000000001", "1000000002", "1000000003", "1000000004");

    private JobRepository repository;

    @BeforeEach
    void repository() throws Exception {
        JDBCDataSource dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:splitter-" + UUID.randomUUID());
        dataSource.setUser("SA");
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-hsqldb.sql"))
                .execute(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new DataSourceTransactionManager(dataSource));
        factory.afterPropertiesSet();
        repository = factory.getObject();
    }

    @Test
    void aPartitionKilledBeforeItsRangeWasSavedGetsItsRangeOnRestart() throws Exception {
        JobInstance instance = repository.createJobInstance("monthlyJob", new JobParameters());
        JobExecution first = repository.createJobExecution(instance, new JobParameters(), new ExecutionContext());
        StepExecution manager = repository.createStepExecution("validateCoding", first);
        // the kill: range001 stored without its context, range002 not stored at all
        StepExecution orphan = repository.createStepExecution("worker:range001", first);
        ExecutionContext gridSize = new ExecutionContext();
        gridSize.putLong("SimpleStepExecutionSplitter.GRID_SIZE", 2);
        manager.setExecutionContext(gridSize);
        repository.updateExecutionContext(manager);
        for (StepExecution step : List.of(orphan, manager)) {
            step.setStatus(BatchStatus.FAILED);
            repository.update(step);
        }
        first.setStatus(BatchStatus.FAILED);
        repository.update(first);

        JobExecution restart = repository.createJobExecution(instance, new JobParameters(), new ExecutionContext());
        StepExecution resumed = repository.createStepExecution("validateCoding", restart);
        resumed.setExecutionContext(new ExecutionContext(manager.getExecutionContext()));

        assertThat(ranges(new RestartSafeSplitter(repository, "worker", new NpiRangePartitioner(() -> NPIS), false)
                .split(resumed, 2))).containsExactly(
                Map.entry("worker:range001", "1000000001..1000000002"),
                Map.entry("worker:range002", "1000000003..1000000004"));
        // and so it was saved: a further restart copies the range on
        assertThat(repository.getLastStepExecution(instance, "worker:range001").getExecutionContext()
                .getString(NpiRangePartitioner.FROM_NPI)).isEqualTo("1000000001");
    }

    @Test
    void aFreshSplitIsSpringBatchsOwn() throws Exception {
        JobInstance instance = repository.createJobInstance("monthlyJob", new JobParameters());
        JobExecution execution = repository.createJobExecution(instance, new JobParameters(), new ExecutionContext());
        StepExecution manager = repository.createStepExecution("validateCoding", execution);

        assertThat(ranges(new RestartSafeSplitter(repository, "worker", new NpiRangePartitioner(() -> NPIS), false)
                .split(manager, 2))).containsExactly(
                Map.entry("worker:range001", "1000000001..1000000002"),
                Map.entry("worker:range002", "1000000003..1000000004"));
    }

    private static Map<String, String> ranges(java.util.Set<StepExecution> partitions) {
        Map<String, String> ranges = new TreeMap<>();
        for (StepExecution p : partitions) {
            ExecutionContext c = p.getExecutionContext();
            ranges.put(p.getStepName(), c.containsKey(NpiRangePartitioner.FROM_NPI)
                    ? c.getString(NpiRangePartitioner.FROM_NPI) + ".." + c.getString(NpiRangePartitioner.TO_NPI) : "(none)");
        }
        return ranges;
    }
}
