package org.codecred.database;

import org.hsqldb.server.Server;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which running-month guard each database gets, and the guards that need no PostgreSQL server. */
class MonthLocksTest {

    private static final ConnectionSource NONE = () -> {
        throw new AssertionError("no connection expected");
    };

    @Test
    void lockIsChosenByDatabaseUrl() {
        assertSame(MonthLock.PROCESS_EXCLUSIVE_DATABASE, Dialect.forUrl("jdbc:hsqldb:file:data/codecred;shutdown=true").monthLock(NONE));
        assertSame(MonthLock.PROCESS_EXCLUSIVE_DATABASE, Dialect.forUrl("jdbc:hsqldb:data/codecred").monthLock(NONE));
        assertInstanceOf(InProcessMonthLock.class, Dialect.forUrl("jdbc:hsqldb:mem:codecred").monthLock(NONE));
        assertInstanceOf(HsqldbServerMonthLock.class, Dialect.forUrl("jdbc:hsqldb:hsql://db.example/codecred").monthLock(NONE));
        assertInstanceOf(PostgresMonthLock.class, Dialect.forUrl("jdbc:postgresql://127.0.0.1:5432/codecred").monthLock(NONE));
        assertInstanceOf(PostgresMonthLock.class, Dialect.forUrl("JDBC:PostgreSQL://db/codecred").monthLock(NONE));
        assertInstanceOf(RowMonthLock.class, Dialect.forUrl("jdbc:mysql://db/codecred").monthLock(NONE));
    }

    @Test
    void postgresKeyIsTheMonthAsYyyymm() {
        assertEquals(202610, PostgresMonthLock.key(YearMonth.parse("2026-10")));
        assertEquals(202601, PostgresMonthLock.key(YearMonth.parse("2026-01")));
    }

    @Test
    void inMemoryDatabaseLockIsPerDatabaseAndMonth() {
        MonthLock a = new InProcessMonthLock("jdbc:hsqldb:mem:locks-test-a");
        MonthLock sameDatabase = new InProcessMonthLock("jdbc:hsqldb:mem:locks-test-a");
        MonthLock otherDatabase = new InProcessMonthLock("jdbc:hsqldb:mem:locks-test-b");
        assertTrue(a.tryAcquire(YearMonth.parse("2026-10")));
        assertFalse(sameDatabase.tryAcquire(YearMonth.parse("2026-10")));
        assertTrue(sameDatabase.tryAcquire(YearMonth.parse("2026-11")));
        assertTrue(otherDatabase.tryAcquire(YearMonth.parse("2026-10")));
        a.release(YearMonth.parse("2026-10"));
        assertTrue(sameDatabase.tryAcquire(YearMonth.parse("2026-10")));
        sameDatabase.release(YearMonth.parse("2026-10"));
        sameDatabase.release(YearMonth.parse("2026-11"));
        otherDatabase.release(YearMonth.parse("2026-10"));
    }

    @Test
    void hsqldbServerLockIsHeldBySessionAndFreedWhenItEnds() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Server server = new Server();
        server.setLogWriter(null);
        server.setErrWriter(null);
        server.setDatabaseName(0, "locks");
        server.setDatabasePath(0, "mem:locks-server-test");
        server.setPort(port);
        server.setSilent(true);
        server.setNoSystemExit(true);
        server.start();
        try {
            String url = "jdbc:hsqldb:hsql://127.0.0.1:" + server.getPort() + "/locks";
            try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA codecred");
                s.execute("CREATE TABLE codecred.month_lock (locked_month CHAR(7) NOT NULL, holder VARCHAR(200),"
                        + " session_id BIGINT, acquired_at TIMESTAMP, PRIMARY KEY (locked_month))");
            }
            ConnectionSource connections = () -> DriverManager.getConnection(url, "SA", "");
            MonthLock first = Dialect.forUrl(url).monthLock(connections);
            MonthLock second = Dialect.forUrl(url).monthLock(connections);
            assertTrue(first.tryAcquire(YearMonth.parse("2026-10")));
            assertFalse(second.tryAcquire(YearMonth.parse("2026-10")), "the month is held by a live session");
            assertTrue(second.tryAcquire(YearMonth.parse("2026-11")), "another month is free");
            first.release(YearMonth.parse("2026-10"));
            assertTrue(second.tryAcquire(YearMonth.parse("2026-10")), "released");

            // a holder whose session ended (its process died) no longer holds the month
            try (Connection dead = DriverManager.getConnection(url, "SA", ""); Statement s = dead.createStatement()) {
                s.execute("INSERT INTO codecred.month_lock (locked_month, session_id) VALUES ('2026-12', SESSION_ID())");
            }
            assertTrue(first.tryAcquire(YearMonth.parse("2026-12")), "a stale holder is taken over");
            second.release(YearMonth.parse("2026-10"));
            second.release(YearMonth.parse("2026-11"));
            first.release(YearMonth.parse("2026-12"));
        } finally {
            server.shutdown();
        }
    }
}
