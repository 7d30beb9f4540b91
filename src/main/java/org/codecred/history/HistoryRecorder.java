package org.codecred.history;

import org.codecred.alignment.MetricTable;
import org.codecred.alignment.ProviderMetric;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.verdict.VerdictTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes a completed month into history from its staging tables: delete the month's history rows,
 * copy verdicts, rule counts, metrics and diagnostic evaluations, then mark the month completed.
 * The caller runs this in one transaction: a kill leaves the old rows (or none), never half of
 * them, and running it again (restart, {@code --force}) replaces that month's rows only. Then drops
 * months beyond the retention.
 */
public final class HistoryRecorder {

    private static final Logger log = LoggerFactory.getLogger(HistoryRecorder.class);

    /** What one month's recording wrote. */
    public record Recorded(int providers, int rules, int metrics, int evaluations, int monthsDropped, long ledgerLines) {
        public int rows() {
            return (int) (1 + providers + rules + metrics + evaluations + ledgerLines);
        }
    }

    private final HistoryTables tables;
    private final VerdictTable verdicts;
    private final FindingTable findings;
    private final MetricTable metrics;
    private final ClaimLineTable lines;
    private final MemberKey memberKey;
    private final int retentionMonths;
    private final List<String> evaluationCodes;
    /** Runs its work in a transaction of its own, committed when it returns (the claim ledger's batches). */
    private final java.util.function.Consumer<Runnable> apart;

    /**
     * The month's staging is read through its owners; the history tables through theirs.
     *
     * @param evaluationCodes the codes whose services history keeps for the cross-month rules (the code
     *                        table's {@code crossDayCodes})
     * @param apart           runs its work in a transaction of its own, committed when it returns
     */
    public HistoryRecorder(HistoryTables tables, VerdictTable verdicts, FindingTable findings, MetricTable metrics,
                           ClaimLineTable lines, MemberKey memberKey, int retentionMonths,
                           Collection<String> evaluationCodes, java.util.function.Consumer<Runnable> apart) {
        if (retentionMonths < 1) {
            throw new IllegalArgumentException("history retention must be at least 1 month, not " + retentionMonths);
        }
        this.tables = tables;
        this.verdicts = verdicts;
        this.findings = findings;
        this.metrics = metrics;
        this.lines = lines;
        this.memberKey = memberKey;
        this.retentionMonths = retentionMonths;
        this.apart = apart;
        this.evaluationCodes = List.copyOf(new java.util.TreeSet<>(evaluationCodes));
    }

