package org.codecred.credentials;

import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.ExclusionList;
import org.codecred.sources.Names;
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
        ExclusionRule.check(p, list, OCTOBER, List.of(), List.of(), results);
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
        assertThat(r.findings().get(0).message()).contains("by name and birth date (birth date matched; the row has no NPI)")
                .contains("probable").contains("1128b4").contains("2020-01-15").doesNotContain("1981");
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
    void nameOnlyMatchIsExclusionPossibleOnTheList() throws IOException {
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("ORTOLAN", "PIA", "0000000000", "19770401", "1128a1", "20210301", "00000000"));
        Results r = check(Fixtures.lcsw(NPI, "Ortolan", "Pia", null), list);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.EXCLUSION_POSSIBLE);
            assertThat(f.subject()).isEqualTo("OIG LEIE");
            assertThat(f.message()).contains("possible match").contains("not on the roster").contains("never to rely on a name alone");
        });
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.WARN);

        ExclusionList noDob = list("UPDATED2.csv", HEADER,
                row("ORTOLAN", "PIA", "0000000000", "00000000", "1128a1", "20210301", "00000000"));
        assertThat(check(Fixtures.lcsw(NPI, "Ortolan", "Pia", LocalDate.of(1977, 4, 1)), noDob).findings())
                .extracting(Finding::rule).containsExactly(RuleId.EXCLUSION_POSSIBLE);
        assertThat(check(Fixtures.lcsw(NPI, "Ortolana", "Pia", null), list).findings()).as("another name").isEmpty();
    }

    @Test
    void hyphenatedAndFormerLastNamesAreTriedPartByPart() throws IOException {
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("VARGAS", "LUZ", "0000000000", "19800202", "1128a1", "20210301", "00000000"),
                row("MERIWEATHER", "ANSEL", "0000000000", "19750505", "1128b4", "20220301", "00000000"));
        LocalDate luz = LocalDate.of(1980, 2, 2);
        assertThat(check(Fixtures.lcsw(NPI, "Okafor-Vargas", "Luz", luz), list).findings())
                .extracting(Finding::rule).containsExactly(RuleId.EXCLUDED_OIG);
        assertThat(check(Fixtures.lcsw(NPI, "Okafor Vargas", "Luz", luz), list).findings())
                .extracting(Finding::rule).containsExactly(RuleId.EXCLUDED_OIG);
        assertThat(check(Fixtures.lcsw(NPI, "Okafor", "Luz", luz), list).findings()).as("another person").isEmpty();

        Results former = new Results();
        ExclusionRule.check(Fixtures.lcsw(NPI, "Lindqvist", "Ansel", LocalDate.of(1975, 5, 5)), list, OCTOBER,
                List.of("Meriweather"), List.of(), former);
        assertThat(former.findings()).extracting(Finding::rule).containsExactly(RuleId.EXCLUDED_OIG);
    }

    @Test
    void billingNpisAreScreenedToo() throws IOException {
        String billing = Fixtures.npi("198765432");
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("", "", billing, "00000000", "1128a1", "20210301", "00000000"));
        Results r = new Results();
        ExclusionRule.check(Fixtures.lcsw(NPI, "Amberline", "Rue", null), list, OCTOBER, List.of(), List.of(billing, NPI), r);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.EXCLUDED_OIG);
            assertThat(f.subject()).isEqualTo("billing NPI " + billing);
        });
        Results clean = new Results();
        ExclusionRule.check(Fixtures.lcsw(NPI, "Amberline", "Rue", null), list, OCTOBER, List.of(),
                List.of(Fixtures.npi("176543210")), clean);
        assertThat(clean.findings()).isEmpty();
        assertThat(clean.checks()).extracting(CredentialCheck::check).contains(ExclusionRule.BILLING_CHECK);
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
    void exclusionStartingAfterTheMonthIsPending() throws IOException {
        ExclusionList list = list("UPDATED.csv", HEADER,
                row("KESTREL", "ODA", NPI, "19660912", "1128a1", "20261120", "00000000"));
        Results r = check(Fixtures.lcsw(NPI, "Kestrel", "Oda", null), list);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.EXCLUSION_PENDING);
            assertThat(f.subject()).isEqualTo("2026-11-20");
        });
        assertThat(r.checks().get(0).result()).isEqualTo(CheckResult.WARN);
        ExclusionList inMonth = list("UPDATED2.csv", HEADER,
                row("KESTREL", "ODA", NPI, "19660912", "1128a1", "20261031", "00000000"));
        assertThat(check(Fixtures.lcsw(NPI, "Kestrel", "Oda", null), inMonth).findings()).extracting(Finding::rule)
                .as("excluded on the month's last day").containsExactly(RuleId.EXCLUDED_OIG);
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
