package org.codecred.output;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The SHA-256 of every rule table a month ran with, recorded in run-summary.json
 * ({@code rule_tables}), so that a later run of a completed month can say which tables changed since
 * (and that --force recomputes it) instead of keeping the month silently as it was.
 */
public final class RuleTableDigests {

    private RuleTableDigests() {
    }

    /** Path under the rules folder (with {@code /}) → SHA-256, in name order; README files left out. */
    public static Map<String, String> of(Path rulesDir) {
        Map<String, String> digests = new LinkedHashMap<>();
        if (!Files.isDirectory(rulesDir)) {
            return digests;
        }
        try (Stream<Path> files = Files.walk(rulesDir, 3)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = rulesDir.relativize(file).toString().replace('\\', '/');
                if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
                    digests.put(name, sha256(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + rulesDir + ": " + e.getMessage(), e);
        }
        return digests;
    }

    /**
     * The tables added, removed or changed since the completed run whose summary is {@code summary};
     * empty when none did or the summary recorded none (written by an older release).
     */
    public static List<String> changedSince(Path summary, Path rulesDir) {
        JsonNode recorded;
        try {
            recorded = JsonMapper.builder().build().readTree(summary.toFile()).path("rule_tables");
        } catch (JacksonException e) {
            return List.of();
        }
        if (!recorded.isObject()) {
            return List.of();
        }
        Map<String, String> now = of(rulesDir);
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> table : now.entrySet()) {
            if (!table.getValue().equals(recorded.path(table.getKey()).asString(null))) {
                changed.add(table.getKey());
            }
        }
        for (String name : recorded.propertyNames()) {
            if (!now.containsKey(name)) {
                changed.add(name + " (removed)");
            }
        }
        return changed;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
