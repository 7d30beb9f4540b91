package org.codecred.history;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * codecred.history_key: the fingerprint ({@link MemberKey#fingerprint()}) of the key the member
 * hashes in history were made with, written with them in the month's history transaction. One row.
 */
public final class HistoryKeyTable {

    private final JdbcTemplate jdbc;

    public HistoryKeyTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String fingerprint, LocalDateTime recordedAt) {
        jdbc.update("DELETE FROM codecred.history_key");
        jdbc.update("INSERT INTO codecred.history_key (fingerprint, recorded_at) VALUES (?, ?)",
                fingerprint, Timestamp.valueOf(recordedAt));
    }

    /** The fingerprint recorded, or empty for a database whose history predates fingerprints (or holds no hashes). */
    Optional<String> fingerprint() {
        return jdbc.queryForList("SELECT fingerprint FROM codecred.history_key", String.class).stream()
                .map(String::trim).findFirst();
    }
}
