package org.codecred.staging;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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

    public void create() {
        for (Resource script : scripts()) {
            for (String statement : statementsOf(script)) {
                jdbc.execute(statement);
            }
        }
    }

    /** Deletes every staged row of {@code month}, in every table of the codecred schema that has a month column. */
    public void clearMonth(String month) {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.columns"
                        + " WHERE LOWER(table_schema) = 'codecred' AND LOWER(column_name) = 'month'",
                String.class);
        for (String table : tables.stream().sorted().toList()) {
            // table names come from the catalog, never from input
            jdbc.update("DELETE FROM codecred." + table.toLowerCase(java.util.Locale.ROOT) + " WHERE month = ?", month);
        }
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
