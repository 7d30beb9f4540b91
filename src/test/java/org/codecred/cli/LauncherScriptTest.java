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

/**
 * The JVM options jobs/run-month.sh starts Java with: the measured defaults, JAVA_OPTS after them, and
 * no second collector when JAVA_OPTS names one (the JVM refuses two). A stand-in java prints its
 * arguments; this machine's real one must accept them.
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
    void thisJavaAcceptsTheDefaults() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> arguments = javaArguments(Map.of());
        command.addAll(arguments.subList(0, arguments.indexOf("-jar")));
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

    /** Runs the launcher with a stand-in java under JAVA_HOME and returns the arguments it was given. */
    private List<String> javaArguments(Map<String, String> environment) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(tmp.resolve("java/bin"));
        Path java = bin.resolve("java");
        Path arguments = tmp.resolve("arguments.txt");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + arguments + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(tmp.resolve("codecred.jar"), "");
        ProcessBuilder launcher = new ProcessBuilder("bash", Path.of("jobs/run-month.sh").toAbsolutePath().toString(), "--version")
                .redirectErrorStream(true);
        launcher.environment().remove("JAVA_OPTS");
        launcher.environment().put("JAVA_HOME", tmp.resolve("java").toString());
        launcher.environment().put("CODECRED_JAR", jar());
        launcher.environment().putAll(environment);
        Process process = launcher.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return Files.readAllLines(arguments);
    }
}
