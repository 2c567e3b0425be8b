package dev.td.statistics.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Alternative;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Kendall's τ-b on long series: the O(n log n) pair count equals comparing every pair, and τ, z and p at
 * n = 60,000 match SciPy 1.17.1 {@code scipy.stats.kendalltau} (tau-b, asymptotic p with the tie-corrected
 * variance) to 1e-12. Before the pair count was rewritten, n(n − 1)/2 overflowed an int past n = 46,341 and τ
 * came out above 1.
 */
class KendallLargeSampleTest {

    @Test
    void countingPairsBySortingEqualsComparingEveryPair() {
        Random random = new Random(17);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(120);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(4) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextInt(12);
                y[i] = random.nextInt(5) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextInt(9) - 4.5;
            }
            long concordant = 0;
            long discordant = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double s = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
                    concordant += s > 0 ? 1 : 0;
                    discordant += s < 0 ? 1 : 0;
                }
            }
            assertThat(ConcordantPairs.of(x, y))
                    .as("round %d", round)
                    .isEqualTo(new ConcordantPairs(concordant, discordant));
        }
    }

    // x_i = (7919·i mod 1000) + (i mod 7)/2, y_i = (104729·i mod 997)/4 + x_i − (i mod 13), i = 0..59999 (ties in
    // both); scipy.stats.kendalltau(x, y): tau 0.8443350103478641, p 0.0
    @Test
    void aStrongAssociationAtSixtyThousandPairsMatchesScipy() {
        double[][] xy = series(60_000, true);
        Correlation c = KendallCorrelation.withDefaults().test(xy[0], xy[1]);
        assertThat(c.coefficient()).isCloseTo(0.8443350103478641, within(1e-12));
        assertThat(c.pValue()).isZero();
        assertThat(c.n()).isEqualTo(60_000);
    }

    // y_i = (104729·i mod 997) + (i mod 13) + x_i/1000 instead: scipy.stats.kendalltau(x, y):
    // tau 0.0011653651281524362, p 0.6686041804318195
    @Test
    void aWeakAssociationAtSixtyThousandPairsMatchesScipy() {
        double[][] xy = series(60_000, false);
        Correlation c = KendallCorrelation.withDefaults()
                .withAlternative(Alternative.TWO_SIDED)
                .test(xy[0], xy[1]);
        assertThat(c.coefficient()).isCloseTo(0.0011653651281524362, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.6686041804318195, within(1e-9));
    }

    @Test
    void seventyThousandEqualRanksGiveTauOfExactlyPlusOrMinusOne() {
        double[] x = new double[70_000];
        double[] minus = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            minus[i] = -i;
        }
        assertThat(KendallCorrelation.withDefaults().test(x, x).coefficient()).isCloseTo(1, within(1e-15));
        assertThat(KendallCorrelation.withDefaults().test(x, minus).coefficient())
                .isCloseTo(-1, within(1e-15));
    }

    private static double[][] series(int n, boolean strong) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (7919L * i) % 1000 + 0.5 * (i % 7);
            y[i] = strong
                    ? ((104729L * i) % 997) * 0.25 + x[i] - (i % 13)
                    : (104729L * i) % 997 + (i % 13) + 0.001 * x[i];
        }
        return new double[][] {x, y};
    }
}
