package org.codecred.staging;

import org.codecred.database.KeyList;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.domain.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Owner of {@code codecred.finding} (DDL in the migrations, {@code db/migration}): every finding of the
 * month, written by the coding, credential, alignment and peer steps and read by the verdicts, the
 * CSV export and the workbooks. No other class touches the table. Steps insert in the same
 * transaction as their chunk, so restarts never double them.
 */
public final class FindingTable {

    private static final String COLUMNS = "provider_npi, claim_id, line_no, service_date, procedure_code, rule_id,"
            + " subject, message, source_file, source_line";

    private static final RowMapper<Finding> ROW_MAPPER = (rs, i) -> new Finding(
            rs.getString(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
            ClaimLineTable.localDate(rs.getDate(4)), rs.getString(5), RuleId.ofId(rs.getString(6).trim()),
            Severity.valueOf(rs.getString(11).trim()), rs.getString(7), rs.getString(8), rs.getString(9),
            (Long) rs.getObject(10, Long.class));

    /** The columns {@link #ROW_MAPPER} reads: the inserted ones, then the severity the rule gave. */
    private static final String READ_COLUMNS = COLUMNS + ", severity";

    /** A finding's rule, subject and own severity, for deciding verdicts. */
    public record RuleSubject(RuleId rule, String subject, Severity severity) {
    }

    /**
     * Finding counts of one rule at one severity over the month: how many, and for how many providers.
     * A rule's findings may carry a lower severity than its catalog one (an UNVERIFIED table value
     * makes an ERROR a WARNING), so a rule that fired at two severities has two counts.
     */
    public record RuleCount(RuleId rule, Severity severity, long findings, long providers) {
    }

    private final JdbcTemplate jdbc;

    public FindingTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(YearMonth month, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.finding (month, severity, " + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                findings, findings.size(), (ps, f) -> {
                    ps.setString(1, month.toString());
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
    public List<Finding> ofProvider(YearMonth month, String npi) {
        List<Finding> findings = new ArrayList<>(jdbc.query("SELECT " + READ_COLUMNS + " FROM codecred.finding"
                + " WHERE month = ? AND provider_npi = ?", ROW_MAPPER, month.toString(), npi));
        findings.sort(Finding.REPORT_ORDER);
        return findings;
    }

    /**
     * Several providers' findings by NPI, each in report order, in one query (a provider without any
     * has no entry). Each provider's rows come by the same index as {@link #ofProvider}'s.
     */
    public Map<String, List<Finding>> ofProviders(YearMonth month, Collection<String> npis) {
        Map<String, List<Finding>> findings = KeyList.rowsByKey(jdbc, "SELECT " + READ_COLUMNS + " FROM codecred.finding",
                "month", "provider_npi", null, month, npis, ROW_MAPPER, Finding::providerNpi);
        findings.values().forEach(provider -> provider.sort(Finding.REPORT_ORDER));
        return findings;
    }

    /**
     * Streams every finding of the month in report order, one provider at a time: the database
     * orders by NPI (digits, so every collation agrees) and each provider's few findings are sorted
     * here, so the order is the same on every database and memory stays flat.
     */
    public void forEachInReportOrder(YearMonth month, Consumer<Finding> sink) {
        List<Finding> provider = new ArrayList<>();
        jdbc.query("SELECT " + READ_COLUMNS + " FROM codecred.finding WHERE month = ? ORDER BY provider_npi",
                (RowCallbackHandler) rs -> {
                    Finding f = ROW_MAPPER.mapRow(rs, 0);
                    if (!provider.isEmpty() && !provider.get(0).providerNpi().equals(f.providerNpi())) {
                        flush(provider, sink);
                    }
                    provider.add(f);
                }, month.toString());
        flush(provider, sink);
    }

    private static void flush(List<Finding> provider, Consumer<Finding> sink) {
        provider.sort(Finding.REPORT_ORDER);
        provider.forEach(sink);
        provider.clear();
    }

    public Map<Severity, Long> countBySeverity(YearMonth month) {
        Map<Severity, Long> counts = zeroCounts();
        jdbc.query("SELECT severity, COUNT(*) FROM codecred.finding WHERE month = ? GROUP BY severity",
                (RowCallbackHandler) rs -> counts.put(Severity.valueOf(rs.getString(1)), rs.getLong(2)), month.toString());
        return counts;
    }

    /**
     * Removes the month's findings of the given rules: a step that recomputes its findings as a
     * whole (checkCredentials, comparePeers) clears its own stage's rules first.
     */
    public void deleteRules(YearMonth month, Collection<RuleId> rules) {
        for (RuleId rule : rules) {
            jdbc.update("DELETE FROM codecred.finding WHERE month = ? AND rule_id = ?", month.toString(), rule.id());
        }
    }

    /**
     * Per provider, the distinct claim lines with at least one ERROR finding of a rule that counts
     * toward coding accuracy (one grouped query for the month).
     */
    public Map<String, Long> codingErrorLinesByProvider(YearMonth month) {
        List<String> coding = RuleId.countingTowardCodingAccuracy().stream().map(RuleId::id).toList();
        List<Object> args = new ArrayList<>();
        args.add(month.toString());
        args.add(Severity.ERROR.name());
        args.addAll(coding);
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT provider_npi, COUNT(*) FROM (SELECT provider_npi FROM codecred.finding"
                        + " WHERE month = ? AND severity = ? AND rule_id IN (" + marks(coding.size()) + ")"
                        + " GROUP BY provider_npi, source_file, source_line, claim_id, line_no) e GROUP BY provider_npi",
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), args.toArray());
        return counts;
    }

    // Queries here group with GROUP BY, never SELECT DISTINCT: HSQLDB keeps only the groups, where
    // DISTINCT materializes every row on disk first and then removes duplicates (minutes on a large month).

    /** Finding counts per provider and severity (every severity present, zero when none). */
    public Map<String, Map<Severity, Long>> severityCountsByProvider(YearMonth month) {
        Map<String, Map<Severity, Long>> counts = new HashMap<>();
        jdbc.query("SELECT provider_npi, severity, COUNT(*) FROM codecred.finding WHERE month = ?"
                        + " GROUP BY provider_npi, severity",
                (RowCallbackHandler) rs -> counts.computeIfAbsent(rs.getString(1), k -> zeroCounts())
                        .merge(Severity.valueOf(rs.getString(2).trim()), rs.getLong(3), Long::sum), month.toString());
        return counts;
    }

    /** Severity counts with every severity at zero. */
    public static Map<Severity, Long> zeroCounts() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }

    /** The distinct (rule, subject) of the given rules' findings, per provider. */
    public Map<String, List<RuleSubject>> ruleSubjectsByProvider(YearMonth month, Collection<RuleId> rules) {
        Map<String, List<RuleSubject>> hits = new HashMap<>();
        if (rules.isEmpty()) {
            return hits;
        }
        List<Object> args = new ArrayList<>();
        args.add(month.toString());
        rules.forEach(r -> args.add(r.id()));
        jdbc.query("SELECT provider_npi, rule_id, subject, severity FROM codecred.finding WHERE month = ?"
                        + " AND rule_id IN (" + marks(rules.size()) + ") GROUP BY provider_npi, rule_id, subject, severity",
                (RowCallbackHandler) rs -> hits.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new RuleSubject(RuleId.ofId(rs.getString(2).trim()), rs.getString(3),
                                Severity.valueOf(rs.getString(4).trim()))), args.toArray());
        return hits;
    }

