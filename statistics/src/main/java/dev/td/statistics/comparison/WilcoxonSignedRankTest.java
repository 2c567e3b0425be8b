package dev.td.statistics.comparison;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.EffectSize;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.numeric.FisherZ;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.RankDistributions;
import dev.td.statistics.numeric.Ranks;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Wilcoxon signed-rank test of paired samples (differences a − b); matches R's
 * {@code wilcox.test(x, y, paired = TRUE)}: zero differences are dropped (Wilcoxon 1945), the
 * statistic V is the sum of ranks of positive differences, the p-value is exact for fewer than 50
 * differences without ties or zeros, otherwise normal with tie-corrected variance and continuity
 * correction (Hollander &amp; Wolfe 1999, §3.1).
 *
 * <p>Effect size: matched-pairs rank-biserial r = 2V/(n(n+1)/2) − 1 (Kerby 2014) with a Fisher-z
 * interval, SE = sqrt((2n³ + 3n² + n)/6)/((n² + n)/2) (as in R's effectsize package). Sample size:
 * at least 1 non-zero difference; fewer than 10 is MINIMAL.
 */
public final class WilcoxonSignedRankTest {
    private static final int EXACT_LIMIT = 50;
    private final double alpha;
    private final double confidenceLevel;
    private final Alternative alternative;

    private WilcoxonSignedRankTest(double alpha, double confidenceLevel, Alternative alternative) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
        this.alternative = Inputs.requireGiven("alternative", alternative);
    }

    /** alpha 0.05, 95 % intervals, two-sided. */
    public static WilcoxonSignedRankTest withDefaults() {
        return new WilcoxonSignedRankTest(0.05, 0.95, Alternative.TWO_SIDED);
    }

    public WilcoxonSignedRankTest withAlpha(double alpha) {
        return new WilcoxonSignedRankTest(alpha, confidenceLevel, alternative);
    }

    public WilcoxonSignedRankTest withConfidenceLevel(double level) {
        return new WilcoxonSignedRankTest(alpha, level, alternative);
    }

    public WilcoxonSignedRankTest withAlternative(Alternative alternative) {
        return new WilcoxonSignedRankTest(alpha, confidenceLevel, alternative);
    }

    /** Tests whether the differences a − b are symmetric about 0. */
    public HypothesisTest test(double[] a, double[] b) {
        Inputs.requireFinite("a", a, 1);
        Inputs.requireFinite("b", b, 1);
        Inputs.requireSameLength("a", a, "b", b);
        double[] nonZero = java.util.stream.IntStream.range(0, a.length)
                .mapToDouble(i -> a[i] - b[i])
                .filter(d -> d != 0)
                .toArray();
        int zeros = a.length - nonZero.length;
        if (nonZero.length == 0) {
            throw new IllegalArgumentException("every difference a - b is zero: there is nothing to test");
        }
        int n = nonZero.length;
        double[] magnitudes = new double[n];
        for (int i = 0; i < n; i++) {
            magnitudes[i] = Math.abs(nonZero[i]);
        }
        Ranks ranks = Ranks.of(magnitudes);
        double v = 0;
        for (int i = 0; i < n; i++) {
            if (nonZero[i] > 0) {
                v += ranks.ranks[i];
            }
        }
        boolean exact = n < EXACT_LIMIT && !ranks.hasTies() && zeros == 0;
        double p = exact
                ? RankDistributions.pValue(RankDistributions.signedRank(n), v, alternative)
                : normalPValue(v, n, ranks.tieTerm);
        String method = "Wilcoxon signed-rank test (" + (exact ? "exact" : "normal approximation, continuity corrected")
                + (zeros > 0 ? ", " + zeros + " zero differences dropped" : "") + ")";
        Quality quality = Quality.ran(
                SampleSize.classify(n, 1, 10),
                confidenceLevel,
                List.of(Assumption.notChecked("symmetric differences", "assumed; not tested")));
        return new HypothesisTest(
                method,
                v,
                OptionalDouble.empty(),
                p,
                alternative,
                alpha,
                Optional.empty(),
                Optional.of(rankBiserial(v, n)),
                quality);
    }

    private double normalPValue(double v, int n, double tieTerm) {
        double z = v - n * (n + 1) / 4.0;
        double sigma = Math.sqrt(n * (n + 1.0) * (2 * n + 1) / 24 - tieTerm / 48);
        double correction = switch (alternative) {
            case TWO_SIDED -> Math.signum(z) * 0.5;
            case GREATER -> 0.5;
            case LESS -> -0.5;
        };
        return Probabilities.normalPValue((z - correction) / sigma, alternative);
    }

    private EffectSize rankBiserial(double v, int n) {
        double total = n * (n + 1) / 2.0;
        double r = 2 * v / total - 1;
        double se = Math.sqrt((2.0 * n * n * n + 3.0 * n * n + n) / 6) / total;
        return new EffectSize("matched-pairs rank-biserial correlation", r, FisherZ.interval(r, se, confidenceLevel));
    }
}
