package org.codecred.staging;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.domain.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Every finding of the month. Steps insert in the same transaction as their chunk, so restarts never double them. */
public final class FindingTable {

    private static final String COLUMNS = "provider_npi, claim_id, line_no, service_date, procedure_code, rule_id,"
            + " subject, message, source_file, source_line, severity";

    private static final String INSERT_COLUMNS = "provider_npi, claim_id, line_no, service_date, procedure_code,"
            + " rule_id, subject, message, source_file, source_line";

    private static final RowMapper<Finding> ROW_MAPPER = (rs, i) -> new Finding(
            rs.getString(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
            ClaimLineTable.localDate(rs.getDate(4)), rs.getString(5), RuleId.ofId(rs.getString(6)),
            rs.getString(7), rs.getString(8), rs.getString(9), (Long) rs.getObject(10, Long.class),
            Severity.valueOf(rs.getString(11)));

    private final JdbcTemplate jdbc;

    public FindingTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String month, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.finding (month, severity, " + INSERT_COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                findings, findings.size(), (ps, f) -> {
                    ps.setString(1, month);
                    ps.setString(2, f.severity().name());
                    ps.setString(3, f.providerNpi());
                    ps.setString(4, f.claimId());
                    ps.setObject(5, f.lineNo(), Types.INTEGER);
                    ps.setObject(6, ClaimLineTable.sqlDate(f.serviceDate()), Types.DATE);
                    ps.setString(7, f.procedureCode());
                    ps.setString(8, f.rule().id());
                    ps.setString(9, truncate(f.subject(), 100));
                    ps.setString(10, truncate(f.message(), 1000));
                    ps.setString(11, f.sourceFile());
                    ps.setObject(12, f.sourceLine(), Types.BIGINT);
                });
    }

    /** One provider's findings in report order. */
    public List<Finding> ofProvider(String month, String npi) {
        List<Finding> findings = new ArrayList<>(jdbc.query("SELECT " + COLUMNS + " FROM codecred.finding"
                + " WHERE month = ? AND provider_npi = ?", ROW_MAPPER, month, npi));
        findings.sort(Finding.REPORT_ORDER);
        return findings;
    }

    /**
     * Streams every finding of the month in report order, one provider at a time: the database
     * orders by NPI (digits, so every collation agrees) and each provider's few findings are sorted
     * here, so the order is the same on every database and memory stays flat.
     */
    public void forEachInReportOrder(String month, Consumer<Finding> sink) {
        List<Finding> provider = new ArrayList<>();
        jdbc.query("SELECT " + COLUMNS + " FROM codecred.finding WHERE month = ? ORDER BY provider_npi",
                (RowCallbackHandler) rs -> {
                    Finding f = ROW_MAPPER.mapRow(rs, 0);
                    if (!provider.isEmpty() && !provider.get(0).providerNpi().equals(f.providerNpi())) {
                        flush(provider, sink);
                    }
                    provider.add(f);
                }, month);
        flush(provider, sink);
    }

    private static void flush(List<Finding> provider, Consumer<Finding> sink) {
        provider.sort(Finding.REPORT_ORDER);
        provider.forEach(sink);
        provider.clear();
    }

    public Map<Severity, Long> countBySeverity(String month) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT severity, COUNT(*) FROM codecred.finding WHERE month = ? GROUP BY severity",
                (RowCallbackHandler) rs -> counts.put(Severity.valueOf(rs.getString(1)), rs.getLong(2)), month);
        return counts;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
