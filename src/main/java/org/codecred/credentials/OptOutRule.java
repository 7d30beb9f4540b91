package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.OptOutList;
import org.codecred.sources.SourceFile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * MEDICARE-OPT-OUT (REVIEW): the provider's NPI is on the CMS opt-out affidavits file with an opt-out
 * period covering part of the month. An opted-out practitioner may not bill Medicare in that period
 * (SSA 1802(b), 42 CFR 405.410); other payers may still be billed, so a person decides.
 */
final class OptOutRule implements CredentialRule {

    static final String CHECK = "medicare-opt-out";

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.optOuts(), sources.month(), results);
    }

    static void check(Provider p, OptOutList list, YearMonth month, Results results) {
        if (list.isEmpty()) {
            results.check(p.npi(), CHECK, CheckResult.NOT_CHECKED,
                    "no CMS opt-out affidavits file in optout/: the opt-out list was not checked", "optout/", null);
            return;
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<OptOutList.Entry> rows = list.byNpi(p.npi());
        OptOutList.Entry covering = rows.stream().filter(e -> e.covers(from, to)).findFirst().orElse(null);
        if (covering != null) {
            String message = "NPI " + p.npi() + " is on the Medicare opt-out list during " + month + ": "
                    + covering.describe() + "; Medicare may not be billed for the opt-out period";
            results.finding(RuleId.MEDICARE_OPT_OUT, p.npi(), "", message);
            results.check(p.npi(), CHECK, CheckResult.FAIL, message, covering.source());
        } else if (!rows.isEmpty()) {
            results.check(p.npi(), CHECK, CheckResult.WARN, "on the Medicare opt-out list outside " + month + ": "
                    + rows.get(0).describe(), rows.get(0).source());
        } else {
            results.check(p.npi(), CHECK, CheckResult.PASS, "not on the Medicare opt-out list (" + list.rows() + " rows in "
                    + String.join(", ", list.files().stream().map(SourceFile::toString).toList()) + ")", list.files().get(0));
        }
    }
}
