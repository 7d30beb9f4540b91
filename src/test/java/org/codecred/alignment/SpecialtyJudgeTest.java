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

    // diagnosis evidence: trauma (supported 20 %, weak 5 %, min 10 visits)

    @Test
    void traumaDiagnosesSupportWeakenOrFailTheClaim() {
        Provider p = Fixtures.provider(NPI, "LCSW", "trauma");
        var supported = judge(p, mix(visits(NPI, "A", 5, "90834", "F43.10"), visits(NPI, "B", 15, "90834", "F41.1")));
        assertThat(row(supported, "trauma").outcome()).isEqualTo(AlignmentOutcome.SUPPORTED);
        assertThat(row(supported, "trauma").evidenceShare()).isEqualTo(0.25);
        assertThat(supported.findings()).isEmpty();

        // adjustment (F43.2x) and written without the dot count too; 2 of 20 = 10 %: weak
        var weak = judge(p, mix(List.of(line(NPI, "A1", 1, "90834", 45, null, "F4321"),
                line(NPI, "A2", 2, "90834", 45, null, "F32.1", "F43.0")), visits(NPI, "B", 18, "90834", "F41.1")));
        assertThat(row(weak, "trauma").outcome()).isEqualTo(AlignmentOutcome.WEAK);
        assertThat(weak.findings()).isEmpty();

        // look-alikes that are not trauma: F41.1 anxiety, F43.9 unspecified stress reaction, F34.1
        var unsupported = judge(p, mix(visits(NPI, "A", 1, "90837", "F43.9"),
                mix(visits(NPI, "B", 10, "90837", "F41.1"), visits(NPI, "C", 9, "90837", "F34.1"))));
        assertThat(row(unsupported, "trauma").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);
        Finding f = unsupported.findings().get(0);
        assertThat(f.rule()).isEqualTo(RuleId.SPECIALTY_UNSUPPORTED);
        assertThat(f.subject()).isEqualTo("trauma");
        assertThat(f.message()).contains("0 of 20 visits (0.0 %)").contains("weak from 5.0 %");

        var insufficient = judge(p, visits(NPI, "A", 9, "90834", "F41.1"));
        assertThat(row(insufficient, "trauma").outcome()).isEqualTo(AlignmentOutcome.INSUFFICIENT_DATA);
        assertThat(insufficient.findings()).isEmpty();
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

        var unsupported = judge(p, mix(lookAlikes, visits(NPI, "B", 8, "90834", "F41.1")));
        assertThat(row(unsupported, "couples-therapy").outcome()).isEqualTo(AlignmentOutcome.UNSUPPORTED);

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
    void aSpecialtyMissingFromTheTableIsInsufficientDataWithoutFinding() {
        Provider p = Fixtures.provider(NPI, "LCSW", " Eating-Disorders ");
        var result = judge(p, visits(NPI, "A", 20, "90834", "F50.0"));
        assertThat(row(result, "eating-disorders").outcome()).isEqualTo(AlignmentOutcome.INSUFFICIENT_DATA);
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
