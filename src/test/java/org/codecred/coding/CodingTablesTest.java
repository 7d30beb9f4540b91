package org.codecred.coding;

import org.codecred.rules.RuleTableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table cells of issue 25: capacity settings and a scope row's credentials. */
class CodingTablesTest {

    @Test
    void capacityThresholdsAreSettingsAndABadOneNamesItsLine(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve(CodingSettings.FILE),
                "setting,value\ncapacity_day_minutes,900\ncapacity_long_days,4\n");
        CodingSettings settings = CodingSettings.load(rules);
        assertThat(settings.capacityDayMinutes()).isEqualTo(900);
        assertThat(settings.capacityLongDays()).isEqualTo(4);
        assertThat(settings.dailyPlausibleMinutes()).isEqualTo(720);

        Files.writeString(rules.resolve(CodingSettings.FILE), "setting,value\ncapacity_long_days,0\n");
        assertThatThrownBy(() -> CodingSettings.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("line 2").hasMessageContaining("at least 1");
    }

    @Test
    void aScopeRowNamesOnlyCredentialsOfItsFamilies(@TempDir Path rules) throws Exception {
        Files.copy(Path.of("src/test/resources/rules/credentials.csv"), rules.resolve("credentials.csv"));
        Files.writeString(rules.resolve(CredentialScope.FILE),
                "codes,families,effective_from,effective_to,credentials\n90867,prescriber,,,MD;DO\n");
        CredentialScope scope = CredentialScope.load(rules);
        assertThat(scope.entry("90867", Lines.DAY).credentials()).containsExactlyInAnyOrder("MD", "DO");

        Files.writeString(rules.resolve(CredentialScope.FILE),
                "codes,families,effective_from,effective_to,credentials\n90867,prescriber,,,LCSW\n");
        assertThatThrownBy(() -> CredentialScope.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("line 2").hasMessageContaining("LCSW");
    }
}
