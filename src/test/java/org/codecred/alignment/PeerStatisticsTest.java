package org.codecred.alignment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PeerStatisticsTest {

    @Test
    void binomialUpperTailIsExact() {
        // P(X >= 4), X ~ Bin(24, 0.1): 1 - sum_{j<4} C(24,j) 0.1^j 0.9^(24-j) = 0.2137...
        double below = 0;
        for (int j = 0; j < 4; j++) {
            below += choose(24, j) * Math.pow(0.1, j) * Math.pow(0.9, 24 - j);
        }
        assertThat(PeerStatistics.binomialUpperTail(4, 24, 0.1)).isCloseTo(1 - below, within(1e-12));
        assertThat(PeerStatistics.binomialUpperTail(0, 24, 0.1)).isEqualTo(1.0);
        assertThat(PeerStatistics.binomialUpperTail(20, 20, 0.5)).isCloseTo(Math.pow(0.5, 20), within(1e-15));
        assertThat(PeerStatistics.binomialUpperTail(1, 24, 0.0)).isEqualTo(0.0); // peers never did it
        // large n stays finite
        assertThat(PeerStatistics.binomialUpperTail(600, 2000, 0.3)).isBetween(0.0, 1.0);
    }

    @Test
    void leastSignificantCountMatchesTheTail() {
        for (double cut : new double[] {0.05, 0.001, 1e-6}) {
            long k = PeerStatistics.leastCountAtMost(60, 0.25, cut);
            assertThat(PeerStatistics.binomialUpperTail(k, 60, 0.25)).isLessThanOrEqualTo(cut);
            assertThat(PeerStatistics.binomialUpperTail(k - 1, 60, 0.25)).isGreaterThan(cut);
        }
        assertThat(PeerStatistics.leastCountAtMost(5, 0.5, 1e-6)).isEqualTo(6); // 5 of 5 is not enough
    }

    @Test
    void normalTailAndQuantile() {
        assertThat(PeerStatistics.normalUpperTail(0)).isCloseTo(0.5, within(1e-7));
        assertThat(PeerStatistics.normalUpperTail(1.959964)).isCloseTo(0.025, within(1e-6));
        assertThat(PeerStatistics.normalUpperTail(3.5)).isCloseTo(2.326e-4, within(1e-6));
        assertThat(PeerStatistics.normalUpperQuantile(0.025)).isCloseTo(1.96, within(1e-3));
    }

    @Test
    void madIsFlooredSoZeroSpreadNeverDividesByZero() {
        double[] allSame = {12, 12, 12, 12, 12, 12, 12, 14};
        double median = PeerStatistics.median(allSame);
        assertThat(PeerStatistics.mad(allSame, median)).isZero();
        assertThat(PeerStatistics.flooredMad(0, median)).isCloseTo(1.2, within(1e-12)); // 10 % of the median
        assertThat(PeerStatistics.flooredMad(0, 4)).isEqualTo(1.0);                       // at least 1
        assertThat(PeerStatistics.flooredMad(3, 12)).isEqualTo(3.0);                      // a real spread stands
        assertThat(PeerStatistics.modifiedZ(14, 12, 1.2)).isCloseTo(0.6745 * 2 / 1.2, within(1e-12));
    }

    @Test
    void benjaminiHochbergCutsAtTheLargestRankUnderItsLine() {
        // m = 4, q = 0.05: lines 0.0125, 0.025, 0.0375, 0.05
        assertThat(PeerStatistics.benjaminiHochbergCut(new double[] {0.01, 0.02, 0.03, 0.5}, 0.05)).isEqualTo(0.03);
        // 0.02 alone would pass q = 0.05, but among 10 tests its line is 0.005
        double[] tests = {0.02, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};
        assertThat(PeerStatistics.benjaminiHochbergCut(new double[] {0.02}, 0.05)).isEqualTo(0.02);
        assertThat(PeerStatistics.benjaminiHochbergCut(tests, 0.05)).isEqualTo(-1);
    }

    private static double choose(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
