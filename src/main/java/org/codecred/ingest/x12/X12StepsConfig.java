package org.codecred.ingest.x12;

import org.codecred.domain.ClaimLine;
import org.codecred.ingest.EarlierClaims;
import org.codecred.ingest.IngestResult;
import org.codecred.ingest.IngestStepsConfig;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.scaleout.FilePartitioner;
import org.codecred.scaleout.Partitioning;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.YearMonth;

/**
 * Step loadX12Claims: the month's 837P files to the same staged claim lines as the CSV files, one
 * partition per file (a month without any is a step that reads nothing); unreadable transaction
 * sets and service lines to the reject table. Staged by the CSV load's claim line writer.
 */
@Configuration
public class X12StepsConfig {

    @Bean
    public Step loadX12Claims(Partitioning partitioning, Step loadX12ClaimsWorker, RunSettings settings) {
        return partitioning.partitioned("loadX12Claims", loadX12ClaimsWorker, new FilePartitioner(settings::x12ClaimFiles));
    }

    @Bean
    public Step loadX12ClaimsWorker(Partitioning partitioning, PlatformTransactionManager transactionManager,
                                    X12ClaimReader x12FileReader,
                                    ItemProcessor<X12Item, IngestResult<ClaimLine>> x12LineParser,
                                    ItemStreamWriter<IngestResult<ClaimLine>> claimLineWriter, StepLog stepLog,
                                    @Value("${codecred.claim-lines-per-commit:0}") int linesPerCommit) {
        return partitioning.workerStep("loadX12ClaimsWorker")
                .<X12Item, IngestResult<ClaimLine>>chunk(IngestStepsConfig.claimLinesPerCommit(linesPerCommit))
                .transactionManager(transactionManager)
                .reader(x12FileReader)
                .processor(x12LineParser)
                .writer(claimLineWriter)
                .listener(stepLog)
                .build();
    }

    /** As for CSV: the month comes from the job, and a line dated outside it is rejected. */
    @Bean
    @StepScope
    public ItemProcessor<X12Item, IngestResult<ClaimLine>> x12LineParser(@Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month,
                                                                         EarlierClaims earlierClaims) {
        return new X12LineParser(month, earlierClaims)::parse;
    }

    @Bean
    @StepScope
    public X12ClaimReader x12FileReader(@Value("#{stepExecutionContext['file']}") String file) {
        return new X12ClaimReader("x12claims", FilePartitioner.filesOf(file));
    }
}
