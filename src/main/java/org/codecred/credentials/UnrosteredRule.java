package org.codecred.credentials;

import org.codecred.domain.RuleId;

import java.time.LocalDate;
import java.util.List;

/**
 * For rendering NPIs in the month's claim lines that are not on the roster: PROVIDER-NOT-ROSTERED,
 * one finding per NPI with its line count, and NPI-INVALID when the NPI also fails the check digit.
 */
final class UnrosteredRule {

    /** A rendering NPI of the month's claims that is not on the roster, with its lines. */
    record UnrosteredNpi(String npi, long lines, LocalDate first, LocalDate last) {
    }

    private UnrosteredRule() {
    }

    static void check(List<UnrosteredNpi> unrostered, Results results) {
        for (UnrosteredNpi u : unrostered) {
            String dates = u.first().equals(u.last()) ? "on " + u.first() : "from " + u.first() + " to " + u.last();
            results.finding(RuleId.PROVIDER_NOT_ROSTERED, u.npi(), "", "rendering NPI " + u.npi() + " is on "
                    + u.lines() + " claim line(s) " + dates + " but not on the roster: add the provider to the roster"
                    + " or correct the claims");
            String problem = NpiCheckDigit.problem(u.npi());
            if (problem != null) {
                results.finding(RuleId.NPI_INVALID, u.npi(), "", "rendering NPI " + u.npi() + " on " + u.lines()
                        + " claim line(s) " + problem + ": it cannot be a real NPI");
            }
        }
    }
}
