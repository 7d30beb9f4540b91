package org.codecred.staging;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of a month that an earlier version staged in the database, where this version keeps them in
 * the staging engine (claim lines since the engine came, provider metrics since they joined them).
 * A month begun by that version and resumed by this one would read the engine's empty tables and
 * carry on without what was loaded and measured; it has to be recomputed instead. With the engine
 * in use, this version never writes these database tables, so any row of the month is the earlier
 * version's.
 */
public final class EarlierStaging {

    /** The database tables whose rows moved to the engine, with what they hold in the operator's words. */
    private static final Map<String, String> MOVED = Map.of("claim_line", "claim lines", "provider_metric", "provider metrics");

    private final JdbcTemplate database;

    public EarlierStaging(JdbcTemplate database) {
        this.database = database;
    }

    /** What the month has staged in the database, in words; empty when nothing. */
    public Optional<String> leftInDatabase(YearMonth month) {
        return MOVED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(table -> database.queryForObject("SELECT COUNT(*) FROM codecred." + table.getKey() + " WHERE month = ?",
                        Long.class, month.toString()) > 0)
                .map(Map.Entry::getValue)
                .reduce((a, b) -> a + " and " + b);
    }
}
