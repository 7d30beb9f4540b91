package org.codecred.cli;

import org.codecred.job.ExitCode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 29: seeded command lines in which one of CodeCred's options is given twice, among others in
 * any order. Each is refused by the command with exit 2 and one line naming an option given twice,
 * before anything starts — never the last one silently winning, never an exception.
 */
class OptionFuzzTest {

    private static final long[] SEEDS = {29L, 20261207L, 99L};
    private static final List<String> OPTIONS = List.of("--month=2026-10", "--months=2026-09..2026-10", "--input=in",
            "--output=out", "--db=target/fuzz-db/codecred", "--rules=src/test/resources/rules", "--force", "--force=no");

    @Test
    void anyOptionGivenTwiceIsExit2InOneLine() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int i = 0; i < 60; i++) {
                List<String> args = new ArrayList<>();
                for (String option : OPTIONS) {
                    if (random.nextBoolean() && !option.startsWith("--force")) {
                        args.add(option);
                    }
                }
                String twice = OPTIONS.get(random.nextInt(OPTIONS.size()));
                args.add(twice);
                args.add(twice.startsWith("--force") ? "--force=yes" : twice.replace("=", "=other-"));
                Collections.shuffle(args, random);

                ByteArrayOutputStream err = new ByteArrayOutputStream();
                ExitCode code = CodeCred.run(new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
                String message = err.toString(StandardCharsets.UTF_8);
                String context = "seed " + seed + ": " + String.join(" ", args);
                assertThat(code).as(context).isEqualTo(ExitCode.USAGE);
                // the first line says what to fix (a range adds where it stopped); with --month and --months
                // both present, or --force with a range, the command may name that first: still exit 2
                String first = message.strip().lines().findFirst().orElse("");
                assertThat(first).as(context).containsAnyOf("is given twice", "not both", "applies to one month");
                assertThat(message).as(context).doesNotContain("Exception");
            }
        }
    }
}
