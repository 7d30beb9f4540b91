package org.codecred.coding;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.DX_INVALID;
import static org.codecred.domain.RuleId.DX_MISSING;
import static org.codecred.domain.RuleId.DX_NOT_BEHAVIORAL;

class DiagnosisRuleTest {

    @Test
    void missingDiagnosisFires() {
        assertThat(of(DX_MISSING, check(line("90834").minutes(45).dx()))).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("90834 has no diagnosis code"));
        assertThat(of(DX_MISSING, check(line("99213").dx()))).as("E/M needs one too").hasSize(1);
        assertThat(of(DX_MISSING, check(line("90834").minutes(45)))).isEmpty();
    }

    @Test
    void icd9CodeIsInvalidWithTheCodeAsSubject() {
        var findings = check(line("90834").minutes(45).dx("296.32"));
        assertThat(of(DX_INVALID, findings)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("296.32");
            assertThat(f.message()).startsWith("diagnosis 296.32 is not written as an ICD-10-CM code");
        });
        assertThat(of(DX_NOT_BEHAVIORAL, findings)).as("an invalid primary is not judged again").isEmpty();
    }

    @Test
    void secondaryInvalidCodeAndHeadersFire() {
        assertThat(of(DX_INVALID, check(line("90834").minutes(45).dx("F43.10", "29632")))).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("29632"));
        assertThat(of(DX_INVALID, check(line("90834").minutes(45).dx("F90")))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("category heading"));
        assertThat(of(DX_INVALID, check(line("90834").minutes(45).dx("Z91.5"))))
                .as("Z91.5 became a heading in FY2022").hasSize(1);
        assertThat(of(DX_INVALID, check(line("90834").minutes(45).dx("Z91.5").date(LocalDate.of(2021, 9, 30))))).isEmpty();
    }

    /** The answers are remembered per code and date of service: asked again, each is the same, dates kept apart. */
    @Test
    void aRepeatedQuestionGetsTheSameAnswer() {
        DiagnosisRules rules = DiagnosisRules.load(java.nio.file.Path.of("src/test/resources/rules"));
        LocalDate fy2022 = LocalDate.of(2021, 10, 1);
        LocalDate fy2021 = LocalDate.of(2021, 9, 30);
        for (int i = 0; i < 2; i++) {
            assertThat(rules.invalidReason("F43.10", fy2022)).isNull();
            assertThat(rules.invalidReason("296.32", fy2022)).startsWith("is not written as an ICD-10-CM code");
            assertThat(rules.invalidReason("Z91.5", fy2022)).contains("category heading");
            assertThat(rules.invalidReason("Z91.5", fy2021)).isNull();
        }
    }

    @Test
    void diagnosisWithoutItsDotIsAccepted() {
        var findings = check(line("90834").minutes(45).dx("F4310"), line("90791").member("M2").dx("f329"));
        assertThat(of(DX_INVALID, findings)).isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, findings)).isEmpty();
        assertThat(of(DX_INVALID, check(line("90834").minutes(45).dx("F32A")))).as("F32.A").isEmpty();
    }

    @Test
    void symptomsOfEmotionalStateAreBehavioralOnCrisisLinesOnly() {
        // contract v3: R45.x on crisis lines (90839/90840) counts as behavioral
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90839").minutes(60).dx("R45.851")))).isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90834").minutes(45).dx("R45.851")))).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("R45.851"));
    }

    @Test
    void aRuledOutObservationIsBehavioralOnEvaluationsOnly() {
        // contract v3: Z03.89 on evaluations (90791/90792) counts as behavioral
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90791").dx("Z03.89")))).isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90792").dx("Z0389")))).isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90837").minutes(55).dx("Z03.89")))).hasSize(1);
    }

    @Test
    void nonBehavioralPrimaryOnPsychiatricServiceFires() {
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90834").minutes(45).dx("E11.9", "F32.9")))).singleElement()
                .satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("E11.9");
                    assertThat(f.message()).contains("primary diagnosis E11.9");
                });
    }

    @Test
    void behavioralLookAlikesDoNotFire() {
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90834").minutes(45).dx("Z63.0")))).as("allowed Z range").isEmpty();
        // substance-use counseling codes are the focus of SUD counseling visits (domain reference 10.4)
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90834").minutes(45).dx("Z71.41")))).isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90834").minutes(45).dx("Z71.51")))).isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90834").minutes(45).dx("Z71.3")))).as("dietary counseling").hasSize(1);
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90834").minutes(45).dx("Z69.010")))).isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90834").minutes(45).dx("Z91.51")))).isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90834").minutes(45).dx("F99")))).isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("96158").dx("E11.9")))).as("HBAI: physical primary expected").isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("99213").dx("I10")))).as("E/M is not a psychiatric code").isEmpty();
        assertThat(of(DX_NOT_BEHAVIORAL, check(line("90834").minutes(45).dx("Z00.00"))))
                .as("a Z code outside the allowed list").hasSize(1);
    }

    @Test
    void healthBehaviorWithAMentalDisorderAsPrimaryFires() {
        var findings = Lines.of(org.codecred.domain.RuleId.DX_NOT_PHYSICAL, Lines.check(Lines.line("96158").dx("F41.1", "E11.9")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("F41.1");
            assertThat(f.severity()).isEqualTo(org.codecred.domain.Severity.WARNING);
        });
        assertThat(Lines.of(org.codecred.domain.RuleId.DX_NOT_PHYSICAL, Lines.check(Lines.line("96156").dx("F32.1")))).hasSize(1);
    }

    @Test
    void healthBehaviorLookAlikesDoNotFire() {
        assertThat(Lines.of(org.codecred.domain.RuleId.DX_NOT_PHYSICAL, Lines.check(Lines.line("96158").dx("E11.9", "F41.1")))).isEmpty();
        assertThat(Lines.of(org.codecred.domain.RuleId.DX_NOT_PHYSICAL, Lines.check(Lines.line("96158").dx("Z71.3")))).isEmpty();
        assertThat(Lines.of(org.codecred.domain.RuleId.DX_NOT_PHYSICAL, Lines.check(Lines.line("90834").minutes(45).dx("F41.1")))).isEmpty();
        // and a physical primary on an HBAI line is not DX-NOT-BEHAVIORAL either
        assertThat(Lines.of(org.codecred.domain.RuleId.DX_NOT_BEHAVIORAL, Lines.check(Lines.line("96158").dx("E11.9")))).isEmpty();
    }

    @Test
    void newHeadersAreNotBillableAndAnUnverifiedOneIsOnlyAWarning() {
        var f502 = Lines.of(org.codecred.domain.RuleId.DX_INVALID, Lines.check(Lines.line("90834").minutes(45).dx("F50.2")));
        assertThat(f502).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(org.codecred.domain.Severity.ERROR));
        assertThat(Lines.of(org.codecred.domain.RuleId.DX_INVALID, Lines.check(Lines.line("90834").minutes(45)
                .dx("F50.2").date(java.time.LocalDate.of(2024, 9, 30))))).isEmpty();
        var f438 = Lines.of(org.codecred.domain.RuleId.DX_INVALID, Lines.check(Lines.line("90834").minutes(45).dx("F43.8")));
        assertThat(f438).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(org.codecred.domain.Severity.WARNING);
            assertThat(f.message()).contains("marked UNVERIFIED");
        });
    }
}
