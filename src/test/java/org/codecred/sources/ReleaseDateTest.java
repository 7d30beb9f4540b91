package org.codecred.sources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Each source's release date as §11.7 of the domain reference says it is known, and how. */
class ReleaseDateTest {

    @TempDir
    Path dir;

    private Path file(String name, LocalDate modified) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "x\n");
        Files.setLastModifiedTime(file, FileTime.from(modified.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()));
        return file;
    }

    @Test
    void nuccVersionGivesItsReleaseDay() throws Exception {
        ReleaseDate v251 = ReleaseDate.of("NUCC taxonomy", file("nucc_taxonomy_251.csv", LocalDate.of(2026, 12, 1)));
        assertThat(v251).isEqualTo(new ReleaseDate(LocalDate.of(2025, 7, 1), "NUCC version 25.1"));
        assertThat(ReleaseDate.of("NUCC taxonomy", file("nucc_taxonomy_260.csv", LocalDate.of(2026, 12, 1))).date())
                .isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void leieUpdatedIsDatedByItsDownloadAndASupplementByItsMonth() throws Exception {
        ReleaseDate updated = ReleaseDate.of("OIG LEIE", file("UPDATED.csv", LocalDate.of(2026, 10, 8)));
        assertThat(updated).isEqualTo(new ReleaseDate(LocalDate.of(2026, 10, 8), ReleaseDate.FILE_MODIFIED));
        ReleaseDate supplement = ReleaseDate.of("OIG LEIE", file("2610EXCL.csv", LocalDate.of(2026, 12, 1)));
        assertThat(supplement).isEqualTo(new ReleaseDate(LocalDate.of(2026, 10, 1), "supplement month in file name"));
    }

    @Test
    void samNppesAndCmsByTheDatesInTheirNames() throws Exception {
        LocalDate copied = LocalDate.of(2026, 12, 1);
        assertThat(ReleaseDate.of("SAM exclusions", file("SAM_Exclusions_Public_Extract_V2_26305.CSV", copied)).date())
                .isEqualTo(LocalDate.ofYearDay(2026, 305));
        assertThat(ReleaseDate.of("NPPES", file("npidata_pfile_20050523-20261012.csv", copied)).date())
                .isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(ReleaseDate.of("CMS PTP", file("medicare-ncci-2026q3-practitioner-ptp-edits-ccipra-v322r0-f1.zip", copied)))
                .isEqualTo(new ReleaseDate(LocalDate.of(2026, 7, 1), ReleaseDate.FILE_NAME));
        assertThat(ReleaseDate.of("CMS MUE", file("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv", copied)).date())
                .isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void aFileWithoutADateInItsNameIsLabelledFileModified() throws Exception {
        ReleaseDate optOut = ReleaseDate.of("Medicare opt-out", file("Opt_Out_Affidavits.csv", LocalDate.of(2026, 9, 3)));
        assertThat(optOut).isEqualTo(new ReleaseDate(LocalDate.of(2026, 9, 3), "file modified"));
        ReleaseDate unknownNucc = ReleaseDate.of("NUCC taxonomy", file("nucc_taxonomy_latest.csv", LocalDate.of(2026, 9, 3)));
        assertThat(unknownNucc.from()).isEqualTo("file modified");
    }
}
