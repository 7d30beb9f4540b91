package org.codecred.sources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class SourceFileTest {

    @Test
    void dateFromTheFileName(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("npidata_pfile_20050523-20261012.csv"), "NPI\n");
        assertThat(SourceFile.of("NPPES", file, 0).date()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(ReleaseDate.dateInName("LEIE-2026-10-09.csv")).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(ReleaseDate.dateInName("npi_1234567893.csv")).isNull();
        // SAM's Julian date, as the Sources sheets date the same file
        Path sam = Files.writeString(dir.resolve("SAM_Exclusions_Public_Extract_V2_26271.CSV"), "\"Classification\"\n");
        assertThat(SourceFile.of("SAM exclusions", sam, 0).date()).isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void otherwiseTheModificationTime(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("roster.csv"), "npi\n");
        LocalDate day = LocalDate.of(2026, 10, 8);
        Files.setLastModifiedTime(file, FileTime.from(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()));
        SourceFile cited = SourceFile.cited(file);
        assertThat(cited.date()).isEqualTo(day);
        assertThat(cited.dateFrom()).isEqualTo(ReleaseDate.FILE_MODIFIED);
        assertThat(cited).hasToString("roster.csv (2026-10-08)");
    }

    @Test
    void aFileIsHashedOnceAndAgainWhenItChanges(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("UPDATED.csv"), "\"LASTNAME\"\n\"A\"\n");
        FileFacts first = FileFacts.of(file);
        assertThat(first.bytes()).isEqualTo(15);
        assertThat(first.records()).isEqualTo(2);
        assertThat(FileFacts.of(file)).isSameAs(first);
        Files.writeString(file, "\"LASTNAME\"\n\"A\"\n\"B\"\n");
        assertThat(FileFacts.of(file).records()).isEqualTo(3);
        assertThat(FileFacts.of(file).sha256()).isNotEqualTo(first.sha256());
    }

    @Test
    void aLineBreakInsideQuotesIsOneRecordButTwoLines(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mue.csv"), "\"HCPCS/\nCPT Code\",x\nA,1");
        FileFacts facts = FileFacts.of(file);
        assertThat(facts.lines()).isEqualTo(3);
        assertThat(facts.records()).isEqualTo(2);
    }
}
