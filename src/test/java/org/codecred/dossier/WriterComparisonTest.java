package org.codecred.dossier;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every engine writes the same workbook as POI's object model (HYBRID, the reference), as POI
 * reads it back: cells and their look, layout, links, print setup, validations and charts
 * ({@link WorkbookDiff}). The sample month's dossiers are compared in {@code SampleDossiersComparisonTest}.
 */
class WriterComparisonTest {

    private static List<Dossier> dossiers() {
        return List.of(Dossiers.full(), Dossiers.bare(), awkwardText(), DossierBenchmark.dossier(3, 100),
                DossierBenchmark.dossier(7, 420));
    }

    /** Text that XML cannot hold as it is, or holds only escaped, in a finding's message and the provider's name. */
    static Dossier awkwardText() {
        Dossier d = Dossiers.full();
        List<Finding> findings = new ArrayList<>(d.findings());
        for (String text : List.of("control a\u0001b\u0000c\u000Bd", "emoji \uD83D\uDE00 and a lone \uD800 and \uDC00 surrogate",
                "not a character \uFFFE\uFFFF", "markup & < > \" ' ]]>", "  spaces around  ", "tab\there, line\nbreak, cr\rhere",
                "_x0041_ looks like an escape", "=1+2", "a\u007F\u0085\u2028b", "long ".repeat(2_000))) {
            findings.add(Finding.onProvider(RuleId.SPECIALTY_UNDECLARED, Dossiers.NPI, text, text));
        }
        Provider p = d.provider();
        Provider awkward = new Provider(p.npi(), "O'Brien & <Söhne>", p.firstName(), p.credential(), p.licenseNumber(),
                p.licenseState(), p.licenseExpires(), p.taxonomyCode(), p.specialties(), p.dateOfBirth(), p.lineNumber());
        return new Dossier(d.month(), awkward, d.decision(), d.checks(), d.metrics(), d.alignments(), findings, d.lines(),
                d.generated(), d.history(), d.rejected());
    }

    /**
     * POI writes a control character in the file's title as a character reference XML forbids, so the
     * document properties cannot be read back; the template writes '?', as POI does in cells.
     */
    @Test
    void aControlCharacterInTheNameLeavesThePropertiesReadable() throws IOException {
        Dossier d = Dossiers.full();
        Provider p = d.provider();
        Provider bell = new Provider(p.npi(), "Doe\u0007", p.firstName(), p.credential(), p.licenseNumber(), p.licenseState(),
                p.licenseExpires(), p.taxonomyCode(), p.specialties(), p.dateOfBirth(), p.lineNumber());
        Dossier dossier = new Dossier(d.month(), bell, d.decision(), d.checks(), d.metrics(), d.alignments(), d.findings(),
                d.lines(), d.generated(), d.history(), d.rejected());
        try (XSSFWorkbook wb = DossierWorkbookTest.render(dossier, DossierWorkbook.Engine.TEMPLATE)) {
            assertEquals("Credentialing dossier Doe?, Ada · NPI 1234567893 · 2026-10",
                    wb.getProperties().getCoreProperties().getTitle());
        }
    }

    /**
     * The template writes every part it makes as ASCII, whatever the text (characters beyond it as
     * references): a part's builder then keeps one byte a character and its UTF-8 is a plain copy.
     * What the text reads as is held above, against POI.
     */
    @Test
    void theTemplatesOwnPartsAreAscii() throws IOException {
        byte[] file = DossierWorkbookTest.bytes(awkwardText(), DossierWorkbook.Engine.TEMPLATE);
        int parts = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                byte[] part = zip.readAllBytes();
                if (name.startsWith("xl/worksheets/") || name.startsWith("xl/charts/") || name.startsWith("xl/drawings/")
                        || name.equals("xl/workbook.xml") || name.equals("docProps/core.xml")) {
                    parts++;
                    for (int i = 0; i < part.length; i++) {
                        int at = i;
                        assertTrue(part[i] >= 0, () -> name + " has a byte beyond ASCII at " + at);
                    }
                }
            }
        }
        assertTrue(parts > 10, "the sheets, charts, drawings, workbook and properties were all looked at");
    }

    @Test
    void textOverTheCellLimitIsRefusedAsPoiRefusesIt() {
        Dossier d = Dossiers.full();
        List<Finding> findings = new ArrayList<>(d.findings());
        findings.add(Finding.onProvider(RuleId.SPECIALTY_UNDECLARED, Dossiers.NPI, "", "word ".repeat(6_554)));
        Dossier tooLong = new Dossier(d.month(), d.provider(), d.decision(), d.checks(), d.metrics(), d.alignments(), findings,
                d.lines(), d.generated(), d.history(), d.rejected());
        for (DossierWorkbook.Engine engine : DossierWorkbook.Engine.values()) {
            assertThrows(IllegalArgumentException.class, () -> DossierWorkbookTest.render(tooLong, engine), engine.name());
        }
    }

    /** XSSF, STREAMED and the template against HYBRID, each dossier's reference written once. */
    @Test
    void everyEngineWritesWhatThePoiObjectModelWrites() throws IOException {
        for (Dossier dossier : dossiers()) {
            try (XSSFWorkbook expected = DossierWorkbookTest.render(dossier, DossierWorkbook.Engine.HYBRID)) {
                for (DossierWorkbook.Engine engine : List.of(DossierWorkbook.Engine.XSSF, DossierWorkbook.Engine.STREAMED,
                        DossierWorkbook.Engine.TEMPLATE)) {
                    try (XSSFWorkbook actual = DossierWorkbookTest.render(dossier, engine)) {
                        assertEquals(List.of(), WorkbookDiff.differences(expected, actual, 20),
                                engine + " against HYBRID, " + dossier.identity());
                    }
                }
            }
        }
    }
}
