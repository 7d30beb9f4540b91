package org.codecred.history;

import org.codecred.domain.Verdict;
import org.codecred.staging.StagingSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 29: seeded fuzzing of what history checks at start. A key file damaged at random (cut at
 * any length, a character replaced by any byte, bytes appended, white space or upper case around
 * it) either is the very key history's hashes were made with — and passes — or stops with a
 * {@link HistoryIntegrityException} of one line naming the file: never another exception, never a
 * different key accepted. A verdict or a month replaced by any text either reads back or stops naming
 * the table and the row. Fast: an in-memory database.
 */
class HistoryIntegrityFuzzTest {

    private static final long[] SEEDS = {29L, 20261207L, 4242L};

    private static JdbcTemplate database() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:fuzz" + System.nanoTime(), "SA", ""));
        new StagingSchema(jdbc).create();
        return jdbc;
    }

    @Test
    void aDamagedKeyIsRefusedInOneLineAndOnlyTheSameKeyPasses(@TempDir Path tmp) throws Exception {
        JdbcTemplate jdbc = database();
        HistoryTables tables = new HistoryTables(jdbc);
        Path file = tmp.resolve("codecred.history-key");
        MemberKey key = new MemberKey(file);
        jdbc.update("INSERT INTO codecred.history_diag_eval VALUES ('2026-09', '1234567893', ?, '90791', DATE '2026-09-03')",
                key.hash("MBR1"));
        tables.key.record(key.fingerprint(), LocalDateTime.now());
        String original = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] originalKey = HexFormat.of().parseHex(original);

        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int i = 0; i < 200; i++) {
                byte[] damaged = damage(original.getBytes(StandardCharsets.US_ASCII), random);
                Files.write(file, damaged);
                Throwable thrown = catchThrowable(() -> new HistoryIntegrity(tables, new MemberKey(file)).checkKey());
                String context = "seed " + seed + " case " + i + ": " + new String(damaged, StandardCharsets.ISO_8859_1);
                if (sameKey(damaged, originalKey)) {
                    assertThat(thrown).as(context).isNull();
                } else {
                    assertThat(thrown).as(context).isInstanceOf(HistoryIntegrityException.class);
                    assertThat(thrown.getMessage()).as(context).contains(file.toString()).contains("restore")
                            .doesNotContain("\n");
                }
            }
        }
    }

    @Test
    void anyVerdictOrMonthTextReadsBackOrNamesTheTableAndRow() {
        JdbcTemplate jdbc = database();
        HistoryTables tables = new HistoryTables(jdbc);
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int i = 0; i < 100; i++) {
                jdbc.update("DELETE FROM codecred.history_provider");
                jdbc.update("DELETE FROM codecred.history_run");
                String verdict = random.nextInt(3) == 0 ? Verdict.values()[random.nextInt(3)].name() : text(random, 8);
                String month = random.nextInt(3) == 0 ? "2026-0" + (1 + random.nextInt(9)) : text(random, 7);
                jdbc.update("INSERT INTO codecred.history_provider VALUES ('2026-09', '1234567893', ?, 1, NULL, 0, 0, 0)", verdict);
                jdbc.update("INSERT INTO codecred.history_run VALUES (?, ?, 1, 1)", month, Timestamp.valueOf(LocalDateTime.now()));
                String context = "seed " + seed + " verdict '" + verdict + "' month '" + month + "'";

                Throwable thrown = catchThrowable(() -> {
                    tables.runs.checkReadable();
                    tables.providers.checkReadable(YearMonth.parse("2026-10"));
                });
                boolean verdictReadable = Arrays.stream(Verdict.values()).anyMatch(v -> v.name().equals(verdict.trim()));
                boolean monthReadable = month.trim().matches("\\d{4}-(0[1-9]|1[0-2])");
                if (verdictReadable && monthReadable) {
                    assertThat(thrown).as(context).isNull();
                } else {
                    assertThat(thrown).as(context).isInstanceOf(HistoryIntegrityException.class);
                    assertThat(thrown.getMessage()).as(context).containsPattern("codecred\\.history_(run|provider)")
                            .contains("history_month").doesNotContain("\n");
                }
            }
        }
    }

    /** One random damage: cut, a byte replaced, bytes appended, or a harmless change (white space, case). */
    private static byte[] damage(byte[] key, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Arrays.copyOf(key, random.nextInt(key.length));
            case 1 -> {
                byte[] copy = key.clone();
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                yield copy;
            }
            case 2 -> {
                byte[] longer = Arrays.copyOf(key, key.length + 1 + random.nextInt(4));
                for (int i = key.length; i < longer.length; i++) {
                    longer[i] = (byte) "0123456789abcdef".charAt(random.nextInt(16));
                }
                yield longer;
            }
            case 3 -> ("\n  " + new String(key, StandardCharsets.US_ASCII) + " \r\n").getBytes(StandardCharsets.US_ASCII);
            default -> new String(key, StandardCharsets.US_ASCII).toUpperCase().getBytes(StandardCharsets.US_ASCII);
        };
    }

    private static boolean sameKey(byte[] file, byte[] key) {
        try {
            return Arrays.equals(HexFormat.of().parseHex(new String(file, StandardCharsets.US_ASCII).strip()), key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(Random random, int max) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(max + 1);
        for (int i = 0; i < length; i++) {
            text.append((char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }
}
