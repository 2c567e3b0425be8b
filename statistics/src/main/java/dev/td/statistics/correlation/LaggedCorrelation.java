package dev.td.statistics.correlation;

import dev.td.statistics.Alternative;
import dev.td.statistics.numeric.Inputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lagged Pearson correlation of two time series: series a at time t against series b at t + k
 * (k &gt; 0: a leads b). Always in time-series mode: when the overlapping segments are
 * autocorrelated, p-values and intervals use Bartlett's effective sample size
 * (see {@link PearsonCorrelation#forTimeSeries()}).
 */
public final class LaggedCorrelation {
    private final PearsonCorrelation pearson;

    private LaggedCorrelation(PearsonCorrelation pearson) {
        this.pearson = pearson;
    }

    /** 95 % intervals, two-sided. */
    public static LaggedCorrelation withDefaults() {
        return new LaggedCorrelation(PearsonCorrelation.withDefaults().forTimeSeries());
    }

    public LaggedCorrelation withConfidenceLevel(double level) {
        return new LaggedCorrelation(pearson.withConfidenceLevel(level));
    }

    public LaggedCorrelation withAlternative(Alternative alternative) {
        return new LaggedCorrelation(pearson.withAlternative(alternative));
    }

    /**
     * Correlation of a[t] with b[t + lag] over the overlapping part; a negative lag means b leads.
     *
     * @throws IllegalArgumentException if the series differ in length or fewer than 3 pairs overlap
     */
    public Correlation at(double[] a, double[] b, int lag) {
        Inputs.requireFinite("a", a, 3);
        Inputs.requireFinite("b", b, 3);
        Inputs.requireSameLength("a", a, "b", b);
        int n = a.length;
        if (Math.abs(lag) > n - 3) {
            throw new IllegalArgumentException(
                    "lag " + lag + " leaves fewer than 3 overlapping pairs of " + n + ": use |lag| ≤ " + (n - 3));
        }
        double[] x = lag >= 0 ? Arrays.copyOfRange(a, 0, n - lag) : Arrays.copyOfRange(a, -lag, n);
        double[] y = lag >= 0 ? Arrays.copyOfRange(b, lag, n) : Arrays.copyOfRange(b, 0, n + lag);
        return pearson.test(x, y, lag);
    }

    /** Correlations at lags 1..maxLag, in order. */
    public List<Correlation> upTo(double[] a, double[] b, int maxLag) {
        if (maxLag < 1) {
            throw new IllegalArgumentException("maxLag must be at least 1, was " + maxLag);
        }
        List<Correlation> result = new ArrayList<>(maxLag);
        for (int k = 1; k <= maxLag; k++) {
            result.add(at(a, b, k));
        }
        return result;
    }
}
