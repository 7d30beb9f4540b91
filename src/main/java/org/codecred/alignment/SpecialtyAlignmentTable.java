package org.codecred.alignment;

import org.codecred.database.KeyList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Types;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Owner of {@code codecred.specialty_alignment} (DDL in the migrations, {@code db/migration}):
 * each claimed or strongly evidenced specialty of a provider with its evidence and outcome, written
 * by alignSpecialties and read by the dossiers and the summary. No other class touches the table.
 */
public final class SpecialtyAlignmentTable {

    private static final int BATCH = 1000;

    private static final String COLUMNS = "npi, specialty, claimed, evidence, evidence_share, supported_at, weak_at, outcome";

    private static final RowMapper<AlignmentRow> ROW_MAPPER = (rs, i) -> new AlignmentRow(rs.getString(1),
            rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getObject(5, Double.class),
            rs.getObject(6, Double.class), rs.getObject(7, Double.class), AlignmentOutcome.ofId(rs.getString(8).trim()));

    private final JdbcTemplate jdbc;

    public SpecialtyAlignmentTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(YearMonth month, List<AlignmentRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.specialty_alignment (month, " + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, BATCH, (ps, r) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, r.npi());
                    ps.setString(3, truncate(r.specialty(), 40));
                    ps.setBoolean(4, r.claimed());
                    ps.setString(5, truncate(r.evidence(), 1000));
                    ps.setObject(6, r.evidenceShare(), Types.DOUBLE);
                    ps.setObject(7, r.supportedAt(), Types.DOUBLE);
                    ps.setObject(8, r.weakAt(), Types.DOUBLE);
                    ps.setString(9, r.outcome().id());
                });
    }

    /** One provider's rows: claimed specialties first, then by specialty id. */
    public List<AlignmentRow> ofProvider(YearMonth month, String npi) {
        return jdbc.query("SELECT " + COLUMNS + " FROM codecred.specialty_alignment WHERE month = ? AND npi = ?"
                + " ORDER BY claimed DESC, specialty", ROW_MAPPER, month.toString(), npi);
    }

    /**
     * Several providers' rows by NPI, each in {@link #ofProvider}'s order, in one query (a provider
     * without any has no entry).
     */
    public Map<String, List<AlignmentRow>> ofProviders(YearMonth month, Collection<String> npis) {
        return KeyList.rowsByKey(jdbc, "SELECT " + COLUMNS + " FROM codecred.specialty_alignment", "month", "npi",
                "npi, claimed DESC, specialty", month, npis, ROW_MAPPER, AlignmentRow::npi);
    }

    /** Every row of the month, in NPI then specialty order. */
    public void forEachInOrder(YearMonth month, Consumer<AlignmentRow> sink) {
        jdbc.query("SELECT " + COLUMNS + " FROM codecred.specialty_alignment WHERE month = ? ORDER BY npi, specialty",
                (RowCallbackHandler) rs -> sink.accept(ROW_MAPPER.mapRow(rs, 0)), month.toString());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
