package org.codecred.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.zip.ZipException;

import static org.assertj.core.api.Assertions.assertThat;

/** The one line a user reads for a failure: never "null", never a multi-line SQL statement. */
class FailuresTest {

    @Test
    void aFullDiskIsNamedAsSuchNotAsTheSqlThatHitIt() {
        // the shape Spring's JdbcTemplate gives an HSQLDB write on a full disk
        RuntimeException e = new RuntimeException("PreparedStatementCallback; SQL [INSERT INTO codecred.claim_line (month,\n"
                + " source_file, line_number) VALUES (?, ?, ?)]; java.io.IOException: No space left on device",
                new SQLException("java.io.IOException: No space left on device", new IOException("No space left on device")));
        assertThat(Failures.describe(e)).isEqualTo("the disk is full (writing the database or an output file): free some"
                + " space and run the same command again");
        assertThat(Failures.describe(new RuntimeException("x", new FileSystemException("out/2026-10/findings.csv", null,
                "No space left on device")))).contains("writing out/2026-10/findings.csv");
    }

    @Test
    void aSilentCauseIsNamedByItsKind() {
        assertThat(Failures.describe(new IllegalStateException("cannot read x.zip: null", new ZipException())))
                .isEqualTo("cannot read x.zip: not a readable zip file (damaged or cut short)");
        assertThat(Failures.describe(new NullPointerException())).doesNotContain("null").contains("NullPointerException");
    }

    @Test
    void multiLineMessagesKeepTheirFirstLine() {
        assertThat(Failures.describe(new RuntimeException("first line\nsecond line"))).isEqualTo("first line");
    }

    @Test
    void aRuleTableMessageEndingInNullSaysTheFileIsDamaged() {
        assertThat(CodeCred.tableMessage("CMS file jobs/rules/cms/MUE.zip cannot be read: null"))
                .isEqualTo("CMS file jobs/rules/cms/MUE.zip cannot be read: the file is damaged or cut short (not a readable"
                        + " file of its kind)");
    }
}
