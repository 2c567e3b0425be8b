package dev.td.statistics.correlation;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Ranks;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Spearman's rank correlation ρ (Pearson r of mid-ranks). P-value: exact permutation distribution
 * of S = Σd² for n ≤ 9 without ties (as R's {@code cor.test(method = "spearman")}, AS 89 exact
 * branch); otherwise the t approximation t = ρ·sqrt((n − 2)/(1 − ρ²)) (as SciPy's {@code spearmanr};
 * R uses an Edgeworth series for 10 ≤ n &lt; 1290, which can differ in the third digit).
 * Interval: Fisher z with SE sqrt(1.06/(n − 3)) (Fieller, Hartley &amp; Pearson 1957).
 * Time-series mode as in {@link PearsonCorrelation#forTimeSeries()}.
 */
public final class SpearmanCorrelation {
    private static final int EXACT_LIMIT = 9;
    private final PearsonCorrelation inference;
    private final Alternative alternative;
    private final boolean timeSeries;

    private SpearmanCorrelation(PearsonCorrelation inference, Alternative alternative, boolean timeSeries) {
        this.inference = inference.withAlternative(alternative);
        this.alternative = alternative;
        this.timeSeries = timeSeries;
    }

    /** 95 % intervals, two-sided, independent pairs. */
    public static SpearmanCorrelation withDefaults() {
        return new SpearmanCorrelation(PearsonCorrelation.withDefaults(), Alternative.TWO_SIDED, false);
    }

    public SpearmanCorrelation withConfidenceLevel(double level) {
        return new SpearmanCorrelation(inference.withConfidenceLevel(level), alternative, timeSeries);
    }

    public SpearmanCorrelation withAlternative(Alternative alternative) {
        return new SpearmanCorrelation(inference, Inputs.requireGiven("alternative", alternative), timeSeries);
    }

    /** A copy that treats x and y as time series and adjusts for autocorrelation. */
    public SpearmanCorrelation forTimeSeries() {
        return new SpearmanCorrelation(inference.forTimeSeries(), alternative, true);
    }

    /** Rank-correlates x and y. */
    public Correlation test(double[] x, double[] y) {
        PearsonCorrelation.validatePairs(x, y);
        Ranks rx = Ranks.of(x);
        Ranks ry = Ranks.of(y);
        double rho = PearsonCorrelation.coefficient(rx.ranks, ry.ranks);
        int n = x.length;
        List<Assumption> assumptions = new ArrayList<>();
        double nEff = timeSeries ? inference.effectiveN(x, y, assumptions) : n;
        Correlation approx = inference.infer("Spearman (t approximation)", rho, n, nEff, 0, assumptions, 1.06);
        if (n > EXACT_LIMIT || rx.hasTies() || ry.hasTies() || nEff < n) {
            return approx;
        }
        double s = Math.round((n * (double) n * n - n) * (1 - rho) / 6);
        return new Correlation(
                "Spearman (exact permutation p)",
                rho,
                approx.ci(),
                s,
                OptionalDouble.empty(),
                exactP(s, n),
                alternative,
                n,
                n,
                0,
                approx.quality());
    }

    /** Enumerates all n! rank permutations (Heap's algorithm) to get P(S ≤ s) and P(S ≥ s). */
    private double exactP(double s, int n) {
        int[] perm = new int[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        long total = 0;
        long atMost = 0;
        long atLeast = 0;
        int i = 0;
        while (true) {
            long stat = 0;
            for (int k = 0; k < n; k++) {
                int d = perm[k] - k;
                stat += (long) d * d;
            }
            total++;
            atMost += stat <= s ? 1 : 0;
            atLeast += stat >= s ? 1 : 0;
            while (i < n && c[i] >= i) {
                c[i] = 0;
                i++;
            }
            if (i >= n) {
                break;
            }
            int j = i % 2 == 0 ? 0 : c[i];
            int tmp = perm[j];
            perm[j] = perm[i];
            perm[i] = tmp;
            c[i]++;
            i = 0;
        }
        double lower = atMost / (double) total;
        double upper = atLeast / (double) total;
        return switch (alternative) {
            case GREATER -> lower;
            case LESS -> upper;
            case TWO_SIDED -> Math.min(1, 2 * (s > (n * (double) n * n - n) / 6 ? upper : lower));
        };
    }
}
