package org.codecred.output;

import org.codecred.job.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** --force builds aside and swaps in only when complete; a swap cut short by a kill is finished by the next run. */
class OutputAsideTest {

    @TempDir
    Path tmp;

    private RunSettings settings(boolean force) {
        return new RunSettings(YearMonth.of(2026, 10), tmp.resolve("in"), tmp.resolve("out"), tmp.resolve("db"),
                Path.of("src/test/resources/rules"), force);
    }

    private void summary(Path dir, String status) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("run-summary.json"), "{\"month\": \"2026-10\", \"status\": \"" + status + "\"}\n");
    }

    @Test
    void onlyAForcedRunOverCompleteOutputsOrAnUnfinishedOneBuildsAside() throws IOException {
        assertThat(OutputAside.forRun(settings(true)).buildingAside()).as("nothing to keep yet").isFalse();
        summary(settings(false).publishedDir(), "FAILED");
        assertThat(OutputAside.forRun(settings(true)).buildingAside()).as("incomplete outputs are not kept").isFalse();
        summary(settings(false).publishedDir(), "COMPLETED");
        assertThat(OutputAside.forRun(settings(false)).buildingAside()).isFalse();
        RunSettings forced = OutputAside.forRun(settings(true));
        assertThat(forced.buildingAside()).isTrue();
        assertThat(forced.outputDir()).isEqualTo(tmp.resolve("out/.2026-10.next"));

        Files.createDirectories(forced.asideDir());
        assertThat(OutputAside.forRun(settings(false)).buildingAside()).as("resuming the forced run").isTrue();
    }

    @Test
    void publishingSwapsTheFoldersAndFinishesASwapCutShort() throws IOException {
        RunSettings settings = settings(true).withOutputsAside();
        summary(settings.publishedDir(), "COMPLETED");
        summary(settings.asideDir(), "COMPLETED");
        Files.writeString(settings.asideDir().resolve("findings.csv"), "new\n");
        Files.createDirectories(settings.asideDir().resolve(".scratch"));

        OutputAside.publish(settings, List.of());

        assertThat(settings.asideDir()).doesNotExist();
        assertThat(settings.publishedDir().resolve("findings.csv")).hasContent("new");
        assertThat(settings.publishedDir().resolve(".scratch")).doesNotExist();
        assertThat(tmp.resolve("out/.2026-10.previous")).doesNotExist();

        // killed after the old folder was moved away, before the new one was moved in
        Path previous = tmp.resolve("out/.2026-10.previous");
        Files.move(settings.publishedDir(), settings.asideDir());
        summary(previous.resolve("2026-10"), "COMPLETED");
        Files.writeString(previous.resolve("2026-10/reviewer-notes.txt"), "a user's file");
        OutputAside.publish(settings, List.of());
        assertThat(settings.publishedDir().resolve("findings.csv")).hasContent("new");
        assertThat(settings.publishedDir().resolve("run-summary.json")).content().contains("COMPLETED");
        assertThat(settings.publishedDir().resolve("reviewer-notes.txt")).as("carried over").hasContent("a user's file");
        assertThat(previous).doesNotExist();
        assertThat(settings.asideDir()).doesNotExist();
    }
}
