package org.codecred.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * An HSQLDB file database reads and writes its {@code .data} file through the operating system's file
 * cache instead of mapping it into the process ({@code hsqldb.nio_data_file=false}). HSQLDB maps up
 * to 256 MB of the file by default, and every mapped page it touches counts in the process's resident
 * memory: on the 1,000,000-line month that was about 320 MB of the peak (1,452 → 1,133 MB, the same
 * CPU seconds; docs/performance.md). The page cache still holds the file, outside the process.
 *
 * <p>HSQLDB applies the setting when a database is created; a database made before keeps its own,
 * so it is changed there too ({@code SET FILES NIO FALSE}), which HSQLDB applies from the next open.
 * A URL or property that names the setting is left alone.
 */
@Configuration(proxyBeanMethods = false)
public class HsqldbFileAccess {

    static final String PROPERTY = "hsqldb.nio_data_file";
    private static final String CURRENT =
            "SELECT property_value FROM information_schema.system_properties WHERE property_name = '" + PROPERTY + "'";

    private static final Logger log = LoggerFactory.getLogger(HsqldbFileAccess.class);

    @Bean
    static BeanPostProcessor hsqldbDataFileThroughFileCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari && ours(hikari)) {
                    hikari.addDataSourceProperty(PROPERTY, "false");
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari && unmappedByUs(hikari)) {
                    unmapFromNextOpen(hikari);
                }
                return bean;
            }
        };
    }

    /** An HSQLDB file database whose URL and properties do not name the setting. */
    static boolean ours(HikariDataSource hikari) {
        String url = hikari.getJdbcUrl();
        return url != null && url.startsWith(HsqldbDialect.PREFIX)
                && HsqldbDialect.of(url).fileDatabase().isPresent()
                && !url.toLowerCase(Locale.ROOT).contains(PROPERTY + "=")
                && !hikari.getDataSourceProperties().containsKey(PROPERTY);
    }

    private static boolean unmappedByUs(HikariDataSource hikari) {
        return "false".equals(hikari.getDataSourceProperties().getProperty(PROPERTY))
                && hikari.getJdbcUrl() != null && !hikari.getJdbcUrl().toLowerCase(Locale.ROOT).contains(PROPERTY + "=");
    }

    /** A database made before this setting: set it, for HSQLDB to apply when it next opens the file. */
    static void unmapFromNextOpen(HikariDataSource hikari) {
        try (Connection connection = hikari.getConnection(); Statement statement = connection.createStatement()) {
            boolean mapped;
            try (ResultSet current = statement.executeQuery(CURRENT)) {
                mapped = current.next() && "true".equalsIgnoreCase(String.valueOf(current.getString(1)).trim());
            }
            if (mapped) {
                statement.execute("SET FILES NIO FALSE");
                log.debug("HSQLDB data file: read through the file cache from the next run on");
            }
        } catch (SQLException e) {
            // e.g. a database user without the admin right SET FILES needs: the run goes on, mapped as before
            log.debug("HSQLDB data file left mapped: {}", e.getMessage());
        }
    }
}
