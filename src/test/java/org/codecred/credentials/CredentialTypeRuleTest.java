package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.sources.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialTypeRuleTest {

    private static final CredentialVocabulary VOCABULARY = CredentialVocabulary.load(Path.of("src/test/resources/rules"));
    private static final SourceFile ROSTER = SourceFile.named("roster.csv", LocalDate.of(2026, 10, 31));

    private static Results check(String credential) {
        Provider p = Fixtures.provider("1234567893", "Brightwater", "Lena", credential, "L-1", "OH",
                LocalDate.of(2028, 1, 1), "1041C0700X", null);
        Results results = new Results();
        CredentialTypeRule.check(p, VOCABULARY, ROSTER, results);
        return results;
    }

    @Test
    void aCredentialTheTableDoesNotKnowIsReviewedWithTheCredentialAsSubject() {
        Results r = check("LMSW");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.CREDENTIAL_UNKNOWN);
            assertThat(f.subject()).isEqualTo("LMSW");
            assertThat(f.message()).contains("neither the scope rules nor the peer comparison ran");
        });
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.WARN);
    }

    @Test
    void knownCredentialsAndTheirSynonymsPass() {
        for (String credential : new String[]{"LCSW", "licsw", "Ph.D.", "PMHNP-BC"}) {
            Results r = check(credential);
            assertThat(r.findings()).as(credential).isEmpty();
            assertThat(r.checks()).as(credential).isEmpty();
        }
    }
}
