package org.codecred.alignment;

import java.util.Arrays;

/**
 * The arithmetic of the peer comparison (contract v3, domain reference 11.6), kept apart so each
 * piece is tested on its own: the exact binomial upper tail for shares, the robust (modified) z of
 * Iglewicz and Hoaglin for counts with its one-sided normal p-value, and the Benjamini–Hochberg
 * step-up cut over all tests of the month. Plain Java.
 */
public final class PeerStatistics {

    /** 0.6745 = the normal distribution's third quartile: 0.6745 x (x - median) / MAD is about (x - mean) / SD. */
    public static final double MODIFIED_Z_SCALE = 0.6745;

    private PeerStatistics() {
    }

    /**
     * P(X >= k) for X binomial(n, p): the chance that a provider with the peers' share p bills at
     * least k of n visits this way. Summed exactly (in logarithms, so large n does not overflow).
     */
    public static double binomialUpperTail(long k, long n, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        if (p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        // log C(n, k), then each next term from the one before
        double logChoose = 0;
        for (long i = 1; i <= k; i++) {
            logChoose += Math.log((double) (n - k + i) / i);
        }
        double logTerm = logChoose + k * logP + (n - k) * logQ;
        double sum = 0;
        for (long j = k; j <= n; j++) {
            sum += Math.exp(logTerm);
            logTerm += Math.log((double) (n - j) / (j + 1)) + logP - logQ;
        }
        return Math.min(1.0, sum);
    }

    /**
     * The least k whose upper tail P(X >= k), X binomial(n, p), is at most {@code cut}; n + 1 when even
     * k = n is not. One pass from the top, so a threshold costs no more than one test.
     */
    public static long leastCountAtMost(long n, double p, double cut) {
        if (p <= 0) {
            return cut >= 1 ? 0 : (cut >= 0 ? 1 : n + 1);
        }
        if (p >= 1) {
            return cut >= 1 ? 0 : n + 1;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        // log P(X = n), then down: P(X = j - 1) = P(X = j) * j / (n - j + 1) * q / p
        double logTerm = n * logP;
        double tail = 0;
        long k = n + 1;
        for (long j = n; j >= 0; j--) {
            tail += Math.exp(logTerm);
            if (tail > cut) {
                break;
            }
            k = j;
            if (j > 0) {
                logTerm += Math.log((double) j / (n - j + 1)) + logQ - logP;
            }
        }
        return k;
    }

    /** The robust z of a count: 0.6745 (x - median) / MAD', MAD' = max(MAD, 10 % of the median, 1). */
    public static double modifiedZ(double x, double median, double flooredMad) {
        return MODIFIED_Z_SCALE * (x - median) / flooredMad;
    }

    /** MAD floored as the contract says, so a group where most peers share one value never divides by zero. */
    public static double flooredMad(double mad, double median) {
        return Math.max(mad, Math.max(0.1 * Math.abs(median), 1.0));
    }

    /** P(Z >= z) for a standard normal Z: the one-sided p-value of a robust z. */
    public static double normalUpperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** The last quantile computed: every count test of a month asks for the same one (the month's bar). */
    private record Quantile(double p, double z) {
    }

    private static volatile Quantile lastQuantile = new Quantile(Double.NaN, Double.NaN);

    /** The z with P(Z >= z) = p (0 < p < 1), by bisection on {@link #normalUpperTail}. */
    public static double normalUpperQuantile(double p) {
        Quantile last = lastQuantile;
        if (Double.compare(last.p(), p) == 0) {
            return last.z();
        }
        double z = bisectUpperQuantile(p);
        lastQuantile = new Quantile(p, z);
        return z;
    }

    private static double bisectUpperQuantile(double p) {
        double low = -40;
        double high = 40;
        for (int i = 0; i < 200; i++) {
            double mid = (low + high) / 2;
            if (normalUpperTail(mid) > p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /**
     * Benjamini–Hochberg (1995) at false-discovery rate q: sort the m p-values, find the largest rank
     * i with p(i) <= i q / m; every p-value up to p(i) passes. Returns that cut, or -1 when none passes.
     */
    public static double benjaminiHochbergCut(double[] pValues, double q) {
        double[] sorted = pValues.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        for (int i = m; i >= 1; i--) {
            if (sorted[i - 1] <= q * i / m) {
                return sorted[i - 1];
            }
        }
        return -1;
    }

    /** The median of {@code values} (any order; not empty). */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The median absolute deviation from {@code median}. */
    public static double mad(double[] values, double median) {
        return median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
    }

    /**
     * erfc(x), complementary error function, with relative error below 1.2e-7 everywhere (the
     * Chebyshev fit of Numerical Recipes, 2nd ed., 6.2): ample for p-values compared with q.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }
}
