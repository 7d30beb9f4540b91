package org.codecred.coding;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** SCOPE-LICENSE: a code outside the scope of the rendering provider's credential family (credential-scope.csv). */
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
        Set<CredentialFamily> allowed = scope.allowed(line.procedureCode(), line.serviceDate());
        if (allowed == null || allowed.contains(credential.family())) {
            return;
        }
        String who = allowed.stream().map(CredentialFamily::label).sorted().collect(Collectors.joining(", "));
        out.add(Finding.onLine(RuleId.SCOPE_LICENSE, line, "", line.procedureCode() + " is outside the scope of a "
                + credential.canonical() + " (" + credential.family().label() + "); billable only by "
                + (who.isEmpty() ? "no credential" : who)));
    }
}
