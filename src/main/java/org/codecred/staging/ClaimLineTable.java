package org.codecred.staging;

import org.codecred.database.Dialect;
import org.codecred.database.PostgresCopy;
import org.codecred.domain.ClaimLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Date;
import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Owner of {@code codecred.claim_line}: the staged claim lines of a month, their bulk insert, row
 * mapping and every query over them. They live in the staging engine when the database has one
 * ({@link StagingEngine}, DDL in {@code db/engine}), else in the database itself (DDL in the
 * migrations, {@code db/migration}); the queries are the same SQL on both.
 */
public final class ClaimLineTable {

    /** Columns in the order {@link #ROW_MAPPER} expects; every reader selects these. */
    public static final String COLUMNS = "source_file, line_number, claim_id, line_no, rendering_npi, billing_npi,"
            + " member_id, member_dob, service_date, procedure_code, modifiers, units, minutes, diagnosis_codes,"
            + " place_of_service, charge, minutes_column, claim_frequency, line_status";

    /** Only the lines that count: superseded and voided lines and voids count nowhere (contract v3). */
    private static final String COUNTED = " AND line_status IS NULL";

    /**
     * Lines of one provider-day arrive together; ties broken by origin so order is total and stable.
     * member_id and source_file sort by the database's collation, which differs between HSQLDB and
     * PostgreSQL: rely on the grouping this gives (every collation keeps equal values together), not
     * on the order of members within a day; sort in Java where that order reaches an output.
     */
    public static final String ENCOUNTER_ORDER = "rendering_npi, service_date, member_id, source_file, line_number";

    public static final RowMapper<ClaimLine> ROW_MAPPER = (rs, i) -> new ClaimLine(
            rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
            rs.getString(7), localDate(rs.getDate(8)), rs.getDate(9).toLocalDate(), rs.getString(10),
            split(rs.getString(11)), rs.getInt(12), (Integer) rs.getObject(13, Integer.class),
            split(rs.getString(14)), rs.getString(15), rs.getBigDecimal(16), rs.getBoolean(17), rs.getString(18),
            status(rs.getString(19)));

    private static ClaimLine.LineStatus status(String value) {
        return value == null ? null : ClaimLine.LineStatus.valueOf(value.trim());
    }

    private final JdbcTemplate jdbc;
    /** The staging engine holding the lines, or null when the database holds them. */
    private final StagingEngine engine;
    /** Null until the first insert asks; then whether the database loads rows with COPY. */
    private volatile Boolean copy;

