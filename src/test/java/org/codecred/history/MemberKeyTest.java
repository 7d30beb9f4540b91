package org.codecred.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberKeyTest {

    @Test
    void keyIsCreatedAtFirstUseBesideTheDatabaseAndKept(@TempDir Path tmp) throws Exception {
        Path file = MemberKey.besideDatabase(tmp.resolve("data").resolve("codecred"));
        assertThat(file).isEqualTo(tmp.resolve("data").resolve("codecred.history-key"));
        MemberKey key = new MemberKey(file);
        assertThat(file).doesNotExist();

        String hash = key.hash("MBR100000390");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(hash).hasSize(64).matches("[0-9a-f]+").doesNotContain("100000390");
        // the same key file, read again, gives the same hash; another member another one
        assertThat(new MemberKey(file).hash("MBR100000390")).isEqualTo(hash);
        assertThat(key.hash("MBR100000391")).isNotEqualTo(hash);
    }

    @Test
    void anotherKeyGivesAnotherHashSoTheHashIsNotAPlainDigest(@TempDir Path tmp) {
        String one = new MemberKey(tmp.resolve("one")).hash("MBR100000390");
        String two = new MemberKey(tmp.resolve("two")).hash("MBR100000390");
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void aDamagedKeyFileStopsWithAMessageRatherThanHashingWithADifferentKey(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("codecred.history-key");
        Files.writeString(file, "not a key\n");
        assertThatThrownBy(() -> new MemberKey(file).hash("MBR1"))
                .hasMessageContaining("history key").hasMessageContaining("restore it from backup");
    }

    @Test
    void aKeyCutShortIsNamedWithItsLength(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("codecred.history-key");
        Files.writeString(file, "ab".repeat(31) + "\n");
        assertThatThrownBy(() -> new MemberKey(file).hash("MBR1")).isInstanceOf(HistoryIntegrityException.class)
                .hasMessageContaining("31 bytes, not 32").hasMessageContaining("restore it from backup");
    }

    @Test
    void theFingerprintTellsKeysApartAndRevealsNeither(@TempDir Path tmp) throws Exception {
        MemberKey one = new MemberKey(tmp.resolve("one"));
        MemberKey two = new MemberKey(tmp.resolve("two"));
        one.hash("MBR1");
        assertThat(one.fingerprint()).hasSize(64).isEqualTo(MemberKey.fingerprintOf(tmp.resolve("one")))
                .isNotEqualTo(two.fingerprint())
                .isNotEqualTo(Files.readString(tmp.resolve("one")).strip());
    }
}
