package org.codecred.credentials;

import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.NuccTaxonomy;
import org.codecred.sources.OptOutList;
import org.codecred.sources.RegistryRecord;
import org.codecred.sources.SamExclusionList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SAM.gov exclusions extract, the CMS opt-out affidavits file and the NUCC taxonomy file read from
 * fixtures shaped as published ({@code src/test/resources/published/}): the SAM V2 extract's 31 quoted
 * columns (rows of the public extract beside made-up ones), the opt-out CSV's columns and
 * {@code MM/DD/YYYY} dates, and a byte-exact excerpt of {@code nucc_taxonomy_251.csv} (UTF-8, CRLF).
 */
class PublishedListsTest {

    static final Path PUBLISHED = Path.of("src/test/resources/published");
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path dir;

    private static SamExclusionList sam() {
        return SamExclusionList.load(List.of(PUBLISHED.resolve("sam/SAM_Exclusions_Public_Extract_V2_26305.CSV")));
    }

    private static Results sam(Provider p, RegistryRecord registry, List<String> billing) {
        Results r = new Results();
        SamRule.check(p, sam(), OCTOBER, registry, billing, r);
        return r;
    }

    private static Provider provider(String npi, String last, String first, String state) {
        return Fixtures.provider(npi, last, first, "LCSW", "L1", state, LocalDate.of(2029, 1, 1), "1041C0700X", null);
    }

