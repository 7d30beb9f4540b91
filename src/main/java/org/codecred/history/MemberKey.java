package org.codecred.history;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret that turns a member id into the keyed hash history keeps (HMAC-SHA-256, hex). A plain
 * hash of a member id could be reversed by hashing every plausible id; a keyed one cannot without
 * the key. The key (32 random bytes, hex) is created at first use in a file beside the database
 * ({@code --db} path + {@code .history-key}, or {@code --history-key=FILE}), readable by its owner
 * only. Losing it means earlier months' evaluations no longer match: back it up with the database.
 */
public final class MemberKey {

    /** The key file's name beside a database at {@code db}: {@code data/codecred} gives {@code data/codecred.history-key}. */
    public static Path besideDatabase(Path db) {
        return db.resolveSibling(db.getFileName() + ".history-key");
    }

    private final Path file;
    private volatile byte[] key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** The key kept at {@code file}; read (or created) at first use, so a run that hashes nothing creates nothing. */
    public MemberKey(Path file) {
        this.file = file;
    }

    MemberKey(byte[] key) {
        this.file = null;
        this.key = key.clone();
    }

    public Path file() {
        return file;
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = readOrCreate(file);
                }
                k = key;
            }
        }
        return k;
    }

    /** Reads the key at {@code file}, creating it first if it does not exist (two processes agree on one key). */
    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length < 32) {
                throw new IllegalStateException("the history key " + file + " is shorter than 32 bytes; restore it from backup");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the history key " + file + " is not hexadecimal; restore it from backup", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the history key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, ".history-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own protection applies
            }
            Files.writeString(temporary, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
            // a hard link fails when the name exists (a rename would replace it): when another process
            // created the key meanwhile, its key is kept and this one dropped
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            // created by another process between the check and the move
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The member's keyed hash: 64 hex characters. */
    public String hash(String memberId) {
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(memberId.strip().getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this Java runtime", e);
        }
    }
}
