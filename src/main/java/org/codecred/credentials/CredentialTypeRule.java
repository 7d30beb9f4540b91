package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.sources.SourceFile;

/**
 * What the credential table says about the roster's credential.
 * <ul>
 * <li>CREDENTIAL-UNKNOWN: {@code credentials.csv} does not list it, so its scope of license and peer
 * group are unknown and neither check ran: a person decides (REVIEW; domain reference 10.5). The
 * message says only that: the table cannot tell a pre-licensure title (LMSW, LPC-A) from a licence
 * nobody has added yet (contract v3: it never guesses).</li>
 * <li>CREDENTIAL-SUPERVISED: the table lists it as a supervised credential (BCaBA, RBT, PLMHP, CADC,
 * LPA; domain reference 11.5): its scope and peer checks run, and it keeps the REVIEW that
 * pre-licensure titles get, so a person checks who supervises and whether the payer accepts it.</li>
 * </ul>
 * Subject = the credential as the roster writes it.
 */
final class CredentialTypeRule implements CredentialRule {

    static final String CHECK = "credential-type";

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.rules().vocabulary(), sources.roster(), results);
    }

    static void check(Provider p, CredentialVocabulary vocabulary, SourceFile source, Results results) {
        if (!vocabulary.isKnown(p.credential())) {
            String message = "credential '" + p.credential() + "' is not in the credential table (" + CredentialVocabulary.FILE
                    + "): its scope of license and peer group could not be checked, so neither the scope rules nor the"
                    + " peer comparison ran; verify the credential with the state board, then add it to the table";
            results.finding(RuleId.CREDENTIAL_UNKNOWN, p.npi(), p.credential(), message);
            results.check(p.npi(), CHECK, CheckResult.WARN, message, source);
        } else if (vocabulary.level(p.credential()) == CredentialVocabulary.Level.SUPERVISED) {
            String message = "credential '" + p.credential() + "' (" + vocabulary.family(p.credential()).label()
                    + ") is a supervised credential in " + CredentialVocabulary.FILE + ": its services are billed under"
                    + " a supervisor's licence; verify the supervisor and that the payer accepts it";
            results.finding(RuleId.CREDENTIAL_SUPERVISED, p.npi(), p.credential(), message);
            results.check(p.npi(), CHECK, CheckResult.WARN, message, source);
        }
        // an independent credential of the table adds no row: the taxonomy-fit row already names its family
    }
}
