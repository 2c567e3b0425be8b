package dev.td.statistics.numeric;

import dev.td.statistics.Alternative;
import dev.td.statistics.Interval;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Tail probabilities and quantiles of the t and normal distributions (commons-math3). */
public final class Probabilities {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Probabilities() {}

    /** P-value of a t statistic; computed from the lower tail so small p keep their digits. */
    public static double tPValue(double t, double df, Alternative alternative) {
        TDistribution dist = new TDistribution(null, df);
        return switch (alternative) {
            case TWO_SIDED -> Math.min(1, 2 * dist.cumulativeProbability(-Math.abs(t)));
            case GREATER -> dist.cumulativeProbability(-t);
            case LESS -> dist.cumulativeProbability(t);
        };
    }

    /** P-value of a standard-normal statistic. */
    public static double normalPValue(double z, Alternative alternative) {
        return switch (alternative) {
            case TWO_SIDED -> Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
            case GREATER -> NORMAL.cumulativeProbability(-z);
            case LESS -> NORMAL.cumulativeProbability(z);
        };
    }

    /** Upper quantile t_{1−p}(df). */
    public static double tQuantile(double p, double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(p);
    }

    /** Standard-normal quantile. */
    public static double normalQuantile(double p) {
        return NORMAL.inverseCumulativeProbability(p);
    }

    /** Standard-normal upper tail 1 − Φ(z), accurate for large z. */
    public static double normalUpperTail(double z) {
        return NORMAL.cumulativeProbability(-z);
    }

    /** Interval {@code estimate ± critical·se} honouring the alternative (one-sided → infinite bound). */
    public static Interval tInterval(double estimate, double se, double df, double level, Alternative alternative) {
        if (alternative == Alternative.TWO_SIDED) {
            double q = tQuantile(1 - (1 - level) / 2, df) * se;
            return new Interval(estimate - q, estimate + q, level);
        }
        double q = tQuantile(level, df) * se;
        return alternative == Alternative.GREATER
                ? new Interval(estimate - q, Double.POSITIVE_INFINITY, level)
                : new Interval(Double.NEGATIVE_INFINITY, estimate + q, level);
    }
}
