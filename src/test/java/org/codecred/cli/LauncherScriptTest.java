package org.codecred.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM options jobs/run-month.sh starts Java with: the measured defaults, JAVA_OPTS after them, no
 * second collector when JAVA_OPTS names one (the JVM refuses two), and class data sharing once a
 * jar's first run has written its archive. A stand-in java prints its arguments; this machine's real
 * one must accept them.
 */
class LauncherScriptTest {

    private static final List<String> COMPILER = List.of("-XX:Tier4InvocationThreshold=20000",
            "-XX:Tier4MinInvocationThreshold=2000", "-XX:Tier4CompileThreshold=30000", "-XX:Tier4BackEdgeThreshold=200000");

    @TempDir
    Path tmp;

    @Test
    void defaultsAreTheMeasuredHeapCollectorAndCompilerThresholds() throws Exception {
        assertEquals(options("-Xmx1g", "-XX:+UseParallelGC", COMPILER), javaArguments(Map.of()));
    }

    @Test
    void javaOptsComeAfterTheDefaultsSoTheirHeapWins() throws Exception {
        assertEquals(options("-Xmx1g", "-XX:+UseParallelGC", COMPILER, "-Xmx2g", "-Dfile.encoding=UTF-8"),
                javaArguments(Map.of("JAVA_OPTS", "-Xmx2g -Dfile.encoding=UTF-8")));
    }

    @Test
    void aCollectorInJavaOptsReplacesTheParallelOne() throws Exception {
        assertEquals(options("-Xmx1g", COMPILER, "-XX:+UseG1GC"), javaArguments(Map.of("JAVA_OPTS", "-XX:+UseG1GC")));
        assertEquals(options("-Xmx1g", COMPILER, "-Xmx3g", "-XX:+UseSerialGC"),
                javaArguments(Map.of("JAVA_OPTS", "-Xmx3g -XX:+UseSerialGC")));
        // an option that merely mentions GC is not a collector
        assertEquals(options("-Xmx1g", "-XX:+UseParallelGC", COMPILER, "-XX:+UseGCOverheadLimit"),
                javaArguments(Map.of("JAVA_OPTS", "-XX:+UseGCOverheadLimit")));
    }

    @Test
    void nativeMemoryHasTwoMallocArenasUnlessTheEnvironmentSaysOtherwise() throws Exception {
        javaArguments(Map.of());
        assertEquals(List.of("2"), Files.readAllLines(tmp.resolve("arguments.txt.arenas")));
        javaArguments(Map.of("MALLOC_ARENA_MAX", "8"));
        assertEquals(List.of("8"), Files.readAllLines(tmp.resolve("arguments.txt.arenas")));
    }

    @Test
    void thisJavaAcceptsTheDefaults() throws Exception {
        List<String> arguments = javaArguments(Map.of());
        acceptedByThisJava(arguments.subList(0, arguments.indexOf("-jar")));
    }

    /**
     * Class data sharing: a jar's first month runs from the jar unpacked into the cache and writes
     * the archive of its classes as it exits, kept when the month completed; the next runs map it.
     */
    @Test
    void aJarsFirstCompletedMonthWritesTheClassArchiveTheNextOnesMap() throws Exception {
        Map<String, String> sharing = Map.of("CODECRED_CDS", "on");
        List<String> first = javaArguments(sharing, 0, "--month=2026-10");
        Path unpacked = Path.of(first.get(first.indexOf("-jar") + 1));
        assertEquals(tmp.resolve("cache"), unpacked.getParent().getParent(), "the jar unpacked in the cache: " + first);
        assertEquals("codecred.jar", unpacked.getFileName().toString());
        String writes = first.stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
        assertTrue(writes.matches("-XX:ArchiveClassesAtExit=" + unpacked.getParent() + "/codecred\\.jsa\\.[0-9]+"), writes);
        assertEquals(List.of("-Xmx1g", "-XX:+UseParallelGC", COMPILER.get(0), COMPILER.get(1), COMPILER.get(2), COMPILER.get(3),
                writes, "-Xlog:cds*=off", "-jar", unpacked.toString(), "--month=2026-10"), first);

        List<String> next = javaArguments(sharing, 0, "--month=2026-11");
        assertTrue(next.contains("-XX:SharedArchiveFile=" + unpacked.getParent().resolve("codecred.jsa")), next.toString());
        assertEquals(unpacked.toString(), next.get(next.indexOf("-jar") + 1));
        assertTrue(next.stream().noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")), next.toString());
        try (var left = Files.list(unpacked.getParent())) {
            assertEquals(List.of("codecred.jar", "codecred.jsa", "lib"), left.map(f -> f.getFileName().toString()).sorted().toList());
        }
        acceptedByThisJava(List.of("-XX:SharedArchiveFile=" + tmp.resolve("none.jsa"), "-Xlog:cds*=off"));
        acceptedByThisJava(List.of("-XX:ArchiveClassesAtExit=" + tmp.resolve("version.jsa"), "-Xlog:cds*=off"));
    }

    /** A month that did not complete may not have loaded every step's classes: its archive is not kept. */
    @Test
    void theArchiveOfAMonthThatFailedIsNotKept() throws Exception {
        Map<String, String> sharing = Map.of("CODECRED_CDS", "on");
        javaArguments(sharing, 1, "--month=2026-10");
        List<String> again = javaArguments(sharing, 0, "--month=2026-10");
        assertTrue(again.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), again.toString());
    }

