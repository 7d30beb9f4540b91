package org.codecred.testing;

import org.codecred.cli.CodeCred;
import org.codecred.database.AbandonedDatabaseLock;
import org.codecred.job.ExitCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A month of input in a temporary folder, the command that runs it, and a look into its database.
 * Test data is made up here or by the generator, never real.
 */
public final class TestMonth {

    public static final String ROSTER_HEADER = "npi,last_name,first_name,credential,license_number,license_state,"
            + "license_expires,taxonomy_code,specialties,date_of_birth";
    public static final String CLAIMS_HEADER = "claim_id,line_no,rendering_npi,billing_npi,member_id,member_dob,"
            + "service_date,procedure_code,modifiers,units,minutes,diagnosis_codes,place_of_service,charge";
    /** A valid NPI (the CMS example). */
    public static final String NPI = "1234567893";

    public final String month;
    public final Path root;
    public final Path input;
    public final Path output;
    public final Path db;
    /** What the last run printed for the user. */
    public String lastMessage = "";

    public TestMonth(Path root, String month) {
        this.root = root;
        this.month = month;
        this.input = root.resolve("input");
        this.output = root.resolve("output");
        this.db = root.resolve("db").resolve("codecred");
    }

    public Path monthDir() {
        return input.resolve(month);
    }

    public Path outputDir() {
        return output.resolve(month);
    }

    public TestMonth file(String name, String... lines) throws IOException {
        Path file = monthDir().resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return this;
    }

    /**
     * The month's OIG LEIE and SAM exclusion lists, current and empty (header only, as published), so
     * that the month was screened (SCREENING-INCOMPLETE does not fire) and nobody is on them.
     */
    public TestMonth screened() throws IOException {
        writeCurrentExclusionLists(monthDir(), java.time.YearMonth.parse(month));
        return this;
    }

    /** {@link #screened} for a month folder built by hand: UPDATED.csv (downloaded now) and SAM's extract of the month's last day. */
    public static void writeCurrentExclusionLists(Path monthDir, java.time.YearMonth month) throws IOException {
        Path exclusions = Files.createDirectories(monthDir.resolve("exclusions"));
        Files.writeString(exclusions.resolve("UPDATED.csv"), "\"LASTNAME\",\"FIRSTNAME\",\"MIDNAME\",\"BUSNAME\","
                + "\"GENERAL\",\"SPECIALTY\",\"UPIN\",\"NPI\",\"DOB\",\"ADDRESS\",\"CITY\",\"STATE\",\"ZIP\","
                + "\"EXCLTYPE\",\"EXCLDATE\",\"REINDATE\",\"WAIVERDATE\",\"WVRSTATE\"\r\n", StandardCharsets.UTF_8);
        java.time.LocalDate last = month.atEndOfMonth();
        Files.writeString(exclusions.resolve(String.format("SAM_Exclusions_Public_Extract_V2_%02d%03d.CSV",
                        last.getYear() % 100, last.getDayOfYear())), "\"Classification\",\"Name\",\"Prefix\",\"First\","
                        + "\"Middle\",\"Last\",\"Suffix\",\"City\",\"State / Province\",\"Zip Code\",\"Exclusion Type\","
                        + "\"Excluding Agency\",\"Active Date\",\"Termination Date\",\"SAM Number\",\"NPI\"\r\n",
                StandardCharsets.UTF_8);
    }

