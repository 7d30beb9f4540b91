package org.codecred.history;

import org.codecred.database.KeyList;
import org.codecred.staging.FindingTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * codecred.history_rule: per completed month, provider, rule and severity, how many findings
 * fired. Enough to say whether a rule fired for a provider last month (REPEAT) and what exclusion
 * rules are new; the findings themselves stay in findings.csv of their month.
 */
public final class RuleHistoryTable {


    private final JdbcTemplate jdbc;

    public RuleHistoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void delete(YearMonth month) {
        jdbc.update("DELETE FROM codecred.history_rule WHERE history_month = ?", month.toString());
    }

    /** Keeps the month's finding counts by provider, rule and severity; returns the rows written. */
    int insert(YearMonth month, List<FindingTable.ProviderRuleCount> counts) {
        jdbc.batchUpdate("INSERT INTO codecred.history_rule (history_month, npi, rule_id, severity, findings)"
                + " VALUES (?, ?, ?, ?, ?)", counts, 1000, (ps, c) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, c.npi());
                    ps.setString(3, c.ruleId());
                    ps.setString(4, c.severity());
                    ps.setLong(5, c.findings());
                });
        return counts.size();
    }

    /** The rule ids that fired per provider in {@code month} (ids as stored: a retired rule stays readable). */
    public Map<String, Set<String>> rulesByProvider(YearMonth month) {
        Map<String, Set<String>> rules = new HashMap<>();
        jdbc.query("SELECT DISTINCT npi, rule_id FROM codecred.history_rule WHERE history_month = ?",
                (RowCallbackHandler) rs -> rules.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getString(2).trim()), month.toString());
        return rules;
    }

    /** The rules that fired for one provider in {@code month}. */
    public Set<String> rulesOf(YearMonth month, String npi) {
        Set<String> rules = new HashSet<>();
        jdbc.query("SELECT DISTINCT rule_id FROM codecred.history_rule WHERE history_month = ? AND npi = ?",
                (RowCallbackHandler) rs -> rules.add(rs.getString(1).trim()), month.toString(), npi);
        return rules;
    }

    /** The rules that fired for each of several providers in {@code month}, in one query (none fired: no entry). */
    public Map<String, Set<String>> rulesOf(YearMonth month, java.util.Collection<String> npis) {
        Map<String, Set<String>> rules = new HashMap<>();
        if (npis.isEmpty()) {
            return rules;
        }
        KeyList keys = KeyList.of(npis);
        List<Object> args = new java.util.ArrayList<>(List.of(month.toString()));
        args.addAll(keys.args());
        jdbc.query("SELECT npi, rule_id FROM codecred.history_rule WHERE history_month = ? AND " + keys.condition("npi"),
                (RowCallbackHandler) rs -> rules.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getString(2).trim()), args.toArray());
        return rules;
    }
}
