package org.codecred.database;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HsqldbFileAccessTest {

    private static final String CURRENT =
            "SELECT property_value FROM information_schema.system_properties WHERE property_name = 'hsqldb.nio_data_file'";

    @TempDir
    Path folder;

    @Test
    void aNewFileDatabaseIsNotMappedIntoTheProcess() {
        String url = "jdbc:hsqldb:file:" + folder.resolve("new") + ";shutdown=true";
        try (HikariDataSource hikari = prepared(url)) {
            assertThat(new JdbcTemplate(hikari).queryForObject(CURRENT, String.class)).isEqualTo("false");
        }
    }

    @Test
    void aDatabaseMadeMappedIsUnmappedFromItsNextOpen() {
        String url = "jdbc:hsqldb:file:" + folder.resolve("old") + ";shutdown=true";
        try (HikariDataSource before = plain(url + ";hsqldb.nio_data_file=true")) {
            assertThat(new JdbcTemplate(before).queryForObject(CURRENT, String.class)).isEqualTo("true");
        }
        try (HikariDataSource hikari = prepared(url)) {
            HsqldbFileAccess.unmapFromNextOpen(hikari);
        }
        try (HikariDataSource after = plain(url)) {
            assertThat(new JdbcTemplate(after).queryForObject(CURRENT, String.class)).isEqualTo("false");
        }
    }

    @Test
    void otherDatabasesAndAnExplicitSettingAreLeftAlone() {
        assertThat(ours("jdbc:hsqldb:file:data/codecred;shutdown=true")).isTrue();
        assertThat(ours("jdbc:hsqldb:file:data/codecred;hsqldb.nio_data_file=true")).isFalse();
        assertThat(ours("jdbc:hsqldb:mem:codecred")).isFalse();
        assertThat(ours("jdbc:hsqldb:hsql://localhost/codecred")).isFalse();
        assertThat(ours("jdbc:postgresql://127.0.0.1:5432/codecred")).isFalse();
    }

    private static boolean ours(String url) {
        try (HikariDataSource hikari = new HikariDataSource()) {
            hikari.setJdbcUrl(url);
            return HsqldbFileAccess.ours(hikari);
        }
    }

    /** As the application's pool is made: the post-processor sees it before its first connection. */
    private static HikariDataSource prepared(String url) {
        HikariDataSource hikari = new HikariDataSource();
        hikari.setJdbcUrl(url);
        return (HikariDataSource) HsqldbFileAccess.hsqldbDataFileThroughFileCache()
                .postProcessBeforeInitialization(hikari, "dataSource");
    }

    private static HikariDataSource plain(String url) {
        HikariDataSource hikari = new HikariDataSource();
        hikari.setJdbcUrl(url);
        return hikari;
    }
}
