package org.codecred.cli;

import org.codecred.job.ExitCode;
import org.codecred.testing.JobProcess;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 29, job level: an option given twice is a mistake the command line refuses (the last one
 * would otherwise win without a word), checked on the real command in its own JVM; and text limits
 * count characters, so names and member ids outside the Basic Multilingual Plane load and are stored
 * whole up to the limit.
 */
class RepeatedOptionAndLengthTest {

    @TempDir
    Path tmp;

    @Test
    void anOptionGivenTwiceIsExit2NamingIt() throws Exception {
        String db = "--db=" + tmp.resolve("db/codecred");
        for (List<String> args : List.of(
                List.of("--months=2026-09..2026-10", "--months=2026-01..2026-10", db),
                List.of("--month=2026-10", "--month=2026-10", db),
                List.of("--month=2026-10", "--input=" + tmp.resolve("a"), "--input=" + tmp.resolve("b"), db),
                List.of("--month=2026-10", "--force", "--force=no", db))) {
            try (JobProcess command = JobProcess.start(Main.class, args.toArray(String[]::new))) {
                assertThat(command.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
                String option = args.get(1).substring(0, args.get(1).contains("=") ? args.get(1).indexOf('=') : args.get(1).length());
                assertThat(command.process().exitValue()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE.code());
                assertThat(command.output()).contains(option + " is given twice").contains("give it once")
                        .doesNotContain("Exception");
            }
        }
    }

    @Test
    void namesAndMemberIdsOutsideTheBmpLoadWholeUpToTheirLimit() throws Exception {
        String scriptA = new String(Character.toChars(0x1D49C));
        String name = scriptA.repeat(100);
        String member = scriptA.repeat(64);
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(String.join(",", TestMonth.NPI, name, "Pat", "LCSW", "LIC1", "MA", "2030-01-01", "1041C0700X", "",
                "1980-01-01"));
        month.claims("claims.csv", TestMonth.line("C1", 1, member, "2026-10-05", "90834", "45", "F41.1"));

        assertThat(month.run()).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(month.read("rejected.csv").strip().lines()).as("only the header").hasSize(1);
        assertThat(month.query("SELECT last_name FROM codecred.provider")).containsExactly(name);
        assertThat(month.query("SELECT member_id FROM codecred.claim_line")).containsExactly(member);
    }
}
