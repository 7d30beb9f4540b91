package org.codecred.cli;

import org.apache.poi.util.TempFile;
import org.codecred.job.ExitCode;
import org.codecred.testing.ReadOnly;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, job level: hostile files and folders run through the real job. Each case either completes
 * with the bad rows in rejected.csv, or stops before the first step with exit 2 and one line naming
 * what to fix — never exit 3 unless a month really runs, never a file outside the output folder.
 */
class HostileInputTest {

    @TempDir
    Path tmp;

    private TestMonth readyMonth() throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        month.claims("claims.csv", TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "90834", "45", "F41.1"));
        return month;
    }

    @Test
    void aSamExtractLeftZippedStopsTheMonthInsteadOfGoingUnchecked() throws Exception {
        TestMonth month = readyMonth();
        Path exclusions = Files.createDirectories(month.monthDir().resolve("exclusions"));
        Path zip = exclusions.resolve("SAM_Exclusions_Public_Extract_V2_26305.ZIP");
        byte[] extract = Files.readAllBytes(Path.of("src/test/resources/published/sam/SAM_Exclusions_Public_Extract_V2_26305.CSV"));
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("SAM_Exclusions_Public_Extract_V2_26305.CSV"));
            out.write(extract);
            out.closeEntry();
        }
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("SAM_Exclusions_Public_Extract_V2_26305.ZIP is a zip file")
                .contains("unzip it into").doesNotContain("Exception");

        // unzipped beside it, the month runs and the zip is passed over
        Files.write(exclusions.resolve("SAM_Exclusions_Public_Extract_V2_26305.CSV"), extract);
        assertThat(month.run()).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
    }

    @Test
    void aDamagedExclusionListStopsBeforeTheMonthStartsNamingTheFile() throws Exception {
        TestMonth month = readyMonth();
        Path exclusions = Files.createDirectories(month.monthDir().resolve("exclusions"));
        // the LEIE layout, one record with a quote that never closes
        Files.writeString(exclusions.resolve("UPDATED.csv"),
                "\"LASTNAME\",\"FIRSTNAME\",\"MIDNAME\",\"BUSNAME\",\"GENERAL\",\"SPECIALTY\",\"UPIN\",\"NPI\",\"DOB\","
                        + "\"ADDRESS\",\"CITY\",\"STATE\",\"ZIP\",\"EXCLTYPE\",\"EXCLDATE\",\"REINDATE\",\"WAIVERDATE\",\"WVRSTATE\"\r\n"
                        + "\"DOE\",\"JANE\",\"\",\"\",\"\",\"\",\"\",\"0000000000\",\"19700101\",\"12 \"Elm St\",\"X\",\"MA\",\"02110\","
                        + "\"1128a1\",\"20200101\",\"00000000\",\"00000000\",\"\"\r\n"
                        + "\"ROE\",\"RICH\",\"\",\"\",\"\",\"\",\"\",\"0000000000\",\"19700101\",\"1 Main\",\"X\",\"MA\",\"02110\","
                        + "\"1128a1\",\"20200101\",\"00000000\",\"00000000\",\"\"\r\n",
                StandardCharsets.UTF_8);
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("UPDATED.csv").contains("looks damaged").doesNotContain("Exception")
                .hasLineCount(1);
    }

    @Test
    void formulaCellsAreEscapedInBothCsvFiles() throws Exception {
        // case 1: a claim id that Excel would run, a rejected row starting with @ and one with a tab
        TestMonth month = readyMonth();
        month.claims("claims.csv",
                TestMonth.line("=cmd|'/C calc'!A0", 1, "MBR0001", "2026-10-05", "90835", "45", "F41.1"),
                TestMonth.line("@A1", 1, "MBR0001", "2026-02-30", "90834", "45", "F41.1"),
                TestMonth.line("\t-2+3", 1, "MBR0001", "2026-02-30", "90834", "45", "F41.1"));
        assertThat(month.run()).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        String findings = month.read("findings.csv");
        assertThat(findings).contains(",'=cmd|'/C calc'!A0,");
        String rejected = month.read("rejected.csv");
        assertThat(rejected).contains(",\"'@A1,1,1234567893,").contains(",\"'\t-2+3,1,1234567893,");
        for (String file : new String[]{findings, rejected}) {
            try (var csv = new com.opencsv.CSVReaderBuilder(new java.io.StringReader(file))
                    .withCSVParser(new com.opencsv.RFC4180ParserBuilder().build()).build()) {
                for (String[] row : csv.readAll()) {
                    for (String cell : row) {
                        assertThat(cell).as(String.join("|", row)).doesNotStartWith("=").doesNotStartWith("@")
                                .doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("\t");
                    }
                }
            }
        }
    }

    @Test
    void aByteThatIsNotUtf8NearTheTopRejectsItsLineNotTheMonth() throws Exception {
        // case 4: one Latin-1 byte on line 2 made the whole month exit 2 ("Input length = 1")
        TestMonth month = readyMonth();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((TestMonth.CLAIMS_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write("C0,1,1234567893,,MBR0009,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,Caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.write("\n".getBytes(StandardCharsets.UTF_8));
        bytes.write((TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "90834", "45", "F41.1") + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(month.monthDir().resolve("claims.csv"), bytes.toByteArray());
        assertThat(month.run()).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(month.read("rejected.csv")).contains("claims.csv,2,the line is not UTF-8 text (byte 72 of the line")
                .doesNotContain("MBR0009");
        assertThat(month.query("SELECT COUNT(*) FROM codecred.claim_line")).containsExactly("1");
    }

    @Test
    void oneRowThatOverflowedAColumnNoLongerFailsTheMonth() throws Exception {
        // case 3: 42 diagnosis codes fit 255 characters as written and not once normalized
        TestMonth month = readyMonth();
        String dx = String.join(";", java.util.Collections.nCopies(42, "F4310"));
        month.claims("claims.csv", TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "90834", "45", "F41.1"),
                TestMonth.line("C2", 1, "MBR0002", "2026-10-05", "90834", "45", "\"" + dx + "\""));
        String shared = "s".repeat(40);
        month.roster(TestMonth.provider("LCSW", ""),
                String.join(",", "1000000004", "Other", "Al", "LCSW", "LIC2", "MA", "2030-01-01", "1041C0700X",
                        shared + "-a;" + shared + "-b", ""));
        assertThat(month.run()).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(month.read("rejected.csv")).contains("claims.csv,3,diagnosis_codes: more than 12 diagnosis codes")
                .contains("roster.csv,3,\"specialties: '(a value of 42 characters)' is longer than 40 characters");
    }

    @Test
    void aReadOnlyDatabaseFolderIsTheUsersToFixNotARunningMonth() throws Exception {
        // case 5: HSQLDB could not write its lock file, and that read as "already running" (exit 3)
        TestMonth month = readyMonth();
        Files.createDirectories(month.db.getParent());
        try (ReadOnly ignored = ReadOnly.make(month.db.getParent())) {
            assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        }
        assertThat(month.lastMessage).startsWith("codecred: the database folder").contains("is not writable")
                .doesNotContain("already running").hasLineCount(1);
    }

    @Test
    void anUnwritableOutputFolderIsFoundBeforeTheFirstStep() throws Exception {
        TestMonth month = readyMonth();
        Files.createDirectories(month.outputDir());
        try (ReadOnly ignored = ReadOnly.make(month.outputDir())) {
            assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        }
        assertThat(month.lastMessage).startsWith("codecred: the month's output folder").contains("is not writable")
                .hasLineCount(1);
        assertThat(month.db.getParent()).as("nothing started").satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(month.query("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).containsExactly("0"));
    }

    @Test
    void aFileWhereTheMonthsFolderShouldBeIsFoundBeforeTheFirstStep() throws Exception {
        TestMonth month = readyMonth();
        Files.createDirectories(month.output);
        Files.writeString(month.outputDir(), "not a folder");
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("2026-10 is a file, not a folder").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void aDossiersLinkLeadingOutsideIsRefused() throws Exception {
        TestMonth month = readyMonth();
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createDirectories(month.outputDir());
        Files.createSymbolicLink(month.outputDir().resolve("dossiers"), elsewhere);
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("dossiers folder").contains("outside").hasLineCount(1);
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void forceRemovesDossiersOfProvidersNoLongerOnTheRoster() throws Exception {
        // case 6
        TestMonth month = readyMonth();
        month.roster(TestMonth.provider("LCSW", ""),
                String.join(",", "1000000004", "Leaving", "Al", "LCSW", "LIC2", "MA", "2030-01-01", "1041C0700X", "", ""));
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        Path dossiers = month.outputDir().resolve("dossiers");
        assertThat(dossiers.resolve("1000000004-Leaving.xlsx")).exists();
        Files.writeString(dossiers.resolve("reviewer-notes.txt"), "kept");
        month.roster(TestMonth.provider("LCSW", ""));
        assertThat(month.run("--force")).isEqualTo(ExitCode.COMPLETED);
        try (Stream<Path> files = Files.list(dossiers)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("1234567893-Tester.xlsx", "reviewer-notes.txt");
        }
    }

    @Test
    void poiScratchFilesStayInThisRunsPrivateFolder() throws Exception {
        TestMonth month = readyMonth();
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        Path scratch = month.outputDir().resolve(".scratch");
        assertThat(scratch).as("removed when the run ends").doesNotExist();
        Path probe = TempFile.createTempFile("probe", ".tmp").toPath();
        try {
            assertThat(probe).startsWith(scratch);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    @Test
    void aTypoInACodesFamilyStopsTheRunNamingFileLineAndColumn() throws Exception {
        TestMonth month = readyMonth();
        Path rules = copyOfRules();
        Path codes = rules.resolve("codes.csv");
        Files.writeString(codes, Files.readString(codes).replaceFirst("\n90834,psychotherapy,", "\n90834,psychotherpy,"));
        assertThat(month.run("--rules=" + rules)).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("codes.csv line").contains("column 'family': 'psychotherpy'")
                .contains("code-families.csv").hasLineCount(1);
    }

    private Path copyOfRules() throws Exception {
        Path rules = tmp.resolve("rules");
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/rules"))) {
            Files.createDirectories(rules);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        return rules;
    }
}
