package org.codecred.alignment;

import org.codecred.domain.Finding;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Peer statistics v3 (contract v3): each statistic with a firing and a clean case. */
class PeerGroupsTest {

    private static final PeerMetric SHARE_90837 = new PeerMetric("share-90837",
            "60-minute sessions (90837) among individual psychotherapy visits", MetricIds.VISITS_90837,
            MetricIds.INDIVIDUAL_PSYCHOTHERAPY_VISITS, 20, 0.20, true);
    private static final PeerMetric VISITS_PER_DAY = new PeerMetric("visits-per-day", "visits per worked day",
            MetricIds.VISITS, MetricIds.DAYS_WORKED, 5, 4, true);

    private final Map<String, Map<String, PeerComparison.PeerValue>> windows = new HashMap<>();
    private final Map<String, String> family = new TreeMap<>();
    private final Map<String, List<String>> supported = new HashMap<>();
    private int next;

    /** A social worker with {@code k} of {@code n} on the metric; visits = n (enough to be a peer). */
    private String worker(PeerMetric metric, double k, double n, String... supportedSpecialties) {
        String npi = "npi" + (100 + next++);
        windows.computeIfAbsent(metric.metricId(), m -> new HashMap<>())
                .put(npi, new PeerComparison.PeerValue(npi, k, n, Math.max(n, 40)));
        family.put(npi, "social-worker");
        if (supportedSpecialties.length > 0) {
            supported.put(npi, List.of(supportedSpecialties));
        }
        return npi;
    }

    private PeerGroups.Outcome compare(PeerMetric... metrics) {
        Map<String, String> windowOf = new HashMap<>();
        family.keySet().forEach(npi -> windowOf.put(npi, "2026-10"));
        return PeerGroups.compare(List.of(metrics), PeerSettings.DEFAULTS, windows, family, supported, windowOf);
    }

    private static MetricTable.PeerFigures figures(PeerGroups.Outcome outcome, String npi, String metric) {
        return outcome.figures().stream().filter(f -> f.npi().equals(npi) && f.metricId().equals(metric))
                .findFirst().orElseThrow();
    }

    private static List<String> flagged(PeerGroups.Outcome outcome) {
        return outcome.outliers().stream().map(Finding::providerNpi).toList();
    }

    @Test
    void zeroSpreadGroupKeepsFourOfTwentyFourLongSessionsClean() {
        // eight social workers who all bill 45-minute sessions: no spread at all
        for (int i = 0; i < 7; i++) {
            worker(SHARE_90837, 0, 24);
        }
        String four = worker(SHARE_90837, 4, 24);
        PeerGroups.Outcome outcome = compare(SHARE_90837);
        // the peers never bill 90837, so the test alone is "significant"; 17 points are under the 20-point floor
        assertThat(outcome.cut()).isGreaterThanOrEqualTo(0.0);
        assertThat(flagged(outcome)).isEmpty();
        assertThat(figures(outcome, four, "share-90837").threshold()).isCloseTo(0.20, within(1e-9));
    }

    @Test
    void zeroSpreadGroupFlagsTheTrueOutlierInWords() {
        for (int i = 0; i < 7; i++) {
            worker(SHARE_90837, 0, 24);
        }
        String half = worker(SHARE_90837, 12, 24);
        PeerGroups.Outcome outcome = compare(SHARE_90837);
        assertThat(flagged(outcome)).containsExactly(half);
        assertThat(outcome.outliers().get(0).message())
                .startsWith("60-minute sessions (90837) among individual psychotherapy visits: 50.0 % (12 of 24, 2026-10);"
                        + " peers 0.0 % (8 social workers); threshold 20.0 %");
    }

