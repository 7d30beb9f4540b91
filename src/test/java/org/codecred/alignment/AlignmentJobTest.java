package org.codecred.alignment;

import org.codecred.cli.CodeCred;
import org.codecred.database.Dialect;
import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.job.ExitCode;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.StagingEngine;
import org.codecred.testing.TestMonth;
import org.codecred.verdict.DecideVerdictsTasklet;
import org.codecred.verdict.VerdictPolicy;
import org.codecred.verdict.VerdictTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alignment steps inside the whole job (CodeCred.run): six social workers, one of whom bills only
 * 90837, and a counselor with three lines; every alignment outcome and the REVIEW and CLEAR verdicts.
 * Then, on the same staging database, findings the coding and credential steps would write are
 * inserted and the verdicts decided again: HOLD, REVIEW by coding error rate, INFO-only CLEAR.
 */
class AlignmentJobTest {

    private static final String MONTH = "2026-10";
    private static final String SW1 = Fixtures.npi("100000001");
    private static final String SW2 = Fixtures.npi("100000002");
    private static final String SW3 = Fixtures.npi("100000003");
    private static final String SW4 = Fixtures.npi("100000004");
    private static final String SW5 = Fixtures.npi("100000005");
    private static final String SW6 = Fixtures.npi("100000006");
    private static final String LPC = Fixtures.npi("100000007");

    private final StringBuilder claims = new StringBuilder(
            "claim_id,line_no,rendering_npi,billing_npi,member_id,member_dob,service_date,procedure_code,modifiers,"
                    + "units,minutes,diagnosis_codes,place_of_service,charge\n");
    private int claimNo;

    /** Twenty one-visit members: {@code n90837} of them 90837, the rest alternating 90834 and 90832. */
    private void sessions(String npi, int visits, int n90837, int nDx, String dx, int nOld) {
        for (int i = 0; i < visits; i++) {
            String code = i < n90837 ? "90837" : (i % 2 == 0 ? "90834" : "90832");
            int minutes = switch (code) {
                case "90837" -> 60;
                case "90834" -> 45;
                default -> 30;
            };
            String diagnosis = i < nDx ? dx : "F41.1";
            String dob = i >= visits - nOld ? "1950-03-15" : "1985-06-01";
            claimNo++;
            claims.append(String.format("CL%05d,1,%s,,MB%s%02d,%s,2026-10-%02d,%s,,1,%d,%s,11,150.00%n",
                    claimNo, npi, npi.substring(6), i, dob, 1 + i, code, minutes, diagnosis));
        }
    }

    @Test
    void theMonthShowsEveryAlignmentOutcomeAndVerdict(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("input").resolve(MONTH);
        Files.createDirectories(in);
        TestMonth.writeCurrentExclusionLists(in, java.time.YearMonth.parse(MONTH));
        Files.writeString(in.resolve("roster.csv"), String.join("\n",
                "npi,last_name,first_name,credential,license_number,license_state,license_expires,taxonomy_code,specialties,date_of_birth",
                SW1 + ",Alpha,Test,LCSW,SW1001,MA,2028-06-30,1041C0700X,trauma,",
                SW2 + ",Bravo,Test,LICSW,SW1002,MA,2028-06-30,1041C0700X,trauma,",
                SW3 + ",Charlie,Test,LCSW,SW1003,MA,2028-06-30,1041C0700X,family-therapy,",
                SW4 + ",Delta,Test,LCSW,SW1004,MA,2028-06-30,1041C0700X,geriatric,",
                SW5 + ",Echo,Test,LCSW,SW1005,MA,2028-06-30,1041C0700X,,",
                SW6 + ",Foxtrot,Test,LCSW,SW1006,MA,2028-06-30,1041C0700X,trauma,",
                LPC + ",Golf,Test,LPC,PC1007,MA,2028-06-30,101YP2500X,couples-therapy,") + "\n");
        sessions(SW1, 20, 6, 6, "F43.10", 0);    // trauma 30 %: supported; 90837 share 30 %
        sessions(SW2, 20, 7, 2, "F43.12", 0);    // trauma 10 %: weak
        sessions(SW3, 20, 8, 0, "F41.1", 0);     // no family code at all: unsupported
        sessions(SW4, 20, 9, 12, "F10.20", 8);   // geriatric 40 %: supported; substance use 60 %: undeclared
        sessions(SW5, 20, 8, 0, "F41.1", 0);
        sessions(SW6, 20, 20, 20, "F43.10", 0);  // bills only 90837
        sessions(LPC, 3, 1, 3, "Z63.0", 0);      // three lines: insufficient data, a peer group of one
        Files.writeString(in.resolve("claims.csv"), claims.toString());

        // six social workers: under the contract's eight, so this job's rules let groups of five be compared
        Path rulesDir = tmp.resolve("rules");
        try (var files = Files.walk(Fixtures.RULES)) {
            for (Path f : files.toList()) {
                Files.copy(f, rulesDir.resolve(Fixtures.RULES.relativize(f).toString()));
            }
        }
        Files.writeString(rulesDir.resolve(PeerSettings.FILE), "setting,value\nmin_group_size,5\n");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code = CodeCred.run(new PrintStream(err, true), "--month=" + MONTH, "--input=" + tmp.resolve("input"),
                "--output=" + tmp.resolve("output"), "--db=" + tmp.resolve("db"), "--rules=" + rulesDir);
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.COMPLETED);

