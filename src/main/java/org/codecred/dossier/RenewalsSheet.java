package org.codecred.dossier;

import org.codecred.domain.Provider;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The summary's Renewals due: the providers whose license expires within the LICENSE-EXPIRING
 * window after the month, soonest first, whatever that rule's severity (it decides no verdict).
 */
final class RenewalsSheet implements MonthSheet {

    static final String NAME = "Renewals due";
    static final String RULE = "LICENSE-EXPIRING";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(SheetWriter sheet, SummaryMonth summary) {
        List<Provider> due = summary.providers().stream().map(SummaryWorkbook.ProviderRow::provider)
                .filter(p -> summary.rulesNow().getOrDefault(p.npi(), Set.of()).contains(RULE))
                .sorted(Comparator.comparing(Provider::licenseExpires, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Provider::npi))
                .toList();
        var monthEnd = summary.month().atEndOfMonth();
        sheet.title("License renewals due after " + summary.month() + " (" + due.size() + "): get the renewal before the"
                + " license expires (dates as the roster states them)");
        sheet.tableHeader("Provider", "NPI", "Credential", "License", "State", "Expires", "Days after the month");
        if (due.isEmpty()) {
            sheet.row().text("none");
        }
        for (Provider p : due) {
            sheet.row().text(p.displayName()).text(p.npi()).text(p.credential()).text(p.licenseNumber())
                    .text(p.licenseState()).date(p.licenseExpires())
                    .integer(p.licenseExpires() == null ? null : ChronoUnit.DAYS.between(monthEnd, p.licenseExpires()));
        }
        sheet.finish();
    }
}
