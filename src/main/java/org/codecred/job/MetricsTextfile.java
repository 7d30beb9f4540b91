package org.codecred.job;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.BatchObservabilityBeanPostProcessor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --codecred.metrics.textfile=FILE}: Spring Batch's job, step, chunk and item timers (its
 * Micrometer observations) collected in a Prometheus registry and written to FILE in Prometheus'
 * text format when the run ends, for node_exporter's textfile collector. A batch run is gone before
 * anything could scrape it, and no push gateway client is available in this build. Off by default:
 * without the property none of this exists and Spring Batch observes nothing.
 */
@Configuration
@ConditionalOnProperty("codecred.metrics.textfile")
public class MetricsTextfile {

    private static final Logger log = LoggerFactory.getLogger(MetricsTextfile.class);

    @Bean
    public PrometheusMeterRegistry prometheusMeterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Bean
    public ObservationRegistry observationRegistry(PrometheusMeterRegistry meters) {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return observations;
    }

    /** Gives the jobs and steps the observation registry above (Spring Batch's own post-processor). */
    @Bean
    public static BatchObservabilityBeanPostProcessor batchObservability() {
        return new BatchObservabilityBeanPostProcessor();
    }

    /** Writes the file when the run's context closes, whatever the outcome; replaced atomically. */
    @Bean
    public DisposableBean metricsFileWriter(PrometheusMeterRegistry meters,
                                            @Value("${codecred.metrics.textfile}") String file) {
        return () -> {
            Path target = Path.of(file);
            try {
                Path dir = target.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path temporary = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
                Files.writeString(temporary, meters.scrape(), StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                log.warn("the metrics file {} could not be written: {}", target, e.getMessage());
            }
        };
    }
}
