package org.codecred.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On PostgreSQL, asks the driver to send each JDBC batch as multi-row INSERTs
 * ({@code reWriteBatchedInserts}) unless the URL or the properties already say otherwise. Every table
 * the month fills row by row (findings, metrics, checks, history) is written in batches; without the
 * rewrite the driver still sends one INSERT per row, and recordHistory alone spent 92 s on the
 * 1,000,000-line month. CodeCred never reads a batch's per-row update counts, which the rewrite
 * reports as "success, count unknown".
 */
@Configuration(proxyBeanMethods = false)
public class PostgresBatchInserts {

    static final String PROPERTY = "reWriteBatchedInserts";

    @Bean
    static BeanPostProcessor postgresBatchRewrite() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari) {
                    rewriteBatches(hikari);
                }
                return bean;
            }
        };
    }

    static void rewriteBatches(HikariDataSource hikari) {
        String url = hikari.getJdbcUrl();
        if (url != null && url.startsWith(PostgresDialect.PREFIX) && !url.contains(PROPERTY + "=")
                && !hikari.getDataSourceProperties().containsKey(PROPERTY)) {
            hikari.addDataSourceProperty(PROPERTY, "true");
        }
    }
}
