package dev.td.statistics.screening;

import dev.td.statistics.correlation.Correlation;
import dev.td.statistics.correlation.PearsonCorrelation;
import dev.td.statistics.numeric.Inputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Every predictor against every outcome at lags 0..k, with the false discovery rate controlled over the whole family
 * (Benjamini–Hochberg): the screen behind "is my sleep affecting my squat?". An outcome on day d is paired with the
 * predictor on day d − lag (the predictor leads). Both sides of the pairs are detrended first (least-squares line
 * over the day), so two series that merely both rise over the months (strength and body weight while building)
 * are not reported as related; the correlation of the residuals is Pearson's in time-series mode, its p-value on
 * Bartlett's effective sample size. A pair with fewer than {@link #minPairs()} days, or a constant side, is not
 * tested and is listed as such; it does not count in the family.
 */
public final class CorrelationScreen {

    /** A series of daily values: days as day numbers (e.g. epoch days), strictly increasing. */
    public static final class Series {
        private final String name;
        private final int[] days;
        private final double[] values;

        public Series(String name, int[] days, double[] values) {
            this.name = Objects.requireNonNull(name, "name");
            Inputs.requireFinite(name, values, 0);
            if (days.length != values.length) {
                throw new IllegalArgumentException(
                        name + ": " + days.length + " days for " + values.length + " values");
            }
            for (int i = 1; i < days.length; i++) {
                if (days[i] <= days[i - 1]) {
                    throw new IllegalArgumentException(
                            name + ": days must increase, day " + days[i] + " follows " + days[i - 1]);
                }
            }
            this.days = days.clone();
            this.values = values.clone();
        }

        public String name() {
            return name;
        }

        /** How many days have a value. */
        public int size() {
            return days.length;
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + days.length + " days]";
        }
    }

    /**
     * One tested pair at one lag.
     *
     * @param correlation the Pearson correlation of the detrended pairs (n, effective n, interval, p)
     * @param adjustedP   the Benjamini–Hochberg adjusted p-value over the family
     * @param discovery   whether {@code adjustedP} ≤ the screen's false discovery rate
     */
    public record Finding(
            String predictor, String outcome, int lag, Correlation correlation, double adjustedP, boolean discovery) {
        public Finding {
            Objects.requireNonNull(predictor, "predictor");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(correlation, "correlation");
        }
    }

    /**
     * What a screen found.
     *
     * @param findings  every tested pair and lag, in the order predictors × outcomes × lags
     * @param fdr       the false discovery rate the discoveries are controlled at
     * @param family    how many tests the control counts ({@code findings.size()})
     * @param notTested pairs and lags left out, with why
     */
    public record Screen(List<Finding> findings, double fdr, int family, List<String> notTested) {
        public Screen {
            findings = List.copyOf(findings);
            notTested = List.copyOf(notTested);
        }

        /** The discoveries, strongest evidence first. */
        public List<Finding> discoveries() {
            return findings.stream()
                    .filter(Finding::discovery)
                    .sorted(java.util.Comparator.comparingDouble(Finding::adjustedP))
                    .toList();
        }
    }

    private final double fdr;
    private final int maxLag;
    private final int minPairs;

    private CorrelationScreen(double fdr, int maxLag, int minPairs) {
        this.fdr = Inputs.requireProbability("fdr", fdr);
        if (maxLag < 0) {
            throw new IllegalArgumentException("maxLag must be at least 0, was " + maxLag);
        }
        if (minPairs < 5) {
            throw new IllegalArgumentException("minPairs must be at least 5, was " + minPairs);
        }
        this.maxLag = maxLag;
        this.minPairs = minPairs;
    }

    /** False discovery rate 0.05, lags 0 to 3 days, at least 12 paired days per test. */
    public static CorrelationScreen withDefaults() {
        return new CorrelationScreen(0.05, 3, 12);
    }

    public CorrelationScreen withFdr(double fdr) {
        return new CorrelationScreen(fdr, maxLag, minPairs);
    }

    public CorrelationScreen withMaxLag(int maxLag) {
        return new CorrelationScreen(fdr, maxLag, minPairs);
    }

