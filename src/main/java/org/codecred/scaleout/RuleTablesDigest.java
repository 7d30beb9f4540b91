package org.codecred.scaleout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One SHA-256 over the rule tables a process reads ({@code --rules}, sub-folders included): each
 * file's path within the folder and its bytes, in path order. The manager sends it with every
 * partition request and a worker compares it with its own, so a worker started with other tables
 * cannot add findings the manager's Sources sheet does not account for. Notes for people
 * (README*, hidden files) do not count.
 */
public final class RuleTablesDigest {

    /** The JMS property (a message header) the digest travels in: a Java identifier, as JMS requires. */
    public static final String HEADER = "codecredRuleTablesDigest";

    private RuleTablesDigest() {
    }

    public static String of(Path rulesDir) {
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(RuleTablesDigest::isTable)
                    .sorted().toList();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                sha.update(rulesDir.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                try (InputStream in = Files.newInputStream(file)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        sha.update(buffer, 0, n);
                    }
                }
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule tables in " + rulesDir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTable(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("README");
    }
}
