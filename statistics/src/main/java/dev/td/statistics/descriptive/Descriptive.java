package dev.td.statistics.descriptive;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.Quantiles;
import dev.td.statistics.numeric.Sums;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Describes a series: mean, SD, median, MAD, quartiles, NIST lag-1 autocorrelation and a
 * t-based confidence interval of the mean.
 *
 * <p>Accuracy: the mean is a compensated sum refined by a second pass, and the sum of squares is
 * the corrected two-pass formula of Chan, Golub &amp; LeVeque (1983); together these reproduce the
 * NIST StRD univariate certified values (NumAcc1–4) to the precision binary64 input allows.
 *
 * <p>Time-series honesty: the input is treated as ordered in time. When the lag-1
 * autocorrelation r1 is significantly positive (r1 &gt; z/√n, Box &amp; Jenkins 1976 large-sample
 * standard error 1/√n), the mean's interval uses the effective sample size
 * n_eff = n(1 − r1)/(1 + r1) (Wilks 2011, <i>Statistical Methods in the Atmospheric Sciences</i>,
 * eq. 5.12) and the {@code independence} assumption says so. Turn this off with
 * {@link #withIndependentObservations()} for data that are not a series.
 *
 * <p>Sample size: fewer than 2 values is rejected; 2–9 is MINIMAL; 10 or more SUFFICIENT.
 */
public final class Descriptive {
    private final double confidenceLevel;
    private final boolean adjustForAutocorrelation;

    private Descriptive(double confidenceLevel, boolean adjustForAutocorrelation) {
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
        this.adjustForAutocorrelation = adjustForAutocorrelation;
    }

    /** 95 % intervals, autocorrelation adjustment on. */
    public static Descriptive withDefaults() {
        return new Descriptive(0.95, true);
    }

    /** A copy using {@code level} for the mean's interval. */
    public Descriptive withConfidenceLevel(double level) {
        return new Descriptive(level, adjustForAutocorrelation);
    }

    /** A copy that treats the values as independent (no effective-sample-size adjustment). */
    public Descriptive withIndependentObservations() {
        return new Descriptive(confidenceLevel, false);
    }

    /**
     * Describes {@code values} (not modified).
     *
     * @throws IllegalArgumentException if fewer than 2 values or any is NaN/infinite
     */
    public Description describe(double[] values) {
        Inputs.requireFinite("values", values, 2);
        double mean = Sums.mean(values);
        double ss = Sums.sumOfSquaredDeviations(values, mean);
        OptionalDouble r1 =
                ss > 0 ? OptionalDouble.of(Sums.autocorrelation(values, mean, ss, 1)) : OptionalDouble.empty();
        return assemble(values, mean, ss, r1);
    }

    /**
     * Describes decimal values as written (parsed from JSON or text). The mean, the sum of squared
     * deviations and the lag-1 autocorrelation are computed in 34-digit decimal arithmetic
     * (IEEE 754 decimal128), so values that binary floating point cannot hold exactly (10000000.2,
     * NIST StRD NumAcc4) lose nothing; order statistics use the nearest doubles, which is exact
     * enough for a median.
     *
     * @throws IllegalArgumentException if fewer than 2 values, or any is beyond the range of a double
     */
    public Description describe(java.math.BigDecimal[] values) {
        // exact integer sums where the values allow it (DecimalMoments), decimal128 otherwise
        dev.td.statistics.numeric.DecimalMoments moments = dev.td.statistics.numeric.DecimalMoments.of(values);
        return assemble(
                moments.nearest(),
                moments.mean().doubleValue(),
                moments.sumOfSquaredDeviations().doubleValue(),
                moments.lag1Autocorrelation());
    }

    private Description assemble(double[] values, double mean, double ss, OptionalDouble r1) {
        int n = values.length;
        double sd = Math.sqrt(ss / (n - 1));
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = Quantiles.medianOfSorted(sorted);
        List<Assumption> assumptions = new ArrayList<>();
        double nEff = effectiveN(n, r1, assumptions);
        double se = sd / Math.sqrt(nEff);
        Interval ci = se > 0 && nEff > 1
                ? Probabilities.tInterval(mean, se, nEff - 1, confidenceLevel, Alternative.TWO_SIDED)
                : new Interval(mean, mean, confidenceLevel);
        Quality quality = Quality.ran(SampleSize.classify(nEff, 2, 10), confidenceLevel, assumptions);
        return new Description(
                n,
                mean,
                sd,
                median,
                Quantiles.medianAbsoluteDeviation(values, median),
                sorted[0],
                Quantiles.ofSorted(sorted, 0.25),
                Quantiles.ofSorted(sorted, 0.75),
                sorted[n - 1],
                r1,
                ci,
                nEff,
                quality);
    }

    private double effectiveN(int n, OptionalDouble r1, List<Assumption> assumptions) {
        if (r1.isEmpty()) {
            assumptions.add(Assumption.judged(
                    "non-constant",
                    false,
                    0,
                    "all values are equal: the SD is 0 and the interval of the mean is degenerate"));
            return n;
        }
        double r = r1.getAsDouble();
        double threshold = Probabilities.normalQuantile(1 - (1 - confidenceLevel) / 2) / Math.sqrt(n);
        boolean autocorrelated = r > threshold;
        if (!autocorrelated || !adjustForAutocorrelation) {
            assumptions.add(Assumption.judged(
                    "independence",
                    !autocorrelated,
                    r,
                    "lag-1 autocorrelation " + r + (autocorrelated ? " exceeds " : " within ± ") + threshold
                            + (autocorrelated ? "; interval NOT adjusted (independent observations requested)" : "")));
            return n;
        }
        double nEff = Math.max(2, Math.min(n, n * (1 - r) / (1 + r)));
        assumptions.add(Assumption.judged(
                "independence",
                false,
                r,
                "lag-1 autocorrelation " + r + " exceeds " + threshold + "; interval of the mean uses effective n "
                        + nEff + " = n(1 − r1)/(1 + r1) instead of n = " + n));
        return nEff;
    }
}
