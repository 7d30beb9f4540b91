package org.codecred.staging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** DuckDB's library copy in the temp folder is gone once the engine has opened, so a kill leaves none. */
class EngineLibraryCopyTest {

    @TempDir
    Path tmp;

    @Test
    void findsOnlyTheEnginesCopiesInTheTempFolder() {
        Path temp = Path.of("/tmp");
        List<String> maps = List.of(
                "55d0c8a00000-55d0c8a01000 r--p 00000000 fe:01 1050114                    /usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                "7f1c2a000000-7f1c2a400000 r-xp 00000000 fe:01 393242                     /tmp/libduckdb_java1234.so",
                "7f1c2a400000-7f1c2a600000 r--p 00400000 fe:01 393242                     /tmp/libduckdb_java1234.so",
                "7f1c2b000000-7f1c2b100000 r-xp 00000000 fe:01 393243                     /tmp/libduckdb_java5678.so (deleted)",
                "7f1c2c000000-7f1c2c100000 r-xp 00000000 fe:01 393244                     /tmp/other/libduckdb_java9.so",
                "7f1c2d000000-7f1c2d100000 r-xp 00000000 fe:01 393245                     /usr/lib/x86_64-linux-gnu/libz.so.1.2.13",
                "7ffd3a9f1000-7ffd3aa12000 rw-p 00000000 00:00 0                          [stack]");
        assertEquals(List.of(Path.of("/tmp/libduckdb_java1234.so")), EngineLibraryCopy.mappedCopies(maps, temp));
    }

    @Test
    void theLoadedLibrarysCopyIsDeletedWhenTheEngineOpens() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "Linux only: elsewhere the driver's delete at exit is the only one");
        try (StagingEngine engine = StagingEngine.open(tmp.resolve("staging.duckdb"))) {
            Path temp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
            List<String> library = Files.readAllLines(maps).stream().filter(l -> l.contains("libduckdb_java")).toList();
            assumeTrue(!library.isEmpty(), "the driver loaded its library from elsewhere than a copy");
            // still mapped, so the engine runs on; no file left in the temp folder for a kill to strand
            assertEquals(List.of(), EngineLibraryCopy.mappedCopies(library, temp), String.join("\n", library));
            assertEquals(1L, engine.jdbc().queryForObject("SELECT 1", Long.class));
        }
    }
}