    @Test
    void sixSocialWorkersAreTooFewToCompare() {
        for (int i = 0; i < 5; i++) {
            worker(SHARE_90837, 0, 24);
        }
        String all = worker(SHARE_90837, 24, 24);
        PeerGroups.Outcome outcome = compare(SHARE_90837);
        assertThat(flagged(outcome)).isEmpty();
        assertThat(outcome.tests()).isZero();
        MetricTable.PeerFigures f = figures(outcome, all, "share-90837");
        assertThat(f.size()).isEqualTo(6);
        assertThat(f.median()).isNull(); // the dossier: "not compared: group of 6 too small"
        assertThat(f.threshold()).isNull();
    }

    @Test
    void peersWithTooFewVisitsDoNotCount() {
        for (int i = 0; i < 7; i++) {
            worker(SHARE_90837, 5, 19); // 19 visits: under the 20 a peer needs
        }
        String big = worker(SHARE_90837, 30, 30);
        assertThat(compare(SHARE_90837).tests()).isZero();
        assertThat(flagged(compare(SHARE_90837))).doesNotContain(big);
    }

    @Test
    void theProviderIsLeftOutOfThePooledShare() {
        for (int i = 0; i < 7; i++) {
            worker(SHARE_90837, 10, 40); // 25 %
        }
        String big = worker(SHARE_90837, 150, 300); // 50 % on many visits would pull the pool to 38 %
        PeerComparison.Group group = PeerComparison.group(SHARE_90837, PeerSettings.DEFAULTS, "social-worker",
                "social workers", new ArrayList<>(windows.get("share-90837").values()));
        PeerComparison.Test test = PeerComparison.test(group, big);
        assertThat(test.baseline()).isEqualTo(70.0 / 280);
        assertThat(test.pValue()).isEqualTo(PeerStatistics.binomialUpperTail(150, 300, 0.25));
        assertThat(flagged(compare(SHARE_90837))).containsExactly(big);
    }

    @Test
    void countsUseAFlooredMad() {
        // eight providers at 6 visits a day: MAD 0, floored to max(0.6, 1) = 1
        for (int i = 0; i < 7; i++) {
            worker(VISITS_PER_DAY, 120, 20);
        }
        String eight = worker(VISITS_PER_DAY, 160, 20);
        PeerGroups.Outcome clean = compare(VISITS_PER_DAY);
        assertThat(flagged(clean)).isEmpty(); // z = 0.6745 x 2 / 1 = 1.35: not far
        windows.clear();
        family.clear();
        for (int i = 0; i < 7; i++) {
            worker(VISITS_PER_DAY, 120, 20);
        }
        String fourteen = worker(VISITS_PER_DAY, 280, 20);
        PeerGroups.Outcome outcome = compare(VISITS_PER_DAY);
        assertThat(flagged(outcome)).containsExactly(fourteen);
        assertThat(outcome.outliers().get(0).message()).contains("14.0 (280 visits over 20 days-worked, 2026-10); peers 6.0 (8 social workers)")
                .contains("robust z 5.4");
        assertThat(eight).isNotEqualTo(fourteen);
    }

    @Test
    void aPValueThatPassesAloneCanFailBenjaminiHochberg() {
        PeerMetric noFloor = new PeerMetric("visits-per-day", "visits per worked day", MetricIds.VISITS,
                MetricIds.DAYS_WORKED, 5, 0, true);
        for (int i = 0; i < 20; i++) {
            worker(noFloor, 120, 20);
        }
        String x = worker(noFloor, 190, 20); // 9.5 a day: z = 0.6745 x 3.5 = 2.36
        PeerComparison.Group group = PeerComparison.group(noFloor, PeerSettings.DEFAULTS, "social-worker",
                "social workers", new ArrayList<>(windows.get("visits-per-day").values()));
        double p = PeerComparison.test(group, x).pValue();
        assertThat(p).isLessThan(0.05);
        assertThat(PeerStatistics.benjaminiHochbergCut(new double[] {p}, 0.05)).isEqualTo(p); // alone: passes
        PeerGroups.Outcome outcome = compare(noFloor);
        assertThat(outcome.tests()).isEqualTo(21);
        assertThat(outcome.cut()).isEqualTo(-1);             // among 21 tests its line is 0.05 / 21
        assertThat(flagged(outcome)).isEmpty();
    }

