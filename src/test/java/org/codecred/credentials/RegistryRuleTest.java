package org.codecred.credentials;

import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The NPPES registry in its dissemination layout (330 quoted columns), screened for rostered NPIs. */
class RegistryRuleTest {

    private static final String MATCHING = Fixtures.npi("156789012");
    private static final String DEACTIVATED = Fixtures.npi("156789013");
    private static final String REACTIVATED = Fixtures.npi("156789014");
    private static final String RENAMED = Fixtures.npi("156789015");
    private static final String OTHER_TAXONOMY = Fixtures.npi("156789016");
    private static final String OTHER_LICENSE = Fixtures.npi("156789017");
    private static final String ABSENT = Fixtures.npi("156789018");
    private static final String NOT_ROSTERED = Fixtures.npi("156789019");

    @TempDir
    Path dir;
    private NppesRegistry registry;

    @BeforeEach
    void writeRegistry() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(NppesFiles.headerLine());
        lines.add(NppesFiles.line(NppesFiles.individual(NOT_ROSTERED, "OTHER", "PERSON", "1041C0700X", "1", "TX")));
        lines.add(NppesFiles.line(NppesFiles.individual(MATCHING, "MCALLISTER-VOSS", "JUNO", "1041C0700X", "LCSW-40001", "TX")));
        Map<String, String> deactivated = NppesFiles.individual(DEACTIVATED, "HOLLOWAY", "BEA", "1041C0700X", "LCSW-40001", "TX");
        deactivated.put("NPI Deactivation Date", "03/14/2025");
        deactivated.put("NPI Deactivation Reason Code", "DT");
        lines.add(NppesFiles.line(deactivated));
        Map<String, String> reactivated = NppesFiles.individual(REACTIVATED, "HOLLOWAY", "BEA", "1041C0700X", "LCSW-40001", "TX");
        reactivated.put("NPI Deactivation Date", "03/14/2025");
        reactivated.put("NPI Reactivation Date", "05/02/2025");
        lines.add(NppesFiles.line(reactivated));
        lines.add(NppesFiles.line(NppesFiles.individual(RENAMED, "PEMBERTON", "IRIS", "1041C0700X", "LCSW-40001", "TX")));
        Map<String, String> taxonomies = NppesFiles.individual(OTHER_TAXONOMY, "HOLLOWAY", "BEA", "101YM0800X", "LCSW-40001", "TX");
        lines.add(NppesFiles.line(taxonomies));
        Map<String, String> licenses = NppesFiles.individual(OTHER_LICENSE, "HOLLOWAY", "BEA", "104100000X", "LCSW-99999", "TX");
        licenses.put("Healthcare Provider Taxonomy Code_7", "1041C0700X");
        licenses.put("Provider License Number_7", "lcsw 40001");
        licenses.put("Provider License Number State Code_7", "NM");
        lines.add(NppesFiles.line(licenses));
        Path file = dir.resolve("npidata_pfile_20050523-20261012.csv");
        Files.write(file, lines);
        registry = NppesRegistry.scan(List.of(file),
                Set.of(MATCHING, DEACTIVATED, REACTIVATED, RENAMED, OTHER_TAXONOMY, OTHER_LICENSE, ABSENT));
    }

    private Results check(Provider p) {
        Results results = new Results();
        RegistryRule.check(p, registry, results);
        return results;
    }

    private static List<String> subjects(Results r) {
        return r.findings().stream().map(f -> f.rule().id() + ":" + f.subject()).toList();
    }

    @Test
    void keepsOnlyRosteredNpis() {
        assertThat(registry.linesRead()).isEqualTo(7);
        assertThat(registry.find(NOT_ROSTERED)).isEmpty();
        assertThat(registry.find(MATCHING)).isPresent();
        assertThat(registry.find(MATCHING).get().line()).isEqualTo(3);
    }

    @Test
    void upperCaseRegistryNameMatchesTheRoster() {
        Results r = check(Fixtures.lcsw(MATCHING, "McAllister-Voss", "Juno", null));
        assertThat(r.findings()).isEmpty();
        assertThat(r.checks()).extracting(CredentialCheck::check).containsExactly(
                "nppes-registry", "nppes-deactivation", "nppes-name", "nppes-taxonomy", "nppes-license");
        assertThat(r.checks()).extracting(CredentialCheck::result).containsOnly(CheckResult.PASS);
        assertThat(r.checks().get(0).source()).isEqualTo("npidata_pfile_20050523-20261012.csv");
        assertThat(r.checks().get(0).sourceDate()).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void deactivatedNpiFires() {
        Results r = check(Fixtures.lcsw(DEACTIVATED, "Holloway", "Bea", null));
        assertThat(subjects(r)).containsExactly("NPPES-MISMATCH:deactivation");
        assertThat(r.findings().get(0).message()).contains("deactivated on 2025-03-14").contains("reason code DT")
                .contains("line 4");
    }

    @Test
    void reactivatedNpiDoesNotFire() {
        assertThat(check(Fixtures.lcsw(REACTIVATED, "Holloway", "Bea", null)).findings()).isEmpty();
    }

    @Test
    void otherNameFires() {
        Results r = check(Fixtures.lcsw(RENAMED, "Pemberton", "Isla", null));
        assertThat(subjects(r)).containsExactly("NPPES-MISMATCH:name");
        assertThat(r.findings().get(0).message()).contains("'PEMBERTON, IRIS'").contains("'Pemberton, Isla'");
    }

    @Test
    void taxonomyNotAmongTheRegistrysFires() {
        Results r = check(Fixtures.lcsw(OTHER_TAXONOMY, "Holloway", "Bea", null));
        assertThat(subjects(r)).containsExactly("NPPES-MISMATCH:taxonomy");
        assertThat(r.findings().get(0).message()).contains("1041C0700X is not among the registry's 101YM0800X");
    }

    @Test
    void anyOfTheFifteenTaxonomiesAndLicensesCounts() {
        Results r = check(Fixtures.lcsw(OTHER_LICENSE, "Holloway", "Bea", null));
        assertThat(r.findings()).isEmpty();    // taxonomy_7 and license_7 match (license ignoring case, spaces, dashes)
    }

    @Test
    void otherLicenseNumberFires() {
        Provider p = Fixtures.provider(OTHER_TAXONOMY, "Holloway", "Bea", "LCSW", "LCSW-12", "TX",
                LocalDate.of(2029, 1, 1), "101YM0800X", null);
        Results r = check(p);
        assertThat(subjects(r)).containsExactly("NPPES-MISMATCH:license_number");
        assertThat(r.findings().get(0).message()).contains("LCSW-12 (TX) is not among the registry's LCSW-40001 (TX)");
    }

    @Test
    void npiNotInTheRegistryFires() {
        Results r = check(Fixtures.lcsw(ABSENT, "Nobody", "Known", null));
        assertThat(subjects(r)).containsExactly("NPPES-MISMATCH:registry");
        assertThat(r.findings()).extracting(Finding::rule).containsOnly(RuleId.NPPES_MISMATCH);
        assertThat(r.findings().get(0).message()).contains("npidata_pfile_20050523-20261012.csv (2026-10-12)");
    }

    @Test
    void noRegistryFileMeansNotChecked() {
        Results results = new Results();
        RegistryRule.check(Fixtures.lcsw(ABSENT, "Nobody", "Known", null), NppesRegistry.empty(), results);
        assertThat(results.findings()).isEmpty();
        assertThat(results.checks()).hasSize(5).extracting(CredentialCheck::result).containsOnly(CheckResult.NOT_CHECKED);
    }

    @Test
    void fieldExtractionHonorsQuotes() {
        String line = "\"a,b\",\"say \"\"hi\"\"\",plain,\"\"";
        assertThat(NppesRegistry.field(line, 0)).isEqualTo("a,b");
        assertThat(NppesRegistry.field(line, 1)).isEqualTo("say \"hi\"");
        assertThat(NppesRegistry.field(line, 2)).isEqualTo("plain");
        assertThat(NppesRegistry.field(line, 3)).isEmpty();
        assertThat(NppesRegistry.field(line, 4)).isNull();
    }
}
