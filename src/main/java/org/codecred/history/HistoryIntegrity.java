package org.codecred.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;

/**
 * What a month checks of history before it computes anything, so that damage stops the run at
 * start (exit 2, one line) instead of silently changing findings or failing in a later step:
 * <ul>
 *   <li>the member-hash key: while history holds member hashes, the key file must be there, whole,
 *       and the same key they were made with (its fingerprint, {@link HistoryKeyTable}). A new key
 *       would match none of them: DIAG-EVAL-REPEATED would quietly miss every earlier evaluation.</li>
 *   <li>the rows the month reads: the completed months and every provider verdict before it must
 *       read back. A damaged month is repaired by running it again with --force, which is why its
 *       own rows (and later ones, which the month does not read) are not checked.</li>
 * </ul>
 */
public final class HistoryIntegrity {

    private final HistoryTables tables;
    private final MemberKey key;

    public HistoryIntegrity(HistoryTables tables, MemberKey key) {
        this.tables = tables;
        this.key = key;
    }

    /** Checks the key and the history {@code month} reads; throws {@link HistoryIntegrityException} on the first problem. */
    public void checkAtStart(YearMonth month) {
        checkKey();
        tables.runs.checkReadable();
        tables.providers.checkReadable(month);
    }

    void checkKey() {
        Path file = key.file();
        if (file == null) {
            return; // a key given in memory (tests): no file to lose
        }
        boolean hashes = tables.evaluations.holdsHashes() || tables.claims.holdsHashes();
        if (!Files.exists(file)) {
            if (hashes) {
                throw new HistoryIntegrityException("the history key " + file + " is missing, but history holds member"
                        + " hashes made with it: restore it from backup (the copy made with the database); a new key would"
                        + " match none of them, so repeated evaluations would go unseen");
            }
            return; // nothing to match: the key is made at first use
        }
        String fingerprint;
        try {
            fingerprint = MemberKey.fingerprintOf(file);
        } catch (HistoryIntegrityException e) {
            throw hashes ? e : new HistoryIntegrityException(e.getMessage()
                    + " (history holds no member hashes yet, so deleting it is safe too: a new one is made)");
        }
        Optional<String> recorded = tables.key.fingerprint();
        if (hashes && recorded.isPresent() && !recorded.get().equals(fingerprint)) {
            throw new HistoryIntegrityException("the history key " + file + " is not the key history's member hashes"
                    + " were made with (replaced or changed): restore the key backed up with this database");
        }
    }
}
