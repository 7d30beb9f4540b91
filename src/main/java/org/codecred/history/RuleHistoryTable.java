package org.codecred.history;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * codecred.history_rule: per completed month, provider, rule and severity, how many findings
 * fired. Enough to say whether a rule fired for a provider last month (REPEAT) and what exclusion
 * rules are new; the findings themselves stay in findings.csv of their month.
 */
public final class RuleHistoryTable {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS codecred.history_rule (
                history_month CHAR(7)     NOT NULL,
                npi           CHAR(10)    NOT NULL,
                rule_id       VARCHAR(40) NOT NULL,
                severity      VARCHAR(8)  NOT NULL,
                findings      INTEGER     NOT NULL,
                PRIMARY KEY (history_month, npi, rule_id, severity)
            )""";

    private final JdbcTemplate jdbc;

    public RuleHistoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create() {
        jdbc.execute(DDL);
    }

    void delete(String month) {
        jdbc.update("DELETE FROM codecred.history_rule WHERE history_month = ?", month);
    }

    /** Counts the month's findings by provider, rule and severity in one statement; returns the rows written. */
    int copyFromFindings(String month) {
        return jdbc.update("INSERT INTO codecred.history_rule (history_month, npi, rule_id, severity, findings)"
                + " SELECT month, provider_npi, rule_id, severity, COUNT(*) FROM codecred.finding WHERE month = ?"
                + " GROUP BY month, provider_npi, rule_id, severity", month);
    }

    /** The rule ids that fired per provider in {@code month} (ids as stored: a retired rule stays readable). */
    public Map<String, Set<String>> rulesByProvider(String month) {
        Map<String, Set<String>> rules = new HashMap<>();
        jdbc.query("SELECT DISTINCT npi, rule_id FROM codecred.history_rule WHERE history_month = ?",
                (RowCallbackHandler) rs -> rules.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getString(2).trim()), month);
        return rules;
    }

    /** The rules that fired for one provider in {@code month}. */
    public Set<String> rulesOf(String month, String npi) {
        Set<String> rules = new HashSet<>();
        jdbc.query("SELECT DISTINCT rule_id FROM codecred.history_rule WHERE history_month = ? AND npi = ?",
                (RowCallbackHandler) rs -> rules.add(rs.getString(1).trim()), month, npi);
        return rules;
    }
}
