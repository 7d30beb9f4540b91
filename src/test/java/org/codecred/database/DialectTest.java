package org.codecred.database;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What each database's dialect decides from its JDBC URL. */
class DialectTest {

    @Test
    void anEmbeddedFileDatabaseIsNamedByItsPathAndIsNotShared() {
        Dialect file = Dialect.forUrl("jdbc:hsqldb:file:data/codecred;shutdown=true;hsqldb.tx=mvcc");
        assertThat(file.fileDatabase()).contains(Path.of("data/codecred"));
        assertThat(Dialect.forUrl("jdbc:hsqldb:data/other").fileDatabase()).contains(Path.of("data/other"));
        assertThat(Dialect.embedded(Path.of("d/db")).fileDatabase()).contains(Path.of("d/db"));
        assertThat(file.shared()).isFalse();
        assertThat(Dialect.forUrl("jdbc:hsqldb:mem:x").shared()).isFalse();
    }

    @Test
    void aServerIsSharedAndHasNoFile() {
        for (String url : new String[] {"jdbc:hsqldb:hsql://db.example/codecred", "jdbc:postgresql://db/codecred",
                "jdbc:mysql://db/codecred"}) {
            Dialect server = Dialect.forUrl(url);
            assertThat(server.shared()).as(url).isTrue();
            assertThat(server.fileDatabase()).as(url).isEmpty();
        }
        assertThat(Dialect.forUrl("jdbc:hsqldb:mem:x").fileDatabase()).isEmpty();
    }

    @Test
    void onlyPostgresqlHasSessionLocksAndCopy() {
        assertThat(Dialect.forUrl("jdbc:postgresql://db/codecred").sessionLocks()).isPresent();
        assertThat(Dialect.forUrl("jdbc:postgresql://db/codecred").copiesRows()).isTrue();
        assertThat(Dialect.forUrl("jdbc:hsqldb:hsql://db/codecred").sessionLocks()).isEmpty();
        assertThat(Dialect.forUrl("jdbc:hsqldb:file:db").copiesRows()).isFalse();
        assertThat(Dialect.forUrl("jdbc:mysql://db/codecred").sessionLocks()).isEqualTo(Optional.empty());
    }

    @Test
    void tablesAreCachedOnHsqldbAndPlainElsewhere() {
        assertThat(Dialect.forUrl("jdbc:hsqldb:file:db").schemaPlaceholders()).containsEntry("table_type", "CACHED");
        assertThat(Dialect.forUrl("jdbc:postgresql://db/x").schemaPlaceholders()).containsEntry("table_type", "");
        assertThat(Dialect.forUrl("jdbc:hsqldb:file:db").storedIdentifier("codecred")).isEqualTo("CODECRED");
        assertThat(Dialect.forUrl("jdbc:postgresql://db/x").storedIdentifier("codecred")).isEqualTo("codecred");
    }

    @Test
    void onlyHsqldbSessionsKeepLargeResultsOffTheHeap() {
        assertThat(Dialect.forUrl("jdbc:hsqldb:file:db").sessionInitSql()).contains("RESULT MEMORY ROWS");
        assertThat(Dialect.forUrl("jdbc:postgresql://db/x").sessionInitSql()).isNull();
    }

    @Test
    void aLockedFileDatabaseIsSeenInTheFailure() {
        Dialect hsqldb = Dialect.forUrl("jdbc:hsqldb:file:db");
        RuntimeException locked = new RuntimeException("start failed", new SQLException(
                "Database lock acquisition failure: lockFile: org.hsqldb.persist.LockFile@1 [file =/x/db.lck]"));
        assertThat(hsqldb.openElsewhere(locked)).isTrue();
        assertThat(hsqldb.openElsewhere(new RuntimeException("disk full"))).isFalse();
        assertThat(Dialect.forUrl("jdbc:postgresql://db/x").openElsewhere(locked)).isFalse();
    }

    @Test
    void aMonthIsClearedInBoundedDeletesOnHsqldb() {
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:hsqldb:mem:dialect-delete", "SA", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            jdbc.execute("CREATE TABLE t (month CHAR(7), n INTEGER)");
            jdbc.batchUpdate("INSERT INTO t VALUES ('2026-10', 1)", "INSERT INTO t VALUES ('2026-10', 2)",
                    "INSERT INTO t VALUES ('2026-10', 3)", "INSERT INTO t VALUES ('2026-09', 4)");
            String delete = Dialect.of(db).deleteSomeOfMonth("t");

            assertThat(jdbc.update(delete, "2026-10", 2)).isEqualTo(2);
            assertThat(jdbc.update(delete, "2026-10", 2)).isEqualTo(1);
            assertThat(jdbc.update(delete, "2026-10", 2)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class)).isEqualTo(1);

            // any other database: one portable DELETE takes the month's rows, then none are left
            String portable = new JdbcDialect("jdbc:other:db").deleteSomeOfMonth("t");
            jdbc.batchUpdate("INSERT INTO t VALUES ('2026-10', 5)", "INSERT INTO t VALUES ('2026-10', 6)");
            assertThat(jdbc.update(portable, "2026-10", 1)).isEqualTo(2);
            assertThat(jdbc.update(portable, "2026-10", 1)).isZero();
        } finally {
            db.destroy();
        }
    }
}
