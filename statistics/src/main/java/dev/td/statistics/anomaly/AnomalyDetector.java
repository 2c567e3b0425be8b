package dev.td.statistics.anomaly;

import dev.td.statistics.Assumption;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.descriptive.Description;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Quantiles;
import dev.td.statistics.trend.TheilSen;
import dev.td.statistics.trend.TrendEstimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Anomalies in a daily series.
 *
 * <p>Rolling robust z: each point is scored against the median and MAD of the {@code window}
 * points before it, z = (x − median)/(1.4826·MAD), and flagged when |z| exceeds the threshold
 * (default 3.5, Iglewicz &amp; Hoaglin 1993). Points whose window has MAD = 0 are skipped — a
 * z-score against zero spread would be infinite or meaningless.
 *
 * <p>Sustained decline: Theil–Sen slope over the last {@code window} points; declining when the
 * slope's Sen interval lies below 0 and the fitted drop over the window exceeds
 * {@code threshold}·(robust SD of the preceding baseline points).
 */
public final class AnomalyDetector {
    private final int window;
    private final double threshold;

    private AnomalyDetector(int window, double threshold) {
        if (window < 5) {
            throw new IllegalArgumentException("window must be at least 5 points, was " + window);
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be positive, was " + threshold);
        }
        this.window = window;
        this.threshold = threshold;
    }

    /** window 28, threshold 3.5. */
    public static AnomalyDetector withDefaults() {
        return new AnomalyDetector(28, 3.5);
    }

    public AnomalyDetector withWindow(int window) {
        return new AnomalyDetector(window, threshold);
    }

    public AnomalyDetector withThreshold(double threshold) {
        return new AnomalyDetector(window, threshold);
    }

    /** Points whose rolling robust z exceeds the threshold in absolute value. */
    public List<Anomaly> rollingRobustZ(double[] series) {
        Inputs.requireFinite("series", series, window + 1);
        List<Anomaly> anomalies = new ArrayList<>();
        double[] buffer = new double[window];
        for (int i = window; i < series.length; i++) {
            System.arraycopy(series, i - window, buffer, 0, window);
            Arrays.sort(buffer);
            double median = Quantiles.medianOfSorted(buffer);
            double mad = Quantiles.medianAbsoluteDeviation(buffer, median);
            if (mad == 0) {
                continue;
            }
            double z = (series[i] - median) / (Description.MAD_NORMAL_SCALE * mad);
            if (Math.abs(z) > threshold) {
                anomalies.add(new Anomaly(i, series[i], z));
            }
        }
        return anomalies;
    }

    /** Assesses the last {@code window} points against the baseline before them (needs 2·window points). */
    public DeclineAssessment sustainedDecline(double[] series) {
        Inputs.requireFinite("series", series, 2 * window);
        int n = series.length;
        double[] recent = Arrays.copyOfRange(series, n - window, n);
        double[] baseline = Arrays.copyOfRange(series, Math.max(0, n - 4 * window), n - window);
        TrendEstimate trend = TheilSen.withDefaults().fit(recent);
        double change = trend.slope() * (window - 1);
        double robustSd =
                Description.MAD_NORMAL_SCALE * Quantiles.medianAbsoluteDeviation(baseline, Quantiles.median(baseline));
        boolean variable = robustSd > 0;
        boolean declining = trend.slopeCi().upper() < 0 && (variable ? -change > threshold * robustSd : change < 0);
        Assumption spread = Assumption.judged(
                "baseline variability",
                variable,
                robustSd,
                variable
                        ? "baseline robust SD " + robustSd + "; decline of " + -change + " compared with " + threshold
                                + " × it"
                        : "baseline is constant (MAD 0): any significant downward slope counts as a decline");
        Quality quality =
                Quality.ran(SampleSize.classify(window, 5, 14), trend.quality().confidenceLevel(), List.of(spread));
        return new DeclineAssessment(declining, trend, change, robustSd, quality);
    }
}
