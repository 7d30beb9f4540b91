package org.codecred.credentials;

import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.SourceFile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseRuleTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final SourceFile ROSTER = SourceFile.named("roster.csv", LocalDate.of(2026, 10, 31));

    private static Results check(LocalDate expires, LicenseRule.LinesAfterExpiry after) {
        Provider p = Fixtures.provider("1234567893", "Brightwater", "Lena", "LPC", "LPC-778", "OH", expires, "101YP2500X", null);
        Results results = new Results();
        LicenseRule.check(p, OCTOBER, after, ROSTER, results);
        return results;
    }

    @Test
    void expiredInTheMonth() {
        Results r = check(LocalDate.of(2026, 10, 15), null);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleId.LICENSE_EXPIRED);
        assertThat(r.findings().get(0).message()).contains("LPC-778 (OH) expired on 2026-10-15, before the end of 2026-10");
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.FAIL);
    }

    @Test
    void expiredBeforeAServiceDateAfterTheMonth() {
        Results r = check(LocalDate.of(2026, 11, 3), new LicenseRule.LinesAfterExpiry("1234567893", 2,
                LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 6)));
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleId.LICENSE_EXPIRED);
        assertThat(r.findings().get(0).message()).contains("before service dates").contains("2 claim line(s)");
    }

    @Test
    void validThroughTheLastDayOfTheMonthIsNotExpiredButExpiring() {
        Results r = check(LocalDate.of(2026, 10, 31), null);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleId.LICENSE_EXPIRING);
    }

    @Test
    void expiringWithinNinetyDays() {
        Results r = check(LocalDate.of(2026, 10, 31).plusDays(90), null);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleId.LICENSE_EXPIRING);
        assertThat(r.findings().get(0).message()).contains("90 day(s) after the end of 2026-10");
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.WARN);
    }

    @Test
    void ninetyOneDaysAwayPasses() {
        Results r = check(LocalDate.of(2026, 10, 31).plusDays(91), null);
        assertThat(r.findings()).isEmpty();
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void missingExpiryDateIsAnUnverifiedLicense() {
        Results r = check(null, null);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(org.codecred.domain.RuleId.LICENSE_UNVERIFIED);
            assertThat(f.message()).contains("the license is unverified");
        });
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.WARN);
        assertThat(r.checks().get(0).detail()).contains("no license_expires");
    }
}
