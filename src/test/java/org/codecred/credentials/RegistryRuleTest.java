package org.codecred.credentials;

import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.NppesRegistry;
import org.codecred.staging.ClaimLineTable;
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
    private static final String ORGANIZATION = Fixtures.npi("256789010");

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
        Map<String, String> organization = NppesFiles.individual(ORGANIZATION, "", "", "261QM0801X", "", "");
        organization.put("Entity Type Code", "2");
        organization.put("Provider Organization Name (Legal Business Name)", "HARBORVIEW COUNSELING CENTER, LLC");
        lines.add(NppesFiles.line(organization));
        Path file = dir.resolve("npidata_pfile_20050523-20261012.csv");
        Files.write(file, lines);
        registry = NppesRegistry.scan(List.of(file),
                Set.of(MATCHING, DEACTIVATED, REACTIVATED, RENAMED, OTHER_TAXONOMY, OTHER_LICENSE, ABSENT, ORGANIZATION));
    }

    private Results check(Provider p) {
        Results results = new Results();
        RegistryRule.check(p, registry, null, results);
        return results;
    }

    private static List<String> subjects(Results r) {
        return r.findings().stream().map(f -> f.rule().id() + ":" + f.subject()).toList();
    }

    @Test
    void keepsOnlyRosteredNpis() {
        assertThat(registry.linesRead()).isEqualTo(8);
        assertThat(registry.find(NOT_ROSTERED)).isEmpty();
        assertThat(registry.find(MATCHING)).isPresent();
        assertThat(registry.find(MATCHING).get().line()).isEqualTo(3);
    }

    @Test
    void aDeactivationDateThatIsNoDateIsNeverReadAsActive() throws IOException {
        String npi = Fixtures.npi("156789020");
        Map<String, String> row = NppesFiles.individual(npi, "HOLLOWAY", "BEA", "1041C0700X", "LCSW-40001", "TX");
        row.put("NPI Deactivation Date", "13/45/2024");
        Path file = dir.resolve("npidata_pfile_20050523-20261019.csv");
        Files.write(file, List.of(NppesFiles.headerLine(), NppesFiles.line(row)));
        Results r = new Results();
        RegistryRule.check(Fixtures.lcsw(npi, "Holloway", "Bea", null), NppesRegistry.scan(List.of(file), Set.of(npi)), null, r);
        assertThat(subjects(r)).containsExactly("NPPES-MISMATCH:deactivation");
        assertThat(r.findings().get(0).message()).contains("'13/45/2024'").contains("cannot be told");
        assertThat(r.checks()).filteredOn(c -> c.check().equals("nppes-deactivation")).singleElement()
                .satisfies(c -> assertThat(c.result()).isEqualTo(CheckResult.FAIL));
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
    void deactivatedNpiWithoutLaterClaimLinesIsAMismatch() {
        Results r = check(Fixtures.lcsw(DEACTIVATED, "Holloway", "Bea", null));
        assertThat(subjects(r)).containsExactly("NPPES-MISMATCH:deactivation");
        assertThat(r.findings().get(0).message()).contains("deactivated on 2025-03-14").contains("reason code DT")
                .contains("line 4").contains("no claim line of the month is dated on or after it");
    }

    @Test
    void claimLinesOnOrAfterTheDeactivationAreNpiDeactivated() {
        Results r = new Results();
        // another name and taxonomy on the roster: a deactivated row adds no mismatch of its own
        Provider p = Fixtures.provider(DEACTIVATED, "Holloway-Quist", "Beatrix", "LCSW", "LCSW-1", "TX",
                LocalDate.of(2029, 1, 1), "101YM0800X", null);
        RegistryRule.check(p, registry, new ClaimLineTable.NpiActivity(DEACTIVATED, 3, LocalDate.of(2025, 3, 14),
                LocalDate.of(2025, 3, 20)), r);
        assertThat(subjects(r)).containsExactly("NPI-DEACTIVATED:2025-03-14");
        assertThat(r.findings().get(0).message()).contains("3 claim line(s) dated from 2025-03-14 to 2025-03-20")
                .contains("after its deactivation");
        assertThat(r.checks()).filteredOn(c -> List.of("nppes-name", "nppes-taxonomy", "nppes-license").contains(c.check()))
                .extracting(CredentialCheck::result).containsOnly(CheckResult.NOT_CHECKED);
    }

    @Test
    void organizationRowsCompareOnTheLegalBusinessName() {
        Provider org = Fixtures.provider(ORGANIZATION, "Harborview Counseling Center LLC", "", "LCSW", null, null,
                LocalDate.of(2029, 1, 1), "261QM0801X", null);
        Results r = check(org);
        assertThat(r.findings()).isEmpty();
        assertThat(r.checks()).filteredOn(c -> c.check().equals("nppes-name")).singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("HARBORVIEW COUNSELING CENTER, LLC (organization)"));
        Provider other = Fixtures.provider(ORGANIZATION, "Harborside Wellness", "", "LCSW", null, null,
                LocalDate.of(2029, 1, 1), "261QM0801X", null);
        assertThat(subjects(check(other))).containsExactly("NPPES-MISMATCH:name");
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
    void otherLicenseNumberOnlyWarns() {
        Provider p = Fixtures.provider(OTHER_TAXONOMY, "Holloway", "Bea", "LCSW", "LCSW-12", "TX",
                LocalDate.of(2029, 1, 1), "101YM0800X", null);
        Results r = check(p);
        assertThat(r.findings()).isEmpty();
        assertThat(r.checks()).filteredOn(c -> c.check().equals("nppes-license")).singleElement().satisfies(c -> {
            assertThat(c.result()).isEqualTo(CheckResult.WARN);
            assertThat(c.detail()).contains("LCSW-12 (TX) is not among the registry's LCSW-40001 (TX)").contains("self-reported");
        });
    }

    @Test
    void licenseNumbersCompareOnTheirDigits() {
        Provider p = Fixtures.provider(MATCHING, "McAllister-Voss", "Juno", "LCSW", "40001", "TX",
                LocalDate.of(2029, 1, 1), "1041C0700X", null);
        assertThat(check(p).checks()).filteredOn(c -> c.check().equals("nppes-license")).extracting(CredentialCheck::result)
                .containsExactly(CheckResult.PASS);
        assertThat(RegistryRule.licenseKey("LCSW-040001")).isEqualTo(RegistryRule.licenseKey("40001"));
    }

    @Test
    void weeklyFilesAfterTheMonthlyOneWin() throws IOException {
        Path nppes = Files.createDirectories(dir.resolve("nppes"));
        Files.write(nppes.resolve("npidata_pfile_20050523-20261012.csv"), List.of(NppesFiles.headerLine(),
                NppesFiles.line(NppesFiles.individual(MATCHING, "OLDNAME", "JUNO", "1041C0700X", "1", "TX"))));
        Files.write(nppes.resolve("npidata_pfile_20261013-20261019.csv"), List.of(NppesFiles.headerLine(),
                NppesFiles.line(NppesFiles.individual(MATCHING, "NEWNAME", "JUNO", "1041C0700X", "1", "TX"))));
        Files.write(nppes.resolve("npidata_pfile_20261006-20261012.csv"), List.of(NppesFiles.headerLine(),
                NppesFiles.line(NppesFiles.individual(MATCHING, "OLDERWEEK", "JUNO", "1041C0700X", "1", "TX"))));
        Files.write(nppes.resolve("npidata_pfile_20050523-20261012_fileheader.csv"), List.of(NppesFiles.headerLine()));
        List<Path> files = NppesRegistry.registryFiles(nppes);
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly(
                "npidata_pfile_20050523-20261012.csv", "npidata_pfile_20261006-20261012.csv",
                "npidata_pfile_20261013-20261019.csv");
        NppesRegistry weekly = NppesRegistry.scan(files, Set.of(MATCHING));
        assertThat(weekly.find(MATCHING).orElseThrow().lastName()).isEqualTo("NEWNAME");
        assertThat(weekly.files()).hasSize(3).allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
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
        RegistryRule.check(Fixtures.lcsw(ABSENT, "Nobody", "Known", null), NppesRegistry.empty(), null, results);
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
