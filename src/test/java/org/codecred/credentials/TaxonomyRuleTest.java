package org.codecred.credentials;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.rules.RuleTableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxonomyRuleTest {

    private static final CredentialRules RULES = CredentialRules.load(Path.of("src/test/resources/rules"));

    private static Results check(String credential, String taxonomy) {
        Results results = new Results();
        TaxonomyRule.check(Fixtures.provider("1234567893", "Fenwick", "Oona", credential, "X1", "TX",
                LocalDate.of(2029, 1, 1), taxonomy, null), RULES.taxonomies(), RULES.vocabulary(), RULES.taxonomySource(), results);
        return results;
    }

    @Test
    void socialWorkerWithPsychiatryTaxonomyFires() {
        Results r = check("LCSW", "2084P0800X");
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleId.TAXONOMY_LICENSE_MISMATCH);
        assertThat(r.findings().get(0).message()).contains("2084P0800X").contains("LCSW").contains("MD, DO");
    }

    @Test
    void organizationTaxonomyFitsNoIndividual() {
        assertThat(check("LMFT", "261QM0801X").findings()).extracting(Finding::rule)
                .containsExactly(RuleId.TAXONOMY_LICENSE_MISMATCH);
    }

    @Test
    void synonymsFitThroughTheVocabulary() {
        assertThat(check("LICSW", "1041C0700X").findings()).isEmpty();
        assertThat(check("LCSW-R", "1041C0700X").findings()).isEmpty();
        assertThat(check("LPCC", "101YM0800X").findings()).isEmpty();
        assertThat(check("LCPC", "101YP2500X").findings()).isEmpty();
        assertThat(check("PMHNP", "363LP0808X").findings()).isEmpty();
        assertThat(check("DO", "2084P0804X").findings()).isEmpty();
        assertThat(check("PsyD", "103TC0700X").findings()).isEmpty();
        assertThat(check("LICSW", "1041C0700X").checks().get(0).result()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void nurseWithPsychiatristCodeFires() {
        assertThat(check("NP", "2084P0800X").findings()).hasSize(1);
    }

    @Test
    void unknownCodeOrCredentialOrNoCodeIsNotChecked() {
        assertThat(check("LCSW", "207Q00000X").checks().get(0).result()).isEqualTo(CheckResult.NOT_CHECKED);
        assertThat(check("SHAMAN", "1041C0700X").checks().get(0).result()).isEqualTo(CheckResult.NOT_CHECKED);
        assertThat(check("LCSW", null).checks().get(0).result()).isEqualTo(CheckResult.NOT_CHECKED);
        assertThat(check("LCSW", "207Q00000X").findings()).isEmpty();
    }

    @Test
    void aFitsValueThatIsNoCredentialStopsTheRun(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("src/test/resources/rules/credentials.csv"), dir.resolve("credentials.csv"));
        Files.writeString(dir.resolve("taxonomies.csv"), "code,classification,fits\n1041C0700X,Social Worker - Clinical,LCSWW\n");
        assertThatThrownBy(() -> CredentialRules.load(dir)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("line 2").hasMessageContaining("fits").hasMessageContaining("LCSWW");
    }
}
