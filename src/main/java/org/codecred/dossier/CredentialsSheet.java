package org.codecred.dossier;

import org.codecred.credentials.CredentialCheck;
import org.codecred.dossier.Styles.Fill;

import java.util.Locale;

/** The dossier's Credentials sheet: each credential check with its result, detail, source and the source's date. */
final class CredentialsSheet implements DossierSheet {

    static final String NAME = "Credentials";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(SheetWriter sheet, Dossier dossier, RunFacts run) {
        sheet.title("Credential checks: " + dossier.identity());
        sheet.tableHeader("#", "Check", "Result", "Detail", "Source", "Source date");
        if (dossier.checks().isEmpty()) {
            sheet.row().skip().text(NO_CHECKS);
        }
        int seq = 0;
        for (CredentialCheck check : dossier.checks()) {
            sheet.row().lineNo(++seq).text(check.check()).text(check.result().label(), Fill.of(check.result()))
                    .wrap(check.detail()).text(source(check)).date(check.sourceDate());
        }
        sheet.finish();
    }

    /** The check's source; the license check says where its date comes from. */
    private static String source(CredentialCheck check) {
        if (check.check() != null && check.check().toLowerCase(Locale.ROOT).contains("license")
                && check.source() != null && check.source().toLowerCase(Locale.ROOT).contains("roster")) {
            return check.source() + " (as the roster states; not verified with the state board)";
        }
        return check.source();
    }
}
