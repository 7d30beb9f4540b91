package org.codecred.dossier;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.cli.CodeCred;
import org.codecred.credentials.NpiCheckDigit;
import org.codecred.job.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.codecred.dossier.Cells.shown;
import static org.codecred.dossier.Cells.valueOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole month through {@link CodeCred#run}: dossiers and summary on disk, and a resumed writeDossiers. */
class DossierJobTest {

    private static final String MONTH = "2026-10";
    private static final String UNROSTERED = npi(99);

    /** A made-up NPI with a valid check digit (Luhn over the 80840 prefix). */
    static String npi(int n) {
        String base = String.format("1%08d", 10_000 + n * 37);
        return base + NpiCheckDigit.checkDigit(base);
    }

    static final String[] LAST_NAMES = {"Alder", "../../x", "Birch", "Cedar", "Dogwood", "Elm"};

    static Path month(Path root) throws IOException {
        Path in = root.resolve("input").resolve(MONTH);
        Files.createDirectories(in);
        StringBuilder roster = new StringBuilder("npi,last_name,first_name,credential,license_number,license_state,"
                + "license_expires,taxonomy_code,specialties,date_of_birth\n");
        StringBuilder claims = new StringBuilder("claim_id,line_no,rendering_npi,member_id,service_date,procedure_code,"
                + "modifiers,units,minutes,diagnosis_codes,place_of_service,charge\n");
        for (int p = 0; p < LAST_NAMES.length; p++) {
            roster.append(npi(p)).append(',').append(LAST_NAMES[p]).append(",Test,LCSW,L").append(p)
                    .append(",IL,2027-06-30,1041C0700X,trauma,\n");
            for (int l = 0; l < 3 + p; l++) {
                String claimId = p == 0 && l == 0 ? "=1+2" : "C" + p + "-" + l;
                claims.append(claimId).append(",1,").append(npi(p)).append(",MBR00").append(p).append(l).append("4321,")
                        .append("2026-10-").append(String.format("%02d", 1 + l)).append(',')
                        .append(l % 2 == 0 ? "90837,,1,55" : "90834,,1,40").append(",F43.10,11,150.00\n");
            }
        }
        claims.append("U-1,1,").append(UNROSTERED).append(",MBR9999,2026-10-03,90834,,1,40,F43.10,11,150.00\n");
        claims.append("U-2,1,").append(UNROSTERED).append(",MBR9999,2026-10-09,90834,,1,40,F43.10,11,150.00\n");
        Files.writeString(in.resolve("roster.csv"), roster);
        Files.writeString(in.resolve("claims.csv"), claims);
        return root;
    }

    static ExitCode run(Path root, ByteArrayOutputStream err) {
        return CodeCred.run(new PrintStream(err, true, StandardCharsets.UTF_8), "--month=" + MONTH,
                "--input=" + root.resolve("input"), "--output=" + root.resolve("output"), "--db=" + root.resolve("db/codecred"),
                "--rules=src/test/resources/rules", "--codecred.threads=2");
    }

    static Path out(Path root) {
        return root.resolve("output").resolve(MONTH);
    }

    @Test
    void writesOneDossierPerRosteredProviderAndTheSummary(@TempDir Path root) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(ExitCode.COMPLETED, run(month(root), err), err.toString(StandardCharsets.UTF_8));
        Path dossiers = out(root).resolve("dossiers");
        List<String> files = list(dossiers);
        assertEquals(LAST_NAMES.length, files.size(), files.toString());
        assertTrue(files.contains(npi(1) + "-x.xlsx"), "../../x stays inside dossiers/: " + files);
        try (Stream<Path> all = Files.walk(root)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".xlsx"))
                    .filter(p -> !p.getParent().equals(dossiers) && !p.getParent().equals(out(root))).toList());
        }

        try (Workbook wb = open(dossiers.resolve(npi(0) + "-Alder.xlsx"))) {
            assertEquals(DossierWorkbook.SHEETS, Cells.sheetNames(wb));
            Sheet summary = wb.getSheet("Summary");
            assertTrue(valueOf(summary, "Name, NPI").getStringCellValue().endsWith("NPI " + npi(0)));
            assertTrue(valueOf(summary, "Claim lines").getStringCellValue().startsWith("3 lines;"));
            Sheet lines = wb.getSheet("Claim Lines");
            assertEquals("=1+2", lines.getRow(3).getCell(0).getStringCellValue());
            assertEquals(CellType.STRING, lines.getRow(3).getCell(0).getCellType());
            assertEquals("****4321", shown(lines, 3, 3));
        }

        try (Workbook wb = open(out(root).resolve("credentialing-summary-" + MONTH + ".xlsx"))) {
            assertEquals(SummaryWorkbook.SHEETS, Cells.sheetNames(wb));
            Sheet providers = wb.getSheet("Providers");
            assertEquals("NPI", shown(providers, 1, 1));
            assertEquals("Verdict", shown(providers, 1, 0));
            assertEquals(2 + LAST_NAMES.length - 1, providers.getLastRowNum());
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int row = 2; row < 2 + LAST_NAMES.length; row++) {
                assertEquals(CellType.STRING, providers.getRow(row).getCell(1).getCellType());
                int p = java.util.Arrays.asList(java.util.stream.IntStream.range(0, LAST_NAMES.length).mapToObj(i -> npi(i))
                        .toArray(String[]::new)).indexOf(shown(providers, row, 1));
                assertTrue(p >= 0 && seen.add(shown(providers, row, 1)), "each rostered NPI once");
                assertEquals(String.valueOf(3 + p), shown(providers, row, 6));
                assertNotEquals("", shown(providers, row, 0), "every provider has a verdict cell");
                Hyperlink link = providers.getRow(row).getCell(12).getHyperlink();
                assertTrue(Files.isRegularFile(out(root).resolve(link.getAddress())), link.getAddress());
                try (Workbook dossier = open(out(root).resolve(link.getAddress()))) {
                    // the summary's cell holds the word; the dossier's headline reads "■ HOLD — ..."
                    assertTrue(shown(dossier.getSheet("Summary"), 2, 0).contains(" " + shown(providers, row, 0) + " — "),
                            "the summary and the dossier agree on the verdict");
                }
            }
            Sheet unrostered = wb.getSheet("Unrostered");
            assertEquals(UNROSTERED, shown(unrostered, 2, 0));
            assertEquals("2", shown(unrostered, 2, 1));
            assertEquals("2026-10-03", shown(unrostered, 2, 2));
            assertEquals(2, unrostered.getLastRowNum());
            assertEquals("TIME-UPCODED", shown(wb.getSheet("Rules"), 2 + 4, 0), "every catalog rule listed in order");
        }
    }

    @Test
    void aFailedWriteDossiersResumesAndEndsWithTheSameWorkbooks(@TempDir Path clean, @TempDir Path resumed) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(ExitCode.COMPLETED, run(month(clean), err), err.toString(StandardCharsets.UTF_8));

        // first attempt: the dossier of provider 3 cannot be written (a folder holds its name)
        month(resumed);
        Path blocked = out(resumed).resolve("dossiers").resolve(npi(3) + "-Cedar.xlsx");
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("keep"), "x");
        assertEquals(ExitCode.FAILED, run(resumed, err));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("writeDossiers"), err.toString(StandardCharsets.UTF_8));
        Map<String, Object> committed = fileKeys(out(resumed).resolve("dossiers"));
        committed.remove(blocked.getFileName().toString());
        assertFalse(committed.isEmpty(), "other providers were committed before the failure");

        // the cause is fixed; the same command resumes
        Files.delete(blocked.resolve("keep"));
        Files.delete(blocked);
        err.reset();
        assertEquals(ExitCode.COMPLETED, run(resumed, err), err.toString(StandardCharsets.UTF_8));

        Map<String, Object> after = fileKeys(out(resumed).resolve("dossiers"));
        committed.forEach((name, key) -> assertEquals(key, after.get(name), name + " was committed and is not rewritten"));
        assertEquals(list(out(clean).resolve("dossiers")), list(out(resumed).resolve("dossiers")));
        for (String name : list(out(clean).resolve("dossiers"))) {
            assertEquals(dump(out(clean).resolve("dossiers").resolve(name)), dump(out(resumed).resolve("dossiers").resolve(name)), name);
        }
        String summary = "credentialing-summary-" + MONTH + ".xlsx";
        assertEquals(dump(out(clean).resolve(summary)), dump(out(resumed).resolve(summary)));
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static Map<String, Object> fileKeys(Path dir) throws IOException {
        Map<String, Object> keys = new TreeMap<>();
        for (String name : list(dir)) {
            BasicFileAttributes a = Files.readAttributes(dir.resolve(name), BasicFileAttributes.class);
            keys.put(name, a.fileKey() + "@" + a.lastModifiedTime().toMillis());
        }
        return keys;
    }

    /** All cells as shown, but not the Generated time, which is the run's own start. */
    private static String dump(Path file) throws IOException {
        try (Workbook wb = open(file)) {
            // the run's own times differ between the two runs compared
            return Cells.dump(wb, Cells.RUN_TIMES);
        }
    }
}
