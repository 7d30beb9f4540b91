package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.sources.SourceFile;

/**
 * CREDENTIAL-UNKNOWN: the roster names a credential {@code credentials.csv} does not know (LMSW,
 * LPC-A, LAMFT: often pre-licensed clinicians billing under supervision). Its scope and peer checks
 * cannot run, so a person decides (REVIEW; domain reference 10.5). Subject = the credential.
 */
final class CredentialTypeRule implements CredentialRule {

    static final String CHECK = "credential-type";

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.rules().vocabulary(), sources.roster(), results);
    }

    static void check(Provider p, CredentialVocabulary vocabulary, SourceFile source, Results results) {
        if (vocabulary.isKnown(p.credential())) {
            return; // the taxonomy-fit row already names the credential's family
        }
        String message = "credential '" + p.credential() + "' is not in " + CredentialVocabulary.FILE
                + ": its scope of license and peer group are unknown, so neither the scope rules nor the peer"
                + " comparison ran; a pre-licensed credential usually bills under a supervisor: verify, then add it to the table";
        results.finding(RuleId.CREDENTIAL_UNKNOWN, p.npi(), p.credential(), message);
        results.check(p.npi(), CHECK, CheckResult.WARN, message, source);
    }
}
