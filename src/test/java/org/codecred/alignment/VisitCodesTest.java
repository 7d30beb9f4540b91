package org.codecred.alignment;

import org.codecred.domain.ClaimLine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ProviderActivity judges a visit from the bits VisitCodes keeps per code and diagnosis; the definition
 * is Specialty's on a whole {@link Visit}. Both must count the same judged, evidence and pattern visits and
 * the same visit shares, on visits of every mix of codes, diagnoses, ages and minutes.
 */
class VisitCodesTest {

    private static final String NPI = "1234567893";
    private static final String[] CODES = {"90832", "90834", "90837", "90833", "90836", "90838", "90785", "90791",
        "90792", "90846", "90847", "90849", "90853", "90839", "90840", "99213", "99214", "99243", "99408", "96130",
        "97153", "H0039", "G0017", "98000", "90870", "99492"};
    private static final String[] DIAGNOSES = {"F43.10", "f4312", "F43.0", "F44.9", "F32.3", "F33.1", "F41.1", "Z63.0",
        "Z71.41", "F10.20", "F17.210", "F90.0", "F84.0", "F50.01", "F42.2", "F20.9", "T74.11", " ", ""};

    @Test
    void aVisitsBitsCountAsTheVisitItself() {
        AlignmentRules rules = Fixtures.rules();
        List<Specialty> specialties = rules.specialties().all();
        CodingFacts facts = rules.codingFacts();
        Random random = new Random(27);
        for (int provider = 0; provider < 40; provider++) {
            List<ClaimLine> lines = new ArrayList<>();
            for (int visit = 0; visit < 60; visit++) {
                String member = "M" + random.nextInt(25);
                int day = 1 + random.nextInt(28);
                LocalDate dob = random.nextInt(5) == 0 ? null
                        : Fixtures.DAY1.minusYears(2 + random.nextInt(80)).minusDays(random.nextInt(365));
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    List<String> dx = new ArrayList<>();
                    for (int d = random.nextInt(4); d > 0; d--) {
                        dx.add(DIAGNOSES[random.nextInt(DIAGNOSES.length)]);
                    }
                    Integer minutes = random.nextInt(3) == 0 ? null : 10 + random.nextInt(70);
                    lines.add(Fixtures.line(NPI, member, day, CODES[random.nextInt(CODES.length)], minutes, dob,
                            dx.toArray(String[]::new)));
                }
            }
            ProviderActivity activity = Fixtures.activity(NPI, lines);
            Expected expected = Expected.of(lines, specialties, facts);
            for (int i = 0; i < specialties.size(); i++) {
                assertThat(activity.judged(i)).as("judged %s", specialties.get(i).id()).isEqualTo(expected.judged[i]);
                assertThat(activity.evidence(i)).as("evidence %s", specialties.get(i).id()).isEqualTo(expected.evidence[i]);
                assertThat(activity.pattern(i)).as("pattern %s", specialties.get(i).id()).isEqualTo(expected.pattern[i]);
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            activity.metrics().forEach(m -> metrics.put(m.metricId(), m.value()));
            assertThat(metrics.get(MetricIds.INDIVIDUAL_PSYCHOTHERAPY_VISITS)).isEqualTo((double) expected.individual);
            assertThat(metrics.get(MetricIds.VISITS_90837)).isEqualTo((double) expected.longest);
            assertThat(metrics.get(MetricIds.INTERACTIVE_COMPLEXITY_VISITS)).isEqualTo((double) expected.icPrimary);
            assertThat(metrics.get(MetricIds.VISITS_90785)).isEqualTo((double) expected.ic);
            assertThat(metrics.get(MetricIds.EM_VISITS)).isEqualTo((double) expected.em);
            assertThat(metrics.get(MetricIds.EM_VISITS_WITH_ADDON)).isEqualTo((double) expected.emAddon);
            assertThat(metrics.get(MetricIds.INTERACTIVE_COMPLEXITY_PRIMARIES)).isEqualTo((double) expected.icPrimaryLines);
        }
    }

    /** The counts by the definitions on whole visits (as ProviderActivity counted before VisitCodes). */
    private static final class Expected {
        int[] judged;
        int[] evidence;
        int[] pattern;
        long individual;
        long longest;
        long icPrimary;
        long ic;
        long em;
        long emAddon;
        long icPrimaryLines;

        static Expected of(List<ClaimLine> lines, List<Specialty> specialties, CodingFacts facts) {
            Expected e = new Expected();
            e.judged = new int[specialties.size()];
            e.evidence = new int[specialties.size()];
            e.pattern = new int[specialties.size()];
            Map<String, List<ClaimLine>> visits = new LinkedHashMap<>();
            for (ClaimLine line : lines) {
                visits.computeIfAbsent(line.serviceDate() + "|" + line.memberId(), k -> new ArrayList<>()).add(line);
                if (!CodingFacts.INTERACTIVE_COMPLEXITY.equals(line.procedureCode())
                        && facts.interactiveComplexityPrimary(line.procedureCode())) {
                    e.icPrimaryLines++;
                }
            }
            for (List<ClaimLine> visitLines : visits.values()) {
                Set<String> codes = new HashSet<>();
                Set<String> diagnoses = new HashSet<>();
                int age = -1;
                Integer maxMinutes = null;
                for (ClaimLine line : visitLines) {
                    codes.add(line.procedureCode());
                    line.diagnosisCodes().stream().filter(dx -> !dx.isBlank()).map(Visit::normalizeDiagnosis)
                            .forEach(diagnoses::add);
                    int lineAge = ProviderActivity.ageOn(line);
                    age = lineAge >= 0 ? lineAge : age;
                    if (line.minutes() != null && (maxMinutes == null || line.minutes() > maxMinutes)) {
                        maxMinutes = line.minutes();
                    }
                }
                Visit visit = new Visit(visitLines.get(0).serviceDate(), codes, diagnoses, age, maxMinutes);
                if (codes.stream().anyMatch(facts::individualPsychotherapy)) {
                    e.individual++;
                    e.longest += codes.stream().anyMatch(facts::longestIndividualPsychotherapy) ? 1 : 0;
                }
                if (codes.stream().anyMatch(facts::interactiveComplexityPrimary)) {
                    e.icPrimary++;
                    e.ic += codes.contains(CodingFacts.INTERACTIVE_COMPLEXITY) ? 1 : 0;
                }
                if (codes.stream().anyMatch(facts::psychotherapyAddonPrimary)) {
                    e.em++;
                    e.emAddon += codes.stream().anyMatch(facts::psychotherapyAddon) ? 1 : 0;
                }
                for (int i = 0; i < specialties.size(); i++) {
                    Specialty s = specialties.get(i);
                    if (s.judges(visit)) {
                        e.judged[i]++;
                        if (s.evidencedBy(visit)) {
                            e.evidence[i]++;
                            if (s.pattern() != null && s.pattern().shownBy(visit)) {
                                e.pattern[i]++;
                            }
                        }
                    }
                }
            }
            return e;
        }
    }
}
