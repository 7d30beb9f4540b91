package org.codecred.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DossierFileNameTest {

    @Test
    void plainNamesKeepTheirLetters() {
        assertEquals("1234567893-Doe.xlsx", DossierFileName.of("1234567893", "Doe"));
        assertEquals("1234567893-Van-der-Berg.xlsx", DossierFileName.of("1234567893", "Van der Berg"));
        assertEquals("1234567893-Muller-Ludenscheidt.xlsx", DossierFileName.of("1234567893", "Müller-Lüdenscheidt"));
        assertEquals("1234567893-OBrien.xlsx", DossierFileName.of("1234567893", "O'Brien"));
    }

    @Test
    void separatorsDotsAndControlCharactersNeverSurvive() {
        assertEquals("1234567893-x.xlsx", DossierFileName.of("1234567893", "../../x"));
        assertEquals("1234567893-etcpasswd.xlsx", DossierFileName.of("1234567893", "/etc/passwd"));
        assertEquals("1234567893-ab.xlsx", DossierFileName.of("1234567893", "a\\b"));
        assertEquals("1234567893-ab.xlsx", DossierFileName.of("1234567893", "a\u0000\n\tb"));
        assertEquals("1234567893.xlsx", DossierFileName.of("1234567893", ".."));
        assertEquals("1234567893.xlsx", DossierFileName.of("1234567893", ""));
        assertEquals("unknown-x.xlsx", DossierFileName.of("../..", "x"));
    }

    @Test
    void longNamesAreCapped() {
        String name = DossierFileName.of("1234567893", "A".repeat(500));
        assertEquals("1234567893-" + "A".repeat(DossierFileName.MAX_NAME) + ".xlsx", name);
    }

    @Test
    void resolvedPathStaysInTheDossierFolder(@TempDir Path dir) {
        Path dossiers = dir.resolve("dossiers");
        for (String hostile : new String[] {"../../x", "/abs", "..\\..\\y", "~", "x/../../z", "\u202e..", "con"}) {
            Path target = DossierFileName.resolve(dossiers, "1234567893", hostile);
            assertEquals(dossiers.toAbsolutePath().normalize(), target.getParent(), hostile);
            assertTrue(target.getFileName().toString().startsWith("1234567893"), hostile);
        }
    }
}
