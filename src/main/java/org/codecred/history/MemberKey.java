package org.codecred.history;

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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    private static final int KEY_BYTES = 32;

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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the history key " + file + ": " + e.getMessage(), e);
        }
        return read(file);
    }

    /**
     * The key at {@code file}, which must exist: 64 hexadecimal characters (32 bytes). Anything else
     * (cut short, edited, not readable) is a {@link HistoryIntegrityException} saying to restore it.
     */
    static byte[] read(Path file) {
        String hex;
        try {
            hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            String why = e instanceof java.nio.charset.CharacterCodingException ? "damaged: not text" : e.getMessage();
            throw new HistoryIntegrityException("the history key " + file + " cannot be read (" + why
                    + "): restore it from backup (the copy made with the database)");
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new HistoryIntegrityException("the history key " + file + " is damaged (not " + KEY_BYTES * 2
                    + " hexadecimal characters): restore it from backup (the copy made with the database)");
        }
        if (key.length < KEY_BYTES) {
            throw new HistoryIntegrityException("the history key " + file + " is damaged (" + key.length + " bytes, not "
                    + KEY_BYTES + "; cut short?): restore it from backup (the copy made with the database)");
        }
        return key;
    }

    /**
     * A check value of the key (HMAC of a fixed text under it): history keeps it beside the member
     * hashes, so that a key replaced by another is told apart at start. It reveals nothing of the key.
     */
    public String fingerprint() {
        return fingerprintOf(key());
    }

    /** The fingerprint of the key file as it is now; the file must exist (see {@link #read}). */
    static String fingerprintOf(Path file) {
        return fingerprintOf(read(file));
    }

    private static String fingerprintOf(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("codecred history key check".getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this Java runtime", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
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
