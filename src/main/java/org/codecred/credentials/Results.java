package org.codecred.credentials;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.sources.SourceFile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the credential rules found for one or more providers: findings and the check rows kept for the dossier. */
public final class Results {

    private final List<Finding> findings = new ArrayList<>();
    private final List<CredentialCheck> checks = new ArrayList<>();

    public List<Finding> findings() {
        return findings;
    }

    public List<CredentialCheck> checks() {
        return checks;
    }

    void check(String npi, String check, CheckResult result, String detail, SourceFile source) {
        checks.add(new CredentialCheck(npi, check, result, detail, source == null ? "" : source.name(),
                source == null ? null : source.date()));
    }

    void check(String npi, String check, CheckResult result, String detail, String sourceName, LocalDate sourceDate) {
        checks.add(new CredentialCheck(npi, check, result, detail, sourceName, sourceDate));
    }

    void finding(RuleId rule, String npi, String subject, String message) {
        findings.add(Finding.onProvider(rule, npi, subject, message));
    }
}
