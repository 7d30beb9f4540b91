package org.codecred;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No two packages of src/main depend on each other, directly or through others: each part of the
 * flow can be read, and changed, on top of the parts below it. Every package counts on its own: a
 * sub-package ({@code ingest.x12}) is not its parent ({@code ingest}), and the root package
 * ({@code org.codecred}, the Spring configuration) is one too and depends on no other. Dependencies
 * are the imports and fully qualified names in the code (not in comments: a {@code {@link}} to
 * another package is a pointer for the reader), each traced to the class that has it.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/codecred");
    static final String ROOT = "org.codecred";
    /** A reference to a class (or a whole package, {@code .*}) of CodeCred: its package is group 1. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.codecred(?:\\.[a-z][a-z0-9_]*)*)\\.(?:[A-Z]|\\*)");
    /**
     * A char or string literal (kept: it may hold a quote or "//") or a comment (dropped). Unrolled
     * loops ({@code [^"\\]*+(?:\\.[^"\\]*+)*+}): an alternation repeated per character overflows the stack.
     */
    private static final Pattern STRING_OR_COMMENT = Pattern.compile(
            "'[^'\\\\]*+(?:\\\\.[^'\\\\]*+)*+'|\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|/\\*[\\s\\S]*?\\*/|//[^\\n]*+");

    @Test
    void packagesFormNoCycle() throws IOException {
        Map<String, Map<String, Set<String>>> uses = dependencies(SOURCES);
        assertThat(cycles(uses)).as("package cycles (package -> package: the classes that use it)").isEmpty();
    }

    @Test
    void theRootPackageDependsOnNoOther() throws IOException {
        assertThat(dependencies(SOURCES).getOrDefault(ROOT, Map.of())).isEmpty();
    }

    @Test
    void theCheckSeesACycleThroughOthers() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
        assertThat(reaches(uses, "b", "a", new TreeSet<>())).isTrue();
        assertThat(reaches(Map.of("a", Set.of("b"), "b", Set.of()), "b", "a", new TreeSet<>())).isFalse();
    }

    @Test
    void aSubPackageIsNotItsParent(@TempDir Path sources) throws IOException {
        write(sources, "ingest/ClaimReader.java", "package org.codecred.ingest;\nimport org.codecred.ingest.x12.Loop;\n");
        write(sources, "ingest/x12/Loop.java", "package org.codecred.ingest.x12;\nclass Loop { org.codecred.ingest.ClaimReader r; }\n");

        assertThat(cycles(dependencies(sources))).singleElement().asString()
                .contains("org.codecred.ingest -> org.codecred.ingest.x12: ClaimReader")
                .contains("org.codecred.ingest.x12 -> org.codecred.ingest: Loop");
    }

    @Test
    void aCommentIsNoDependency(@TempDir Path sources) throws IOException {
        write(sources, "ingest/Steps.java", "package org.codecred.ingest;\n/** See {@link org.codecred.ingest.x12.Loop}. */\n"
                + "class Steps { char q = '\"'; String url = \"http://x\"; // org.codecred.cli.Main\n org.codecred.job.ExitCode code; }\n");

        assertThat(dependencies(sources).get("org.codecred.ingest")).containsOnlyKeys("org.codecred.job");
    }

    @Test
    void theRootPackageIsAPackage(@TempDir Path sources) throws IOException {
        write(sources, "App.java", "package org.codecred;\nimport org.codecred.cli.*;\n");
        write(sources, "cli/Main.java", "package org.codecred.cli;\nimport static org.codecred.App.run;\n");
        write(sources, "cli/Other.java", "package org.codecred.cli;\nimport java.util.List;\n");

        Map<String, Map<String, Set<String>>> uses = dependencies(sources);

        assertThat(uses.get(ROOT)).containsOnlyKeys("org.codecred.cli");
        assertThat(cycles(uses)).singleElement().asString()
                .contains("org.codecred -> org.codecred.cli: App").contains("org.codecred.cli -> org.codecred: Main");
    }

    /** Each cycle once, as its two directions with the classes that make each. */
    static List<String> cycles(Map<String, Map<String, Set<String>>> uses) {
        Map<String, Set<String>> graph = new TreeMap<>();
        uses.forEach((from, to) -> graph.put(from, to.keySet()));
        List<String> cycles = new ArrayList<>();
        for (String from : graph.keySet()) {
            for (String to : graph.get(from)) {
                if (from.compareTo(to) < 0 && reaches(graph, to, from, new TreeSet<>())) {
                    cycles.add(from + " -> " + to + ": " + String.join(", ", uses.get(from).get(to))
                            + (uses.getOrDefault(to, Map.of()).containsKey(from)
                                    ? "; " + to + " -> " + from + ": " + String.join(", ", uses.get(to).get(from))
                                    : "; " + to + " reaches " + from + " through other packages"));
                }
            }
        }
        return cycles;
    }

    /** package -> package it uses -> simple names of the classes that use it. */
    static Map<String, Map<String, Set<String>>> dependencies(Path sources) throws IOException {
        Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path folder = sources.relativize(file).getParent();
                String from = folder == null ? ROOT : ROOT + "." + folder.toString().replace(file.getFileSystem().getSeparator(), ".");
                String className = file.getFileName().toString().replace(".java", "");
                Map<String, Set<String>> targets = uses.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher m = REFERENCE.matcher(withoutComments(Files.readString(file)));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        targets.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(className);
                    }
                }
            }
        }
        return uses;
    }

    static String withoutComments(String source) {
        return STRING_OR_COMMENT.matcher(source).replaceAll(m -> m.group().startsWith("/") ? " " : Matcher.quoteReplacement(m.group()));
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (reaches(uses, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static void write(Path sources, String name, String text) throws IOException {
        Path file = sources.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
