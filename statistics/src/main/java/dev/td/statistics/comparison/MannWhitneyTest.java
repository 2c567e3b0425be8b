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
import dev.td.statistics.numeric.Sums;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Mann–Whitney U (Wilcoxon rank-sum) test of two independent samples; matches R's
 * {@code wilcox.test(x, y)}: the statistic is U of the first sample (R's W), the p-value is exact
 * when both samples have fewer than 50 values and there are no ties, otherwise the normal
 * approximation with tie-corrected variance and continuity correction (Hollander &amp; Wolfe 1999,
 * §4.1).
 *
 * <p>Effect size: rank-biserial correlation r = 2U/(n1·n2) − 1 (Kerby 2014), positive when a tends
 * to exceed b, with a Fisher-z interval, SE = sqrt((n1+n2+1)/(3·n1·n2)) (as in R's effectsize
 * package). Sample size: each group needs 1 value and 3 in total; fewer than 10 in the smaller
 * group is MINIMAL.
 */
public final class MannWhitneyTest {
    private static final int EXACT_LIMIT = 50;
    private final double alpha;
    private final double confidenceLevel;
    private final Alternative alternative;

    private MannWhitneyTest(double alpha, double confidenceLevel, Alternative alternative) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
        this.alternative = Inputs.requireGiven("alternative", alternative);
    }

    /** alpha 0.05, 95 % intervals, two-sided. */
    public static MannWhitneyTest withDefaults() {
        return new MannWhitneyTest(0.05, 0.95, Alternative.TWO_SIDED);
    }

    public MannWhitneyTest withAlpha(double alpha) {
        return new MannWhitneyTest(alpha, confidenceLevel, alternative);
    }

    public MannWhitneyTest withConfidenceLevel(double level) {
        return new MannWhitneyTest(alpha, level, alternative);
    }

    public MannWhitneyTest withAlternative(Alternative alternative) {
        return new MannWhitneyTest(alpha, confidenceLevel, alternative);
    }

    /** Tests whether a and b come from the same distribution against a location shift. */
    public HypothesisTest test(double[] a, double[] b) {
        Inputs.requireFinite("a", a, 1);
        Inputs.requireFinite("b", b, 1);
        int na = a.length;
        int nb = b.length;
        double[] all = new double[na + nb];
        System.arraycopy(a, 0, all, 0, na);
        System.arraycopy(b, 0, all, na, nb);
        Inputs.requireNotConstant("a and b combined", all);
        Ranks ranks = Ranks.of(all);
        double rankSum = Sums.sum(ranks.ranks, 0, na);
        double u = rankSum - na * (na + 1) / 2.0;
        boolean exact = na < EXACT_LIMIT && nb < EXACT_LIMIT && !ranks.hasTies();
        double p = exact
                ? RankDistributions.pValue(RankDistributions.mannWhitney(na, nb), u, alternative)
                : normalPValue(u, na, nb, ranks.tieTerm);
        String method = "Mann-Whitney U test ("
                + (exact
                        ? "exact"
                        : "normal approximation, continuity corrected" + (ranks.hasTies() ? ", tie-corrected" : ""))
                + ")";
        Quality quality = Quality.ran(
                SampleSize.classify(Math.min(na, nb), 1, 10),
                confidenceLevel,
                List.of(Assumption.notChecked("independent samples", "not testable from the data; assumed by design")));
        return new HypothesisTest(
                method,
                u,
                OptionalDouble.empty(),
                p,
                alternative,
                alpha,
                Optional.empty(),
                Optional.of(rankBiserial(u, na, nb)),
                quality);
    }

    private double normalPValue(double u, int na, int nb, double tieTerm) {
        double n = na + nb;
        double z = u - na * (double) nb / 2;
        double sigma = Math.sqrt(na * (double) nb / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
        double correction = switch (alternative) {
            case TWO_SIDED -> Math.signum(z) * 0.5;
            case GREATER -> 0.5;
            case LESS -> -0.5;
        };
        return Probabilities.normalPValue((z - correction) / sigma, alternative);
    }

    private EffectSize rankBiserial(double u, int na, int nb) {
        double r = 2 * u / (na * (double) nb) - 1;
        double se = Math.sqrt((na + nb + 1) / (3.0 * na * nb));
        return new EffectSize("rank-biserial correlation", r, FisherZ.interval(r, se, confidenceLevel));
    }
}
