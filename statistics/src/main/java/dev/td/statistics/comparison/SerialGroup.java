package dev.td.statistics.comparison;

import dev.td.statistics.Assumption;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.SerialCorrelation;

/**
 * One group of values taken as a series in time order: its bias-corrected AR(1) φ and what that does
 * to the variance of its mean (the same correction as the mean's interval in {@code Descriptive}:
 * Var(mean) × f, f = 1 + 2Σ(1 − k/n)φ^k, with s² de-biased by (n − 1)/(n − f)), applied by estimate.
 *
 * @param lag1               lag-1 autocorrelation of the values
 * @param phi                bias-corrected AR(1) coefficient used (0: no widening)
 * @param varianceMultiplier what multiplies s²/n to give the variance of the mean
 * @param effectiveN         n/f
 */
record SerialGroup(double lag1, double phi, double varianceMultiplier, double effectiveN) {

    /** The group {@code values} (already scaled), or an independent one when {@code series} is false. */
    static SerialGroup of(double[] values, boolean series) {
        int n = values.length;
        if (!series || n < 3) {
            return new SerialGroup(n < 3 ? 0 : SerialCorrelation.lag1(values), 0, 1, n);
        }
        double r1 = SerialCorrelation.lag1(values);
        double phi = SerialCorrelation.phiAboutMean(r1, n);
        double f = SerialCorrelation.meanFactor(phi, n);
        return new SerialGroup(r1, phi, (n - 1) / Math.max(n - f, 1.0) * f, n / f);
    }

    /** The independence check for {@code field}, saying what was done. */
    Assumption independence(String field, double level, boolean series) {
        int n = (int) Math.round(effectiveN * (phi > 0 ? varianceMultiplier : 1));
        double threshold = Probabilities.normalQuantile(1 - (1 - level) / 2) / Math.sqrt(Math.max(n, 1));
        boolean met = lag1 <= threshold;
        String handling = !series
                ? "; independent observations assumed (not widened)"
                : phi > 0
                        ? "; bias-corrected AR(1) φ " + phi + ": the variance of its mean is widened, effective n "
                                + effectiveN
                        : "; bias-corrected AR(1) φ is 0: not widened";
        return Assumption.judged("independence of " + field, met, lag1, "lag-1 autocorrelation " + lag1 + handling);
    }
}
