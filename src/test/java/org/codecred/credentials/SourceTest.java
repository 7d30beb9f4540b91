package org.codecred.credentials;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTest {

    @Test
    void dateFromTheFileName(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("npidata_pfile_20050523-20261012.csv"), "NPI\n");
        assertThat(Source.of(file).date()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(org.codecred.staging.SourceFile.dateInName("LEIE-2026-10-09.csv")).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(org.codecred.staging.SourceFile.dateInName("npi_1234567893.csv")).isNull();
        // SAM's Julian date, as the Sources sheets date the same file
        Path sam = Files.writeString(dir.resolve("SAM_Exclusions_Public_Extract_V2_26271.CSV"), "\"Classification\"\n");
        assertThat(Source.of(sam).date()).isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void otherwiseTheModificationTime(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("UPDATED.csv"), "LASTNAME\n");
        LocalDate day = LocalDate.of(2026, 10, 8);
        Files.setLastModifiedTime(file, FileTime.from(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()));
        assertThat(Source.of(file)).isEqualTo(new Source("UPDATED.csv", day));
    }
}
