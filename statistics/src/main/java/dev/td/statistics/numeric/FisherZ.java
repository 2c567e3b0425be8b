package dev.td.statistics.numeric;

import dev.td.statistics.Alternative;
import dev.td.statistics.Interval;

/** Confidence intervals for correlation-type quantities on Fisher's z = atanh(r) scale (Fisher 1921). */
public final class FisherZ {
    private FisherZ() {}

    /** Two-sided interval tanh(atanh(r) ± z·se). */
    public static Interval interval(double r, double se, double level) {
        return interval(r, se, level, Alternative.TWO_SIDED);
    }

    /** Interval honouring the alternative: one-sided intervals end at ±1. */
    public static Interval interval(double r, double se, double level, Alternative alternative) {
        double clamped = Math.max(-1, Math.min(1, r));
        double z = atanh(clamped);
        return switch (alternative) {
            case TWO_SIDED -> {
                double q = Probabilities.normalQuantile(1 - (1 - level) / 2) * se;
                yield new Interval(Math.tanh(z - q), Math.tanh(z + q), level);
            }
            case GREATER -> new Interval(Math.tanh(z - Probabilities.normalQuantile(level) * se), 1, level);
            case LESS -> new Interval(-1, Math.tanh(z + Probabilities.normalQuantile(level) * se), level);
        };
    }

    static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