    /** Findings of the month by rule: every catalog rule, in catalog order, with zero counts kept. */
    public List<RuleCount> countByRule(YearMonth month) {
        Map<RuleId, List<RuleCount>> counts = new EnumMap<>(RuleId.class);
        jdbc.query("SELECT rule_id, severity, COUNT(*), COUNT(DISTINCT provider_npi) FROM codecred.finding WHERE month = ?"
                        + " GROUP BY rule_id, severity", (RowCallbackHandler) rs -> {
                    RuleId rule = RuleId.ofId(rs.getString(1).trim());
                    counts.computeIfAbsent(rule, r -> new ArrayList<>()).add(new RuleCount(rule,
                            Severity.valueOf(rs.getString(2).trim()), rs.getLong(3), rs.getLong(4)));
                }, month.toString());
        List<RuleCount> rows = new ArrayList<>();
        for (RuleId rule : RuleId.values()) {
            List<RuleCount> fired = counts.getOrDefault(rule, List.of(new RuleCount(rule, rule.severity(), 0, 0)));
            fired.stream().sorted(java.util.Comparator.comparing(RuleCount::severity)).forEach(rows::add);
        }
        return rows;
    }

    /** How many findings of one rule and severity fired for one provider. */
    public record ProviderRuleCount(String npi, String ruleId, String severity, long findings) {
    }

    /** The month's findings counted by provider, rule and severity (for history). */
    public void forEachProviderRuleCount(YearMonth month, Consumer<ProviderRuleCount> sink) {
        jdbc.query("SELECT provider_npi, rule_id, severity, COUNT(*) FROM codecred.finding WHERE month = ?"
                        + " GROUP BY provider_npi, rule_id, severity",
                (RowCallbackHandler) rs -> sink.accept(new ProviderRuleCount(rs.getString(1), rs.getString(2).trim(),
                        rs.getString(3).trim(), rs.getLong(4))), month.toString());
    }

    /** The rule ids starting with {@code prefix} (e.g. {@code EXCLUDED-}) that fired per provider in the month. */
    public Map<String, Set<String>> rulesByProvider(YearMonth month, String prefix) {
        Map<String, Set<String>> rules = new HashMap<>();
        jdbc.query("SELECT provider_npi, rule_id FROM codecred.finding WHERE month = ? AND rule_id LIKE ?"
                        + " GROUP BY provider_npi, rule_id",
                (RowCallbackHandler) rs -> rules.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                        .add(rs.getString(2).trim()), month.toString(), prefix + "%");
        return rules;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
