package org.codecred.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.domain.Verdict.CLEAR;
import static org.codecred.domain.Verdict.HOLD;
import static org.codecred.domain.Verdict.REVIEW;

class VerdictChangeTest {

    @Test
    void towardsHoldIsWorseTowardsClearIsBetter() {
        assertThat(VerdictChange.of(true, CLEAR, REVIEW)).isEqualTo(VerdictChange.WORSE);
        assertThat(VerdictChange.of(true, REVIEW, HOLD)).isEqualTo(VerdictChange.WORSE);
        assertThat(VerdictChange.of(true, HOLD, CLEAR)).isEqualTo(VerdictChange.BETTER);
        assertThat(VerdictChange.of(true, REVIEW, REVIEW)).isEqualTo(VerdictChange.UNCHANGED);
        assertThat(VerdictChange.UNCHANGED.marker()).isEmpty();
    }

    @Test
    void aProviderNotOnThePreviousRosterIsNewAndWithoutHistoryNothingIsMarked() {
        assertThat(VerdictChange.of(true, null, HOLD)).isEqualTo(VerdictChange.NEW_PROVIDER);
        assertThat(VerdictChange.of(false, null, HOLD).marker()).isEmpty();
    }
}
