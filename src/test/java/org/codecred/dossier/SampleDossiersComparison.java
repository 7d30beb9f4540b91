package org.codecred.dossier;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.alignment.MetricTable;
import org.codecred.alignment.SpecialtyAlignmentTable;
import org.codecred.credentials.CredentialCheckTable;
import org.codecred.database.Dialect;
import org.codecred.domain.Provider;
import org.codecred.history.HistoryTables;
import org.codecred.history.MonthHistory;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RenderingNpiTable;
import org.codecred.staging.StagingEngine;
import org.codecred.testing.TestMonth;
import org.codecred.verdict.VerdictTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month's dossiers as the job wrote them (the template stream) against the same dossiers written
 * with POI's object model (HYBRID), compared as POI reads them back ({@link WorkbookDiff}): values,
 * types, looks, merges, links, print setup, validations, charts. CommitteePacketTest runs it on the
 * sample month.
 */
final class SampleDossiersComparison {

    private SampleDossiersComparison() {
    }

    /** The differences, file by file (empty: every dossier is the same); at least {@code atLeast} dossiers compared. */
    static List<String> differences(TestMonth month, int atLeast) throws Exception {
        Path dossiers = month.outputDir().resolve("dossiers");
        Path rules = Path.of("src/test/resources/rules");
        YearMonth ym = YearMonth.parse(month.month);
        List<String> differences = new ArrayList<>();
        int compared = 0;
        // the claim lines are in the staging engine beside the database (docs/database.md)
        try (Connection connection = month.connect();
             StagingEngine engine = StagingEngine.open(Dialect.embedded(month.db).stagingEngine().orElseThrow())) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            ClaimLineTable lines = new ClaimLineTable(engine);
            DossierLoader loader = new DossierLoader(lines, new RenderingNpiTable(jdbc, lines), new ProviderTable(jdbc),
                    new FindingTable(jdbc), new CredentialCheckTable(jdbc), new MetricTable(engine), new SpecialtyAlignmentTable(jdbc),
                    new VerdictTable(jdbc), new MonthHistory(new HistoryTables(jdbc)), new RejectTable(jdbc));
            var sources = SourceFiles.of(month.monthDir(), rules);
            for (Provider provider : new ProviderTable(jdbc).all(ym)) {
                Path written = DossierFileName.resolve(dossiers, provider.npi(), provider.lastName());
                try (XSSFWorkbook streamed = open(Files.newInputStream(written))) {
                    // the run's start, as the file states it
                    LocalDateTime started = LocalDateTime.ofInstant(streamed.getProperties().getCoreProperties().getCreated()
                            .toInstant(), ZoneOffset.UTC);
                    Dossier dossier = loader.load(ym, provider, started);
                    RunFacts run = new RunFacts(SourceFiles.version(), started, null, sources,
                            DossierStepsConfig.timedCodes(rules), DossierStepsConfig.timeBands(rules));
                    ByteArrayOutputStream reference = new ByteArrayOutputStream();
                    new DossierWorkbook(DossierWorkbook.Engine.HYBRID).write(dossier, run, reference);
                    try (XSSFWorkbook poi = open(new ByteArrayInputStream(reference.toByteArray()))) {
                        WorkbookDiff.differences(poi, streamed, 5).forEach(d -> differences.add(written.getFileName() + ": " + d));
                    }
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(atLeast);
        return differences;
    }

    private static XSSFWorkbook open(InputStream in) throws Exception {
        try (in) {
            return new XSSFWorkbook(in);
        }
    }
}
