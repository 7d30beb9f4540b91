package org.codecred.dossier;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every engine writes the same workbook as POI's object model (HYBRID, the reference), as POI
 * reads it back: cells and their look, layout, links, print setup, validations and charts
 * ({@link WorkbookDiff}). The sample month's dossiers are compared in {@code SampleDossiersComparisonTest}.
 */
class WriterComparisonTest {

    private static List<Dossier> dossiers() {
        return List.of(Dossiers.full(), Dossiers.bare(), DossierBenchmark.dossier(3, 100), DossierBenchmark.dossier(7, 420));
    }

    @ParameterizedTest
    @EnumSource(DossierWorkbook.Engine.class)
    void writesWhatThePoiObjectModelWrites(DossierWorkbook.Engine engine) throws IOException {
        for (Dossier dossier : dossiers()) {
            try (XSSFWorkbook expected = DossierWorkbookTest.render(dossier, DossierWorkbook.Engine.HYBRID);
                 XSSFWorkbook actual = DossierWorkbookTest.render(dossier, engine)) {
                assertEquals(List.of(), WorkbookDiff.differences(expected, actual, 20),
                        engine + " against HYBRID, " + dossier.identity());
            }
        }
    }
}