    public TestMonth roster(String... rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(ROSTER_HEADER));
        lines.addAll(List.of(rows));
        return file("roster.csv", lines.toArray(String[]::new));
    }

    public TestMonth claims(String name, String... rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(CLAIMS_HEADER));
        lines.addAll(List.of(rows));
        return file(name, lines.toArray(String[]::new));
    }

    /** The command-line arguments of this month, plus {@code extra}. */
    public String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of("--month=" + month, "--input=" + input, "--output=" + output,
                "--db=" + db, "--rules=src/test/resources/rules"));
        for (String option : extra) {
            // an extra --rules=... replaces the default one: an option given twice is refused
            String name = option.contains("=") ? option.substring(0, option.indexOf('=') + 1) : option;
            args.removeIf(a -> name.endsWith("=") && a.startsWith(name));
            args.add(option);
        }
        return args.toArray(String[]::new);
    }

    /** Runs the job in this JVM, as the command line would. */
    public ExitCode run(String... extra) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code = CodeCred.run(new PrintStream(err, true, StandardCharsets.UTF_8), args(extra));
        lastMessage = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    public String read(String outputFile) throws IOException {
        return Files.readString(outputDir().resolve(outputFile), StandardCharsets.UTF_8);
    }

    /**
     * Rows of a query on the month's database, each row's columns joined with '|'. A query of the claim
     * lines or the provider metrics goes to the staging engine beside the database (docs/database.md),
     * where the job keeps them.
     */
    public List<String> query(String sql) throws SQLException {
        try (Connection c = connectFor(sql); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    /** Every history row of every month (recording time aside), in a fixed order: to compare two databases' history. */
    public List<String> historyRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(query("SELECT history_month, providers, lines FROM codecred.history_run ORDER BY 1"));
        rows.addAll(query("SELECT * FROM codecred.history_provider ORDER BY 1, 2"));
        rows.addAll(query("SELECT * FROM codecred.history_rule ORDER BY 1, 2, 3, 4"));
        rows.addAll(query("SELECT * FROM codecred.history_metric_values ORDER BY 1, 2"));
        rows.addAll(query("SELECT * FROM codecred.history_diag_eval ORDER BY 1, 2, 3, 4, 5"));
        return rows;
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Opens the file database; it shuts down when the connection closes, so the job can open it next. */
    public Connection connect() throws SQLException {
        AbandonedDatabaseLock.awaitTakeover(db); // right after a test killed the job, its lock file is still fresh
        return DriverManager.getConnection("jdbc:hsqldb:file:" + db + ";shutdown=true;hsqldb.default_table_type=cached",
                "SA", "");
    }

    /** The store a query reads: the staging engine for claim lines and provider metrics, else the database. */
    public Connection connectFor(String sql) throws SQLException {
        return sql.contains("claim_line") || sql.contains("provider_metric") ? connectEngine() : connect();
    }

    /**
     * Bytes the running job has logged so far in the database and the staging engine (their write-ahead
     * logs) and spooled for the engine (the loads' lines): it grows with every committed chunk, so a test
     * can wait for a few before it kills.
     */
    public long loggedBytes() {
        Path engine = org.codecred.database.Dialect.embedded(db).stagingEngine().orElseThrow();
        long bytes = sizeOf(Path.of(db + ".log")) + sizeOf(engine.resolveSibling(engine.getFileName() + ".wal"));
        Path spools = engine.resolveSibling(engine.getFileName() + ".spool").resolve(month);
        try (var files = Files.list(spools)) {
            bytes += files.mapToLong(TestMonth::sizeOf).sum();
        } catch (IOException e) {
            // no spool folder (yet, or any more): nothing spooled
        }
        return bytes;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0; // removed between the two calls: nothing logged there
        }
    }

    /** Opens the staging engine's file, where the job stages the month's claim lines. */
    public Connection connectEngine() throws SQLException {
        AbandonedDatabaseLock.awaitTakeover(db);
        return DriverManager.getConnection("jdbc:duckdb:" + org.codecred.database.Dialect.embedded(db).stagingEngine().orElseThrow());
    }

    /**
     * Makes the load fail at one row of {@code file} with "planted failure", as a crash there would:
     * the database refuses that row's reject, so the row must be one the load rejects (the load's
     * accepted lines go to a spool file, where nothing can refuse one). Creates the tables first, as
     * the job would.
     */
    public void plantRejectFailure(String file, long lineNumber) throws SQLException {
        try (Connection c = connect()) {
            new org.codecred.staging.StagingSchema(new org.springframework.jdbc.core.JdbcTemplate(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true))).create();
            c.createStatement().execute("CREATE TRIGGER codecred.planted_failure BEFORE INSERT ON codecred.rejected_row"
                    + " REFERENCING NEW ROW AS n FOR EACH ROW WHEN (n.source_file = '" + file + "' AND n.line_number = "
                    + lineNumber + ") BEGIN ATOMIC SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'planted failure'; END");
        }
    }

    /** Takes the planted failure away. */
    public void removeRejectFailure() throws SQLException {
        execute("DROP TRIGGER codecred.planted_failure");
    }

    /** The lines of a load partition's spool (e.g. {@code loadClaimsWorker-file001}) as the job left them. */
    public long spooledLines(String partition) throws IOException {
        Path engine = org.codecred.database.Dialect.embedded(db).stagingEngine().orElseThrow();
        try (var lines = Files.lines(engine.resolveSibling(engine.getFileName() + ".spool").resolve(month)
                .resolve(partition + ".csv"))) {
            return lines.count();
        }
    }

    /** A claim line row in the contract's column order with sensible defaults. */
    public static String line(String claimId, int lineNo, String member, String date, String code, String minutes,
                              String dx) {
        return String.join(",", claimId, Integer.toString(lineNo), NPI, "", member, "1980-04-02", date, code, "", "1",
                minutes, dx, "11", "140.00");
    }

    /** A roster row for {@link #NPI}. */
    public static String provider(String credential, String specialties) {
        return String.join(",", NPI, "Tester", "Pat", credential, "LIC1", "MA", "2030-01-01", "1041C0700X", specialties,
                "1980-01-01");
    }
}
