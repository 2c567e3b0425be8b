package dev.td.statistics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.HypothesisTest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrendTest {
    /** A rising series of 12 with reversals, for Sen's interval. */
    static final double[] SEN_EXAMPLE = {10, 12, 11, 15, 14, 18, 17, 21, 19, 24, 23, 26};

    // Hand-worked: 1..5 strictly increasing → S = 10, Var S = 5·4·15/18 = 50/3,
    // Z = 9/sqrt(50/3) = 2.204541, two-sided p = 0.027486 (normal table), 6 digits
    @Test
    void mannKendallMatchesTheHandWorkedIncreasingSeries() {
        HypothesisTest t = MannKendallTest.withDefaults().test(new double[] {1, 2, 3, 4, 5});
        assertThat(t.statistic()).isEqualTo(10.0);
        assertThat(t.pValue()).isCloseTo(0.0274863, within(5e-7));
    }

    // Oracle: the O(n²) definition S = Σ_{i<j} sign(x_j − x_i), computed here in the test, exact
    @ParameterizedTest
    @ValueSource(ints = {4, 17, 100, 1001})
    void mannKendallStatisticEqualsTheQuadraticDefinitionWithTies(int n) {
        double[] series = new Random(n).doubles(n).map(v -> Math.floor(v * 20)).toArray();
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Math.signum(series[j] - series[i]);
            }
        }
        assertThat(MannKendallTest.statistic(series)).isEqualTo(s);
    }

    // Oracle: median of all pairwise slopes formed by brute force in the test, exact (same doubles)
    @ParameterizedTest
    @ValueSource(ints = {3, 10, 57, 400, 1500})
    void theilSenSlopeEqualsTheBruteForceMedianOfPairwiseSlopes(int n) {
        Random random = new Random(31L * n);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.floor(random.nextDouble() * n / 2.0);
            y[i] = 0.3 * x[i] + Math.floor(random.nextGaussian() * 10) / 4;
        }
        if (Arrays.stream(x).distinct().count() < 2) {
            x[0] = x[0] + 1;
        }
        double[] slopes = bruteForceSlopes(x, y);
        Arrays.sort(slopes);
        int m = slopes.length;
        double median = m % 2 == 1 ? slopes[m / 2] : (slopes[m / 2 - 1] + slopes[m / 2]) / 2;
        assertThat(TheilSen.withDefaults().fit(x, y).slope()).isCloseTo(median, within(1e-12));
    }

    // Sen 1968 interval: bounds are order statistics of the brute-force slopes at ranks (N ∓ C)/2 (+1), exact
    @Test
    void theilSenIntervalBoundsAreTheSenOrderStatistics() {
        double[] y = SEN_EXAMPLE;
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        double[] slopes = bruteForceSlopes(x, y);
        Arrays.sort(slopes);
        double c = 1.959963984540054 * Math.sqrt(12 * 11 * 29 / 18.0);
        int lower = (int) Math.round((slopes.length - c) / 2);
        int upper = (int) Math.round((slopes.length + c) / 2) + 1;
        TrendEstimate trend = TheilSen.withDefaults().fit(y);
        assertThat(trend.slopeCi().lower()).isEqualTo(slopes[lower - 1]);
        assertThat(trend.slopeCi().upper()).isEqualTo(slopes[upper - 1]);
    }

    // Sen 1968 / Gilbert 1987 §16.5.1 on long series with many tied values and slopes (the median and both bounds
    // are selected together): oracle = every pairwise slope formed and sorted here, C = 1.959964·sqrt(Var S) with the
    // tie-corrected variance [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18 counted here from the groups of equal y
    @ParameterizedTest
    @ValueSource(ints = {57, 400, 1500})
    void theilSenIntervalBoundsEqualTheBruteForceOrderStatisticsOnLongTiedSeries(int n) {
        Random random = new Random(7L * n);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 5 == 0 && i > 0 ? x[i - 1] : i;
            y[i] = 0.02 * i + Math.floor(random.nextGaussian() * 6) / 2;
        }
        double[] slopes = bruteForceSlopes(x, y);
        Arrays.sort(slopes);
        double[] sortedY = y.clone();
        Arrays.sort(sortedY);
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sortedY[j] == sortedY[i]) {
                j++;
            }
            double t = j - i;
            ties += t * (t - 1) * (2 * t + 5);
            i = j;
        }
        double c = 1.959963984540054 * Math.sqrt(((double) n * (n - 1) * (2 * n + 5) - ties) / 18);
        int m = slopes.length;
        int lower = (int) Math.max(1, Math.round((m - c) / 2));
        int upper = (int) Math.min(m, Math.round((m + c) / 2) + 1);
        double median = m % 2 == 1 ? slopes[m / 2] : (slopes[m / 2 - 1] + slopes[m / 2]) / 2;
        TrendEstimate trend =
                TheilSen.withDefaults().withIndependentObservations().fit(x, y);
        assertThat(trend.slope()).isEqualTo(median);
        assertThat(trend.slopeCi().lower()).isEqualTo(slopes[lower - 1]);
        assertThat(trend.slopeCi().upper()).isEqualTo(slopes[upper - 1]);
    }

    private static double[] bruteForceSlopes(double[] x, double[] y) {
        double[] slopes = new double[x.length * x.length];
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                if (x[i] != x[j]) {
                    slopes[m++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        return Arrays.copyOf(slopes, m);
    }
}
