package org.codecred.alignment;

import org.codecred.rules.RuleTableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlignmentRulesTest {

    @Test
    void theSpecialtyTableHoldsEveryIdOfTheContract() {
        assertThat(Fixtures.rules().specialties().all()).extracting(Specialty::id).contains("trauma", "family-therapy",
                "group-therapy", "child-adolescent", "substance-use", "medication-management", "crisis-intervention",
                "psychological-testing", "couples-therapy", "geriatric", "serious-mental-illness");
        assertThat(Fixtures.rules().specialties().all()).allSatisfy(s -> {
            assertThat(s.weakShare()).isLessThanOrEqualTo(s.supportedShare());
            assertThat(s.undeclaredShare()).isGreaterThanOrEqualTo(s.supportedShare());
        });
    }

    @Test
    void theEvidenceCodeListsMatchTheDomainReference() {
        SpecialtyTable t = Fixtures.rules().specialties();
        Specialty testing = t.find("psychological-testing").orElseThrow();
        assertThat(testing.codes().contains("96130")).isTrue();
        assertThat(testing.codes().contains("96139")).isTrue();
        assertThat(testing.codes().contains("96156")).isFalse();
        Specialty meds = t.find("medication-management").orElseThrow();
        assertThat(meds.codes().contains("99214")).isTrue();
        assertThat(meds.codes().contains("90792")).isTrue();
        assertThat(meds.codes().contains("90791")).isFalse();
        Specialty smi = t.find("serious-mental-illness").orElseThrow();
        assertThat(smi.diagnosisPrefixes()).contains("F20", "F25", "F31").doesNotContain("F32", "F33");
    }

    @Test
    void aBadSpecialtyRowStopsTheRunNamingLineAndColumn(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve(SpecialtyTable.FILE), "specialty,diagnosis_prefixes,procedure_codes,min_age,max_age,"
                + "supported_share,weak_share,min_volume,undeclared_share\n"
                + "trauma,F43.1,,,,0.10,0.20,10,0.5\n");
        assertThatThrownBy(() -> SpecialtyTable.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("line 2").hasMessageContaining("weak_share");
        Files.writeString(rules.resolve(SpecialtyTable.FILE), "specialty,diagnosis_prefixes,procedure_codes,min_age,max_age,"
                + "supported_share,weak_share,min_volume,undeclared_share\n"
                + "testing,,96139-96130,,,0.10,0.02,10,\n");
        assertThatThrownBy(() -> SpecialtyTable.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("procedure_codes");
    }
}
