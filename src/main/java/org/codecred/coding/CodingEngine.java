package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The coding rule catalog over one provider-day: line rules on each line, encounter rules on the
 * lines of each member (same date and rendering provider, any claim or file, with what the provider
 * billed on the month's earlier dates), then, on the provider's last day of the month, the day totals of
 * the month (DAILY-TIME-IMPLAUSIBLE or CAPACITY-IMPLAUSIBLE). Plain Java, no database: everything it
 * needs is in {@link CodingRules}, and earlier months come through {@link EvaluationHistory}.
 */
public final class CodingEngine {

    private final CodingRules rules;
    private final List<LineRule> lineRules;
    private final List<EncounterRule> encounterRules;
    private final CapacityRule capacity;
    private final Set<String> crossDayCodes;

    public CodingEngine(CodingRules rules) {
        this(rules, EvaluationHistory.NONE);
    }

    /** @param history evaluations of earlier months (DIAG-EVAL-REPEATED, testing add-ons across a month end) */
    public CodingEngine(CodingRules rules, EvaluationHistory history) {
        this.rules = rules;
        this.crossDayCodes = rules.codes().crossDayCodes();
        this.lineRules = List.of(new CodeUnknownRule(rules.codes()), new TimeRule(rules.codes()),
                new DiagnosisRule(rules.diagnoses()), new ScopeRule(rules.scope()), new TelehealthRule(rules.telehealth()));
        this.encounterRules = List.of(new AddonRule(history), new PairEditRule(rules.pairs(), rules.settings()),
                new UnitLimitRule(rules.units()), new DuplicateLineRule(), new PsychotherapyWithEmRule(),
                new DiagEvalRepeatedRule(rules.codes().evaluationCodes(), rules.settings().evaluationRepeatMonths(), history));
        this.capacity = new CapacityRule(rules.settings(), new DailyTimeRule(rules.settings()));
    }

    /** A day's timed minutes, counted at each code's minimum minutes (the reader keeps them for the month's rules). */
    public EarlierDays.DayTime dayTime(List<ClaimLine> lines) {
        return DailyTimeRule.measure(lines, rules.codes()::inForce);
    }

    /** Whether the cross-day rules ask about {@code code} on later dates (the reader keeps only these). */
    public boolean tracksAcrossDays(String code) {
        return crossDayCodes.contains(code);
    }

    /**
     * @param day        the lines of one rendering provider on one date, ordered by member
     * @param credential the provider's credential; null when not rostered (scope is then not checked)
     */
    public List<Finding> check(ProviderDay day, Credential credential) {
        List<Finding> out = new ArrayList<>();
        List<CheckedLine> all = new ArrayList<>(day.lines().size());
        for (ClaimLine line : day.lines()) {
            CheckedLine checked = new CheckedLine(line, rules.codes().inForce(line.procedureCode(), line.serviceDate()));
            all.add(checked);
            for (LineRule rule : lineRules) {
                rule.check(checked, credential, out);
            }
        }
        int start = 0;
        for (int i = 1; i <= all.size(); i++) {
            if (i == all.size() || !all.get(i).line().memberId().equals(all.get(start).line().memberId())) {
                List<CheckedLine> encounter = all.subList(start, i);
                for (EncounterRule rule : encounterRules) {
                    rule.check(encounter, day.earlier(), out);
                }
                start = i;
            }
        }
        if (day.lastOfMonth()) {
            java.util.SortedMap<java.time.LocalDate, EarlierDays.DayTime> month = new java.util.TreeMap<>(day.earlier().dayTimes());
            month.put(day.date(), dayTime(day.lines()));
            capacity.check(day.npi(), month, out);
        }
        return out;
    }
}
