package org.codecred.dossier;

import org.codecred.alignment.MetricTable;
import org.codecred.alignment.SpecialtyAlignmentTable;
import org.codecred.credentials.CredentialCheckTable;
import org.codecred.database.Dialect;
import org.codecred.database.KeyList;
import org.codecred.domain.Provider;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.history.HistoryTables;
import org.codecred.history.MonthHistory;
import org.codecred.job.ExitCode;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RenderingNpiTable;
import org.codecred.staging.StagingEngine;
import org.codecred.testing.TestMonth;
import org.codecred.verdict.VerdictTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A slice of dossiers (each table's rows of many providers in one query) holds what the owners'
 * one-provider reads give, provider by provider and row by row in the same order: on the second of
 * two generated months, so that history, peer figures, findings and rejected rows all have rows.
 */
class DossierSliceTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final LocalDateTime GENERATED = LocalDateTime.of(2026, 11, 2, 8, 30);

    @TempDir
    static Path tmp;
    private static Connection connection;
    private static StagingEngine engine;
    private static JdbcTemplate jdbc;
    private static ClaimLineTable lines;
    private static DossierLoader loader;
    private static List<Provider> roster;

    @BeforeAll
    static void runTwoMonths() throws Exception {
        TestMonth september = new TestMonth(tmp, "2026-09");
        TestMonth october = new TestMonth(tmp, "2026-10");
        SampleMonthGenerator.generateMonths(YearMonth.of(2026, 9), MONTH, 30, 3_000, 3, october.input);
        assertThat(september.run()).isEqualTo(ExitCode.COMPLETED);
        assertThat(october.run()).isEqualTo(ExitCode.COMPLETED);
        connection = october.connect();
        engine = StagingEngine.open(Dialect.embedded(october.db).stagingEngine().orElseThrow());
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        lines = new ClaimLineTable(engine);
        loader = new DossierLoader(lines, new RenderingNpiTable(jdbc, lines), new ProviderTable(jdbc),
                new FindingTable(jdbc), new CredentialCheckTable(jdbc), new MetricTable(engine),
                new SpecialtyAlignmentTable(jdbc), new VerdictTable(jdbc), new MonthHistory(new HistoryTables(jdbc)),
                new RejectTable(jdbc));
        roster = new ProviderTable(jdbc).all(MONTH);
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
        connection.close();
    }

    /** The dossier as a query per provider and table reads it (how it was read before slices). */
    private static Dossier oneByOne(Provider provider, Dossier sliced) {
        String npi = provider.npi();
        return new Dossier(MONTH, provider, new VerdictTable(jdbc).find(MONTH, npi).orElse(null),
                new CredentialCheckTable(jdbc).ofProvider(MONTH, npi), new MetricTable(engine).ofProvider(MONTH, npi),
                new SpecialtyAlignmentTable(jdbc).ofProvider(MONTH, npi), new FindingTable(jdbc).ofProvider(MONTH, npi),
                lines.ofProvider(MONTH, npi), GENERATED, new MonthHistory(new HistoryTables(jdbc)).ofProvider(MONTH, npi),
                sliced.rejected());
    }

    @Test
    void aSliceOfTheWholeRosterHoldsWhatOneProviderAtATimeReads() {
        assertThat(roster).hasSizeGreaterThan(25);
        List<Dossier> sliced = new ArrayList<>();
        loader.forEach(MONTH, roster, GENERATED, sliced::add);

        assertThat(sliced).extracting(d -> d.provider().npi()).containsExactlyElementsOf(roster.stream().map(Provider::npi).toList());
        for (Dossier dossier : sliced) {
            assertThat(dossier).as(dossier.provider().npi()).isEqualTo(oneByOne(dossier.provider(), dossier));
        }
        // the month has rows of every kind, so the comparison compared something
        assertThat(sliced).anySatisfy(d -> assertThat(d.history().months()).isNotEmpty());
        assertThat(sliced).anySatisfy(d -> assertThat(d.findings()).hasSizeGreaterThan(1));
        assertThat(sliced).anySatisfy(d -> assertThat(d.history().previousRules()).isNotEmpty());
        assertThat(sliced).allSatisfy(d -> assertThat(d.checks()).isNotEmpty());
        assertThat(sliced).allSatisfy(d -> assertThat(d.metrics()).isNotEmpty());
    }

    @Test
    void aSparseSliceHoldsOnlyItsProvidersAndTheirRows() {
        List<Provider> everyThird = new ArrayList<>();
        for (int i = 0; i < roster.size(); i += 3) {
            everyThird.add(roster.get(i));
        }
        DossierLoader.Slice slice = loader.slice(MONTH, everyThird.stream().map(Provider::npi).toList());

        assertThat(slice.holds(MONTH, roster.get(1).npi())).isFalse();
        for (Provider p : everyThird) {
            assertThat(slice.holds(MONTH, p.npi())).isTrue();
            Dossier dossier = slice.take(p, GENERATED);
            assertThat(dossier).isEqualTo(oneByOne(p, dossier));
            assertThat(slice.holds(MONTH, p.npi())).as("taken once").isFalse();
        }
        assertThat(slice.holds(MONTH.plusMonths(1), everyThird.get(0).npi())).isFalse();
        assertThatThrownBy(() -> slice.take(everyThird.get(0), GENERATED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScatteredSliceHoldsWhatOneProviderAtATimeReads() {
        List<Provider> everyFifth = new ArrayList<>();
        for (int i = 1; i < roster.size(); i += 5) {
            everyFifth.add(roster.get(i));
        }
        DossierLoader.Slice slice = loader.scattered(MONTH, everyFifth.stream().map(Provider::npi).toList());

        for (Provider p : everyFifth) {
            Dossier dossier = slice.take(p, GENERATED);
            assertThat(dossier).isEqualTo(oneByOne(p, dossier));
        }
    }

    @Test
    void theNextSliceOfARangeStopsAtTheRangesEnd() {
        String from = roster.get(3).npi();
        String to = roster.get(9).npi();
        DossierLoader.Slice slice = loader.sliceFrom(MONTH, from, to);

        for (int i = 0; i < roster.size(); i++) {
            assertThat(slice.holds(MONTH, roster.get(i).npi())).as("provider " + i).isEqualTo(i >= 3 && i <= 9);
        }
    }

    @Test
    void aProviderWithoutRowsHasAnEmptyDossier() {
        Provider stranger = new Provider("1999999992", "Nobody", "Ann", "LCSW", null, null, null, null, List.of(), null, 1L);
        Dossier dossier = loader.load(MONTH, stranger, GENERATED);

        assertThat(dossier.decision()).isNull();
        assertThat(dossier.lines()).isEmpty();
        assertThat(dossier.findings()).isEmpty();
        assertThat(dossier.checks()).isEmpty();
        assertThat(dossier.history().months()).isEmpty();
        assertThat(dossier.history().previousMonth()).isEqualTo(YearMonth.of(2026, 9));
    }

    @Test
    void aKeyListBoundsItsInListByItsLeastAndGreatestKey() {
        KeyList keys = KeyList.of(List.of("1000000003", "1000000001", "1000000003", "1000000002"));

        assertThat(keys.condition("npi")).isEqualTo("npi >= ? AND npi <= ? AND npi IN (?, ?, ?)");
        assertThat(keys.args()).containsExactly("1000000001", "1000000003", "1000000001", "1000000002", "1000000003");
        assertThatThrownBy(() -> KeyList.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