    public CorrelationScreen withMinPairs(int minPairs) {
        return new CorrelationScreen(fdr, maxLag, minPairs);
    }

    public double fdr() {
        return fdr;
    }

    public int maxLag() {
        return maxLag;
    }

    public int minPairs() {
        return minPairs;
    }

    /** Screens every predictor against every outcome at lags 0..maxLag. */
    public Screen screen(List<Series> predictors, List<Series> outcomes) {
        PearsonCorrelation pearson = PearsonCorrelation.withDefaults().forTimeSeries();
        List<String[]> keys = new ArrayList<>();
        List<Integer> lags = new ArrayList<>();
        List<Correlation> tested = new ArrayList<>();
        List<String> notTested = new ArrayList<>();
        for (Series x : predictors) {
            for (Series y : outcomes) {
                for (int lag = 0; lag <= maxLag; lag++) {
                    double[][] pairs = pairs(x, y, lag);
                    String what = x.name() + " → " + y.name() + " at lag " + lag;
                    if (pairs[0].length < minPairs) {
                        notTested.add(what + ": " + pairs[0].length + " paired days, fewer than " + minPairs);
                        continue;
                    }
                    double[] rx = residuals(pairs[2], pairs[0]);
                    double[] ry = residuals(pairs[2], pairs[1]);
                    if (flat(rx, pairs[0]) || flat(ry, pairs[1])) {
                        notTested.add(what + ": a side is constant once its trend is taken out");
                        continue;
                    }
                    keys.add(new String[] {x.name(), y.name()});
                    lags.add(lag);
                    tested.add(pearson.test(rx, ry));
                }
            }
        }
        double[] p = tested.stream().mapToDouble(Correlation::pValue).toArray();
        double[] adjusted = p.length == 0 ? p : BenjaminiHochberg.adjust(p);
        List<Finding> findings = new ArrayList<>(tested.size());
        for (int i = 0; i < tested.size(); i++) {
            findings.add(new Finding(
                    keys.get(i)[0], keys.get(i)[1], lags.get(i), tested.get(i), adjusted[i], adjusted[i] <= fdr));
        }
        return new Screen(findings, fdr, findings.size(), notTested);
    }

    /** {x on day d − lag, y on day d, d} for every outcome day d with a predictor value lag days before. */
    static double[][] pairs(Series x, Series y, int lag) {
        int[] xd = x.days;
        int[] yd = y.days;
        double[] xs = new double[yd.length];
        double[] ys = new double[yd.length];
        double[] ds = new double[yd.length];
        int n = 0;
        int j = 0;
        for (int i = 0; i < yd.length; i++) {
            int want = yd[i] - lag;
            while (j < xd.length && xd[j] < want) {
                j++;
            }
            if (j < xd.length && xd[j] == want) {
                xs[n] = x.values[j];
                ys[n] = y.values[i];
                ds[n] = yd[i];
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), Arrays.copyOf(ds, n)};
    }

    /** The residuals of v about its least-squares line over t. */
    static double[] residuals(double[] t, double[] v) {
        int n = t.length;
        double mt = 0;
        double mv = 0;
        for (int i = 0; i < n; i++) {
            mt += t[i];
            mv += v[i];
        }
        mt /= n;
        mv /= n;
        double stt = 0;
        double stv = 0;
        for (int i = 0; i < n; i++) {
            stt += (t[i] - mt) * (t[i] - mt);
            stv += (t[i] - mt) * (v[i] - mv);
        }
        double slope = stt == 0 ? 0 : stv / stt;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = v[i] - mv - slope * (t[i] - mt);
        }
        return r;
    }

    /** Whether residuals are rounding noise next to the values they came from (the values lie on a line). */
    private static boolean flat(double[] residuals, double[] values) {
        double scale = 0;
        for (double v : values) {
            scale = Math.max(scale, Math.abs(v));
        }
        double spread = 0;
        for (double r : residuals) {
            spread = Math.max(spread, Math.abs(r));
        }
        return spread <= 1e-9 * Math.max(scale, Double.MIN_NORMAL);
    }
}
