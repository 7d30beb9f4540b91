package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The arrival rules on the lines of one claim id, without a database. */
class ClaimResolutionTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void aLineReadTwiceCountsOnceWhateverTheFileOrder() {
        ClaimLine first = line("b.837", 40, 1, "90834", "1");
        ClaimLine repeat = line("c.csv", 2, 1, "90834", "1");
        ClaimResolution r = resolve(List.of(repeat, first));
        assertThat(r.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(repeat);
            assertThat(d.original()).isEqualTo(first);
        });
        assertThat(r.statuses()).isEmpty();
    }

    @Test
    void anotherContentOnTheSameLineIsNotARepeat() {
        ClaimResolution r = resolve(List.of(line("a.csv", 2, 1, "90834", "1"), line("b.csv", 2, 1, "90837", "1")));
        assertThat(r.duplicates()).isEmpty();
        assertThat(r.statuses()).isEmpty();
    }

    @Test
    void aReplacementSupersedesEveryEarlierLineButNotItsOwn() {
        ClaimLine one = line("a.csv", 2, 1, "90837", "1");
        ClaimLine two = line("a.csv", 3, 2, "90785", "1");
        ClaimLine newOne = line("b.csv", 2, 1, "90834", "7");
        ClaimLine newTwo = line("b.csv", 3, 2, "90785", "7");
        ClaimResolution r = resolve(List.of(newTwo, one, newOne, two));
        assertThat(r.statuses().get(ClaimLine.LineStatus.SUPERSEDED)).containsExactly(one, two);
        assertThat(r.duplicates()).isEmpty();
    }

    @Test
    void aVoidRemovesTheClaimAndCountsNowhereItself() {
        ClaimLine one = line("a.csv", 2, 1, "90837", "1");
        ClaimLine voiding = line("b.csv", 2, 1, "90837", "8");
        ClaimResolution r = resolve(List.of(one, voiding));
        assertThat(r.statuses().get(ClaimLine.LineStatus.VOIDED)).containsExactly(one);
        assertThat(r.statuses().get(ClaimLine.LineStatus.VOID)).containsExactly(voiding);
    }

    @Test
    void aResentReplacementIsARepeatNotASecondReplacement() {
        ClaimLine one = line("a.csv", 2, 1, "90837", "1");
        ClaimLine replacement = line("b.csv", 2, 1, "90834", "7");
        ClaimLine resent = line("c.csv", 2, 1, "90834", "7");
        ClaimResolution r = resolve(List.of(one, replacement, resent));
        assertThat(r.statuses().get(ClaimLine.LineStatus.SUPERSEDED)).containsExactly(one);
        assertThat(r.duplicates()).extracting(ClaimResolution.Duplicate::line).containsExactly(resent);
    }

    @Test
    void aReplacementOfAClaimAnEarlierMonthCountedIsRecorded() {
        EarlierClaims september = new EarlierClaims() {
            @Override
            public boolean counted(String billingKey, String claimId, YearMonth month) {
                return month.equals(YearMonth.of(2026, 9));
            }

            @Override
            public Optional<YearMonth> latestBefore(String billingKey, String claimId, YearMonth month) {
                return Optional.of(YearMonth.of(2026, 9));
            }
        };
        ClaimResolution r = new ClaimResolution(OCTOBER, september);
        ClaimLine replacement = line("b.csv", 2, 1, "90834", "7");
        r.resolve(List.of(replacement, line("b.csv", 3, 2, "90785", "7")));
        assertThat(r.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.first()).isEqualTo(replacement);
            assertThat(a.earlierMonth()).isEqualTo(YearMonth.of(2026, 9));
        });
        ClaimResolution original = new ClaimResolution(OCTOBER, september);
        original.resolve(List.of(line("a.csv", 2, 1, "90834", "1")));
        assertThat(original.adjustments()).isEmpty();
    }

    private static ClaimResolution resolve(List<ClaimLine> lines) {
        ClaimResolution r = new ClaimResolution(OCTOBER, EarlierClaims.NONE);
        r.resolve(new ArrayList<>(lines));
        return r;
    }

    private static ClaimLine line(String file, long fileLine, int lineNo, String code, String frequency) {
        return new ClaimLine(file, fileLine, "C1", lineNo, "1234567893", "1234567893", "MEM001", null,
                LocalDate.of(2026, 10, 6), code, List.of(), 1, null, List.of("F43.10"), "11", new BigDecimal("140.00"),
                false, frequency, null);
    }
}
