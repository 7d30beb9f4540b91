package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.SourceFile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * LICENSE-EXPIRED: the license expired before the end of the month, or before a service date of the
 * provider's claim lines. LICENSE-EXPIRING (INFO since contract v3: it decides no verdict; the summary's
 * Renewals due sheet lists it): it expires within 90 days after the month's end. A
 * license is valid through its expiry date. LICENSE-UNVERIFIED: the roster gives no expiry date, so
 * the license cannot be verified (REVIEW; domain reference 10.5).
 */
final class LicenseRule implements CredentialRule {

    static final String CHECK = "license-expiry";
    static final int EXPIRING_WITHIN_DAYS = 90;

    /** The provider's claim lines dated after the license's expiry date. */
    record LinesAfterExpiry(String npi, long lines, LocalDate first, LocalDate last) {
    }

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.month(), sources.linesAfterExpiry().get(p.npi()), sources.roster(), results);
    }

    static void check(Provider p, YearMonth month, LinesAfterExpiry after, SourceFile roster, Results results) {
        LocalDate expires = p.licenseExpires();
        String license = "license " + (p.licenseNumber() == null ? "(no number on the roster)" : p.licenseNumber())
                + (p.licenseState() == null ? "" : " (" + p.licenseState() + ")");
        if (expires == null) {
            String message = license + ": the roster gives no license_expires date, so the license is unverified;"
                    + " check it with the state board and add the date to the roster";
            results.finding(RuleId.LICENSE_UNVERIFIED, p.npi(), "", message);
            results.check(p.npi(), CHECK, CheckResult.WARN, message, roster);
            return;
        }
        LocalDate monthEnd = month.atEndOfMonth();
        String linesAfter = after == null || after.lines() == 0 ? "" : "; " + after.lines() + " claim line(s) dated after it ("
                + (after.first().equals(after.last()) ? after.first() : after.first() + " to " + after.last()) + ")";
        if (expires.isBefore(monthEnd)) {
            String message = license + " expired on " + expires + ", before the end of " + month + linesAfter;
            results.finding(RuleId.LICENSE_EXPIRED, p.npi(), "", message);
            results.check(p.npi(), CHECK, CheckResult.FAIL, message, roster);
        } else if (!linesAfter.isEmpty()) {
            String message = license + " expired on " + expires + ", before service dates of this month's claims" + linesAfter;
            results.finding(RuleId.LICENSE_EXPIRED, p.npi(), "", message);
            results.check(p.npi(), CHECK, CheckResult.FAIL, message, roster);
        } else if (!expires.isAfter(monthEnd.plusDays(EXPIRING_WITHIN_DAYS))) {
            long days = ChronoUnit.DAYS.between(monthEnd, expires);
            String message = license + " expires on " + expires + ", " + days + " day(s) after the end of " + month
                    + " (within " + EXPIRING_WITHIN_DAYS + "): get the renewal";
            results.finding(RuleId.LICENSE_EXPIRING, p.npi(), "", message);
            results.check(p.npi(), CHECK, CheckResult.WARN, message, roster);
        } else {
            results.check(p.npi(), CHECK, CheckResult.PASS, license + " valid until " + expires, roster);
        }
    }
}
