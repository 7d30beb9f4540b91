package org.codecred.coding;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Severity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.SCOPE_LICENSE;

class ScopeRuleTest {

    private static final Credential PHD = new Credential("PhD", CredentialFamily.PSYCHOLOGIST);
    private static final Credential LPC = new Credential("LPC", CredentialFamily.COUNSELOR);
    private static final Credential LMFT = new Credential("LMFT", CredentialFamily.THERAPIST);

    @Test
    void evaluationWithMedicalServicesBySocialWorkerFires() {
        assertThat(of(SCOPE_LICENSE, check(Lines.LCSW, line("90792")))).singleElement().satisfies(f ->
                assertThat(f.message()).isEqualTo("90792 is outside the scope of a LCSW (social workers); billable only by prescribers"));
    }

    @Test
    void emAndItsAddOnsByNonPrescribersFire() {
        assertThat(of(SCOPE_LICENSE, check(PHD, line("99214"), line("90836").minutes(40)))).hasSize(2);
        assertThat(of(SCOPE_LICENSE, check(LPC, line("99213")))).hasSize(1);
        assertThat(of(SCOPE_LICENSE, check(LMFT, line("90833").minutes(20), line("99212")))).hasSize(2);
    }

    @Test
    void lookAlikesDoNotFire() {
        assertThat(of(SCOPE_LICENSE, check(Lines.MD, line("90792"), line("99214").member("M2")))).isEmpty();
        assertThat(of(SCOPE_LICENSE, check(Lines.LCSW, line("90791"), line("90837").member("M2").minutes(55)))).isEmpty();
        assertThat(of(SCOPE_LICENSE, check((Credential) null, line("90792")))).as("not rostered: no scope check").isEmpty();
        // a health risk instrument (96160/96161) lies inside 96156-96171 but is no HBAI service: anyone may bill it
        assertThat(of(SCOPE_LICENSE, check(LPC, line("96160")))).isEmpty();
        assertThat(of(SCOPE_LICENSE, check(LPC, line("96158")))).as("HBAI by a counselor: payer-dependent").hasSize(1);
        assertThat(of(SCOPE_LICENSE, check(new Credential("XYZ", CredentialFamily.UNKNOWN), line("90792"))))
                .as("unknown credential: no scope check").isEmpty();
        assertThat(of(SCOPE_LICENSE, check(PHD, line("96130")))).isEmpty();
    }

    @Test
    void pharmacologicManagementOnlyByPrescribingPsychologists() {
        Credential prescribing = new Credential("PhD", CredentialFamily.PSYCHOLOGIST, "103TP0016X");
        Credential clinical = new Credential("PhD", CredentialFamily.PSYCHOLOGIST, "103TC0700X");
        assertThat(of(SCOPE_LICENSE, check(prescribing, line("90834").minutes(45), line("90863")))).isEmpty();
        assertThat(of(SCOPE_LICENSE, check(clinical, line("90834").minutes(45), line("90863")))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).isEqualTo("90863 is billable by psychologists only with taxonomy 103TP0016X;"
                            + " the roster gives 103TC0700X");
                });
        assertThat(of(SCOPE_LICENSE, check(PHD, line("90834").minutes(45), line("90863")))).hasSize(1);
        assertThat(of(SCOPE_LICENSE, check(Lines.LCSW, line("90834").minutes(45), line("90863")))).hasSize(1);
    }

    @Test
    void payerDependentScopeIsAWarning() {
        assertThat(of(SCOPE_LICENSE, check(LPC, line("96130")))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("scope here depends on the payer and state");
        });
        assertThat(of(SCOPE_LICENSE, check(LMFT, line("96158")))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(of(SCOPE_LICENSE, check(LPC, line("99232")))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void healthBehaviorBySocialWorkerOnlyFrom2024() {
        assertThat(of(SCOPE_LICENSE, check(Lines.LCSW, line("96158").date(LocalDate.of(2023, 12, 29))))).hasSize(1);
        assertThat(of(SCOPE_LICENSE, check(Lines.LCSW, line("96158").date(LocalDate.of(2024, 1, 2))))).isEmpty();
    }
}
