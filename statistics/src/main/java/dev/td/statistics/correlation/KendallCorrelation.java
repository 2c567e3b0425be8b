package dev.td.statistics.correlation;

import dev.td.statistics.Alternative;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.numeric.FisherZ;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.RankDistributions;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Kendall's τ-b with R's {@code cor.test(method = "kendall")} inference: for n &lt; 50 without ties
 * the p-value is exact from the distribution of T = number of concordant pairs (Kendall 1938;
 * permutation inversion counts), statistic T; otherwise z = S/sqrt(Var S) with the tie-corrected
 * variance of Kendall (1970, eq. 4.4), no continuity correction, statistic z. Interval: Fisher z with
 * SE sqrt(0.437/(n − 4)) (Fieller, Hartley &amp; Pearson 1957). Pairs are counted in O(n log n)
 * ({@link ConcordantPairs}).
 */
public final class KendallCorrelation {
    private static final int EXACT_LIMIT = 50;
    private final double confidenceLevel;
    private final Alternative alternative;

    private KendallCorrelation(double confidenceLevel, Alternative alternative) {
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
        this.alternative = Inputs.requireGiven("alternative", alternative);
    }

    /** 95 % intervals, two-sided. */
    public static KendallCorrelation withDefaults() {
        return new KendallCorrelation(0.95, Alternative.TWO_SIDED);
    }

    public KendallCorrelation withConfidenceLevel(double level) {
        return new KendallCorrelation(level, alternative);
    }

    public KendallCorrelation withAlternative(Alternative alternative) {
        return new KendallCorrelation(confidenceLevel, alternative);
    }

    /** Kendall's τ-b of x and y. */
    public Correlation test(double[] x, double[] y) {
        PearsonCorrelation.validatePairs(x, y);
        int n = x.length;
        ConcordantPairs counted = ConcordantPairs.of(x, y);
        long concordant = counted.concordant();
        long discordant = counted.discordant();
        TieSums tx = TieSums.of(x);
        TieSums ty = TieSums.of(y);
        double pairs = n * (n - 1.0) / 2;
        double tau = (concordant - discordant) / Math.sqrt((pairs - tx.pairs) * (pairs - ty.pairs));
        Interval ci = n > 4
                ? FisherZ.interval(tau, Math.sqrt(0.437 / (n - 4)), confidenceLevel, alternative)
                : new Interval(-1, 1, confidenceLevel);
        Quality quality = Quality.ran(SampleSize.classify(n, 3, 10), confidenceLevel, List.of());
        if (n < EXACT_LIMIT && tx.pairs == 0 && ty.pairs == 0) {
            double p = exactP(concordant, n);
            return new Correlation(
                    "Kendall tau-b (exact p)",
                    tau,
                    ci,
                    concordant,
                    OptionalDouble.empty(),
                    p,
                    alternative,
                    n,
                    n,
                    0,
                    quality);
        }
        double var = tx.variance(ty, n);
        double z = (concordant - discordant) / Math.sqrt(var);
        return new Correlation(
                "Kendall tau-b (normal approximation)",
                tau,
                ci,
                z,
                OptionalDouble.empty(),
                Probabilities.normalPValue(z, alternative),
                alternative,
                n,
                n,
                0,
                quality);
    }

    /** P-value of T = concordant pairs from the Mahonian distribution of inversions. */
    private double exactP(long t, int n) {
        int max = n * (n - 1) / 2;
        double[] ways = new double[max + 1];
        ways[0] = 1;
        for (int k = 2; k <= n; k++) {
            double[] next = new double[max + 1];
            double window = 0;
            for (int v = 0; v <= max; v++) {
                window += ways[v];
                if (v - k >= 0) {
                    window -= ways[v - k];
                }
                next[v] = window;
            }
            ways = next;
        }
        double[] probabilities = new double[max + 1];
        double total = 0;
        for (double w : ways) {
            total += w;
        }
        for (int v = 0; v <= max; v++) {
            probabilities[v] = ways[v] / total;
        }
        return RankDistributions.pValue(probabilities, (double) t, alternative);
    }

    /** Σ over tie groups of t(t−1)/2 and the other terms of the tie-corrected variance of S. */
    private record TieSums(double pairs, double v0, double v1, double v2) {
        static TieSums of(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double pairs = 0;
            double v0 = 0;
            double v1 = 0;
            double v2 = 0;
            int i = 0;
            while (i < sorted.length) {
                int j = i;
                while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                    j++;
                }
                double t = j - i + 1;
                pairs += t * (t - 1) / 2;
                v0 += t * (t - 1) * (2 * t + 5);
                v1 += t * (t - 1);
                v2 += t * (t - 1) * (t - 2);
                i = j + 1;
            }
            return new TieSums(pairs, v0, v1, v2);
        }

        double variance(TieSums other, int n) {
            double nn = n;
            return (nn * (nn - 1) * (2 * nn + 5) - v0 - other.v0) / 18
                    + v1 * other.v1 / (2 * nn * (nn - 1))
                    + v2 * other.v2 / (9 * nn * (nn - 1) * (nn - 2));
        }
    }
}
