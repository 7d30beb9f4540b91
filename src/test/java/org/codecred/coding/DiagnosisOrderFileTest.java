package org.codecred.coding;

import org.codecred.rules.RuleTableException;
import org.codecred.sources.Icd10cmOrderFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DX-INVALID by the CMS ICD-10-CM order file of the service date's fiscal year (domain reference §11.1). */
class DiagnosisOrderFileTest {

    private static final Path PUBLISHED = Path.of("src/test/resources/published/icd10cm/icd10cm_order_2026.txt");
    private static final LocalDate FY2026 = LocalDate.of(2026, 3, 16);

    @TempDir
    Path rules;

    @BeforeEach
    void rulesFolder() throws Exception {
        Files.copy(Path.of("src/test/resources/rules").resolve(DiagnosisRules.FILE), rules.resolve(DiagnosisRules.FILE));
    }

    private DiagnosisRules withPublishedFile() throws Exception {
        Files.copy(PUBLISHED, rules.resolve("icd10cm_order_2026.txt"));
        return DiagnosisRules.load(rules);
    }

    @Test
    void aBillableCodeOfTheFiscalYearIsValid() throws Exception {
        DiagnosisRules dx = withPublishedFile();
        assertThat(dx.invalidReason("F32.A", FY2026)).isNull();
        assertThat(dx.invalidReason("F4310", FY2026)).as("written without its dot").isNull();
        assertThat(dx.invalidReason("F50.810", FY2026)).isNull();
        assertThat(dx.invalidReason("Z03.89", FY2026)).isNull();
    }

    @Test
    void aHeaderOfTheFileIsInvalidNamingTheFiscalYear() throws Exception {
        DiagnosisRules dx = withPublishedFile();
        assertThat(dx.invalidReason("F32", FY2026)).isEqualTo("is a category heading, not billable in the ICD-10-CM of"
                + " FY2026 (icd10cm_order_2026.txt), the fiscal year of the service date 2026-03-16 (a more specific"
                + " code is needed)");
        assertThat(dx.invalidReason("F50.81", FY2026)).as("a header since FY2025").contains("category heading");
        assertThat(dx.headerUnverified("F32", FY2026)).as("the file says it, not a hand-kept row").isFalse();
    }

    @Test
    void aCodeTheFileLacksIsInvalid() throws Exception {
        assertThat(withPublishedFile().invalidReason("F32.Z", FY2026))
                .isEqualTo("is not an ICD-10-CM code in FY2026 (icd10cm_order_2026.txt), the fiscal year of the"
                        + " service date 2026-03-16");
    }

    @Test
    void outsideTheFilesFiscalYearTheTableApplies() throws Exception {
        DiagnosisRules dx = withPublishedFile();
        LocalDate fy2027 = LocalDate.of(2026, 10, 1);
        LocalDate fy2025 = LocalDate.of(2025, 9, 30);
        assertThat(dx.invalidReason("F32.Z", fy2027)).as("no FY2027 file: the header rows of the table").isNull();
        assertThat(dx.invalidReason("F32.Z", fy2025)).isNull();
        assertThat(DiagnosisRules.load(Path.of("src/test/resources/rules")).orderFiles().orderFiles()).isEmpty();
    }

    @Test
    void anAprilUpdateEndsTheBaseFileOn31March() throws Exception {
        Files.writeString(rules.resolve("icd10cm_order_2025.txt"), line("F5081", '1'), StandardCharsets.US_ASCII);
        Files.writeString(rules.resolve("icd10cm-order-April-2025.txt"), line("F5081", '0'), StandardCharsets.US_ASCII);
        DiagnosisRules dx = DiagnosisRules.load(rules);
        assertThat(dx.invalidReason("F50.81", LocalDate.of(2025, 3, 31))).isNull();
        assertThat(dx.invalidReason("F50.81", LocalDate.of(2025, 4, 1)))
                .contains("FY2025 April update (icd10cm-order-April-2025.txt)");
        assertThat(dx.invalidReason("F50.81", LocalDate.of(2024, 10, 1))).isNull();
    }

    @Test
    void aDamagedLineStopsTheRunNamingFileAndLine() throws Exception {
        Files.writeString(rules.resolve("icd10cm_order_2026.txt"), line("F32", '0') + "05661 F320    X short\r\n",
                StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> DiagnosisRules.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("icd10cm_order_2026.txt line 2: column 15 'X' is not 0 (header) or 1 (billable)");
    }

    @Test
    void theFileIsAPublishedSourceDatedByItsFiscalYear() throws Exception {
        Files.copy(PUBLISHED, rules.resolve("icd10cm_order_2026.txt"));
        Icd10cmOrderFiles files = Icd10cmOrderFiles.load(rules);
        assertThat(files.files()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("ICD-10-CM order file");
            assertThat(f.date()).isEqualTo(LocalDate.of(2025, 10, 1));
            assertThat(f.dateFrom()).isEqualTo("file name (FY2026)");
            assertThat(f.rows()).isEqualTo(20L);
        });
    }

    private static String line(String code, char flag) {
        return String.format("%05d %-7s %c %-60s %s\r\n", 1, code, flag, "Binge eating disorder", "Binge eating disorder");
    }
}
