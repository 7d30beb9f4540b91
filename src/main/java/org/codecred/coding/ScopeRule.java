package org.codecred.coding;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SCOPE-LICENSE: a code outside the scope of the rendering provider's credential family, outside the
 * credentials its scope row names within the family (TMS by physicians only), or billed without the
 * taxonomy its scope row requires (credential-scope.csv). The finding takes the row's
 * severity: ERROR where the sources are firm (E/M and 90792 by non-prescribers; 90863 by a psychologist
 * without the prescribing taxonomy), WARNING where scope is payer- or state-dependent (HBAI, testing).
 * Providers not rostered, or whose credential the table does not know, are not checked.
 */
final class ScopeRule implements LineRule {

    private final CredentialScope scope;

    ScopeRule(CredentialScope scope) {
        this.scope = scope;
    }

    @Override
    public void check(CheckedLine checked, Credential credential, List<Finding> out) {
        if (checked.code() == null || credential == null || credential.family() == CredentialFamily.UNKNOWN) {
            return;
        }
        var line = checked.line();
        CredentialScope.Entry entry = scope.entry(line.procedureCode(), line.serviceDate());
        if (entry == null) {
            return;
        }
        String message;
        if (!entry.families().contains(credential.family())) {
            String who = entry.families().stream().map(CredentialFamily::label).sorted().collect(Collectors.joining(", "));
            message = line.procedureCode() + " is outside the scope of a " + credential.canonical() + " ("
                    + credential.family().label() + "); billable only by " + (who.isEmpty() ? "no credential" : who);
        } else if (!entry.credentials().isEmpty()
                && entry.credentials().stream().noneMatch(c -> c.equalsIgnoreCase(credential.canonical()))) {
            message = line.procedureCode() + " is billable by " + credential.family().label() + " only as "
                    + String.join(" or ", entry.credentials().stream().sorted().toList()) + "; the roster gives "
                    + credential.canonical();
        } else if (!entry.taxonomies().isEmpty()
                && (credential.taxonomy() == null || !entry.taxonomies().contains(credential.taxonomy()))) {
            message = line.procedureCode() + " is billable by " + credential.family().label() + " only with taxonomy "
                    + String.join(" or ", entry.taxonomies().stream().sorted().toList()) + "; the roster gives "
                    + (credential.taxonomy() == null ? "no taxonomy" : credential.taxonomy());
        } else {
            return;
        }
        if (entry.severity() != RuleId.SCOPE_LICENSE.severity()) {
            message += " (" + entry.severity().name() + " per " + entry.origin()
                    + ": scope here depends on the payer and state, or is unverified)";
        }
        out.add(Finding.onLine(RuleId.SCOPE_LICENSE, line, "", message).withSeverity(entry.severity()));
    }
}