    /** Claim lines staged in the database itself. */
    public ClaimLineTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.engine = null;
    }

    /** Claim lines staged in the staging engine. */
    public ClaimLineTable(StagingEngine engine) {
        this.jdbc = engine.jdbc();
        this.engine = engine;
    }

    /**
     * Deletes the month's lines from the staging engine, when they live there, with every other row the
     * engine stages for the month (the provider metrics): a new run of a month starts from empty staging;
     * the database's own tables are cleared by {@link StagingSchema#clearMonth}.
     */
    public void clearEngineMonth(YearMonth month) {
        if (engine != null) {
            engine.clearMonth(month);
        }
    }

    /**
     * Stages lines at once: in the database, in the caller's transaction (the claim loads' path without a
     * staging engine); in the engine, one Appender transaction. The loads do not come here when there is
     * an engine: they spool their lines, and stageClaimLines hands the month to the engine in one
     * statement ({@link ClaimLineSpool}).
     */
    public void insert(YearMonth month, List<ClaimLine> lines) {
        if (lines.isEmpty()) {
            return; // HSQLDB throws on an empty batch
        }
        if (engine != null) {
            String monthKey = month.toString();
            engine.append("claim_line", appender -> {
                for (ClaimLine line : lines) {
                    appender.beginRow().append(monthKey).append(line.sourceFile()).append(line.lineNumber())
                            .append(line.claimId()).append(line.lineNo()).append(line.renderingNpi())
                            .append(line.billingNpi()).append(line.memberId()).append(line.memberDob())
                            .append(line.serviceDate()).append(line.procedureCode()).append(join(line.modifiers()))
                            .append(line.units()).append(line.minutes()).append(join(line.diagnosisCodes()))
                            .append(line.placeOfService()).append(scaled(line.charge())).append(line.minutesColumnPresent())
                            .append(line.claimFrequency()).append(line.status() == null ? null : line.status().name())
                            .endRow();
                }
            });
            return;
        }
        if (copy == null) {
            copy = Dialect.of(jdbc.getDataSource()).copiesRows();
        }
        if (copy) {
            copyInto(month, lines);
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.claim_line (month, " + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                lines, lines.size(), (ps, line) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, line.sourceFile());
                    ps.setLong(3, line.lineNumber());
                    ps.setString(4, line.claimId());
                    ps.setInt(5, line.lineNo());
                    ps.setString(6, line.renderingNpi());
                    ps.setString(7, line.billingNpi());
                    ps.setString(8, line.memberId());
                    ps.setObject(9, sqlDate(line.memberDob()), Types.DATE);
                    ps.setDate(10, Date.valueOf(line.serviceDate()));
                    ps.setString(11, line.procedureCode());
                    ps.setString(12, join(line.modifiers()));
                    ps.setInt(13, line.units());
                    ps.setObject(14, line.minutes(), Types.INTEGER);
                    ps.setString(15, join(line.diagnosisCodes()));
                    ps.setString(16, line.placeOfService());
                    ps.setBigDecimal(17, line.charge());
                    ps.setBoolean(18, line.minutesColumnPresent());
                    ps.setString(19, line.claimFrequency());
                    ps.setString(20, line.status() == null ? null : line.status().name());
                });
    }

    /** The same rows as {@link #insert}'s INSERTs, through PostgreSQL's COPY (issue 17: several times faster). */
    private void copyInto(YearMonth month, List<ClaimLine> lines) {
        PostgresCopy rows = new PostgresCopy();
        for (ClaimLine line : lines) {
            rows.text(month.toString()).text(line.sourceFile()).plain(line.lineNumber()).text(line.claimId()).plain(line.lineNo())
                    .text(line.renderingNpi()).text(line.billingNpi()).text(line.memberId()).plain(line.memberDob())
                    .plain(line.serviceDate()).text(line.procedureCode()).text(join(line.modifiers()))
                    .plain(line.units()).plain(line.minutes()).text(join(line.diagnosisCodes()))
                    .text(line.placeOfService()).plain(line.charge() == null ? null : line.charge().toPlainString())
                    .plain(line.minutesColumnPresent()).text(line.claimFrequency())
                    .text(line.status() == null ? null : line.status().name()).endRow();
        }
        rows.copyInto(jdbc, "codecred.claim_line", "month, " + COLUMNS);
    }

    /** One service of a code for a member by a rendering provider on a day (distinct over claim lines). */
    public record CodedService(String npi, String memberId, String code, java.time.LocalDate date) {
    }

    /** Each distinct (provider, member, code, date) of the month among {@code codes}, e.g. the diagnostic evaluations. */
    public void forEachService(YearMonth month, List<String> codes, java.util.function.Consumer<CodedService> sink) {
        List<Object> args = new java.util.ArrayList<>();
        args.add(month.toString());
        args.addAll(codes);
        jdbc.query("SELECT rendering_npi, member_id, procedure_code, service_date FROM codecred.claim_line"
                        + " WHERE month = ? AND procedure_code IN (" + String.join(", ", java.util.Collections.nCopies(codes.size(), "?")) + ")" + COUNTED
                        + " GROUP BY rendering_npi, member_id, procedure_code, service_date", // not DISTINCT: see billingNpis
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(new CodedService(rs.getString(1),
                        rs.getString(2), rs.getString(3).trim(), rs.getDate(4).toLocalDate())), args.toArray());
    }

    /** Every staged line of the month, counted or not (lines_accepted). */
    public long count(YearMonth month) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.claim_line WHERE month = ?", Long.class, month.toString());
        return n == null ? 0 : n;
    }

    /** The month's lines that count (not superseded, voided nor a void). */
    public long countCounted(YearMonth month) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.claim_line WHERE month = ?" + COUNTED, Long.class, month.toString());
        return n == null ? 0 : n;
    }

    /**
     * Every staged line of one rendering provider, counted or not (the Claim Lines sheet marks the
     * others), in encounter order (for dossiers). Sorted here,
     * not by the database: text columns sort by the database's collation (PostgreSQL's en_US puts
     * "m-2" before "M1", HSQLDB does not), and outputs must not depend on the database.
     */
    public List<ClaimLine> ofProvider(YearMonth month, String npi) {
        List<ClaimLine> lines = new java.util.ArrayList<>(jdbc.query("SELECT " + COLUMNS
                + " FROM codecred.claim_line WHERE month = ? AND rendering_npi = ?", ROW_MAPPER, month.toString(), npi));
        lines.sort(PROVIDER_ORDER);
        return lines;
    }

    /** Whether the lines live in the staging engine, which has no index to look one provider up by. */
    public boolean inStagingEngine() {
        return engine != null;
    }

    /**
     * {@link #ofProvider} for several providers in one query: the staging engine scans the month's
     * lines once for the whole slice, where a query per provider would scan them once per provider.
     * Every NPI asked for has an entry, empty when it has no lines.
     */
    public Map<String, List<ClaimLine>> ofProviders(YearMonth month, List<String> npis) {
        Map<String, List<ClaimLine>> byNpi = new HashMap<>();
        npis.forEach(npi -> byNpi.put(npi, new ArrayList<>()));
        if (npis.isEmpty()) {
            return byNpi;
        }
        List<Object> args = new ArrayList<>();
        lines("SELECT " + COLUMNS + " FROM codecred.claim_line WHERE " + inSlice(month, npis, args), args,
                line -> byNpi.get(line.renderingNpi()).add(line));
        byNpi.values().forEach(lines -> lines.sort(PROVIDER_ORDER));
        return byNpi;
    }

    private static final int NPI_SLICE = 200;

    /** Claim order: billing key (the billing NPI, else the rendering NPI), claim id, line number. */
    public static final String CLAIM_ORDER = "COALESCE(billing_npi, rendering_npi), claim_id, line_no";

    /**
     * Every line of the month that counts, in {@link #CLAIM_ORDER}: the order of the claim ledger's
     * index, so that history writes its rows into neighbouring index nodes instead of random ones.
     * The staging engine sorts a slice of billing keys of about {@value #CLAIM_SLICE_LINES} lines
     * per query (it hands over a query's whole result at once: one query over the month would hold a
     * million sorted lines in native memory, about 400 MB); the database (which builds a whole result
     * before its first row too) goes a slice of 200 rendering NPIs at a time, each slice sorted here.
     */
    public void forEachCountedLineInClaimOrder(YearMonth month, java.util.function.Consumer<ClaimLine> sink) {
        forEachCountedLineInClaimOrder(month, CLAIM_SLICE_LINES, sink);
    }

    /** {@link #forEachCountedLineInClaimOrder(YearMonth, java.util.function.Consumer)} with slices of about {@code sliceLines}. */
    void forEachCountedLineInClaimOrder(YearMonth month, long sliceLines, java.util.function.Consumer<ClaimLine> sink) {
        if (engine != null) {
            for (List<Object> slice : claimOrderSlices(month, sliceLines)) {
                lines("SELECT " + COLUMNS + CLAIM_ORDER_SLICE, slice, sink);
            }
            return;
        }
        List<String> npis = jdbc.queryForList("SELECT rendering_npi FROM codecred.claim_line WHERE month = ?"
                + " GROUP BY rendering_npi", String.class, month.toString()).stream().map(String::trim).sorted().toList();
        for (int i = 0; i < npis.size(); i += NPI_SLICE) {
            List<ClaimLine> slice = new ArrayList<>();
            forEachLineOf(month, npis.subList(i, Math.min(npis.size(), i + NPI_SLICE)), slice::add);
            slice.sort(java.util.Comparator.comparing(ClaimLine::billingKey).thenComparing(ClaimLine::claimId)
                    .thenComparingInt(ClaimLine::lineNo));
            slice.forEach(sink);
        }
    }

    private static final int CLAIM_SLICE_LINES = 100_000;

    /**
     * The staging engine's slices of the month's counted lines for {@link #CLAIM_ORDER_SLICE}, each the
     * arguments (month, first billing key, last billing key) of about {@code sliceLines} lines: a claim
     * never spans two slices.
     */
    private List<List<Object>> claimOrderSlices(YearMonth month, long sliceLines) {
        List<Map.Entry<String, Long>> keys = jdbc.query("SELECT " + BILLING_KEY + " AS k, COUNT(*)"
                + " FROM codecred.claim_line WHERE month = ?" + COUNTED + " GROUP BY k ORDER BY k",
                (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)), month.toString());
        List<List<Object>> slices = new ArrayList<>();
        int first = 0;
        long lines = 0;
        for (int i = 0; i < keys.size(); i++) {
            lines += keys.get(i).getValue();
            if (lines >= sliceLines || i == keys.size() - 1) {
                slices.add(List.of(month.toString(), keys.get(first).getKey(), keys.get(i).getKey()));
                first = i + 1;
                lines = 0;
            }
        }
        return slices;
    }

    /** The columns {@link org.codecred.domain.ClaimContent} digests, in the order {@link #engineContentLines} reads them. */
    private static final String CONTENT_COLUMNS = "claim_id, line_no, rendering_npi, billing_npi, member_id, service_date,"
            + " procedure_code, modifiers, units, diagnosis_codes, place_of_service, charge, claim_frequency";

    /**
     * {@link #forEachCountedLineInClaimOrder} reading only what a line's content digest
     * ({@link org.codecred.domain.ClaimContent}) is taken over: claim, line number, NPIs, member, service date,
     * code, modifiers, units, diagnoses, place of service, charge and claim frequency. The source file and
     * line are empty ({@code ""}, 0), birth date and minutes null, and the status null (every line counts):
     * for the claim ledger, never for outputs that show a line. Same lines, same order; 13 of the 19
     * columns, so the staging engine sorts and hands over less. Lines in the database itself come whole.
     */
    public void forEachCountedContentInClaimOrder(YearMonth month, java.util.function.Consumer<ClaimLine> sink) {
        forEachCountedContentInClaimOrder(month, CLAIM_SLICE_LINES, sink);
    }

    /** {@link #forEachCountedContentInClaimOrder(YearMonth, java.util.function.Consumer)} with slices of about {@code sliceLines}. */
    void forEachCountedContentInClaimOrder(YearMonth month, long sliceLines, java.util.function.Consumer<ClaimLine> sink) {
        if (engine == null) {
            forEachCountedLineInClaimOrder(month, sliceLines, sink);
            return;
        }
        for (List<Object> slice : claimOrderSlices(month, sliceLines)) {
            engineContentLines("SELECT " + CONTENT_COLUMNS + CLAIM_ORDER_SLICE, slice, sink);
        }
    }

    /** {@link #engineLines} of {@link #CONTENT_COLUMNS}. */
    private void engineContentLines(String sql, List<Object> args, java.util.function.Consumer<ClaimLine> sink) {
        engineRows(sql, args, 13, (v, r) -> new ClaimLine("", 0, v[0].getString(r), v[1].getInt(r), v[2].getString(r),
                v[3].getString(r), v[4].getString(r), null, v[5].getLocalDate(r), v[6].getString(r),
                split(v[7].getString(r)), v[8].getInt(r), null, split(v[9].getString(r)), v[10].getString(r),
                v[11].isNull(r) ? null : v[11].getBigDecimal(r), false, v[12].getString(r), null), sink);
    }

    /** Who a claim belongs to, in SQL: as {@link ClaimLine#billingKey()}. */
    private static final String BILLING_KEY = "COALESCE(billing_npi, rendering_npi)";

    /** A slice of billing keys of the month's counted lines, in claim order: the month and the first and last key. */
    private static final String CLAIM_ORDER_SLICE = " FROM codecred.claim_line WHERE month = ? AND " + BILLING_KEY
            + " >= ? AND " + BILLING_KEY + " <= ?" + COUNTED + " ORDER BY " + CLAIM_ORDER;

    /**
     * The claims resolveClaims can change, each with its counted lines in no particular order: every
     * line of a claim with a replacement or void line (its submissions matter), and elsewhere the lines
     * of a line number read more than once in its claim (a repeat depends only on lines of its own
     * number). The engine finds them with two groupings of the month, so only these few lines come
     * to Java; a month of clean lines gives none. Claims in (billing key, claim id) order.
     */
    public java.util.Collection<List<ClaimLine>> claimsToResolve(YearMonth month) {
        String key = "(COALESCE(l.billing_npi, l.rendering_npi), l.claim_id";
        String counted = " FROM codecred.claim_line WHERE month = ?" + COUNTED;
        String sql = "SELECT " + prefixed("l.") + " FROM codecred.claim_line l WHERE l.month = ? AND l.line_status IS NULL"
                + " AND (" + key + ") IN (SELECT " + BILLING_KEY + ", claim_id" + counted + " AND claim_frequency <> '"
                + ClaimLine.ORIGINAL + "')"
                + " OR " + key + ", l.line_no) IN (SELECT " + BILLING_KEY + ", claim_id, line_no" + counted
                + " GROUP BY " + BILLING_KEY + ", claim_id, line_no HAVING COUNT(*) > 1))";
        Map<List<String>, List<ClaimLine>> byClaim = new java.util.TreeMap<>(java.util.Comparator
                .comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        String m = month.toString();
        lines(sql, List.of(m, m, m), line -> byClaim.computeIfAbsent(List.of(line.billingKey(), line.claimId()),
                k -> new ArrayList<>()).add(line));
        return byClaim.values();
    }

    /** Runs a query of {@link #COLUMNS} in whichever store holds the lines, each row to {@code sink} as a line. */
    private void lines(String sql, List<Object> args, java.util.function.Consumer<ClaimLine> sink) {
        if (engine != null) {
            engineLines(sql, args, sink);
        } else {
            jdbc.query(sql, (RowCallbackHandler) rs -> sink.accept(ROW_MAPPER.mapRow(rs, 0)), args.toArray());
        }
    }

    /**
     * {@link #lines} in the staging engine, read with DuckDB's typed chunk reader: a column's values
     * come straight from the engine's vectors, about a third of the CPU the same rows cost through
     * JDBC's ResultSet (which boxes every cell before it is read). The same lines as {@link #ROW_MAPPER}
     * makes of them.
     */
    private void engineLines(String sql, List<Object> args, java.util.function.Consumer<ClaimLine> sink) {
        engineRows(sql, args, 19, (v, r) -> new ClaimLine(v[0].getString(r), v[1].getLong(r), v[2].getString(r),
                v[3].getInt(r), v[4].getString(r), v[5].getString(r), v[6].getString(r), v[7].getLocalDate(r),
                v[8].getLocalDate(r), v[9].getString(r), split(v[10].getString(r)), v[11].getInt(r),
                v[12].isNull(r) ? null : v[12].getInt(r), split(v[13].getString(r)), v[14].getString(r),
                v[15].isNull(r) ? null : v[15].getBigDecimal(r), v[16].getBoolean(r), v[17].getString(r),
                status(v[18].getString(r))), sink);
    }

    /** A line made from row {@code r} of a chunk's column vectors. */
    private interface ChunkRow {
        ClaimLine line(org.duckdb.DuckDBReadableVector[] columns, long r) throws java.sql.SQLException;
    }

    /** Runs a query in the staging engine, each row of its {@code columns} columns made a line by {@code row}. */
    private void engineRows(String sql, List<Object> args, int columns, ChunkRow row,
                            java.util.function.Consumer<ClaimLine> sink) {
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            try (var statement = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    statement.setObject(i + 1, args.get(i));
                }
                try (org.duckdb.DuckDBChunkedResult result = statement.unwrap(org.duckdb.DuckDBPreparedStatement.class).query()) {
                    org.duckdb.DuckDBReadableVector[] v = new org.duckdb.DuckDBReadableVector[columns];
                    while (result.nextChunk()) {
                        org.duckdb.DuckDBDataChunkReader chunk = result.chunk();
                        for (int i = 0; i < v.length; i++) {
                            v[i] = chunk.vector(i);
                        }
                        for (long r = 0, rows = chunk.rowCount(); r < rows; r++) {
                            sink.accept(row.line(v, r));
                        }
                    }
                }
            }
            return null;
        });
    }

    /** {@link #COLUMNS}, each prefixed (a table's alias). */
    private static String prefixed(String prefix) {
        return prefix + COLUMNS.replace(", ", ", " + prefix);
    }

    /** Marks lines as counting nowhere (superseded, voided, a void), or as counting again (null). */
    public void setStatus(YearMonth month, List<ClaimLine> lines, ClaimLine.LineStatus status) {
        if (lines.isEmpty()) {
            return;
        }
        if (engine != null) {
            // one set-based UPDATE: the engine has no index, so one UPDATE per line would scan the month each time
            engine.inTransaction(c -> {
                markKeys(c, month, lines);
                try (var ps = c.prepareStatement("UPDATE codecred.claim_line l SET line_status = ? FROM marked k"
                        + " WHERE l.month = ? AND l.source_file = k.source_file AND l.line_number = k.line_number")) {
                    ps.setString(1, status == null ? null : status.name());
                    ps.setString(2, month.toString());
                    ps.executeUpdate();
                }
            });
            return;
        }
        jdbc.batchUpdate("UPDATE codecred.claim_line SET line_status = ? WHERE month = ? AND source_file = ?"
                + " AND line_number = ?", lines, lines.size(), (ps, line) -> {
                    ps.setString(1, status == null ? null : status.name());
                    ps.setString(2, month.toString());
                    ps.setString(3, line.sourceFile());
                    ps.setLong(4, line.lineNumber());
                });
    }

    /**
     * Takes lines out of the month (an exact resubmission goes to the reject table instead). In the
     * staging engine they move aside to {@code claim_line_repeat}, for {@link #unresolve}.
     */
    public void delete(YearMonth month, List<ClaimLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        if (engine != null) {
            engine.inTransaction(c -> {
                markKeys(c, month, lines);
                String matched = " FROM codecred.claim_line l WHERE l.month = ? AND EXISTS (SELECT 1 FROM marked k"
                        + " WHERE l.source_file = k.source_file AND l.line_number = k.line_number)";
                try (var moved = c.prepareStatement("INSERT INTO codecred.claim_line_repeat SELECT l.*" + matched);
                     var deleted = c.prepareStatement("DELETE" + matched)) {
                    moved.setString(1, month.toString());
                    moved.executeUpdate();
                    deleted.setString(1, month.toString());
                    deleted.executeUpdate();
                }
            });
            return;
        }
        jdbc.batchUpdate("DELETE FROM codecred.claim_line WHERE month = ? AND source_file = ? AND line_number = ?",
                lines, lines.size(), (ps, line) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, line.sourceFile());
                    ps.setLong(3, line.lineNumber());
                });
    }

    /**
     * Undoes what resolveClaims changed in the month's lines, so that it resolves them as loaded:
     * the repeats it took out come back and every status is cleared. Only the staging engine needs
     * it: its writes commit before resolveClaims' own transaction, which a kill can still roll back;
     * in the database itself they go with that transaction.
     */
    public void unresolve(YearMonth month) {
        if (engine == null) {
            return;
        }
        engine.inTransaction(c -> {
            for (String sql : new String[] {
                    "INSERT INTO codecred.claim_line SELECT * FROM codecred.claim_line_repeat WHERE month = ?",
                    "DELETE FROM codecred.claim_line_repeat WHERE month = ?",
                    "UPDATE codecred.claim_line SET line_status = NULL WHERE month = ? AND line_status IS NOT NULL"}) {
                try (var ps = c.prepareStatement(sql)) {
                    ps.setString(1, month.toString());
                    ps.executeUpdate();
                }
            }
        });
    }

    /**
     * A slice of rendering NPIs in the staging engine: month, the NPIs, and their range, which lets the
     * engine skip the row groups of other providers once the month is staged in that order ({@link ClaimLineSpool#stage}).
     */
    private static final String IN_SLICE = "month = ? AND rendering_npi IN (%s) AND rendering_npi BETWEEN ? AND ?";

    /** The query text and arguments of {@link #IN_SLICE} for {@code npis}. */
    private static String inSlice(YearMonth month, Collection<String> npis, List<Object> args) {
        args.add(month.toString());
        args.addAll(npis);
        args.add(Collections.min(npis));
        args.add(Collections.max(npis));
        return String.format(IN_SLICE, String.join(", ", Collections.nCopies(npis.size(), "?")));
    }

    /** The (file, line) keys of {@code lines} in the connection's temporary table {@code marked}. */
    private static void markKeys(java.sql.Connection c, YearMonth month, List<ClaimLine> lines) throws java.sql.SQLException {
        try (var s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMPORARY TABLE marked (source_file VARCHAR, line_number BIGINT)");
        }
        try (org.duckdb.DuckDBAppender keys = c.unwrap(org.duckdb.DuckDBConnection.class).createAppender("temp", "main", "marked")) {
            for (ClaimLine line : lines) {
                keys.beginRow().append(line.sourceFile()).append(line.lineNumber()).endRow();
            }
            keys.flush();
        }
    }

    /**
     * Service date, member, then origin: the same order on every database (Java string order, not a
     * collation). Written out rather than chained: every dossier sorts its lines by it.
     */
    public static final java.util.Comparator<ClaimLine> PROVIDER_ORDER = ClaimLineTable::inProviderOrder;

    private static int inProviderOrder(ClaimLine a, ClaimLine b) {
        int c = a.serviceDate().compareTo(b.serviceDate());
        if (c == 0) {
            c = a.memberId().compareTo(b.memberId());
        }
        if (c == 0) {
            c = a.sourceFile().compareTo(b.sourceFile());
        }
        return c != 0 ? c : Long.compare(a.lineNumber(), b.lineNumber());
    }

    /**
     * Every line of a slice of rendering NPIs, in {@link #ENCOUNTER_ORDER}. Readers go through a month
     * slice by slice because HSQLDB builds a query's whole result before the first row: one ordered
     * query over millions of lines would have to spill to disk, a slice of a few hundred providers
     * sorts in memory. The (month, npi) pairs make HSQLDB probe the encounter index per NPI instead
     * of filtering every line of the month.
     */
    public void forEachLineOf(YearMonth month, List<String> npis, java.util.function.Consumer<ClaimLine> sink) {
        if (npis.isEmpty()) {
            return;
        }
        if (engine != null) {
            // the slice's NPI range, not its list: a reader's slice is a run of consecutive NPIs of the month,
            // and testing each line against a list of 2,000 took a sixth of the query; any other NPI in the
            // range is left out here
            java.util.Set<String> slice = new java.util.HashSet<>(npis);
            engineLines("SELECT " + COLUMNS + " FROM codecred.claim_line WHERE month = ? AND rendering_npi BETWEEN ? AND ?"
                    + COUNTED + " ORDER BY " + ENCOUNTER_ORDER, List.of(month.toString(), Collections.min(npis),
                    Collections.max(npis)), line -> {
                        if (slice.contains(line.renderingNpi())) {
                            sink.accept(line);
                        }
                    });
            return;
        }
        String pairs = String.join(", ", java.util.Collections.nCopies(npis.size(), "(?, ?)"));
        Object[] args = new Object[npis.size() * 2];
        for (int i = 0; i < npis.size(); i++) {
            args[2 * i] = month.toString();
            args[2 * i + 1] = npis.get(i);
        }
        jdbc.query("SELECT " + COLUMNS + " FROM codecred.claim_line WHERE (month, rendering_npi) IN (" + pairs + ")"
                        + COUNTED + " ORDER BY " + ENCOUNTER_ORDER,
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(ROW_MAPPER.mapRow(rs, 0)), args);
    }

    /** The columns {@link #forEachEncounterLineOf} reads, in the order of {@link #ENCOUNTER_MAPPER}. */
    private static final String ENCOUNTER_COLUMNS = "rendering_npi, member_id, member_dob, service_date, procedure_code,"
            + " modifiers, minutes, diagnosis_codes, place_of_service, minutes_column";

    /**
     * A line with only what a provider's encounters are made of (who, whom, when, what, how long, where,
     * why); the origin, claim, billing and charge are left empty. Reading 10 of the 19 columns halves what
     * crosses JDBC, which is most of the cost of reading lines from the staging engine.
     */
    private static final RowMapper<ClaimLine> ENCOUNTER_MAPPER = (rs, i) -> new ClaimLine(
            "", 0, "", 0, rs.getString(1), null, rs.getString(2), rs.getObject(3, java.time.LocalDate.class),
            rs.getObject(4, java.time.LocalDate.class),
            rs.getString(5), split(rs.getString(6)), 0, (Integer) rs.getObject(7, Integer.class),
            split(rs.getString(8)), rs.getString(9), null, rs.getBoolean(10), null, null);

    /**
     * {@link #forEachLineOf} reading only the encounter columns: rendering NPI, member and birth date,
     * service date, procedure code, modifiers, minutes, diagnoses, place of service and whether the file had
     * a minutes column. Every other field of the lines given to {@code sink} is empty ({@code ""}, 0 or
     * null): for per-provider aggregates (alignSpecialties' metrics), never for outputs that show a line.
     * Same lines, same order.
     */
    public void forEachEncounterLineOf(YearMonth month, List<String> npis, java.util.function.Consumer<ClaimLine> sink) {
        if (npis.isEmpty()) {
            return;
        }
        if (engine != null) {
            List<Object> args = new ArrayList<>();
            // the typed chunk reader, as engineLines: ENCOUNTER_MAPPER's lines, for a third of JDBC's CPU
            engineRows("SELECT " + ENCOUNTER_COLUMNS + " FROM codecred.claim_line WHERE " + inSlice(month, npis, args)
                    + COUNTED + " ORDER BY " + ENCOUNTER_ORDER, args, 10, (v, r) -> new ClaimLine(
                            "", 0, "", 0, v[0].getString(r), null, v[1].getString(r), v[2].getLocalDate(r),
                            v[3].getLocalDate(r), v[4].getString(r), split(v[5].getString(r)), 0,
                            v[6].isNull(r) ? null : v[6].getInt(r), split(v[7].getString(r)), v[8].getString(r), null,
                            v[9].getBoolean(r), null, null), sink);
            return;
        }
        RowCallbackHandler rows = rs -> sink.accept(ENCOUNTER_MAPPER.mapRow(rs, 0));
        Object[] args = new Object[npis.size() * 2];
        for (int i = 0; i < npis.size(); i++) {
            args[2 * i] = month.toString();
            args[2 * i + 1] = npis.get(i);
        }
        jdbc.query("SELECT " + ENCOUNTER_COLUMNS + " FROM codecred.claim_line WHERE (month, rendering_npi) IN ("
                + String.join(", ", Collections.nCopies(npis.size(), "(?, ?)")) + ")" + COUNTED
                + " ORDER BY " + ENCOUNTER_ORDER, rows, args);
    }

    /**
     * A rendering NPI's claim lines in the month: how many, first and last service date. The month's
     * list of them is {@link RenderingNpiTable}, staged once after the load.
     */
    public record NpiActivity(String npi, long lines, java.time.LocalDate firstDate, java.time.LocalDate lastDate) {
    }

    /** Every rendering NPI of the month's counted lines with its activity, in no particular order. */
    public List<NpiActivity> activityByNpi(YearMonth month) {
        return jdbc.query("SELECT rendering_npi, COUNT(*), MIN(service_date), MAX(service_date) FROM codecred.claim_line"
                        + " WHERE month = ?" + COUNTED + " GROUP BY rendering_npi",
                (rs, i) -> new NpiActivity(rs.getString(1).trim(), rs.getLong(2), localDate(rs.getDate(3)),
                        localDate(rs.getDate(4))), month.toString());
    }

    /** One provider's lines dated after {@code date}, or null when there are none (uses the encounter index). */
    public NpiActivity linesAfter(YearMonth month, String npi, java.time.LocalDate date) {
        return jdbc.query("SELECT COUNT(*), MIN(service_date), MAX(service_date) FROM codecred.claim_line"
                        + " WHERE month = ? AND rendering_npi = ? AND service_date > ?" + COUNTED,
                (rs, i) -> rs.getLong(1) == 0 ? null : new NpiActivity(npi, rs.getLong(1), localDate(rs.getDate(2)),
                        localDate(rs.getDate(3))), month.toString(), npi, Date.valueOf(date)).get(0);
    }

    /** Per rendering NPI, the billing NPIs on its lines of the month (for the exclusion screening). */
    public java.util.Map<String, java.util.Set<String>> billingNpis(YearMonth month) {
        java.util.Map<String, java.util.Set<String>> byRendering = new java.util.HashMap<>();
        // GROUP BY, not DISTINCT: HSQLDB keeps only the groups, where DISTINCT first materializes every
        // line on disk and then removes duplicates (minutes for a 1,000,000-line month)
        jdbc.query("SELECT rendering_npi, billing_npi FROM codecred.claim_line WHERE month = ?"
                        + " AND billing_npi IS NOT NULL" + COUNTED + " GROUP BY rendering_npi, billing_npi",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> byRendering
                        .computeIfAbsent(rs.getString(1).trim(), k -> new java.util.TreeSet<>()).add(rs.getString(2).trim()),
                month.toString());
        return byRendering;
    }

    /** A charge at the column's scale, 2 (the reader accepts at most 2 decimals, so nothing rounds). */
    private static java.math.BigDecimal scaled(java.math.BigDecimal charge) {
        return charge == null ? null : charge.setScale(2);
    }

    static java.time.LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    static Date sqlDate(java.time.LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    static String join(List<String> values) {
        // one value (most lines' modifiers and diagnoses) is its own join
        return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : String.join(";", values);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
