package org.codecred.coding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.ADDON_WITHOUT_PRIMARY;

class AddonRuleTest {

    @Test
    void addOnAloneFires() {
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("90833").minutes(20)))).singleElement().satisfies(f ->
                assertThat(f.message()).startsWith("add-on 90833 has no allowed primary (99202–99215"));
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("90840").minutes(30)))).hasSize(1);
    }

    @Test
    void primaryOnAnotherClaimOfTheSameDayCounts() {
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("99214").claim("C1", 1), line("90833").minutes(20).claim("C2", 1))))
                .isEmpty();
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("90839").minutes(70), line("90840").minutes(30)))).isEmpty();
    }

    @Test
    void everyEmVisitFamilyIsAPrimaryOfThePsychotherapyAddOns() {
        // PSYCHOTHERAPY-WITH-EM asks for the add-on with any E/M: the add-on must then be accepted
        for (String em : new String[]{"99214", "99232", "99243", "99253", "99283", "99310", "99348", "98005"}) {
            assertThat(of(ADDON_WITHOUT_PRIMARY, check(line(em), line("90833").minutes(20)))).as(em).isEmpty();
            assertThat(of(ADDON_WITHOUT_PRIMARY, check(line(em), line("90838").minutes(55)))).as(em).isEmpty();
        }
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("98016"), line("90833").minutes(20))))
                .as("a virtual check-in is not an E/M visit").hasSize(1);
    }

    @Test
    void primaryForAnotherMemberDoesNotCount() {
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("99214").member("M2"), line("90833").minutes(20).member("M1"))))
                .hasSize(1);
    }

    @Test
    void primaryOnAnotherDateDoesNotCount() {
        // another date is another provider-day (another item of the step); CodingJobTest checks the grouping end to end (P6)
        check(line("99214").date(Lines.DAY.minusDays(1)));
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("90833").minutes(20)))).hasSize(1);
    }

    @Test
    void primaryBilledByAnotherProviderDoesNotCount() {
        // another rendering NPI is another provider-day; CodingJobTest checks the grouping end to end (P4)
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("99214").npi("1111111112")))).isEmpty();
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("90833").minutes(20).npi("1234567893")))).hasSize(1);
    }

    @Test
    void interactiveComplexityNeedsAListedPrimaryNotAnEmAlone() {
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("99214"), line("90785")))).hasSize(1);
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("90834").minutes(45), line("90785")))).isEmpty();
        assertThat(of(ADDON_WITHOUT_PRIMARY, check(line("90853"), line("90785")))).isEmpty();
    }
}
