package org.codecred.coding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.PSYCHOTHERAPY_WITH_EM;

class PsychotherapyWithEmRuleTest {

    @Test
    void anEmWithStandAlonePsychotherapyFiresOnThePsychotherapyLine() {
        assertThat(of(PSYCHOTHERAPY_WITH_EM, check(line("99213"), line("90834").minutes(45)))).singleElement()
                .satisfies(f -> {
                    assertThat(f.procedureCode()).isEqualTo("90834");
                    assertThat(f.subject()).isEqualTo("99213");
                    assertThat(f.severity()).isEqualTo(org.codecred.domain.Severity.ERROR);
                    assertThat(f.message()).contains("add-on codes (90833, 90836, 90838)");
                });
        // every E/M family counts: hospital, telehealth E/M; every stand-alone individual code
        assertThat(of(PSYCHOTHERAPY_WITH_EM, check(line("99232"), line("90832").minutes(20)))).hasSize(1);
        assertThat(of(PSYCHOTHERAPY_WITH_EM, check(line("98006"), line("90837").minutes(55)))).hasSize(1);
        // on another claim of the same day it is still the same visit
        assertThat(of(PSYCHOTHERAPY_WITH_EM, check(line("99214").claim("A", 1), line("90834").minutes(45).claim("B", 1))))
                .hasSize(1);
    }

    @Test
    void lookAlikesDoNotFire() {
        assertThat(of(PSYCHOTHERAPY_WITH_EM, check(line("99213"), line("90833").minutes(20)))).isEmpty();
        assertThat(of(PSYCHOTHERAPY_WITH_EM, check(line("99213"), line("90834").minutes(45).member("M2")))).isEmpty();
        assertThat(of(PSYCHOTHERAPY_WITH_EM, check(line("90834").minutes(45)))).isEmpty();
        assertThat(of(PSYCHOTHERAPY_WITH_EM, check(line("99213"), line("90847").minutes(50)))).isEmpty();
        assertThat(of(PSYCHOTHERAPY_WITH_EM, check(line("99213"), line("G2211")))).isEmpty();
    }
}
