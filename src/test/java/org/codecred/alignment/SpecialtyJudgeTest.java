package org.codecred.alignment;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.alignment.Fixtures.line;
import static org.codecred.alignment.Fixtures.visits;

class SpecialtyJudgeTest {

    private static final String NPI = "1234567893";
    private final SpecialtyJudge judge = new SpecialtyJudge(Fixtures.rules().specialties());

    private SpecialtyJudge.Result judge(Provider provider, List<ClaimLine> lines) {
        return judge.judge(provider, Fixtures.activity(provider.npi(), lines));
    }

    private static AlignmentRow row(SpecialtyJudge.Result result, String specialty) {
        return result.rows().stream().filter(r -> r.specialty().equals(specialty)).findFirst().orElseThrow();
    }

    private static List<ClaimLine> mix(List<ClaimLine> a, List<ClaimLine> b) {
        List<ClaimLine> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // diagnosis evidence: trauma (supported 20 %, weak 5 %, min 10 visits), with its extended-session pattern
    // among the trauma visits (supported 25 %, weak 5 %)

    @Test
    void traumaDiagnosesSupportWeakenOrFailTheClaim() {
        Provider p = Fixtures.provider(NPI, "LCSW", "trauma");
        var supported = judge(p, mix(visits(NPI, "A", 5, "90837", "F43.10"), visits(NPI, "B", 15, "90834", "F41.1")));
        assertThat(row(supported, "trauma").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
        assertThat(row(supported, "trauma").evidenceShare()).isEqualTo(0.25);
        assertThat(row(supported, "trauma").evidence()).contains("5 of 5 of those visits (100.0 %) were extended sessions");
        assertThat(supported.findings()).isEmpty();

        // written without the dot, and acute stress F43.0 in a second position, count; 2 of 20 = 10 %: weak
        var weak = judge(p, mix(List.of(line(NPI, "A1", 1, "90837", 55, null, "F4310"),
                line(NPI, "A2", 2, "90837", 60, null, "F32.1", "F43.0")), visits(NPI, "B", 18, "90834", "F41.1")));
        assertThat(row(weak, "trauma").outcome()).isEqualTo(AlignmentOutcome.WEAK);
        assertThat(weak.findings()).isEmpty();

        // look-alikes that are not trauma: adjustment disorders F43.2x, F41.1 anxiety, F43.9, F34.1
        var unsupported = judge(p, mix(visits(NPI, "A", 6, "90837", "F43.21"), mix(visits(NPI, "D", 1, "90837", "F43.9"),
                mix(visits(NPI, "B", 7, "90837", "F41.1"), visits(NPI, "C", 6, "90837", "F34.1")))));
        assertThat(row(unsupported, "trauma").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);
        Finding f = unsupported.findings().get(0);
        assertThat(f.rule()).isEqualTo(RuleId.SPECIALTY_UNSUPPORTED);
        assertThat(f.subject()).isEqualTo("trauma");
        assertThat(f.message()).contains("0 of 20 visits (0.0 %)").contains("weak from 5.0 %");

        var insufficient = judge(p, visits(NPI, "A", 9, "90834", "F41.1"));
        assertThat(row(insufficient, "trauma").outcome()).isEqualTo(AlignmentOutcome.INSUFFICIENT_DATA);
        assertThat(insufficient.findings()).isEmpty();
    }

    @Test
    void traumaVisitsThatAlmostNeverRunExtendedLeaveTheClaimUnsupported() {
        Provider p = Fixtures.provider(NPI, "LCSW", "trauma");
        // 20 trauma visits of 45 minutes: the diagnosis share is fine, extended sessions are missing
        var noExtended = judge(p, visits(NPI, "A", 20, "90834", "F43.10"));
        assertThat(row(noExtended, "trauma").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);
        assertThat(noExtended.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("0 of 20 of those visits (0.0 %) were extended sessions").contains("too few extended sessions"));

        // 53 documented minutes on a 90834 line count as extended; 2 of 20 = 10 %: weak
        List<ClaimLine> some = new ArrayList<>(visits(NPI, "A", 18, "90834", "F43.12"));
        some.add(line(NPI, "X1", 3, "90834", 53, null, "F43.12"));
        some.add(line(NPI, "X2", 4, "90837", 55, null, "F43.12"));
        var weak = judge(p, some);
        assertThat(row(weak, "trauma").outcome()).isEqualTo(AlignmentOutcome.WEAK);
        assertThat(weak.findings()).isEmpty();

        // 52 minutes is not extended: 1 of 20 = 5 % is still weak (the boundary), 0 of 20 is not
        List<ClaimLine> boundary = new ArrayList<>(visits(NPI, "A", 19, "90834", "F43.12"));
        boundary.add(line(NPI, "X1", 3, "90834", 52, null, "F43.12"));
        assertThat(row(judge(p, boundary), "trauma").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);
        boundary.set(19, line(NPI, "X1", 3, "90837", 53, null, "F43.12"));
        assertThat(row(judge(p, boundary), "trauma").outcome()).isEqualTo(AlignmentOutcome.WEAK);
    }

    @Test
    void aPrescribersTraumaVisitsBilledWith90838AreExtendedSessions() {
        // with an E/M, 53 minutes or more of psychotherapy is billed 90838, not 90837 (domain reference 10.3),
        // often from a file without a minutes column
        Provider p = Fixtures.provider(NPI, "MD", "trauma");
        List<ClaimLine> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(line(NPI, "M" + i, 1 + i, "99214", null, null, "F43.12"));
            lines.add(line(NPI, "M" + i, 1 + i, "90838", null, null, "F43.12"));
        }
        var extended = judge(p, lines);
        assertThat(row(extended, "trauma").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
        assertThat(extended.findings()).noneMatch(f -> f.rule() == org.codecred.domain.RuleId.SPECIALTY_UNSUPPORTED);
    }

    @Test
    void episodicWorkIsNeverUnsupportedFromOneMonthOfClaims() {
        // crisis and testing come in episodes; one month is short for them (domain reference 10.4)
        for (String specialty : List.of("crisis-intervention", "psychological-testing")) {
            Provider p = Fixtures.provider(NPI, "PhD", specialty);
            var none = judge(p, visits(NPI, "A", 20, "90834", "F41.1"));
            assertThat(row(none, specialty).outcome()).as(specialty).isEqualTo(AlignmentOutcome.INSUFFICIENT_DATA);
            assertThat(none.findings()).as(specialty).isEmpty();
        }
    }

    @Test
    void substanceUseCountsDiagnosesOrServicesButNotNicotineAlone() {
        Provider p = Fixtures.provider(NPI, "LADC", "substance-use");
        var nicotine = judge(p, visits(NPI, "A", 20, "90834", "F17.210"));
        assertThat(row(nicotine, "substance-use").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);
        var alcohol = judge(p, mix(visits(NPI, "A", 5, "90834", "F17.210", "F10.20"), visits(NPI, "B", 15, "90834", "F41.1")));
        assertThat(row(alcohol, "substance-use").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
        var sbirt = judge(p, mix(visits(NPI, "A", 5, "99408", "Z13.39"), visits(NPI, "B", 15, "90834", "F41.1")));
        assertThat(row(sbirt, "substance-use").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
    }

    @Test
    void onlySubstanceUseHCodesSupportASubstanceUseClaim() {
        // domain reference 11.3: H0005 (substance use group counseling) is substance use only; H0036 (community
        // psychiatric supportive treatment) and H2014 (skills training) are mental health or either: not evidence
        Provider p = Fixtures.provider(NPI, "LCAS", "substance-use");
        var sud = judge(p, mix(visits(NPI, "A", 5, "H0005", "Z13.39"), visits(NPI, "B", 15, "90834", "F41.1")));
        assertThat(row(sud, "substance-use").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
        var mentalHealth = judge(p, mix(visits(NPI, "A", 10, "H0036", "F41.1"), visits(NPI, "B", 10, "H2014", "F41.1")));
        assertThat(row(mentalHealth, "substance-use").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);
        // an assertive community treatment program (H0040, mental health) is evidence of serious mental illness
        Provider smi = Fixtures.provider(NPI, "LCSW", "serious-mental-illness");
        var act = judge(smi, mix(visits(NPI, "A", 5, "H0040", "F41.1"), visits(NPI, "B", 15, "90834", "F41.1")));
        assertThat(row(act, "serious-mental-illness").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
    }

    @Test
    void theNewSpecialtiesAreJudgedFromTheirRows() {
        Provider p = Fixtures.provider(NPI, "PhD", "eating-disorders", "ocd", "health-psychology", "adhd-neurodevelopmental");
        var result = judge(p, mix(visits(NPI, "E", 5, "90834", "F50.01"), mix(visits(NPI, "O", 5, "90834", "F42.2"),
                mix(visits(NPI, "H", 4, "96158", "E11.9"), visits(NPI, "B", 6, "90834", "F41.1")))));
        assertThat(row(result, "eating-disorders").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
        assertThat(row(result, "ocd").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
        assertThat(row(result, "health-psychology").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
        assertThat(row(result, "adhd-neurodevelopmental").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);
    }

    // code evidence: family therapy (supported 15 %, weak 5 %)

    @Test
    void familyCodesSupportWeakenOrFailTheClaim() {
        Provider p = Fixtures.provider(NPI, "LMFT", "family-therapy");
        var supported = judge(p, mix(visits(NPI, "A", 3, "90847", "F43.23"), visits(NPI, "B", 17, "90834", "F41.1")));
        assertThat(row(supported, "family-therapy").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);

        // exactly at the weak share (1 of 20 = 5 %) is weak, not unsupported
        var weak = judge(p, mix(visits(NPI, "A", 1, "90846", "F43.23"), visits(NPI, "B", 19, "90834", "F41.1")));
        assertThat(row(weak, "family-therapy").outcome()).isEqualTo(AlignmentOutcome.WEAK);

        // individual psychotherapy with a family-problem Z code is not family therapy
        var unsupported = judge(p, visits(NPI, "A", 20, "90837", "Z63.0"));
        assertThat(row(unsupported, "family-therapy").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);
        assertThat(unsupported.findings()).extracting(Finding::subject).containsExactly("family-therapy");

        var insufficient = judge(p, visits(NPI, "A", 4, "90847", "F43.23"));
        assertThat(row(insufficient, "family-therapy").outcome()).isEqualTo(AlignmentOutcome.INSUFFICIENT_DATA);
    }

    // age evidence: child-adolescent under 18, geriatric 65 and over, on the service date

    @Test
    void memberAgeOnTheServiceDateSupportsChildAndGeriatricClaims() {
        Provider p = Fixtures.provider(NPI, "LPC", "child-adolescent", "geriatric");
        LocalDate day1 = Fixtures.DAY1;
        List<ClaimLine> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LocalDate dob;
            if (i < 8) {
                dob = day1.minusYears(18).plusDays(1); // 17 on 1 Oct: a child
            } else if (i < 10) {
                dob = day1.minusYears(65); // 65 exactly on 1 Oct: geriatric
            } else {
                dob = day1.minusYears(18); // 18 today: an adult (look-alike)
            }
            lines.add(line(NPI, "M" + i, 1, "90834", 45, dob, "F41.1"));
        }
        var result = judge(p, lines);
        assertThat(row(result, "child-adolescent").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED); // 40 %
        assertThat(row(result, "geriatric").outcome()).isEqualTo(AlignmentOutcome.WEAK); // 10 %
        assertThat(row(result, "geriatric").evidence()).contains("2 of 20 visits with a known member age");

        List<ClaimLine> adults = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            adults.add(line(NPI, "M" + i, 1, "90834", 45, day1.minusYears(40), "F41.1"));
        }
        var unsupported = judge(p, adults);
        assertThat(row(unsupported, "child-adolescent").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);
        assertThat(row(unsupported, "geriatric").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);
        assertThat(unsupported.findings()).extracting(Finding::subject).containsExactly("child-adolescent", "geriatric");

        // 30 visits but only 5 with a birth date: the others cannot be judged, so too little to judge
        List<ClaimLine> unknownAge = new ArrayList<>(visits(NPI, "U", 25, "90834", "F41.1"));
        for (int i = 0; i < 5; i++) {
            unknownAge.add(line(NPI, "K" + i, 2, "90834", 45, day1.minusYears(10), "F41.1"));
        }
        var insufficient = judge(p, unknownAge);
        assertThat(row(insufficient, "child-adolescent").outcome()).isEqualTo(AlignmentOutcome.INSUFFICIENT_DATA);
        assertThat(row(insufficient, "child-adolescent").evidence()).contains("5 of 5 visits with a known member age");
        assertThat(insufficient.findings()).isEmpty();
    }

    // combination evidence: couples therapy = 90847 together with a relationship Z code

    @Test
    void couplesTherapyNeedsTheCodeAndTheRelationshipDiagnosisTogether() {
        Provider p = Fixtures.provider(NPI, "LMFT", "couples-therapy");
        List<ClaimLine> lookAlikes = mix(visits(NPI, "X", 6, "90847", "F43.23"), // right code, wrong diagnosis
                visits(NPI, "Y", 6, "90837", "Z63.0")); // right diagnosis, wrong code
        var supported = judge(p, mix(visits(NPI, "A", 3, "90847", "F43.23", "Z63.0"), mix(lookAlikes, visits(NPI, "B", 5, "90834", "F41.1"))));
        assertThat(row(supported, "couples-therapy").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED); // 3/20

        var weak = judge(p, mix(visits(NPI, "A", 1, "90847", "Z63.5"), mix(lookAlikes, visits(NPI, "B", 7, "90834", "F41.1"))));
        assertThat(row(weak, "couples-therapy").outcome()).isEqualTo(AlignmentOutcome.WEAK); // 1/20

        // couples work is often self-pay: no couples visit in the claims is insufficient data, never unsupported
        var none = judge(p, mix(lookAlikes, visits(NPI, "B", 8, "90834", "F41.1")));
        assertThat(row(none, "couples-therapy").outcome()).isEqualTo(AlignmentOutcome.INSUFFICIENT_DATA);
        assertThat(row(none, "couples-therapy").evidence()).contains("at most insufficient data");
        assertThat(none.findings()).isEmpty();

        var insufficient = judge(p, visits(NPI, "A", 3, "90847", "Z63.0"));
        assertThat(row(insufficient, "couples-therapy").outcome()).isEqualTo(AlignmentOutcome.INSUFFICIENT_DATA);
    }

    @Test
    void aPsychotherapyLineAndItsAddOnAreOneVisit() {
        Provider p = Fixtures.provider(NPI, "NP", "medication-management");
        List<ClaimLine> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(line(NPI, "M" + i, 3, "99214", null, null, "F33.1"));
            lines.add(line(NPI, "M" + i, 3, "90833", 20, null, "F33.1"));
        }
        var result = judge(p, lines);
        assertThat(row(result, "medication-management").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
        assertThat(row(result, "medication-management").evidence()).startsWith("10 of 10 visits");
    }

    @Test
    void strongEvidenceForAnUnclaimedSpecialtyIsReportedAsUndeclaredInfo() {
        Provider p = Fixtures.provider(NPI, "LPC");
        var result = judge(p, mix(visits(NPI, "A", 12, "90834", "F10.20"), visits(NPI, "B", 8, "90834", "F41.1")));
        AlignmentRow row = row(result, "substance-use");
        assertThat(row.outcome()).isEqualTo(AlignmentOutcome.UNDECLARED);
        assertThat(row.claimed()).isFalse();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.SPECIALTY_UNDECLARED);
            assertThat(f.subject()).isEqualTo("substance-use");
        });

        // 40 % is below the undeclared share (50 %): nothing reported
        var below = judge(p, mix(visits(NPI, "A", 8, "90834", "F10.20"), visits(NPI, "B", 12, "90834", "F41.1")));
        assertThat(below.rows()).isEmpty();
        assertThat(below.findings()).isEmpty();
    }

    @Test
    void aPrescribersMedicationManagementIsNotUndeclared() {
        // contract v3: E/M visits are a prescriber's ordinary work, not an unclaimed specialty
        Provider md = Fixtures.provider(NPI, "MD");
        var lines = visits(NPI, "A", 20, "99214", "F32.1");
        var prescriber = judge.judge(md, org.codecred.domain.CredentialFamily.PRESCRIBER, Fixtures.activity(NPI, lines));
        assertThat(prescriber.findings()).isEmpty();
        assertThat(prescriber.rows()).isEmpty();
        // the same visits by a credential that is no prescriber are still reported (and scope would speak too)
        var other = judge.judge(Fixtures.provider(NPI, "PhD"), org.codecred.domain.CredentialFamily.PSYCHOLOGIST,
                Fixtures.activity(NPI, lines));
        assertThat(other.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.SPECIALTY_UNDECLARED);
            assertThat(f.subject()).isEqualTo("medication-management");
        });
    }

    @Test
    void aSpecialtyMissingFromTheTableIsInsufficientDataWithoutFinding() {
        Provider p = Fixtures.provider(NPI, "LCSW", " Perinatal ");
        var result = judge(p, visits(NPI, "A", 20, "90834", "F53.0"));
        assertThat(row(result, "perinatal").outcome()).isEqualTo(AlignmentOutcome.INSUFFICIENT_DATA);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aProviderWithoutLinesHasInsufficientDataForEveryClaim() {
        Provider p = Fixtures.provider(NPI, "LCSW", "trauma", "group-therapy");
        var result = judge(p, List.of());
        assertThat(result.rows()).extracting(AlignmentRow::outcome)
                .containsExactly(AlignmentOutcome.INSUFFICIENT_DATA, AlignmentOutcome.INSUFFICIENT_DATA);
        assertThat(result.findings()).isEmpty();
    }
}
