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

    private static final Credential NP = new Credential("NP", CredentialFamily.PRESCRIBER);
    private static final Credential BCBA = new Credential("BCBA", CredentialFamily.BEHAVIOR_ANALYST);
    private static final Credential RBT = new Credential("RBT", CredentialFamily.BEHAVIOR_ANALYST);

    // domain reference 11.4: collaborative care, BHI, TMS and ABA (WARNING: payer-dependent)

    @Test
    void collaborativeCareByASocialWorkerIsAWarningAndG0323IsTheirs() {
        assertThat(of(SCOPE_LICENSE, check(Lines.LCSW, line("99492")))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("99492 is outside the scope of a LCSW (social workers); billable only by prescribers");
        });
        assertThat(of(SCOPE_LICENSE, check(NP, line("99492"), line("99484").member("M2")))).isEmpty();
        assertThat(of(SCOPE_LICENSE, check(Lines.LCSW, line("G0323")))).isEmpty();
        assertThat(of(SCOPE_LICENSE, check(LPC, line("G0323")))).as("counselors from 2024").isEmpty();
        assertThat(of(SCOPE_LICENSE, check(LPC, line("G0323").date(LocalDate.of(2023, 6, 1))))).hasSize(1);
        assertThat(of(SCOPE_LICENSE, check(PHD, line("G0568").date(LocalDate.of(2026, 2, 2))))).as("APCM add-on, not CoCM")
                .hasSize(1);
    }

    @Test
    void tmsIsForPhysicians() {
        assertThat(of(SCOPE_LICENSE, check(LPC, line("90867")))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(of(SCOPE_LICENSE, check(NP, line("90868")))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("90868 is billable by prescribers only as DO or MD; the roster gives NP"));
        assertThat(of(SCOPE_LICENSE, check(Lines.MD, line("90867"), line("90868").member("M2")))).isEmpty();
    }

    @Test
    void abaIsForBehaviorAnalystsAndTreatmentAlsoForTechnicians() {
        assertThat(of(SCOPE_LICENSE, check(BCBA, line("97151"), line("97153").member("M2")))).isEmpty();
        assertThat(of(SCOPE_LICENSE, check(RBT, line("97153"), line("97154").member("M2")))).isEmpty();
        assertThat(of(SCOPE_LICENSE, check(RBT, line("97151")))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("only as BCBA or BCaBA or LABA or LBA"));
        assertThat(of(SCOPE_LICENSE, check(LPC, line("97153")))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        // a behavior analyst is no psychotherapist: the firm psychotherapy row applies
        assertThat(of(SCOPE_LICENSE, check(BCBA, line("90837").minutes(55)))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

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
