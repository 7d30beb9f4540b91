package org.codecred.alignment;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PeerComparisonTest {

    private static final PeerMetric SHARE_90837 = Fixtures.rules().peers().stream()
            .filter(m -> m.metricId().equals(MetricIds.SHARE_90837)).findFirst().orElseThrow();

    private static List<PeerComparison.PeerValue> group(double... shares) {
        List<PeerComparison.PeerValue> values = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            values.add(new PeerComparison.PeerValue("10000000" + i + "0", shares[i], 40));
        }
        return values;
    }

    @Test
    void theProviderBillingOnly90837StandsOutAndCannotHideByRaisingTheBaseline() {
        var result = PeerComparison.compare(SHARE_90837, CredentialFamily.SOCIAL_WORKER,
                group(0.30, 0.35, 0.40, 0.45, 0.40, 1.0));
        assertThat(result.size()).isEqualTo(6);
        assertThat(result.median()).isCloseTo(0.40, within(1e-9));
        // MAD 0.05: threshold 0.40 + 3 x 1.4826 x 0.05 = 0.622; a mean + 2 SD rule would sit near 0.98
        assertThat(result.threshold()).isCloseTo(0.40 + 3 * 1.4826 * 0.05, within(1e-9));
        assertThat(result.outliers()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.PEER_OUTLIER);
            assertThat(f.providerNpi()).isEqualTo("1000000050");
            assertThat(f.subject()).isEqualTo("share-90837");
            assertThat(f.message()).contains("100.0 %").contains("peer median of 40.0 %")
                    .contains("among 6 social workers").contains("threshold 62.2 %");
        });
    }

    @Test
    void aGroupTooSmallToCompareRaisesNothing() {
        var result = PeerComparison.compare(SHARE_90837, CredentialFamily.COUNSELOR, group(0.30, 0.35, 0.40, 1.0));
        assertThat(result.size()).isEqualTo(4);
        assertThat(result.threshold()).isNull();
        assertThat(result.outliers()).isEmpty();
    }

    @Test
    void providersBelowTheMinimumVolumeAreNeitherCountedNorFlagged() {
        List<PeerComparison.PeerValue> values = group(0.30, 0.35, 0.40, 0.45, 0.40);
        values.add(new PeerComparison.PeerValue("1999999990", 1.0, 4)); // 4 sessions, all 90837
        var result = PeerComparison.compare(SHARE_90837, CredentialFamily.SOCIAL_WORKER, values);
        assertThat(result.size()).isEqualTo(5);
        assertThat(result.outliers()).isEmpty();
    }

    @Test
    void aUniformGroupUsesTheMinimumExcessInsteadOfAZeroSpread() {
        var result = PeerComparison.compare(SHARE_90837, CredentialFamily.THERAPIST,
                group(0.50, 0.50, 0.50, 0.50, 0.50, 0.55, 0.70));
        assertThat(result.threshold()).isCloseTo(0.60, within(1e-9));
        assertThat(result.outliers()).extracting(Finding::providerNpi).containsExactly("1000000060");
    }

    @Test
    void thePercentileMethodFlagsAboveTheChosenPercentile() {
        PeerMetric p90 = new PeerMetric("share-90837", "90837 share", "individual-psychotherapy", 10, 5,
                PeerMetric.Method.PERCENTILE, 3, 90, 0.0, true);
        var result = PeerComparison.compare(p90, CredentialFamily.SOCIAL_WORKER,
                group(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 0.45));
        assertThat(result.threshold()).isCloseTo(0.9, within(1e-9));
        assertThat(result.outliers()).extracting(Finding::providerNpi).containsExactly("1000000090");
    }

    @Test
    void unknownCredentialsAndDisabledMetricsRaiseNothing() {
        assertThat(PeerComparison.compare(SHARE_90837, CredentialFamily.UNKNOWN,
                group(0.30, 0.35, 0.40, 0.45, 0.40, 1.0)).outliers()).isEmpty();
        PeerMetric off = new PeerMetric("share-90837", "x", "individual-psychotherapy", 10, 5,
                PeerMetric.Method.MAD, 3, 95, 0.1, false);
        var result = PeerComparison.compare(off, CredentialFamily.SOCIAL_WORKER, group(0.30, 0.35, 0.40, 0.45, 0.40, 1.0));
        assertThat(result.threshold()).isNotNull();
        assertThat(result.outliers()).isEmpty();
    }
}
