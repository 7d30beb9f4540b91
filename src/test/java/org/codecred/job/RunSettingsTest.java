package org.codecred.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line's own options: --force reads yes and no alike in every form. */
class RunSettingsTest {

    @Test
    void forceIsOnAloneOrWithYesAndOffWithNo() throws UsageException {
        assertThat(RunSettings.parse("--month=2026-10", "--force").force()).isTrue();
        assertThat(RunSettings.parse("--month=2026-10", "--force=yes").force()).isTrue();
        assertThat(RunSettings.parse("--month=2026-10", "--force=TRUE").force()).isTrue();
        assertThat(RunSettings.parse("--month=2026-10", "--force=no").force()).isFalse();
        assertThat(RunSettings.parse("--month=2026-10").force()).isFalse();
        assertThatThrownBy(() -> RunSettings.parse("--month=2026-10", "--force=1")).isInstanceOf(UsageException.class)
                .hasMessageContaining("neither yes nor no");
    }
}
