package org.codecred.coding;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.checkAfter;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.ADDON_WITHOUT_PRIMARY;
import static org.codecred.domain.RuleId.NCCI_PTP;

/** Testing billed over several days (APA Services "billing multiple days"), and the professional/technician pair edit. */
class CrossDayAddonTest {

    private static final LocalDate DAY_1 = LocalDate.of(2026, 10, 1);

    @Test
    void aTestingAddOnMayHaveItsBaseOnAnEarlierDateOfTheMonth() {
        assertThat(of(ADDON_WITHOUT_PRIMARY, checkAfter(List.of(line("96136").date(DAY_1)), line("96137").units(2))))
                .isEmpty();
        assertThat(of(ADDON_WITHOUT_PRIMARY, checkAfter(List.of(line("96130").date(DAY_1)), line("96131")))).isEmpty();
    }

    @Test
    void withoutItsBaseOnAnyEarlierDateItStillFires() {
        assertThat(of(ADDON_WITHOUT_PRIMARY, checkAfter(List.of(line("96136").date(DAY_1).member("M9")), line("96137"))))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("on this date, an earlier date of the month or in the 31 days before it"));
        assertThat(of(ADDON_WITHOUT_PRIMARY, checkAfter(List.of(line("96130").date(DAY_1)), line("96137")))).hasSize(1);
    }

    @Test
    void anEvaluationThatCrossedTheMonthsEndFindsItsBaseInHistory() {
        // 96130 on 29 September, kept by history; 96131 on 2 October: the same evaluation
        EvaluationHistory history = (npi, member, codes, before) -> member.equals("M1") && codes.contains("96130")
                && before.equals(LocalDate.of(2026, 10, 1)) ? java.util.Optional.of(LocalDate.of(2026, 9, 29))
                : java.util.Optional.empty();
        CodingEngine engine = new CodingEngine(CodingRules.load(java.nio.file.Path.of("src/test/resources/rules")), history);
        assertThat(of(ADDON_WITHOUT_PRIMARY, checkAfter(engine, List.of(), line("96131").date(LocalDate.of(2026, 10, 2)))))
                .isEmpty();
        // the history of another member, or a base code too long ago, opens no evaluation
        assertThat(of(ADDON_WITHOUT_PRIMARY, checkAfter(engine, List.of(),
                line("96131").member("M2").date(LocalDate.of(2026, 10, 2))))).hasSize(1);
        assertThat(of(ADDON_WITHOUT_PRIMARY, checkAfter(engine, List.of(), line("96131").date(LocalDate.of(2026, 10, 31)))))
                .as("29 September is more than 31 days before 31 October").hasSize(1);
        // 90833 never looks back
        assertThat(of(ADDON_WITHOUT_PRIMARY, checkAfter(engine, List.of(), line("90833").minutes(20)))).hasSize(1);
    }

    @Test
    void otherAddOnsStillNeedTheirPrimaryTheSameDay() {
        assertThat(of(ADDON_WITHOUT_PRIMARY, checkAfter(List.of(line("99213").date(DAY_1)), line("90833").minutes(20))))
                .hasSize(1);
    }

    @Test
    void professionalAndTechnicianAdministrationTheSameDayNeedAModifier() {
        assertThat(of(NCCI_PTP, Lines.check(line("96136"), line("96138")))).singleElement()
                .satisfies(f -> assertThat(f.procedureCode()).isEqualTo("96138"));
        assertThat(of(NCCI_PTP, Lines.check(line("96136"), line("96138").modifiers("59")))).isEmpty();
        assertThat(of(NCCI_PTP, checkAfter(List.of(line("96136").date(DAY_1)), line("96138")))).isEmpty();
    }
}
