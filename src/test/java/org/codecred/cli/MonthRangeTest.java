package org.codecred.cli;

import org.codecred.job.ExitCode;
import org.codecred.job.UsageException;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonthRangeTest {

    @Test
    void aRangeListsEveryMonthInOrderAcrossTheYear() throws Exception {
        MonthRange range = MonthRange.in("--months=2025-11..2026-02", "--input=in");
        assertThat(range.months()).containsExactly(YearMonth.of(2025, 11), YearMonth.of(2025, 12),
                YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        assertThat(MonthRange.argsFor(YearMonth.of(2025, 12), "--months=2025-11..2026-02", "--input=in"))
                .containsExactly("--month=2025-12", "--input=in");
    }

    @Test
    void noRangeWithoutTheOption() throws Exception {
        assertThat(MonthRange.in("--month=2026-10")).isNull();
    }

    @Test
    void aBadRangeIsAUsageMistake() {
        assertThatThrownBy(() -> MonthRange.in("--months=2026-10")).isInstanceOf(UsageException.class)
                .hasMessageContaining("YYYY-MM..YYYY-MM");
        assertThatThrownBy(() -> MonthRange.in("--months=2026-10..2026-01")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> MonthRange.in("--months=2026-1..2026-10")).hasMessageContaining("'2026-1' is not a month");
        assertThatThrownBy(() -> MonthRange.in("--months=2026-01..2026-10", "--month=2026-05")).hasMessageContaining("not both");
        assertThatThrownBy(() -> MonthRange.in("--months=2026-01..2026-10", "--force")).hasMessageContaining("--force");
    }

    @Test
    void theCommandStopsAtTheFirstMonthThatDoesNotCompleteWithItsExitCode() {
        // no input folder for any month: exit 2 before anything starts
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        ExitCode code = CodeCred.run(new java.io.PrintStream(err, true), "--months=1999-01..1999-02",
                "--input=no-such-folder", "--db=target/no-db");
        assertThat(code).isEqualTo(ExitCode.USAGE);
        // every month is checked before the first starts; the first that cannot run is named
        assertThat(err.toString()).contains("nothing started, month 1999-01 cannot run").hasLineCount(1);
    }
}
