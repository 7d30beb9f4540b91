package org.codecred.staging;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Creates CodeCred's staging tables when missing. Each package that stages data adds its own
 * {@code classpath:staging/NN-name.sql}; files run in name order, statements split on a line
 * holding only ';'. Every statement is {@code IF NOT EXISTS}, so this runs at every start.
 */
public final class StagingSchema {

    private final JdbcTemplate jdbc;

    public StagingSchema(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs the scripts unless the database already holds exactly this version of them. Skipping
     * matters on PostgreSQL: even {@code CREATE INDEX IF NOT EXISTS} waits for the locks of a month
     * running in another process, so a second launch would hang instead of reporting the month as
     * running (exit 3).
     */
    public void create() {
        List<Resource> scripts = scripts();
        String digest = digestOf(scripts);
        if (digest.equals(installedDigest())) {
            return;
        }
        for (Resource script : scripts) {
            for (String statement : statementsOf(script)) {
                jdbc.execute(statement);
            }
        }
        jdbc.execute("CREATE TABLE IF NOT EXISTS codecred.schema_digest (digest VARCHAR(64) NOT NULL)");
        jdbc.update("DELETE FROM codecred.schema_digest");
        jdbc.update("INSERT INTO codecred.schema_digest (digest) VALUES (?)", digest);
    }

    private String installedDigest() {
        try {
            List<String> found = jdbc.queryForList("SELECT digest FROM codecred.schema_digest", String.class);
            return found.size() == 1 ? found.get(0) : null;
        } catch (org.springframework.dao.DataAccessException e) {
            return null; // no such table yet: a new database
        }
    }

    private static String digestOf(List<Resource> scripts) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Resource script : scripts) {
                sha.update(script.getFilename().getBytes(StandardCharsets.UTF_8));
                try (var in = script.getInputStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes up to {@code batch} staged rows of {@code month}, from every table of the codecred
     * schema that has a month column, and returns how many went. Called until it returns 0, each
     * call in its own transaction, so clearing a month of millions of lines never holds them all
     * in one transaction (HSQLDB keeps a transaction's row versions on the heap).
     */
    public int clearMonth(YearMonth month, int batch) {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.columns"
                        + " WHERE LOWER(table_schema) = 'codecred' AND LOWER(column_name) = 'month'",
                String.class);
        boolean hsqldb = isHsqldb();
        for (String name : tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).sorted().toList()) {
            // table names come from the catalog, never from input; values are bound
            String table = "codecred." + name;
            int deleted = hsqldb
                    ? jdbc.update("DELETE FROM " + table + " WHERE month = ? LIMIT ?", month.toString(), batch)
                    : jdbc.update("DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table
                            + " WHERE month = ? LIMIT ?)", month.toString(), batch);
            if (deleted > 0) {
                return deleted;
            }
        }
        return 0;
    }

    private boolean isHsqldb() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase(Locale.ROOT).contains("hsql");
    }

    private static List<Resource> scripts() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:staging/*.sql");
            return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> statementsOf(Resource script) {
        String text;
        try {
            text = script.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.stream(text.split("(?m)^\\s*;\\s*$"))
                .map(StagingSchema::withoutComments)
                .filter(s -> !s.isBlank())
                .toList();
    }

    private static String withoutComments(String statement) {
        return statement.lines().filter(l -> !l.stripLeading().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n").strip();
    }
}