        List<String> findings = Files.readAllLines(tmp.resolve("output").resolve(MONTH).resolve("findings.csv"));
        assertThat(findings).anySatisfy(l -> assertThat(l).startsWith(SW3 + ",").contains(",SPECIALTY-UNSUPPORTED,WARNING,family-therapy,"));
        assertThat(findings).anySatisfy(l -> assertThat(l).startsWith(SW4 + ",").contains(",SPECIALTY-UNDECLARED,INFO,substance-use,"));
        assertThat(findings).anySatisfy(l -> assertThat(l).startsWith(SW6 + ",").contains(",PEER-OUTLIER,WARNING,share-90837,")
                .contains(": 100.0 % (20 of 20, 2026-10); peers 40.0 % (6 social workers); threshold"));
        assertThat(findings).filteredOn(l -> l.contains("PEER-OUTLIER")).hasSize(1);
        assertThat(findings).noneSatisfy(l -> assertThat(l).startsWith(LPC + ","));

        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:hsqldb:file:" + tmp.resolve("db") + ";shutdown=true;hsqldb.tx=mvcc", "SA", "");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        // the claim lines and the provider metrics are in the staging engine beside the database (docs/database.md)
        StagingEngine engine = StagingEngine.open(Dialect.embedded(tmp.resolve("db")).stagingEngine().orElseThrow());
        JdbcTemplate staged = engine.jdbc();
        try {
            Map<String, String> outcomes = new HashMap<>();
            jdbc.query("SELECT npi, specialty, outcome FROM codecred.specialty_alignment WHERE month = ?",
                    (org.springframework.jdbc.core.RowCallbackHandler) rs ->
                            outcomes.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3)), MONTH);
            assertThat(outcomes).containsEntry(SW1 + "/trauma", "SUPPORTED")
                    .containsEntry(SW2 + "/trauma", "WEAK")
                    .containsEntry(SW3 + "/family-therapy", "UNSUPPORTED")
                    .containsEntry(SW4 + "/geriatric", "SUPPORTED")
                    .containsEntry(SW4 + "/substance-use", "UNDECLARED")
                    .containsEntry(SW6 + "/trauma", "SUPPORTED")
                    .containsEntry(LPC + "/couples-therapy", "INSUFFICIENT-DATA");

            assertThat(verdicts(jdbc)).containsEntry(SW1, "CLEAR").containsEntry(SW2, "CLEAR")
                    .containsEntry(SW3, "REVIEW").containsEntry(SW4, "CLEAR").containsEntry(SW5, "CLEAR")
                    .containsEntry(SW6, "REVIEW").containsEntry(LPC, "CLEAR").hasSize(7);
            assertThat(jdbc.queryForObject("SELECT reasons FROM codecred.provider_verdict WHERE month = ? AND npi = ?",
                    String.class, MONTH, SW6)).isEqualTo("PEER-OUTLIER (share-90837)");

            Map<String, Object> sw6 = staged.queryForMap("SELECT metric_value, peer_group, peer_size, peer_median, peer_threshold"
                    + " FROM codecred.provider_metric WHERE month = ? AND npi = ? AND metric_id = 'share-90837'", MONTH, SW6);
            assertThat(sw6.get("metric_value")).isEqualTo(1.0);
            assertThat(sw6.get("peer_group")).isEqualTo("social-worker");
            assertThat(sw6.get("peer_size")).isEqualTo(6);
            assertThat((Double) sw6.get("peer_median")).isCloseTo(0.40, org.assertj.core.api.Assertions.within(1e-9));
            Map<String, Object> lpc = staged.queryForMap("SELECT peer_group, peer_size, peer_threshold"
                    + " FROM codecred.provider_metric WHERE month = ? AND npi = ? AND metric_id = 'share-90837'", MONTH, LPC);
            assertThat(lpc.get("peer_group")).isEqualTo("counselor");
            assertThat(lpc.get("peer_size")).isEqualTo(0); // 3 sessions: below the minimum volume
            assertThat(lpc.get("peer_threshold")).isNull();

            // comparePeers redone whole, as a restart after a kill inside it does: the same figures and findings
            String figuresSql = "SELECT npi, metric_id, peer_group, peer_size, peer_median, peer_threshold"
                    + " FROM codecred.provider_metric WHERE month = ? ORDER BY npi, metric_id";
            String peerFindingsSql = "SELECT provider_npi, subject, message FROM codecred.finding WHERE month = ?"
                    + " AND rule_id = 'PEER-OUTLIER' ORDER BY provider_npi, subject";
            List<Map<String, Object>> figuresBefore = staged.queryForList(figuresSql, MONTH);
            List<Map<String, Object>> findingsBefore = jdbc.queryForList(peerFindingsSql, MONTH);
            YearMonth month = YearMonth.parse(MONTH);
            new ComparePeersTasklet(month, PeerTable.load(rulesDir), PeerSettings.load(rulesDir), new MetricTable(engine),
                    new FindingTable(jdbc), () -> AlignmentStepsConfig.supportedClaims(new SpecialtyAlignmentTable(jdbc), month),
                    new org.codecred.history.PeerWindowHistory(new org.codecred.history.HistoryTables(jdbc)))
                    .execute(new org.springframework.batch.core.step.StepContribution(
                            org.springframework.batch.test.MetaDataInstanceFactory.createStepExecution()), null);
            assertThat(staged.queryForList(figuresSql, MONTH)).isEqualTo(figuresBefore);
            assertThat(jdbc.queryForList(peerFindingsSql, MONTH)).isEqualTo(findingsBefore).hasSize(1);

            // the reader resumes after the last committed provider: nothing before it comes again
            List<String> resumed = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            ProviderActivityReader reader = new ProviderActivityReader(new ClaimLineTable(engine), new ProviderTable(jdbc),
                    YearMonth.parse(MONTH), Fixtures.rules().specialties().all(), Fixtures.rules().telehealth(), 2);
            ExecutionContext state = new ExecutionContext();
            state.putString(ProviderActivityReader.LAST_NPI, SW4);
            reader.open(state);
            for (ProviderMonth item; (item = reader.read()) != null; ) {
                resumed.add(item.provider().npi());
                lines.add(item.activity().lines());
            }
            assertThat(resumed).containsExactly(SW5, SW6, LPC);
            assertThat(lines).containsExactly(20L, 20L, 3L);

            // findings from the coding and credential steps (built in parallel) drive the other verdicts
            FindingTable table = new FindingTable(jdbc);
            table.insert(YearMonth.parse(MONTH), List.of(Finding.onProvider(RuleId.EXCLUDED_OIG, SW1, "", "on the LEIE"),
                    Finding.onProvider(RuleId.SPECIALTY_UNDECLARED, SW5, "geriatric", "info only")));
            List<Finding> codingErrors = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // 3 of SW2's 20 lines = 15 % (3 lines: the minimum), one of them with two errors
                codingErrors.add(new Finding(SW2, "X" + i, 1, Fixtures.DAY1, "90837", RuleId.TIME_UPCODED, "90834",
                        "test", "claims.csv", 500L + i));
            }
            codingErrors.add(new Finding(SW2, "X0", 1, Fixtures.DAY1, "90837", RuleId.DX_INVALID, "296.32",
                    "test", "claims.csv", 500L));
            codingErrors.add(new Finding(SW5, "Y0", 1, Fixtures.DAY1, "90837", RuleId.TIME_UPCODED, "90834",
                    "test", "claims.csv", 900L)); // 1 of 20 = 5 %: not above the threshold
            table.insert(YearMonth.parse(MONTH), codingErrors);
            AlignmentRules rules = Fixtures.rules();
            DecideVerdictsTasklet decide = new DecideVerdictsTasklet(YearMonth.parse(MONTH), VerdictPolicy.load(Fixtures.RULES),
                    new ProviderTable(jdbc), new MetricTable(engine), table, new VerdictTable(jdbc));
            assertThat(decide.decideAll()).isEqualTo(7);
            assertThat(decide.decideAll()).isEqualTo(7); // redone, not doubled
            assertThat(verdicts(jdbc)).containsEntry(SW1, "HOLD").containsEntry(SW2, "REVIEW")
                    .containsEntry(SW5, "CLEAR").hasSize(7);
            Map<String, Object> sw2 = jdbc.queryForMap("SELECT reasons, lines, coding_errors, coding_accuracy, errors"
                    + " FROM codecred.provider_verdict WHERE month = ? AND npi = ?", MONTH, SW2);
            assertThat(sw2.get("reasons")).isEqualTo("coding errors on 3 of 20 lines (15.0 % > 5.0 %)");
            assertThat(sw2.get("coding_errors")).isEqualTo(3);
            assertThat(sw2.get("coding_accuracy")).isEqualTo(0.85);
            assertThat(sw2.get("errors")).isEqualTo(4);
            assertThat(CredentialVocabulary.load(Fixtures.RULES).family("LICSW")).isEqualTo(CredentialFamily.SOCIAL_WORKER);
        } finally {
            engine.close();
            jdbc.execute("SHUTDOWN");
        }
    }

    private static Map<String, String> verdicts(JdbcTemplate jdbc) {
        Map<String, String> verdicts = new HashMap<>();
        jdbc.query("SELECT npi, verdict FROM codecred.provider_verdict WHERE month = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> verdicts.put(rs.getString(1), rs.getString(2)), MONTH);
        return verdicts;
    }
}
