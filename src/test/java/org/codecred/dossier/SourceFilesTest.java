package org.codecred.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Sources sheets' list of files: kinds, dates as the Credentials sheet gives them, rows, bytes, SHA-256. */
class SourceFilesTest {

    @TempDir
    Path dir;

    @Test
    void publishedFilesAreDatedByTheirNamesAsTheCredentialsSheetDatesThem() throws IOException {
        Path input = Files.createDirectories(dir.resolve("input"));
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(input.resolve("roster.csv"), "npi,name\r\n1,\"stray quote\r\n2,b", StandardCharsets.UTF_8);
        Files.writeString(input.resolve("claims-a.csv"), "claim_id\r\nC1\"\r\nC2\r\nC3\r\n", StandardCharsets.UTF_8);
        Path sam = Files.createDirectories(input.resolve("exclusions")).resolve("SAM_Exclusions_Public_Extract_V2_26271.CSV");
        Files.writeString(sam, "\"Classification\",\"Name\"\n", StandardCharsets.UTF_8);
        Path nppes = Files.createDirectories(input.resolve("nppes")).resolve("npidata_pfile_20050523-20261109.csv");
        Files.writeString(nppes, "NPI\n1\n", StandardCharsets.UTF_8);
        Path codes = rules.resolve("codes.csv");
        Files.writeString(codes, "# kept by hand\ncode,kind\n90834,psychotherapy\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(codes, FileTime.from(Instant.parse("2026-01-15T12:00:00Z")));

        List<org.codecred.sources.SourceFile> files = SourceFiles.of(input, rules);

        assertThat(files).extracting(org.codecred.sources.SourceFile::name).containsExactly("roster.csv", "claims-a.csv",
                "SAM_Exclusions_Public_Extract_V2_26271.CSV", "npidata_pfile_20050523-20261109.csv", "codes.csv");
        org.codecred.sources.SourceFile roster = files.get(0);
        assertThat(roster.rows()).as("a roster row never spans lines; a last line without its line end is a row").isEqualTo(2L);
        assertThat(files.get(1).rows()).as("a stray quote swallows no claim line").isEqualTo(3L);
        assertThat(roster.sha256()).hasSize(64);
        assertThat(files.get(2).date()).as("SAM's Julian date 26271").isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(files.get(2).dateFrom()).isEqualTo("file name");
        assertThat(files.get(3).date()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(files.get(4).dateFrom()).isEqualTo("file modified");
        assertThat(files.get(4).date()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(files.get(4).rows()).as("the comment line is not a row").isEqualTo(1L);
        assertThat(files.get(4).kind()).isEqualTo("rule table (kept by hand)");
    }
}