    @Test
    void samExtractIsReadAsPublished() {
        SamExclusionList list = sam();
        assertThat(list.rows()).isEqualTo(6);
        assertThat(list.files()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("SAM exclusions");
            assertThat(f.date()).isEqualTo(LocalDate.ofYearDay(2026, 305));   // _26305: Julian date
            assertThat(f.rows()).isEqualTo(6L);
        });
        assertThat(list.byNpi("1396874525")).singleElement()
                .satisfies(e -> assertThat(e.terminationDate()).isNull());
    }

    @Test
    void aByteOrderMarkBeforeTheQuotedHeaderAndWindows1252NamesAreReadAsPublished() throws IOException {
        byte[] published = Files.readAllBytes(PUBLISHED.resolve("sam/SAM_Exclusions_Public_Extract_V2_26305.CSV"));
        String text = new String(published, StandardCharsets.UTF_8).replace("\"PIEXOTTO\"", "\"MU\u00D1OZ\"");
        byte[] cp1252 = text.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        byte[] withMark = new byte[cp1252.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(cp1252, 0, withMark, 3, cp1252.length);
        Path file = dir.resolve("SAM_Exclusions_Public_Extract_V2_26305.CSV");
        Files.write(file, withMark);

        SamExclusionList list = SamExclusionList.load(List.of(file));
        assertThat(list.rows()).isEqualTo(6);
        assertThat(list.sameName(provider(Fixtures.npi("111222336"), "Mu\u00F1oz", "Carlos", "NY"), List.of()))
                .singleElement().satisfies(e -> assertThat(e.last()).isEqualTo("MU\u00D1OZ"));
    }

    @Test
    void samByNpiIsExcludedSam() {
        Results r = sam(provider("1396874525", "Someone", "Else", "TX"), null, List.of());
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleId.EXCLUDED_SAM);
        assertThat(r.findings().get(0).message()).contains("matched by NPI").contains("SAM number S4MRTEST2");
        assertThat(sam(provider("1234567893", "Someone", "Else", "TX"), null, List.of("1396874525")).findings())
                .as("a billing NPI on the list").extracting(Finding::rule).containsExactly(RuleId.EXCLUDED_SAM);
    }

    @Test
    void samByNameNeedsAConfirmingField() {
        String npi = Fixtures.npi("111222333");
        assertThat(sam(provider(npi, "Brasket", "Quillon", "OR"), null, List.of()).findings())
                .as("state agrees with the license state").extracting(Finding::rule).containsExactly(RuleId.EXCLUDED_SAM);
        Results nameOnly = sam(provider(npi, "Brasket", "Quillon", "WA"), null, List.of());
        assertThat(nameOnly.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.EXCLUSION_POSSIBLE);
            assertThat(f.subject()).isEqualTo("SAM.gov");
        });
        assertThat(sam(provider(npi, "Brasket", "Quinn", "OR"), null, List.of()).findings()).as("another first name").isEmpty();
    }

    @Test
    void samRowStartingAfterTheMonthIsPending() {
        Results r = sam(provider(Fixtures.npi("111222334"), "Marsh", "Odile", "ID"), null, List.of());
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.EXCLUSION_PENDING);
            assertThat(f.subject()).isEqualTo("2026-11-17");
        });
    }

    @Test
    void samRowEndedBeforeTheMonthPasses() {
        // CARLOS PIEXOTTO's exclusion ends 10/19/2026: in force in October, not in November
        Provider p = provider(Fixtures.npi("111222335"), "Piexotto", "Carlos", "NY");
        assertThat(sam(p, null, List.of()).findings()).extracting(Finding::rule).containsExactly(RuleId.EXCLUDED_SAM);
        Results november = new Results();
        SamRule.check(p, sam(), YearMonth.of(2026, 11), null, List.of(), november);
        assertThat(november.findings()).isEmpty();
        assertThat(november.checks().get(0).result()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void optOutCoveringTheMonthFires() {
        OptOutList list = OptOutList.load(List.of(PUBLISHED.resolve("optout/Opt_Out_Affidavits_2026-10.csv")));
        assertThat(list.rows()).isEqualTo(3);
        Results covering = new Results();
        OptOutRule.check(provider("1457390288", "Tremaine", "Isolde", "ME"), list, OCTOBER, covering);
        assertThat(covering.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.MEDICARE_OPT_OUT);
            assertThat(f.message()).contains("opted out from 2025-09-01 to 2027-08-31");
        });
        for (String npi : List.of("1336214808", "1669502746", Fixtures.npi("111222336"))) {
            Results clean = new Results();
            OptOutRule.check(provider(npi, "X", "Y", "ME"), list, OCTOBER, clean);
            assertThat(clean.findings()).as(npi + ": starts later, ended earlier, or not listed").isEmpty();
        }
    }

    @Test
    void optOutHeaderWithDoubledSpacesAndAnEmptyFileAreRead() throws IOException {
        Path spaced = dir.resolve("spaced.csv");
        Files.writeString(spaced, "\uFEFFLast Name,First Name,NPI,Optout  Effective Date,Optout End  Date\r\n"
                + "Tremaine,Isolde,1457390288,09/01/2025,\r\n", StandardCharsets.UTF_8);
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "", StandardCharsets.UTF_8);
        OptOutList list = OptOutList.load(List.of(spaced, empty));
        assertThat(list.byNpi("1457390288")).singleElement()
                .satisfies(e -> assertThat(e.effective()).isEqualTo(LocalDate.of(2025, 9, 1)));
        // an empty file was still used: the Sources sheets list it with no rows
        assertThat(list.files()).extracting(f -> f.rows()).containsExactly(1L, 0L);
    }

    @Test
    void optOutFileWithoutItsColumnsIsRefused() throws IOException {
        Path file = dir.resolve("optout.csv");
        Files.writeString(file, "NPI,Name\r\n1,x\r\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OptOutList.load(List.of(file))).hasMessageContaining("optout.csv")
                .hasMessageContaining("optout effective date");
    }

    @Test
    void nuccFileGivesLabelsAndInactiveCodes() {
        NuccTaxonomy nucc = NuccTaxonomy.read(PUBLISHED.resolve("nucc/nucc_taxonomy_251.csv"));
        assertThat(nucc.label("1041C0700X")).isEqualTo("Social Worker - Clinical");
        assertThat(nucc.label("364SP0807X")).isEqualTo("Clinical Nurse Specialist - Psychiatric/Mental Health, Child & Adolescent");
        // "[1/1/2007: marked inactive, use  103G00000X]" is retired too
        assertThat(nucc.inactiveCodes()).contains("103TE1000X", "103TM1700X", "103TP2700X", "103TW0100X", "103GC0700X")
                .doesNotContain("103TC0700X");
        assertThat(nucc.find("103TE1000X").orElseThrow().inactiveSince()).isEqualTo(LocalDate.of(2007, 1, 1));
        assertThat(nucc.source().rows()).isEqualTo(61);

        Results inactive = new Results();
        TaxonomyInactiveRule.check(Fixtures.provider(Fixtures.npi("111222337"), "A", "B", "PhD", "L", "OH",
                LocalDate.of(2029, 1, 1), "103TE1000X", null), nucc, inactive);
        assertThat(inactive.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.TAXONOMY_INACTIVE);
            assertThat(f.subject()).isEqualTo("103TE1000X");
            assertThat(f.message()).contains("Psychologist - Educational").contains("since 2007-01-01");
        });
        Results active = new Results();
        TaxonomyInactiveRule.check(Fixtures.provider(Fixtures.npi("111222338"), "A", "B", "PhD", "L", "OH",
                LocalDate.of(2029, 1, 1), "103TC0700X", null), nucc, active);
        assertThat(active.findings()).isEmpty();
        assertThat(active.checks().get(0).result()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void nuccNotesWithoutBracketsMarkACodeInactiveToo() throws IOException {
        Path file = dir.resolve("nucc_taxonomy_251.csv");
        Files.writeString(file, "Code,Grouping,Classification,Specialization,Definition,Notes,Display Name,Section\r\n"
                + "1744G0900X,Nonbehavioral,Graphics Designer,,,1/1/2025: marked inactive,Graphics Designer,Individual\r\n"
                + "1041C0700X,Behavioral Health & Social Service Providers,Social Worker,Clinical,,\"[7/1/2003: new]\",,Individual\r\n",
                StandardCharsets.UTF_8);
        NuccTaxonomy nucc = NuccTaxonomy.read(file);
        assertThat(nucc.inactiveCodes()).containsExactly("1744G0900X");
        assertThat(nucc.find("1744G0900X").orElseThrow().inactiveSince()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void theNewestNuccReleaseIsChosenByItsNumberAndSamDatesNeedNoZeroPadding() {
        assertThat(NuccTaxonomy.version(Path.of("nucc_taxonomy_251.csv"))).isGreaterThan(NuccTaxonomy.version(Path.of("nucc_taxonomy_91.csv")));
        assertThat(SamExclusionList.date("3/7/2020")).isEqualTo(LocalDate.of(2020, 3, 7));
        assertThat(SamExclusionList.date("03/07/2020")).isEqualTo(LocalDate.of(2020, 3, 7));
        assertThat(SamExclusionList.date("Indefinite")).isNull();
    }

    @Test
    void nuccFileWithoutItsHeaderStopsTheRun() throws IOException {
        Files.writeString(dir.resolve("nucc_taxonomy_260.csv"), "code,label\r\n103T00000X,Psychologist\r\n");
        assertThatThrownBy(() -> NuccTaxonomy.load(dir)).hasMessageContaining("nucc_taxonomy_260.csv")
                .hasMessageContaining("not the NUCC CSV as published");
    }

    @Test
    void everyHandKeptTaxonomyHasItsNuccLabel() {
        CredentialRules rules = CredentialRules.load(Path.of("src/test/resources/rules"));
        for (String code : List.of("1041C0700X", "103TC0700X", "364SP0810X", "2084P0800X", "261QM0801X", "106H00000X")) {
            assertThat(rules.taxonomies().find(code).orElseThrow().classification())
                    .isEqualTo(rules.nucc().label(code)).isNotBlank();
        }
    }
}