    public Recorded record(YearMonth month, LocalDateTime recordedAt) {
        // the ledger's lines are sorted and digested on a thread of their own while the rows before them are written
        try (LedgerReader ledgerLines = new LedgerReader(month)) {
            // The claim ledger first, in batches each committed apart from the step's transaction, which
            // HSQLDB holds in the heap until it commits: at 5,000,000 lines the ledger is some 20,000 blocks
            // and 60 MB (one row per line, as before blocks, ran out of a 1 GB heap). Its readers see a
            // month only once its completion row commits, below, with the rest.
            if (lines.countCounted(month) > 0) {
                // the hashes' key fingerprint commits before them: a later start can tell the key apart
                apart.accept(() -> tables.key.record(memberKey.fingerprint(), recordedAt));
            }
            tables.claims.delete(month, LEDGER_DELETE_BATCH, apart);
            long ledgerStart = System.nanoTime();
            long ledger = recordLedger(month, ledgerLines);
            log.info("month {}: claim ledger written ({} lines in {} ms, {} ms of them waiting for the lines)", month,
                    ledger, (System.nanoTime() - ledgerStart) / 1_000_000, ledgerLines.waitedNanos / 1_000_000);
            tables.delete(month);
            int providers = tables.providers.insert(month, verdicts.allByNpi(month).values());
            List<FindingTable.ProviderRuleCount> ruleCounts = new ArrayList<>();
            findings.forEachProviderRuleCount(month, ruleCounts::add);
            int rules = tables.rules.insert(month, ruleCounts);
            List<ProviderMetric> kept = new ArrayList<>();
            this.metrics.forEachExceptCounts(month, kept::add);
            // in the order of history_metric's indexes: each row lands beside the one before, not at a random place
            kept.sort(java.util.Comparator.comparing(ProviderMetric::npi).thenComparing(ProviderMetric::id));
            int metrics = tables.metrics.insert(month, kept);
            List<ClaimLineTable.CodedService> evaluated = new ArrayList<>();
            lines.forEachService(month, evaluationCodes, evaluated::add);
            int evaluations = tables.evaluations.insert(month, evaluated, memberKey);
            if (evaluations > 0 || ledger > 0) {
                // the hashes and the fingerprint of their key commit together: a later start can tell the key apart
                tables.key.record(memberKey.fingerprint(), recordedAt);
            }
            tables.runs.insert(month, recordedAt, providers, lines.countCounted(month));
            int dropped = dropBeyondRetention();
            log.info("month {}: history recorded ({} providers, {} rule counts, {} metrics, {} diagnostic evaluations,"
                            + " {} claim ledger lines){}", month, providers, rules, metrics, evaluations, ledger,
                    dropped == 0 ? "" : "; " + dropped + " month(s) beyond the " + retentionMonths + "-month retention dropped");
            return new Recorded(providers, rules, metrics, evaluations, dropped, ledger);
        }
    }

    /**
     * The claim ledger: every line the month counted, without member data, as the reader hands them
     * over, packed into blocks of one billing key ({@link LedgerPacker}) and inserted about
     * {@link #LEDGER_BATCH} lines at a time, each batch committed on its own. Only this thread writes.
     */
    private long recordLedger(YearMonth month, LedgerReader ledgerLines) {
        LedgerPacker.Batches batches = new LedgerPacker.Batches(LEDGER_BATCH);
        LedgerPacker packer = new LedgerPacker(batches);
        long written = 0;
        for (List<ClaimLedgerTable.Entry> batch = ledgerLines.next(); batch != null; batch = ledgerLines.next()) {
            batch.forEach(packer::add);
            if (batches.due()) {
                written += insertApart(month, batches.take());
            }
        }
        packer.finish();
        return written + insertApart(month, batches.take());
    }

    /** Inserts the blocks in a transaction of their own; returns the lines they hold. */
    private long insertApart(YearMonth month, List<LedgerBlock> blocks) {
        long[] inserted = {0};
        apart.accept(() -> inserted[0] = tables.claims.insertBlocks(month, blocks));
        return inserted[0];
    }

    /**
     * The month's ledger lines, read on a second thread: the counted lines in claim order (a billing
     * key's lines together, so they pack into its blocks, and the blocks come in the order of the
     * ledger's primary key after the month, each insert beside the one before) with their digests (a
     * keyed hash and a SHA-256 per line), a few batches ahead of the writer. On two cores the staging
     * engine's sort and the digests cost the writer little wall time (the ledger's log line says how
     * much; with blocks, the writer waits for the reader most of the ledger's time).
     */
    private final class LedgerReader implements AutoCloseable {

        private final BlockingQueue<Handed> handed = new ArrayBlockingQueue<>(LEDGER_BATCHES_AHEAD);
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Thread thread;
        /** How long the writer waited for the reader's next batch (the staging engine's sort, the digests). */
        private long waitedNanos;

