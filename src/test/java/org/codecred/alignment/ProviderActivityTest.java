package org.codecred.alignment;

import org.codecred.domain.ClaimLine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.alignment.Fixtures.line;

class ProviderActivityTest {

    private static final String NPI = "1234567893";

    private static Map<String, Double> metrics(List<ClaimLine> lines) {
        return Fixtures.activity(NPI, lines).metrics().stream()
                .filter(m -> m.value() != null)
                .collect(Collectors.toMap(MetricValue::metricId, MetricValue::value));
    }

    @Test
    void countsTheCodeMixTimeBandsAndShares() {
        List<ClaimLine> lines = new ArrayList<>();
        lines.add(line(NPI, "A", 1, "90837", 60, null, "F41.1"));
        lines.add(line(NPI, "B", 1, "90837", 45, null, "F41.1"));
        lines.add(line(NPI, "C", 1, "90834", 40, null, "F41.1"));
        lines.add(line(NPI, "A", 2, "90832", null, null, "F41.1"));
        lines.add(line(NPI, "D", 2, "99214", null, null, "F33.1"));
        lines.add(line(NPI, "D", 2, "90833", 20, null, "F33.1"));
        lines.add(line(NPI, "E", 3, "99213", null, null, "F33.1"));
        lines.add(Fixtures.telehealth(NPI, "F", 3, "90837", 55, "F41.1"));
        Map<String, Double> m = metrics(lines);
        assertThat(m.get(MetricIds.LINES)).isEqualTo(8.0);
        assertThat(m.get(MetricIds.MEMBERS)).isEqualTo(6.0);
        assertThat(m.get(MetricIds.VISITS)).isEqualTo(7.0); // D's two lines on day 2 are one visit
        assertThat(m.get(MetricIds.DAYS_WORKED)).isEqualTo(3.0);
        assertThat(m.get(MetricIds.SERVICES_PER_DAY)).isCloseTo(8 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(m.get(MetricIds.INDIVIDUAL_PSYCHOTHERAPY)).isEqualTo(5.0);
        assertThat(m.get(MetricIds.SHARE_90837)).isEqualTo(3 / 5.0);
        assertThat(m.get(MetricIds.EM_VISITS)).isEqualTo(2.0);
        assertThat(m.get(MetricIds.EM_ADDON_SHARE)).isEqualTo(0.5);
        assertThat(m.get(MetricIds.TELEHEALTH_SHARE)).isEqualTo(1 / 7.0); // of visits
        assertThat(m.get(MetricIds.VISITS_PER_DAY)).isCloseTo(7 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(m.get(MetricIds.INDIVIDUAL_PSYCHOTHERAPY_VISITS)).isEqualTo(5.0);
        assertThat(m.get(MetricIds.VISITS_90837)).isEqualTo(3.0);
        assertThat(m.get("code:90837")).isEqualTo(3.0);
        assertThat(m.get("band:90837:53-plus")).isEqualTo(2.0);
        assertThat(m.get("band:90837:38-52")).isEqualTo(1.0);
        assertThat(m.get("band:90832:no-time")).isEqualTo(1.0);
        assertThat(m.get("band:90833:16-37")).isEqualTo(1.0);
    }

    @Test
    void aGroupTherapistCountsMembersSeenNotLines() {
        // two 8-member groups a day, each member's group line with interactive complexity beside it
        List<ClaimLine> lines = new ArrayList<>();
        for (int day = 1; day <= 2; day++) {
            for (int member = 0; member < 16; member++) {
                lines.add(line(NPI, "G" + member, day, "90853", 60, null, "F41.1"));
                lines.add(line(NPI, "G" + member, day, "90785", null, null, "F41.1"));
            }
        }
        Map<String, Double> m = metrics(lines);
        assertThat(m.get(MetricIds.LINES)).isEqualTo(64.0);
        assertThat(m.get(MetricIds.SERVICES_PER_DAY)).isEqualTo(32.0);
        assertThat(m.get(MetricIds.VISITS_PER_DAY)).isEqualTo(16.0);   // the peer metric: members seen
        assertThat(m.get(MetricIds.INTERACTIVE_COMPLEXITY_VISITS)).isEqualTo(32.0);
        assertThat(m.get(MetricIds.VISITS_90785)).isEqualTo(32.0);
        assertThat(m.get(MetricIds.MONTHS_ACTIVE)).isEqualTo(1.0);
    }

    @Test
    void emVisitsAreTheVisitsThePsychotherapyAddOnsMayGoWith() {
        // as codes.csv lists the add-ons' primaries: consultations, emergency and telehealth E/M count too
        List<ClaimLine> lines = new ArrayList<>();
        lines.add(line(NPI, "A", 1, "99243", null, null, "F33.1"));
        lines.add(line(NPI, "A", 1, "90836", 40, null, "F33.1"));
        lines.add(line(NPI, "B", 2, "99283", null, null, "F33.1"));
        lines.add(line(NPI, "C", 3, "98005", null, null, "F33.1"));
        lines.add(line(NPI, "D", 4, "96127", null, null, "F33.1")); // a screening, not an E/M visit
        Map<String, Double> m = metrics(lines);
        assertThat(m.get(MetricIds.EM_VISITS)).isEqualTo(3.0);
        assertThat(m.get(MetricIds.EM_ADDON_SHARE)).isEqualTo(1 / 3.0);
    }

    @Test
    void sharesWithoutADenominatorAreEmptyNotZero() {
        var values = Fixtures.activity(NPI, List.of(line(NPI, "A", 1, "90847", 50, null, "F43.23")))
                .metrics().stream().collect(Collectors.toMap(MetricValue::metricId, m -> String.valueOf(m.value())));
        assertThat(values.get(MetricIds.SHARE_90837)).isEqualTo("null");
        assertThat(values.get(MetricIds.EM_ADDON_SHARE)).isEqualTo("null");
        assertThat(values.get("evidence:child-adolescent")).isEqualTo("null"); // no birth date
        assertThat(values.get("evidence:family-therapy")).isEqualTo("1.0");
    }

    @Test
    void aBirthDateAfterTheServiceDateIsAnUnknownAge() {
        ClaimLine wrong = line(NPI, "A", 1, "90834", 45, Fixtures.DAY1.plusDays(10), "F41.1");
        assertThat(ProviderActivity.ageOn(wrong)).isEqualTo(-1);
    }

    @Test
    void aLineWithoutPlaceOfServiceCountsAsInPerson() {
        ClaimLine noPlace = new ClaimLine("claims.csv", 2, "C1", 1, NPI, null, "A", null, Fixtures.DAY1, "90834",
                List.of(), 1, 45, List.of("F41.1"), null, null, true);
        var values = Fixtures.activity(NPI, List.of(noPlace)).metrics().stream()
                .collect(Collectors.toMap(MetricValue::metricId, m -> String.valueOf(m.value())));
        assertThat(values.get(MetricIds.TELEHEALTH_SHARE)).isEqualTo("0.0");
    }
}