    @Test
    void aGroupTherapistIsComparedOnPatientsNotLines() {
        // eight group therapists see 14 to 16 members a day; the ninth adds 90785 to every member's line
        for (int i = 0; i < 8; i++) {
            worker(VISITS_PER_DAY, (14 + i % 3) * 20, 20);
        }
        String addOns = worker(VISITS_PER_DAY, 16 * 20, 20);        // 16 visits a day (32 lines)
        assertThat(flagged(compare(VISITS_PER_DAY))).isEmpty();
        windows.get("visits-per-day").put(addOns, new PeerComparison.PeerValue(addOns, 32 * 20, 20, 320));
        assertThat(flagged(compare(VISITS_PER_DAY))).containsExactly(addOns); // what counting lines would do
    }

    @Test
    void onlySupportedClaimsMakeASpecialtyGroup() {
        for (int i = 0; i < 10; i++) {
            worker(SHARE_90837, 10, 40);                  // 25 %
        }
        for (int i = 0; i < 8; i++) {
            worker(SHARE_90837, 22, 40, "trauma");        // 55 %, trauma SUPPORTED or WEAK
        }
        String t = worker(SHARE_90837, 28, 40, "trauma"); // 70 %
        PeerGroups.Outcome supportedClaim = compare(SHARE_90837);
        assertThat(flagged(supportedClaim)).isEmpty();
        assertThat(figures(supportedClaim, t, "share-90837").peerGroup()).isEqualTo("social-worker|trauma");

        supported.remove(t); // the same provider, its trauma claim UNSUPPORTED: compared with the family
        PeerGroups.Outcome unsupportedClaim = compare(SHARE_90837);
        assertThat(flagged(unsupportedClaim)).containsExactly(t);
        assertThat(figures(unsupportedClaim, t, "share-90837").peerGroup()).isEqualTo("social-worker");
        assertThat(unsupportedClaim.outliers().get(0).message()).contains("(19 social workers)");
    }

    @Test
    void theWindowAddsTheEarlierCompletedMonths() {
        YearMonth oct = YearMonth.parse("2026-10");
        Map<String, Map<String, Double>> current = Map.of("A", counts(3, 20, 20));
        Map<YearMonth, Map<String, Map<String, Double>>> earlier = new TreeMap<>();
        earlier.put(oct.minusMonths(1), Map.of("A", counts(10, 20, 25)));
        earlier.put(oct.minusMonths(2), Map.of("A", counts(10, 20, 25)));
        Map<String, String> windowOf = new HashMap<>();
        PeerComparison.PeerValue a = ComparePeersTasklet.windows(List.of(SHARE_90837), oct, current, earlier, windowOf)
                .get("share-90837").get("A");
        assertThat(a.numerator()).isEqualTo(23);
        assertThat(a.volume()).isEqualTo(60);
        assertThat(a.visits()).isEqualTo(70);
        assertThat(windowOf).containsEntry("A", "2026-08 to 2026-10");

        // a month recorded before the visit counts existed adds nothing to the shares
        Map<String, Double> old = new HashMap<>(Map.of(MetricIds.VISITS, 25.0));
        earlier.put(oct.minusMonths(1), Map.of("A", old));
        a = ComparePeersTasklet.windows(List.of(SHARE_90837), oct, current, earlier, windowOf).get("share-90837").get("A");
        assertThat(a.numerator()).isEqualTo(13);
        assertThat(a.volume()).isEqualTo(40);
    }

    private static Map<String, Double> counts(double k, double n, double visits) {
        return Map.of(MetricIds.VISITS_90837, k, MetricIds.INDIVIDUAL_PSYCHOTHERAPY_VISITS, n, MetricIds.VISITS, visits);
    }
}
