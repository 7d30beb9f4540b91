package org.codecred.coding;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.CODE_UNKNOWN;
import static org.codecred.domain.RuleId.CODE_UNRECOGNIZED;

class CodeUnknownRuleTest {

    @Test
    void codeThatNeverExistedFires() {
        var findings = of(CODE_UNKNOWN, check(line("90835").minutes(40)));
        assertThat(findings).singleElement().satisfies(f ->
                assertThat(f.message()).isEqualTo("90835 is not a procedure code: the code set lists every code in force"
                        + " in 90785–90899 on 2026-10-05 and 90835 is not among them"));
    }

    @Test
    void theStateHCodesOfTheDomainReferenceAreKnown() {
        // domain reference 11.3: H0001-H0050 and the common H2xxx codes
        for (String code : new String[]{"H0001", "H0036", "H0050", "H2011", "H2014", "H2019", "H2022", "H2027", "H2033",
                "H2036", "H2040", "H2041"}) {
            assertThat(of(CODE_UNRECOGNIZED, check(line(code).dx("F41.1")))).as(code).isEmpty();
            assertThat(Lines.RULES.codes().inForce(code, Lines.DAY)).as(code).isNotNull();
        }
        assertThat(Lines.RULES.codes().inForce("H0005", Lines.DAY).family()).isEqualTo("state-substance-use");
        assertThat(Lines.RULES.codes().inForce("H0031", Lines.DAY).family()).isEqualTo("state-mental-health");
        assertThat(Lines.RULES.codes().inForce("H0004", Lines.DAY).family()).isEqualTo("state-behavioral-health");
        assertThat(of(CODE_UNRECOGNIZED, check(line("H2013").dx("F41.1")))).as("not in the table").hasSize(1);
    }

    @Test
    void codeDeletedIn2013FiresAfterButNotBefore() {
        assertThat(of(CODE_UNKNOWN, check(line("90806").minutes(45)))).singleElement().satisfies(f ->
                assertThat(f.message()).contains("deleted: in force until 2012-12-31"));
        assertThat(of(CODE_UNKNOWN, check(line("90806").date(LocalDate.of(2012, 12, 31))))).isEmpty();
        assertThat(of(CODE_UNKNOWN, check(line("90862").date(LocalDate.of(2013, 1, 1))))).hasSize(1);
    }

    @Test
    void effectiveDatesDecideForReplacedCodes() {
        assertThat(of(CODE_UNKNOWN, check(line("99201").date(LocalDate.of(2020, 12, 31))))).isEmpty();
        assertThat(of(CODE_UNKNOWN, check(line("99201").date(LocalDate.of(2021, 1, 1))))).hasSize(1);
        assertThat(of(CODE_UNKNOWN, check(line("96101").date(LocalDate.of(2019, 1, 1))))).hasSize(1);
        assertThat(of(CODE_UNKNOWN, check(line("96130").date(LocalDate.of(2018, 12, 31))))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not yet in force: from 2019-01-01"));
        assertThat(of(CODE_UNKNOWN, check(line("96152").date(LocalDate.of(2020, 1, 1))))).hasSize(1);
    }

    @Test
    void currentCodesDoNotFire() {
        assertThat(of(CODE_UNKNOWN, check(line("90834").minutes(45), line("99214"), line("96130"), line("96158")))).isEmpty();
    }

    @Test
    void ordinaryPsychiatricPracticeCodesAreKnown() {
        var findings = check(line("99232"), line("G2211").member("M2"), line("99213").member("M2"),
                line("98006").member("M3"), line("96127").member("M4").units(3), line("99244").member("M5"),
                line("99492").member("M6"), line("97153").member("M7"), line("H0031").member("M8"), line("90870").member("M9"));
        assertThat(of(CODE_UNKNOWN, findings)).isEmpty();
        assertThat(of(CODE_UNRECOGNIZED, findings)).isEmpty();
    }

    @Test
    void aCodeOutsideTheCoveredRangesIsUnrecognizedNotAnError() {
        var findings = check(line("99999"), line("J1234").member("M2"), line("0591T").member("M3"));
        assertThat(of(CODE_UNKNOWN, findings)).isEmpty();
        assertThat(of(CODE_UNRECOGNIZED, findings)).hasSize(3).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(org.codecred.domain.Severity.WARNING);
            assertThat(f.message()).contains("Not a coding error by itself");
        });
    }

    @Test
    void absentFromTheCoveredRangesIsUnknownAtBothEndsAndMalformedIsUnknown() {
        assertThat(of(CODE_UNKNOWN, check(line("90786")))).hasSize(1);   // just inside 90785-90899
        assertThat(of(CODE_UNKNOWN, check(line("90899")))).isEmpty();     // listed
        assertThat(of(CODE_UNRECOGNIZED, check(line("90900")))).hasSize(1); // just outside
        assertThat(of(CODE_UNKNOWN, check(line("96171")))).isEmpty();
        assertThat(of(CODE_UNKNOWN, check(line("96172")))).isEmpty();
        assertThat(of(CODE_UNKNOWN, check(line("96126")))).hasSize(1);  // inside 96105-96171, not a code
        assertThat(of(CODE_UNKNOWN, check(line("96104")))).isEmpty();
        // before the range's coverage starts (2020) an absent code is only unrecognized
        assertThat(of(CODE_UNRECOGNIZED, check(line("96126").date(LocalDate.of(2019, 6, 3))))).hasSize(1);
        assertThat(of(CODE_UNKNOWN, check(line("9O834")))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not written as a CPT code"));
    }

    @Test
    void g2211BeforeItsStartIsNotInForce() {
        assertThat(of(CODE_UNKNOWN, check(line("G2211").date(LocalDate.of(2023, 12, 29)), line("99213")))).hasSize(1);
    }
}
