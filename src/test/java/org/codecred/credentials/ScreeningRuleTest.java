package org.codecred.credentials;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.sources.ExclusionList;
import org.codecred.sources.PublishedSources;
import org.codecred.sources.SamExclusionList;
import org.codecred.sources.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningRuleTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static SourceFile released(String name, LocalDate date, String from) {
        return new SourceFile("OIG LEIE", name, date, from, 1L, 1, "x");
    }

    @Test
    void aListReleasedWithin45DaysOfTheMonthsEndIsScreened() {
        // 2026-09-16 is 45 days before 2026-10-31
        assertThat(ScreeningRule.problem(PublishedSources.LEIE,
                List.of(released("UPDATED.csv", LocalDate.of(2026, 9, 16), "file modified")), OCTOBER)).isNull();
    }

    @Test
    void aListReleasedEarlierIsNotAndTheMessageSaysByWhichDate() {
        String problem = ScreeningRule.problem(PublishedSources.LEIE, List.of(
                released("UPDATED.csv", LocalDate.of(2025, 2, 28), "file modified"),
                released("2609EXCL.csv", LocalDate.of(2026, 9, 1), "supplement month in file name")), OCTOBER);
        assertThat(problem).isEqualTo("the newest OIG LEIE file, 2609EXCL.csv, was released 2026-09-01 (supplement"
                + " month in file name), 60 days before the end of 2026-10 (more than 45): exclusions added since then"
                + " were not screened; download the current list and run the month again");
    }

    @Test
    void aMissingListIsNotScreened() {
        assertThat(ScreeningRule.problem(PublishedSources.SAM, List.of(), OCTOBER))
                .startsWith("no SAM exclusions file in exclusions/ for 2026-10: the provider was not screened");
    }

    @Test
    void everyProviderOfAMonthWithoutSamGoesToReviewOnTheList(@TempDir Path dir) throws Exception {
        Path leie = Files.writeString(dir.resolve("2610EXCL.csv"),
                "\"LASTNAME\",\"FIRSTNAME\",\"MIDNAME\",\"BUSNAME\",\"GENERAL\",\"SPECIALTY\",\"UPIN\",\"NPI\",\"DOB\","
                        + "\"ADDRESS\",\"CITY\",\"STATE\",\"ZIP\",\"EXCLTYPE\",\"EXCLDATE\",\"REINDATE\",\"WAIVERDATE\",\"WVRSTATE\"\n");
        CredentialSources sources = new CredentialSources(OCTOBER, SourceFile.named("roster.csv", null), null,
                Map.of(PublishedSources.LEIE, ExclusionList.load(List.of(leie)), PublishedSources.SAM,
                        SamExclusionList.empty()), Map.of(), Map.of(), Map.of());
        Results results = new Results();
        new ScreeningRule().check(Fixtures.lcsw(Fixtures.npi("111222339"), "Lee", "Ann", null), sources, results);
        assertThat(results.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.SCREENING_INCOMPLETE);
            assertThat(f.subject()).isEqualTo("SAM exclusions");
        });
        assertThat(RuleId.SCREENING_INCOMPLETE.verdictEffect()).isEqualTo(RuleId.VerdictEffect.REVIEW);
        assertThat(results.findings()).extracting(Finding::rule).doesNotContain(RuleId.EXCLUDED_OIG);
    }
}
