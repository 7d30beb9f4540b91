package org.codecred.database;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBatchInsertsTest {

    @Test
    void postgresSendsBatchesAsMultiRowInserts() {
        assertThat(rewritten("jdbc:postgresql://127.0.0.1:5432/codecred")).isEqualTo("true");
    }

    @Test
    void theEmbeddedDatabaseAndAnExplicitSettingAreLeftAlone() {
        assertThat(rewritten("jdbc:hsqldb:file:data/codecred;shutdown=true")).isNull();
        assertThat(rewritten("jdbc:postgresql://127.0.0.1:5432/codecred?reWriteBatchedInserts=false")).isNull();
    }

    private static String rewritten(String url) {
        try (HikariDataSource hikari = new HikariDataSource()) {
            hikari.setJdbcUrl(url);
            PostgresBatchInserts.rewriteBatches(hikari);
            return hikari.getDataSourceProperties().getProperty(PostgresBatchInserts.PROPERTY);
        }
    }
}
