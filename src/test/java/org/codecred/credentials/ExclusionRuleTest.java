package org.codecred.credentials;

import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OIG LEIE in its published layout: every field quoted, YYYYMMDD dates, zeros for empty. */
class ExclusionRuleTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final String HEADER = "LASTNAME,FIRSTNAME,MIDNAME,BUSNAME,GENERAL,SPECIALTY,UPIN,NPI,DOB,ADDRESS,CITY,STATE,ZIP,"
            + "EXCLTYPE,EXCLDATE,REINDATE,WAIVERDATE,WVRSTATE";

    @TempDir
    Path dir;

    /** One LEIE row, all 18 fields quoted as published. */
    static String row(String last, String first, String npi, String dob, String type, String excl, String rein) {
        return NppesFiles.quoted(new String[]{last, first, "", "", "INDIVIDUAL", "SOCIAL WORKER", "", npi, dob,
                "12 ELM ST", "SPRINGFIELD", "OH", "45501", type, excl, rein, "00000000", ""});
    }

    private ExclusionList list(String name, String header, String... rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, header + "\r\n" + String.join("\r\n", rows) + "\r\n");
        return ExclusionList.load(List.of(file));
    }

    private static Results check(Provider p, ExclusionList list) {
        Results results = new Results();
        ExclusionRule.check(p, list, OCTOBER, results);
        return results;
    }

    private static final String NPI = Fixtures.npi("145678901");

    @Test
    void matchByNpi() throws IOException {
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("ZEPHYRINE", "MARLO", NPI, "19700101", "1128a1", "20190520", "00000000"));
        Results r = check(Fixtures.lcsw(NPI, "Zephyrine", "Marlo", null), list);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleId.EXCLUDED_OIG);
        assertThat(r.findings().get(0).message()).contains("by NPI " + NPI).contains("'ZEPHYRINE, MARLO'")
                .contains("exclusion type 1128a1 from 2019-05-20").contains("UPDATED.csv line 2");
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.checks().get(0).source()).isEqualTo("UPDATED.csv");
    }

    @Test
    void matchByNameAndBirthDateWhenTheRowHasNoNpi() throws IOException {
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("DE LA CRUZ", "JOSE", "0000000000", "19811203", "1128b4", "20200115", "00000000"));
        Results r = check(Fixtures.lcsw(NPI, "de la Cruz", "José", LocalDate.of(1981, 12, 3)), list);
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleId.EXCLUDED_OIG);
        assertThat(r.findings().get(0).message()).contains("by name and birth date (birth date matched; the row has no NPI)").doesNotContain("1981-12-03")
                .contains("1128b4").contains("2020-01-15");
    }

    @Test
    void namesakeWithAnotherBirthDateDoesNotFire() throws IOException {
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("DE LA CRUZ", "JOSE", "0000000000", "19550607", "1128b4", "20200115", "00000000"));
        Results r = check(Fixtures.lcsw(NPI, "De La Cruz", "Jose", LocalDate.of(1981, 12, 3)), list);
        assertThat(r.findings()).isEmpty();
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.PASS);
        assertThat(r.checks().get(0).detail()).contains("namesake(s) with another birth date");
    }

    @Test
    void rowWithAnotherNpiIsNotMatchedByName() throws IOException {
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("DE LA CRUZ", "JOSE", Fixtures.npi("198765432"), "19811203", "1128b4", "20200115", "00000000"));
        assertThat(check(Fixtures.lcsw(NPI, "De La Cruz", "Jose", LocalDate.of(1981, 12, 3)), list).findings()).isEmpty();
    }

    @Test
    void namesakeWithoutBirthDateOnTheRosterIsAWarnRowOnly() throws IOException {
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("ORTOLAN", "PIA", "0000000000", "19770401", "1128a1", "20210301", "00000000"));
        Results r = check(Fixtures.lcsw(NPI, "Ortolan", "Pia", null), list);
        assertThat(r.findings()).isEmpty();
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.WARN);
        assertThat(r.checks().get(0).detail()).contains("possible namesake").contains("not on the roster");
    }

    @Test
    void reinstatedProviderDoesNotFire() throws IOException {
        // UPDATED.csv still holds the exclusion; the monthly reinstatement supplement cancels it
        Path updated = dir.resolve("UPDATED.csv");
        Files.writeString(updated, HEADER + "\n" + row("KESTREL", "ODA", NPI, "19660912", "1128b14", "20230410", "00000000") + "\n");
        Path rein = dir.resolve("2610REIN.csv");
        Files.writeString(rein, HEADER + "\n" + row("KESTREL", "ODA", NPI, "19660912", "1128b14", "20230410", "20261006") + "\n");
        Results r = check(Fixtures.lcsw(NPI, "Kestrel", "Oda", null), ExclusionList.load(List.of(rein, updated)));
        assertThat(r.findings()).isEmpty();
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.PASS);
        assertThat(r.checks().get(0).detail()).contains("reinstated 2026-10-06");
    }

    @Test
    void reinstatementAfterTheMonthStillExcludesInTheMonth() throws IOException {
        ExclusionList list = list("2611REIN.csv", HEADER,
                row("KESTREL", "ODA", NPI, "19660912", "1128b14", "20230410", "20261115"));
        assertThat(check(Fixtures.lcsw(NPI, "Kestrel", "Oda", null), list).findings()).hasSize(1);
    }

    @Test
    void exclusionStartingAfterTheMonthDoesNotFireYet() throws IOException {
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("KESTREL", "ODA", NPI, "19660912", "1128a1", "20261120", "00000000"));
        Results r = check(Fixtures.lcsw(NPI, "Kestrel", "Oda", null), list);
        assertThat(r.findings()).isEmpty();
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.WARN);
    }

    @Test
    void waiverStateSpellingAndLowerCaseHeaderAreAccepted() throws IOException {
        ExclusionList list = list("leie.csv", HEADER.replace("WVRSTATE", "WAIVERSTATE").toLowerCase(),
                row("ZEPHYRINE", "MARLO", NPI, "19700101", "1128a1", "20190520", "00000000"));
        assertThat(check(Fixtures.lcsw(NPI, "Zephyrine", "Marlo", null), list).findings()).hasSize(1);
    }

    @Test
    void providerNotOnTheListPasses() throws IOException {
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("ZEPHYRINE", "MARLO", Fixtures.npi("187654321"), "19700101", "1128a1", "20190520", "00000000"));
        Results r = check(Fixtures.lcsw(NPI, "Amberline", "Rue", LocalDate.of(1990, 1, 1)), list);
        assertThat(r.findings()).isEmpty();
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.PASS);
        assertThat(r.checks().get(0).detail()).contains("not on the OIG exclusion list (1 rows in UPDATED.csv");
    }

    @Test
    void noExclusionFileIsNotChecked() {
        Results r = check(Fixtures.lcsw(NPI, "Amberline", "Rue", null), ExclusionList.empty());
        assertThat(r.findings()).isEmpty();
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.NOT_CHECKED);
    }

    @Test
    void aFileInAnotherLayoutIsRefusedByName() throws IOException {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "name,npi\nx,1\n");
        assertThatThrownBy(() -> ExclusionList.load(List.of(file))).hasMessageContaining("other.csv")
                .hasMessageContaining("LEIE");
    }

    @Test
    void namesIgnoreCaseAccentsAndSpaces() {
        assertThat(Names.same("Núñez-Paz", "NUNEZ PAZ")).isTrue();
        assertThat(Names.same("de la Cruz", "DELACRUZ")).isTrue();
        assertThat(Names.same("Nunez", "Nunes")).isFalse();
    }
}