        LedgerReader(YearMonth month) {
            thread = new Thread(() -> read(month), "recordHistory-ledger-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /** The next batch, or null after the last; the reader's failure is thrown here, as it was thrown. */
        List<ClaimLedgerTable.Entry> next() {
            Handed next;
            long asked = System.nanoTime();
            try {
                next = handed.take();
                waitedNanos += System.nanoTime() - asked;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the claim ledger", e);
            }
            if (next.failure() != null) {
                throw next.failure() instanceof RuntimeException e ? e
                        : new IllegalStateException("reading the month's claim lines failed: " + next.failure(), next.failure());
            }
            return next.entries();
        }

        /**
         * Stops the reader if it still runs (the writer failed) and waits for it, so no query outlives
         * the step: by a flag, not an interrupt, which would close the file channel of a database it reads.
         */
        @Override
        public void close() {
            stopped.set(true);
            handed.clear();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void read(YearMonth month) {
            try {
                List<ClaimLedgerTable.Entry> batch = new ArrayList<>(LEDGER_BATCH);
                MemberHashes members = new MemberHashes();
                lines.forEachCountedContentInClaimOrder(month, line -> {
                    if (stopped.get()) {
                        throw new CancellationException("the claim ledger's writer stopped");
                    }
                    batch.add(ClaimLedgerTable.Entry.of(line, members.of(line)));
                    if (batch.size() >= LEDGER_BATCH) {
                        hand(new Handed(List.copyOf(batch), null));
                        batch.clear();
                    }
                });
                hand(new Handed(List.copyOf(batch), null));
                hand(new Handed(null, null));
            } catch (CancellationException e) {
                // the writer stopped and no longer takes: nothing to hand over
            } catch (Throwable e) {
                handed.clear(); // the writer waits for this failure, not for the batches before it
                handed.offer(new Handed(null, e));
            }
        }

        private void hand(Handed next) {
            try {
                while (!handed.offer(next, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped.get()) {
                        throw new CancellationException("the claim ledger's writer stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the claim ledger's reader was interrupted", e); // handed on as a failure
            }
        }
    }

    /**
     * The members' keyed hashes of one billing key's lines: the lines come in claim order, so a member
     * seen by a provider mostly comes again before the next billing key, and each hash is a keyed
     * HMAC (about a third of the reader's own work when taken per line). Forgotten at each new billing
     * key, so it holds one provider's members at most.
     */
    private final class MemberHashes {

        private final java.util.Map<String, String> byMember = new java.util.HashMap<>();
        private String billingKey;

        String of(org.codecred.domain.ClaimLine line) {
            if (!line.billingKey().equals(billingKey)) {
                byMember.clear();
                billingKey = line.billingKey();
            }
            return byMember.computeIfAbsent(line.memberId(), memberKey::hash);
        }
    }

    /** What the reader hands the writer: a batch of rows, the end (no rows), or the reader's failure. */
    private record Handed(List<ClaimLedgerTable.Entry> entries, Throwable failure) {
    }

    /**
     * Ledger lines per commit (in blocks of up to {@link LedgerBlock#MAX_LINES}). Each commit waits for
     * the log's disk write (HSQLDB's write delay is 0): when a row was a line, 200 commits at 1,000,000
     * lines took 2.3-3.0 s of commits alone, 50 took 1.4-1.7 s. 20,000 lines are 80 to 200 blocks,
     * some 250 KB: a small transaction.
     */
    private static final int LEDGER_BATCH = 20_000;
    /** Ledger blocks per delete (about 250,000 lines, a few MB). */
    private static final int LEDGER_DELETE_BATCH = 1_000;
    private static final int LEDGER_BATCHES_AHEAD = 4;

    /** Keeps the newest {@code retentionMonths} calendar months counted back from the newest completed month. */
    private int dropBeyondRetention() {
        YearMonth newest = tables.runs.newest().orElse(null);
        if (newest == null) {
            return 0;
        }
        YearMonth oldestKept = newest.minusMonths(retentionMonths - 1L);
        int dropped = 0;
        for (YearMonth old : tables.runs.olderThan(oldestKept)) {
            tables.delete(old);
            tables.claims.delete(old, LEDGER_DELETE_BATCH, apart);
            dropped++;
        }
        return dropped;
    }
}
