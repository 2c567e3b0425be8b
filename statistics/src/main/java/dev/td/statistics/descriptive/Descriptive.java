package dev.td.statistics.descriptive;

import dev.td.statistics.Alternative;
import dev.td.statistics.Approximation;
import dev.td.statistics.Assumption;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.SimulatedCoverage;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.Quantiles;
import dev.td.statistics.numeric.SerialCorrelation;
import dev.td.statistics.numeric.Sums;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Describes a series: mean, SD, median, MAD, quartiles, NIST lag-1 autocorrelation and a
 * t-based confidence interval of the mean.
 *
 * <p>Accuracy: the mean is a compensated sum refined by a second pass, and the sum of squares is
 * the corrected two-pass formula of Chan, Golub &amp; LeVeque (1983); together these reproduce the
 * NIST StRD univariate certified values (NumAcc1–4) to the precision binary64 input allows.
 *
 * <p>Time-series honesty: the input is treated as ordered in time. The mean's interval always
 * accounts for serial correlation by estimate (no significance pre-test): φ is the bias-corrected
 * lag-1 autocorrelation ({@link SerialCorrelation#phiAboutMean}), Var(mean) is multiplied by
 * f = 1 + 2Σ(1 − k/n)φ^k (Wilks 2011, eq. 5.12 in finite-n form), the sample variance is
 * corrected for the downward bias persistence gives it (E[s²] = σ²(n − f)/(n − 1)), and t uses
 * n/f − 1 degrees of freedom. The {@code independence} assumption reports r1 and what was done.
 * Turn this off with {@link #withIndependentObservations()} for data that are not a series. Where
 * the interval is known to under-cover (fewer than 20 values, a strongly persistent series, or
 * clearly skewed values), the quality is flagged approximate with the coverage td's simulation
 * measured ({@link SimulatedCoverage}).
 *
 * <p>Scale: values are scaled by a power of two before any sum (exact), so 1e-300 and 1e300 give
 * the same relative answers as values near 1.
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
        int shift = scaleExponent(values);
        double[] scaled = scaled(values, shift);
        double mean = Sums.mean(scaled);
        double ss = Sums.sumOfSquaredDeviations(scaled, mean);
        OptionalDouble r1 =
                ss > 0 ? OptionalDouble.of(Sums.autocorrelation(scaled, mean, ss, 1)) : OptionalDouble.empty();
        return assemble(values, Math.scalb(mean, shift), Math.scalb(Math.sqrt(ss / (values.length - 1)), shift), r1);
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
        double[] nearest = moments.nearest();
        return assemble(
                nearest,
                moments.mean().doubleValue(),
                standardDeviation(nearest, moments.sumOfSquaredDeviations()),
                moments.lag1Autocorrelation());
    }

    /** sqrt(ss/(n − 1)) from an exact decimal ss; recomputed on scaled doubles where ss leaves a double's range. */
    private static double standardDeviation(double[] nearest, java.math.BigDecimal ss) {
        double sd = Math.sqrt(ss.doubleValue() / (nearest.length - 1));
        if (Double.isFinite(sd) && (sd > Double.MIN_NORMAL || ss.signum() == 0)) {
            return sd;
        }
        int shift = scaleExponent(nearest);
        double[] scaled = scaled(nearest, shift);
        double mean = Sums.mean(scaled);
        return Math.scalb(Math.sqrt(Sums.sumOfSquaredDeviations(scaled, mean) / (nearest.length - 1)), shift);
    }

    /** The power of two that brings the largest |value| near 1, or 0 where no sum can leave a double's range. */
    static int scaleExponent(double[] values) {
        int exponent = Sums.largestExponent(values);
        return Math.abs(exponent) < 400 ? 0 : exponent;
    }

    static double[] scaled(double[] values, int shift) {
        return shift == 0 ? values : Sums.scalb(values, -shift);
    }

    private Description assemble(double[] values, double mean, double sd, OptionalDouble r1) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = Quantiles.medianOfSorted(sorted);
        List<Assumption> assumptions = new ArrayList<>();
        Optional<Approximation> approximation = Optional.empty();
        double nEff = n;
        double se = sd / Math.sqrt(n);
        double df = n - 1;
        if (r1.isEmpty()) {
            assumptions.add(Assumption.notChecked(
                    "non-constant", "all values are equal: the SD is 0 and the interval of the mean is degenerate"));
        } else {
            double r = Math.max(-1, Math.min(1, r1.getAsDouble()));
            double threshold = Probabilities.normalQuantile(1 - (1 - confidenceLevel) / 2) / Math.sqrt(n);
            boolean met = r <= threshold;
            if (adjustForAutocorrelation) {
                double phi = SerialCorrelation.phiAboutMean(r, n);
                double factor = SerialCorrelation.meanFactor(phi, n);
                nEff = n / factor;
                df = Math.max(1, nEff - 1);
                // s² is biased low under persistence: E[s²] = σ²(n − f)/(n − 1)
                se = sd * Math.sqrt((n - 1) / Math.max(n - factor, 1.0) * factor / n);
                assumptions.add(Assumption.judged(
                        "independence",
                        met,
                        r,
                        "lag-1 autocorrelation " + r + (met ? " ≤ " : " > ") + threshold
                                + (phi > 0
                                        ? "; bias-corrected AR(1) φ " + phi + ": the interval of the mean uses"
                                                + " effective n " + nEff + " instead of n = " + n
                                        : "; bias-corrected AR(1) φ is 0: the interval of the mean is not widened")));
                approximation = SimulatedCoverage.forSeries(SimulatedCoverage.Kind.MEAN, n, phi, nEff);
            } else {
                assumptions.add(Assumption.judged(
                        "independence",
                        met,
                        r,
                        "lag-1 autocorrelation " + r + (met ? " ≤ " : " > ") + threshold
                                + (met ? "" : "; interval NOT adjusted (independent observations requested)")));
            }
            Optional<Approximation> skew = skewness(values, sd);
            if (skew.isPresent()
                    && (approximation.isEmpty()
                            || skew.get().simulatedCoverage().orElse(1)
                                    < approximation.get().simulatedCoverage().orElse(1))) {
                approximation = skew;
            }
        }
        Interval ci = se > 0 && Double.isFinite(se)
                ? Probabilities.tInterval(mean, se, df, confidenceLevel, Alternative.TWO_SIDED)
                : new Interval(mean, mean, confidenceLevel);
        Quality quality = Quality.ran(SampleSize.classify(nEff, 2, 10), confidenceLevel, assumptions)
                .withApproximation(approximation);
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

    /**
     * The skewness flag: the adjusted Fisher–Pearson G1 beyond z·SES (SES = sqrt(6n(n−1)/((n−2)(n+1)(n+3))),
     * Joanes &amp; Gill 1998) makes the t interval of the mean approximate.
     */
    private Optional<Approximation> skewness(double[] values, double sd) {
        int n = values.length;
        if (n < 3 || !(sd > 0)) {
            return Optional.empty();
        }
        double[] x = Sums.scalb(values, -Sums.largestExponent(values));
        double centre = Sums.mean(x);
        double m2 = Sums.sumOfSquaredDeviations(x, centre) / n;
        if (!(m2 > 0)) {
            return Optional.empty();
        }
        double g1 = Shape.skewness(x, centre, m2);
        double ses = Shape.skewnessStandardError(n);
        double z = Probabilities.normalQuantile(1 - (1 - confidenceLevel) / 2);
        return Math.abs(g1) > z * ses ? Optional.of(SimulatedCoverage.forSkewedMean(n, g1, ses)) : Optional.empty();
    }
}
