package org.codecred.alignment;

import org.codecred.job.StepLog;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Placeholder: this part of the flow is being built; its step does nothing yet. */
@Configuration
public class AlignmentStepsConfig {

    @Bean
    public Step alignSpecialties(JobRepository jobRepository, PlatformTransactionManager transactionManager, StepLog stepLog) {
        return new StepBuilder("alignSpecialties", jobRepository)
                .tasklet((contribution, context) -> RepeatStatus.FINISHED, transactionManager)
                .listener(stepLog)
                .build();
    }

    @Bean
    public Step decideVerdicts(JobRepository jobRepository, PlatformTransactionManager transactionManager, StepLog stepLog) {
        return new StepBuilder("decideVerdicts", jobRepository)
                .tasklet((contribution, context) -> RepeatStatus.FINISHED, transactionManager)
                .listener(stepLog)
                .build();
    }
}
