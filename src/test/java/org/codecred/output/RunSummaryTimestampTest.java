package org.codecred.output;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** run-summary.json's started and ended: one fixed form a scheduler parses with one pattern. */
class RunSummaryTimestampTest {

    @Test
    void secondsAreWrittenEvenWhenTheyAreZero() {
        String zero = RunSummaryWriter.timestamp(LocalDateTime.of(2026, 12, 2, 4, 14, 0));
        String later = RunSummaryWriter.timestamp(LocalDateTime.of(2026, 12, 2, 4, 14, 2, 500_000_000));
        assertThat(zero).matches("2026-12-02T04:14:00(Z|[+-]\\d{2}:\\d{2})");
        assertThat(later).matches("2026-12-02T04:14:02(Z|[+-]\\d{2}:\\d{2})");
    }
}
