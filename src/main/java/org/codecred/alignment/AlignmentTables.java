package org.codecred.alignment;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.RuleId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** JDBC for the alignment part: provider_metric, specialty_alignment and provider_verdict. */
public final class AlignmentTables {

    private static final int BATCH = 1000;

    /** A metric row as the peer comparison reads it. */
    public record MetricRow(String npi, String metricId, Double value, String peerGroup) {
    }

    /** One metric row's peer figures. */
    public record PeerFigures(String npi, String metricId, int size, Double median, Double threshold) {
    }

    private final JdbcTemplate jdbc;

    public AlignmentTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The peer-group id stored in provider_metric.peer_group: {@code social-worker}, {@code prescriber}, ... */
    public static String groupId(CredentialFamily family) {
        return family.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static CredentialFamily familyOf(String groupId) {
        try {
            return groupId == null ? CredentialFamily.UNKNOWN : CredentialFamily.ofId(groupId);
        } catch (IllegalArgumentException e) {
            return CredentialFamily.UNKNOWN;
        }
    }

    public void insertMetrics(String month, String npi, String peerGroup, List<MetricValue> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.provider_metric (month, npi, metric_id, metric_value, peer_group)"
                        + " VALUES (?, ?, ?, ?, ?)", metrics, BATCH, (ps, m) -> {
                    ps.setString(1, month);
                    ps.setString(2, npi);
                    ps.setString(3, m.metricId());
                    ps.setObject(4, m.value(), Types.DOUBLE);
                    ps.setString(5, peerGroup);
                });
    }

    public void insertAlignment(String month, List<AlignmentRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.specialty_alignment (month, npi, specialty, claimed, evidence,"
                        + " evidence_share, supported_at, weak_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, BATCH, (ps, r) -> {
                    ps.setString(1, month);
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

    /** The rows of the given metrics (values and volumes of the peer comparison), every provider of the month. */
    public void forEachMetric(String month, List<String> metricIds, Consumer<MetricRow> sink) {
        if (metricIds.isEmpty()) {
            return;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(metricIds.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(month);
        args.addAll(metricIds);
        jdbc.query("SELECT npi, metric_id, metric_value, peer_group FROM codecred.provider_metric"
                        + " WHERE month = ? AND metric_id IN (" + marks + ")",
                (RowCallbackHandler) rs -> sink.accept(new MetricRow(rs.getString(1), rs.getString(2),
                        (Double) rs.getObject(3, Double.class), rs.getString(4))), args.toArray());
    }

    public void updatePeerFigures(String month, List<PeerFigures> figures) {
        if (figures.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE codecred.provider_metric SET peer_size = ?, peer_median = ?, peer_threshold = ?"
                        + " WHERE month = ? AND npi = ? AND metric_id = ?", figures, BATCH, (ps, f) -> {
                    ps.setInt(1, f.size());
                    ps.setObject(2, f.median(), Types.DOUBLE);
                    ps.setObject(3, f.threshold(), Types.DOUBLE);
                    ps.setString(4, month);
                    ps.setString(5, f.npi());
                    ps.setString(6, f.metricId());
                });
    }

    public void deleteFindings(String month, RuleId rule) {
        jdbc.update("DELETE FROM codecred.finding WHERE month = ? AND rule_id = ?", month, rule.id());
    }

    // verdicts

    public void deleteVerdicts(String month) {
        jdbc.update("DELETE FROM codecred.provider_verdict WHERE month = ?", month);
    }

    public void insertVerdicts(String month, List<ProviderVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.provider_verdict (month, npi, verdict, reasons, lines, coding_errors,"
                        + " coding_accuracy, errors, warnings, infos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                verdicts, BATCH, (ps, v) -> {
                    ps.setString(1, month);
                    ps.setString(2, v.npi());
                    ps.setString(3, v.verdict().name());
                    ps.setString(4, truncate(v.reasons(), 4000));
                    ps.setLong(5, v.lines());
                    ps.setLong(6, v.codingErrors());
                    ps.setObject(7, v.codingAccuracy(), Types.DOUBLE);
                    ps.setLong(8, v.errors());
                    ps.setLong(9, v.warnings());
                    ps.setLong(10, v.infos());
                });
    }

    /** Lines per provider, from the metric the alignment step kept (rostered providers only). */
    public Map<String, Long> linesByProvider(String month) {
        Map<String, Long> lines = new HashMap<>();
        jdbc.query("SELECT npi, metric_value FROM codecred.provider_metric WHERE month = ? AND metric_id = ?",
                (RowCallbackHandler) rs -> lines.put(rs.getString(1), Math.round(rs.getDouble(2))), month, MetricIds.LINES);
        return lines;
    }

    /** Distinct lines with at least one coding ERROR, per provider (one query for the month). */
    public Map<String, Long> codingErrorLinesByProvider(String month) {
        List<String> codingErrors = new ArrayList<>();
        for (RuleId rule : RuleId.values()) {
            if (rule.isCoding()) { // the finding's own severity decides: a capped finding is no error
                codingErrors.add(rule.id());
            }
        }
        String marks = String.join(", ", java.util.Collections.nCopies(codingErrors.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(month);
        args.addAll(codingErrors);
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT provider_npi, COUNT(*) FROM (SELECT DISTINCT provider_npi, source_file, source_line,"
                        + " claim_id, line_no FROM codecred.finding WHERE month = ? AND severity = 'ERROR'"
                        + " AND rule_id IN (" + marks + ")) e"
                        + " GROUP BY provider_npi",
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), args.toArray());
        return counts;
    }

    /** Finding counts per provider and severity: {npi -> [errors, warnings, infos]}. */
    public Map<String, long[]> severityCountsByProvider(String month) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("SELECT provider_npi, severity, COUNT(*) FROM codecred.finding WHERE month = ?"
                        + " GROUP BY provider_npi, severity",
                (RowCallbackHandler) rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[3]);
                    int i = switch (rs.getString(2)) {
                        case "ERROR" -> 0;
                        case "WARNING" -> 1;
                        default -> 2;
                    };
                    c[i] += rs.getLong(3);
                }, month);
        return counts;
    }

    /** The verdict-driving findings (rule and subject) per provider. */
    public Map<String, List<VerdictInput.Hit>> verdictHitsByProvider(String month, List<RuleId> rules) {
        String marks = String.join(", ", java.util.Collections.nCopies(rules.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(month);
        rules.forEach(r -> args.add(r.id()));
        Map<String, List<VerdictInput.Hit>> hits = new HashMap<>();
        jdbc.query("SELECT DISTINCT provider_npi, rule_id, subject, severity FROM codecred.finding WHERE month = ?"
                        + " AND rule_id IN (" + marks + ")",
                (RowCallbackHandler) rs -> hits.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new VerdictInput.Hit(RuleId.ofId(rs.getString(2)), rs.getString(3),
                                org.codecred.domain.Severity.valueOf(rs.getString(4)))), args.toArray());
        return hits;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
