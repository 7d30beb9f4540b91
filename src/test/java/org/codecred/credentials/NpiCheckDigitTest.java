package org.codecred.credentials;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.sources.SourceFile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NpiCheckDigitTest {

    private static final SourceFile ROSTER = SourceFile.named("roster.csv", LocalDate.of(2026, 10, 31));

    @Test
    void cmsWorkedExample() {
        assertThat(NpiCheckDigit.checkDigit("123456789")).isEqualTo(3);
        assertThat(NpiCheckDigit.isValid("1234567893")).isTrue();
    }

    @Test
    void secondPublishedExample() {
        assertThat(NpiCheckDigit.checkDigit("155859879")).isEqualTo(7);
        assertThat(NpiCheckDigit.isValid("1558598797")).isTrue();
    }

    @Test
    void wrongCheckDigitFails() {
        assertThat(NpiCheckDigit.isValid("1234567890")).isFalse();
        assertThat(NpiCheckDigit.problem("1234567890")).contains("should be 3");
    }

    @Test
    void mustBeTenDigitsStartingWithOneOrTwo() {
        assertThat(NpiCheckDigit.isValid("3234567893")).isFalse();
        assertThat(NpiCheckDigit.isValid("123456789")).isFalse();
        assertThat(NpiCheckDigit.isValid("12345678a3")).isFalse();
        assertThat(NpiCheckDigit.isValid(null)).isFalse();
        assertThat(NpiCheckDigit.isValid(Fixtures.npi("234567890"))).isTrue();
    }

    @Test
    void rosterNpiWithWrongCheckDigitIsAnError() {
        Results results = new Results();
        NpiRule.check(Fixtures.lcsw("1234567890", "Quillfeather", "Ada", null), ROSTER, results);
        assertThat(results.findings()).extracting(Finding::rule).containsExactly(RuleId.NPI_INVALID);
        assertThat(results.findings().get(0).message()).contains("1234567890").contains("check digit");
        assertThat(results.checks()).extracting(CredentialCheck::result).containsExactly(CheckResult.FAIL);
    }

    @Test
    void validRosterNpiPasses() {
        Results results = new Results();
        NpiRule.check(Fixtures.lcsw("1234567893", "Quillfeather", "Ada", null), ROSTER, results);
        assertThat(results.findings()).isEmpty();
        assertThat(results.checks()).extracting(CredentialCheck::result).containsExactly(CheckResult.PASS);
        assertThat(results.checks().get(0).source()).isEqualTo("roster.csv");
    }

    @Test
    void unrosteredRenderingNpis() {
        Results results = new Results();
        UnrosteredRule.check(List.of(
                new UnrosteredRule.UnrosteredNpi("1234567893", 3, LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 9)),
                new UnrosteredRule.UnrosteredNpi("1234567890", 1, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 5))),
                results);
        assertThat(results.findings()).extracting(f -> f.providerNpi() + " " + f.rule().id()).containsExactly(
                "1234567893 PROVIDER-NOT-ROSTERED", "1234567890 PROVIDER-NOT-ROSTERED", "1234567890 NPI-INVALID");
        assertThat(results.findings().get(0).message()).contains("3 claim line(s) from 2026-10-02 to 2026-10-09");
        assertThat(results.findings().get(1).message()).contains("1 claim line(s) on 2026-10-05");
    }

    @Test
    void noUnrosteredNpiNoFinding() {
        Results results = new Results();
        UnrosteredRule.check(List.of(), results);
        assertThat(results.findings()).isEmpty();
    }
}
