package org.codecred.dossier;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.domain.Severity;
import org.codecred.domain.Verdict;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.RejectTable;
import org.codecred.ingest.RejectedRow;
import org.codecred.ingest.RosterRowParser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the workbooks show from the month's staging tables: one provider's {@link Dossier},
 * and the month-wide figures of the summary workbook. Every query filters on the month.
 */
public final class DossierLoader {

    private final JdbcTemplate jdbc;
    private final ClaimLineTable lines;
    private final FindingTable findings;
    private final RejectTable rejects;

    public DossierLoader(JdbcTemplate jdbc, ClaimLineTable lines, FindingTable findings, RejectTable rejects) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.findings = findings;
        this.rejects = rejects;
    }

    public Dossier load(String month, Provider provider, LocalDateTime generated) {
        String npi = provider.npi();
        return new Dossier(month, provider, decision(month, npi), checks(month, npi), metrics(month, npi),
                alignments(month, npi), findings.ofProvider(month, npi), lines.ofProvider(month, npi), generated);
    }

    public Dossier.Decision decision(String month, String npi) {
        return jdbc.query("SELECT verdict, reasons, lines, coding_errors, coding_accuracy, errors, warnings, infos"
                + " FROM codecred.provider_verdict WHERE month = ? AND npi = ?", DossierLoader::decision, month, npi)
                .stream().findFirst().orElse(null);
    }

    private static Dossier.Decision decision(ResultSet rs, int row) throws SQLException {
        return new Dossier.Decision(Verdict.valueOf(rs.getString(1).trim()), rs.getString(2), rs.getInt(3), rs.getInt(4),
                rs.getObject(5, Double.class), rs.getInt(6), rs.getInt(7), rs.getInt(8));
    }

    List<Dossier.CredentialCheck> checks(String month, String npi) {
        return jdbc.query("SELECT seq, check_name, result, detail, source, source_date FROM codecred.credential_check"
                        + " WHERE month = ? AND npi = ? ORDER BY seq",
                (rs, i) -> new Dossier.CredentialCheck(rs.getInt(1), rs.getString(2), rs.getString(3).trim(),
                        rs.getString(4), rs.getString(5), localDate(rs.getDate(6))), month, npi);
    }

    List<Dossier.Metric> metrics(String month, String npi) {
        return jdbc.query("SELECT metric_id, metric_value, peer_group, peer_size, peer_median, peer_threshold"
                        + " FROM codecred.provider_metric WHERE month = ? AND npi = ? ORDER BY metric_id",
                (rs, i) -> new Dossier.Metric(rs.getString(1), rs.getObject(2, Double.class), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getObject(5, Double.class), rs.getObject(6, Double.class)),
                month, npi);
    }

    List<Dossier.Alignment> alignments(String month, String npi) {
        return jdbc.query("SELECT specialty, claimed, evidence, evidence_share, supported_at, weak_at, outcome"
                        + " FROM codecred.specialty_alignment WHERE month = ? AND npi = ? ORDER BY claimed DESC, specialty",
                (rs, i) -> new Dossier.Alignment(rs.getString(1), rs.getBoolean(2), rs.getString(3),
                        rs.getObject(4, Double.class), rs.getObject(5, Double.class), rs.getObject(6, Double.class),
                        rs.getString(7).trim()), month, npi);
    }

    // month-wide figures for the summary workbook

    /** Every rostered provider's row of the Providers sheet, in NPI order. */
    public List<SummaryWorkbook.ProviderRow> providerRows(String month, List<Provider> roster) {
        Map<String, Dossier.Decision> decisions = new HashMap<>();
        jdbc.query("SELECT npi, verdict, reasons, lines, coding_errors, coding_accuracy, errors, warnings, infos"
                + " FROM codecred.provider_verdict WHERE month = ?", (RowCallbackHandler) rs -> decisions.put(
                rs.getString(1), new Dossier.Decision(Verdict.valueOf(rs.getString(2).trim()), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getObject(6, Double.class), rs.getInt(7), rs.getInt(8),
                        rs.getInt(9))), month);
        Map<String, long[]> severities = new HashMap<>();
        jdbc.query("SELECT provider_npi, severity, COUNT(*) FROM codecred.finding WHERE month = ?"
                        + " GROUP BY provider_npi, severity",
                (RowCallbackHandler) rs -> severities.computeIfAbsent(rs.getString(1), k -> new long[3])
                        [Severity.valueOf(rs.getString(2).trim()).ordinal()] = rs.getLong(3), month);
        Map<String, List<String>> unsupported = new HashMap<>();
        Map<String, Boolean> assessed = new HashMap<>();
        jdbc.query("SELECT npi, specialty, claimed, outcome FROM codecred.specialty_alignment WHERE month = ?"
                + " ORDER BY npi, specialty", (RowCallbackHandler) rs -> {
                    assessed.put(rs.getString(1), true);
                    if (rs.getBoolean(3) && "UNSUPPORTED".equals(rs.getString(4).trim())) {
                        unsupported.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }, month);
        List<SummaryWorkbook.ProviderRow> rows = new ArrayList<>(roster.size());
        for (Provider p : roster) {
            long[] counts = severities.getOrDefault(p.npi(), new long[3]);
            Dossier.Decision decision = decisions.get(p.npi());
            // lines come with the verdict (decideVerdicts counts them): no second pass over the month's lines
            rows.add(new SummaryWorkbook.ProviderRow(p, decision, decision == null ? 0L : decision.lines(),
                    counts[Severity.ERROR.ordinal()], counts[Severity.WARNING.ordinal()],
                    assessed.containsKey(p.npi()) ? String.join("; ", unsupported.getOrDefault(p.npi(), List.of())) : null));
        }
        return rows;
    }

    /** Findings of the month by rule: every catalog rule, in catalog order, with zero counts kept. */
    public List<SummaryWorkbook.RuleRow> ruleRows(String month) {
        Map<RuleId, long[]> counts = new EnumMap<>(RuleId.class);
        jdbc.query("SELECT rule_id, COUNT(*), COUNT(DISTINCT provider_npi) FROM codecred.finding WHERE month = ?"
                        + " GROUP BY rule_id",
                (RowCallbackHandler) rs -> counts.put(RuleId.ofId(rs.getString(1).trim()),
                        new long[] {rs.getLong(2), rs.getLong(3)}), month);
        List<SummaryWorkbook.RuleRow> rows = new ArrayList<>();
        for (RuleId rule : RuleId.values()) {
            long[] c = counts.getOrDefault(rule, new long[2]);
            rows.add(new SummaryWorkbook.RuleRow(rule, c[0], c[1]));
        }
        return rows;
    }

    /** Rendering NPIs that bill in the month's claims without being on its roster, in NPI order. */
    public List<SummaryWorkbook.UnrosteredRow> unrostered(String month) {
        return lines.unrostered(month).stream()
                .map(a -> new SummaryWorkbook.UnrosteredRow(a.npi(), a.lines(), a.firstDate(), a.lastDate())).toList();
    }

    /** The run's counts for the summary's Overview (the same figures as run-summary.json). */
    public SummaryWorkbook.RunCounts runCounts(String month, long unrosteredNpis) {
        long accepted = lines.count(month);
        long roster = rejects.count(month, RosterRowParser.FILE);
        long rejected = rejects.count(month, "%") - roster;
        return new SummaryWorkbook.RunCounts(accepted + rejected, accepted, rejected, roster, unrosteredNpis);
    }

    /** The month's rejected input rows, in file and line order. */
    public List<RejectedRow> rejected(String month) {
        List<RejectedRow> rows = new ArrayList<>();
        rejects.forEachInOrder(month, rows::add);
        return rows;
    }

    private static java.time.LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
