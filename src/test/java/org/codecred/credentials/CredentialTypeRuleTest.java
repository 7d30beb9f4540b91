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
            assertThat(f.message()).contains("is not in the credential table")
                    .contains("neither the scope rules nor the peer comparison ran")
                    .doesNotContainIgnoringCase("pre-licens").doesNotContainIgnoringCase("supervis");
        });
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.WARN);
    }

    @Test
    void theLicensedCredentialsOfTheDomainReferenceAreKnown() {
        // domain reference 11.5: a BCBA or a Kansas LSCSW is not "unknown"
        for (String credential : new String[]{"BCBA", "BCBA-D", "LBA", "LSCSW", "LICSW", "LCSW-C", "LCSW-S", "LPC-S",
                "LIMHP", "LMHP", "LPCMH", "LMHC", "LPCC", "LCPC", "LPC-MH", "LCAS", "LCADC", "LMFT", "LP", "PMHNP",
                "APRN", "PA"}) {
            Results r = check(credential);
            assertThat(r.findings()).as(credential).isEmpty();
            assertThat(VOCABULARY.level(credential)).as(credential).isEqualTo(CredentialVocabulary.Level.INDEPENDENT);
        }
        assertThat(VOCABULARY.family("BCBA")).isEqualTo(org.codecred.domain.CredentialFamily.BEHAVIOR_ANALYST);
        assertThat(VOCABULARY.family("LSCSW")).isEqualTo(org.codecred.domain.CredentialFamily.SOCIAL_WORKER);
        assertThat(VOCABULARY.family("LCAS")).isEqualTo(org.codecred.domain.CredentialFamily.COUNSELOR);
    }

    @Test
    void aSupervisedCredentialIsKnownButReviewed() {
        for (String credential : new String[]{"BCaBA", "RBT", "PLMHP", "CADC", "LPA"}) {
            Results r = check(credential);
            assertThat(r.findings()).as(credential).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(RuleId.CREDENTIAL_SUPERVISED);
                assertThat(f.subject()).isEqualTo(credential);
                assertThat(f.message()).contains("supervised credential").doesNotContain("not in the credential table");
            });
            assertThat(r.checks().get(0).result()).as(credential).isEqualTo(CheckResult.WARN);
        }
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
