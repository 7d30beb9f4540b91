package org.codecred;

import org.junit.jupiter.api.Test;

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
 * flow can be read, and changed, on top of the parts below it. Dependencies are the imports and
 * fully qualified names in the sources (the root package, the Spring Boot application, may use any).
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/codecred");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.codecred\\.([a-z]+)\\.");

    @Test
    void packagesFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (from.compareTo(to) < 0 && reaches(uses, to, from, new TreeSet<>())) {
                    cycles.add(from + " <-> " + to);
                }
            }
        }
        assertThat(cycles).as("package cycles in %s", uses).isEmpty();
    }

    @Test
    void theCheckSeesACycle() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
        assertThat(reaches(uses, "b", "a", new TreeSet<>())).isTrue();
        assertThat(reaches(Map.of("a", Set.of("b"), "b", Set.of()), "b", "a", new TreeSet<>())).isFalse();
    }

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the root package wires everything
                }
                String from = relative.getName(0).toString();
                Matcher m = REFERENCE.matcher(Files.readString(file));
                Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        return uses;
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
}
