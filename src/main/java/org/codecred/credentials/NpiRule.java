package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.SourceFile;

/** NPI-INVALID for a rostered provider: the NPI fails the CMS check digit (Luhn over 80840 + NPI). */
final class NpiRule implements CredentialRule {

    static final String CHECK = "npi-check-digit";

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.roster(), results);
    }

    static void check(Provider p, SourceFile roster, Results results) {
        String problem = NpiCheckDigit.problem(p.npi());
        if (problem == null) {
            results.check(p.npi(), CHECK, CheckResult.PASS, "NPI " + p.npi() + " passes the CMS check digit", roster);
            return;
        }
        String message = "roster NPI " + p.npi() + " " + problem + ": it cannot be a real NPI; correct it on the roster";
        results.finding(RuleId.NPI_INVALID, p.npi(), "", message);
        results.check(p.npi(), CHECK, CheckResult.FAIL, message, roster);
    }
}
