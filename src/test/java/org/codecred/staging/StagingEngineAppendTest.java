package org.codecred.staging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An append is one transaction however many rows it holds: the appender hands the engine a block
 * every 2,048 rows, and a row refused in the third block must take the first two with it.
 */
class StagingEngineAppendTest {

    @TempDir
    Path tmp;

    @Test
    void anAppendRefusedPartWayLeavesNoRows() {
        try (StagingEngine engine = StagingEngine.open(tmp.resolve("staging.duckdb"))) {
            engine.jdbc().execute("CREATE TABLE codecred.append_test (n INTEGER CHECK (n <> 5000))");

            assertThatThrownBy(() -> engine.append("append_test", appender -> {
                for (int n = 1; n <= 6000; n++) {
                    appender.beginRow().append(n).endRow();
                }
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot stage rows");
            assertThat(engine.jdbc().queryForObject("SELECT COUNT(*) FROM codecred.append_test", Long.class)).isZero();

            engine.append("append_test", appender -> {
                for (int n = 1; n <= 4999; n++) {
                    appender.beginRow().append(n).endRow();
                }
            });
            assertThat(engine.jdbc().queryForObject("SELECT COUNT(*) FROM codecred.append_test", Long.class)).isEqualTo(4999L);
        }
    }
}