    @Test
    void commandsThatRunNoMonthAndCdsOffRunTheJarAsItIs() throws Exception {
        assertEquals(options("-Xmx1g", "-XX:+UseParallelGC", COMPILER), javaArguments(Map.of("CODECRED_CDS", "on")));
        List<String> off = javaArguments(Map.of("CODECRED_CDS", "off"), 0, "--month=2026-10");
        assertEquals(List.of("-Xmx1g", "-XX:+UseParallelGC", COMPILER.get(0), COMPILER.get(1), COMPILER.get(2), COMPILER.get(3),
                "-jar", jar(), "--month=2026-10"), off);
    }

    /** This machine's java starts with the options (and prints its version). */
    private static void acceptedByThisJava(List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, java.waitFor(), output);
    }

    /** The options given, lists flattened, then the jar and its argument. */
    private List<String> options(Object... options) {
        List<String> all = new ArrayList<>();
        for (Object option : options) {
            if (option instanceof List<?> list) {
                list.forEach(o -> all.add((String) o));
            } else {
                all.add((String) option);
            }
        }
        all.addAll(List.of("-jar", jar(), "--version"));
        return all;
    }

    private String jar() {
        return tmp.resolve("codecred.jar").toString();
    }

    /**
     * Runs the launcher with a stand-in java under JAVA_HOME and returns the arguments it was last
     * given. As the real one would, the stand-in unpacks the jar when asked to (a codecred.jar and a
     * lib folder) and writes the class archive it is asked to write at exit.
     */
    private List<String> javaArguments(Map<String, String> environment) throws IOException, InterruptedException {
        return javaArguments(environment, 0, "--version");
    }

    /** {@link #javaArguments(Map)} for the launcher's arguments, the stand-in exiting with {@code exitCode}. */
    private List<String> javaArguments(Map<String, String> environment, int exitCode, String... launcherArguments)
            throws IOException, InterruptedException {
        Path bin = Files.createDirectories(tmp.resolve("java/bin"));
        Path java = bin.resolve("java");
        Path arguments = tmp.resolve("arguments.txt");
        Files.writeString(java, """
                #!/bin/sh
                for a in "$@"; do printf '%s\\n' "$a"; done > 'ARGUMENTS'
                printf '%s\\n' "${MALLOC_ARENA_MAX:-unset}" > 'ARGUMENTS.arenas'
                previous=
                for a in "$@"; do
                    case "$a" in
                        -XX:ArchiveClassesAtExit=*) echo archive > "${a#*=}" ;;
                    esac
                    if [ "$previous" = --destination ]; then mkdir -p "$a/lib" && echo jar > "$a/codecred.jar"; fi
                    previous=$a
                done
                exit CODE
                """.replace("ARGUMENTS", arguments.toString()).replace("CODE", Integer.toString(exitCode)));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (!Files.exists(tmp.resolve("codecred.jar"))) {
            Files.writeString(tmp.resolve("codecred.jar"), "");
        }
        List<String> command = new ArrayList<>(List.of("bash", Path.of("jobs/run-month.sh").toAbsolutePath().toString()));
        command.addAll(List.of(launcherArguments));
        ProcessBuilder launcher = new ProcessBuilder(command).redirectErrorStream(true);
        launcher.environment().remove("JAVA_OPTS");
        launcher.environment().remove("MALLOC_ARENA_MAX");
        launcher.environment().put("JAVA_HOME", tmp.resolve("java").toString());
        launcher.environment().put("CODECRED_JAR", jar());
        launcher.environment().put("CODECRED_JVM_CACHE", tmp.resolve("cache").toString());
        launcher.environment().put("CODECRED_CDS", "off"); // the measured options alone, unless a test asks
        launcher.environment().putAll(environment);
        Process process = launcher.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(exitCode, process.waitFor(), "the launcher returns Java's exit code: " + output);
        return Files.readAllLines(arguments);
    }
}
