package dev.td.statistics;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What td's own simulation measured for its series intervals and tests, and the rule that flags a
 * result approximate where that measurement falls short of the nominal 95 %.
 *
 * <p>The table is the output of {@code bin/bench coverage} (class
 * {@code dev.td.statistics.simulation.CoverageSimulation}, 2,000 runs per cell, seed 20261130):
 * coverage of the nominal 95 % interval (for a test: 1 − its rejection rate of a true null hypothesis
 * at α 0.05: no trend, or two equal groups) on AR(1) series of standard normal innovations,
 * per n ∈ {10, 30, 100, 500} and φ ∈ {0, 0.3, 0.6, 0.9}. {@code CoverageSimulationTest} re-measures a
 * smaller run in every build and fails when the table and the measurement disagree beyond their
 * binomial error.
 *
 * <p>The rule: a series result is approximate when n &lt; {@value #MIN_N} (serial correlation cannot
 * be estimated from so few values, and the corrected intervals under-cover at φ ≥ 0.6) or its
 * effective n is below {@value #MIN_EFFECTIVE_N} (the series is so persistent that even the
 * corrected interval under-covers); a comparison of two series also when φ ≥ {@value #STRONG_PHI}.
 */
public final class SimulatedCoverage {
    /** Below this many values a series interval is always flagged approximate. */
    public static final int MIN_N = 20;
    /** Below this effective n a series interval is flagged approximate. */
    public static final double MIN_EFFECTIVE_N = 20;

    /**
     * From this φ on, a comparison of two series is flagged whatever its effective n: at φ 0.9, n 500 the
     * runs that reached the corrected t-test (both groups passing Shapiro–Wilk) still rejected 7–8 % of
     * true nulls, because passing selects the groups whose persistence was under-estimated.
     */
    public static final double STRONG_PHI = 0.8;

    static final int[] N = {10, 30, 100, 500};
    static final double[] PHI = {0, 0.3, 0.6, 0.9};

    /** The series results the table covers. */
    public enum Kind {
        MEAN("interval of the mean"),
        THEIL_SEN_SLOPE("Sen interval of the slope"),
        LEAST_SQUARES_SLOPE("interval of the least-squares slope"),
        MANN_KENDALL("Mann-Kendall p-value"),
        TWO_GROUPS("two-group comparison's p-value"),
        PAIRED("paired comparison's p-value"),
        CORRELATION("correlation's p-value and interval");

        private final String what;

        Kind(String what) {
            this.what = what;
        }
    }

    // [n index][phi index] per kind, from bin/bench coverage (see the class comment)
    private static final double[][] MEAN_TABLE = {
        {0.969, 0.935, 0.875, 0.776},
        {0.956, 0.943, 0.942, 0.879},
        {0.957, 0.938, 0.952, 0.929},
        {0.956, 0.956, 0.951, 0.959}
    };

    private static final double[][] THEIL_SEN_SLOPE_TABLE = {
        {0.963, 0.933, 0.872, 0.775},
        {0.959, 0.937, 0.926, 0.865},
        {0.949, 0.950, 0.949, 0.918},
        {0.953, 0.954, 0.952, 0.950}
    };

    private static final double[][] LEAST_SQUARES_SLOPE_TABLE = {
        {0.959, 0.926, 0.860, 0.762},
        {0.959, 0.936, 0.927, 0.860},
        {0.962, 0.950, 0.955, 0.934},
        {0.956, 0.948, 0.946, 0.951}
    };

    private static final double[][] MANN_KENDALL_TABLE = {
        {0.963, 0.926, 0.880, 0.773},
        {0.964, 0.943, 0.918, 0.837},
        {0.954, 0.957, 0.947, 0.927},
        {0.959, 0.951, 0.951, 0.955}
    };

    private static final double[][] TWO_GROUPS_TABLE = {
        {0.978, 0.941, 0.906, 0.818},
        {0.961, 0.932, 0.912, 0.722},
        {0.957, 0.949, 0.913, 0.559},
        {0.956, 0.931, 0.893, 0.440}
    };

    private static final double[][] PAIRED_TABLE = {
        {0.967, 0.926, 0.865, 0.767},
        {0.959, 0.933, 0.917, 0.768},
        {0.960, 0.942, 0.919, 0.680},
        {0.956, 0.942, 0.922, 0.571}
    };

    private static final double[][] CORRELATION_TABLE = {
        {0.972, 0.961, 0.951, 0.925},
        {0.960, 0.962, 0.946, 0.936},
        {0.952, 0.953, 0.952, 0.939},
        {0.950, 0.960, 0.950, 0.947}
    };

    // MEAN on lognormal(0, 1) values (skewness 6.2), per n index, from the same run
    private static final double[] SKEWED_MEAN = {0.874, 0.891, 0.921, 0.938};

    private SimulatedCoverage() {}

    /** The approximation flag for a mean whose values are clearly skewed (G1 beyond z·SES). */
    public static Approximation forSkewedMean(int n, double g1, double ses) {
        int ni = nearestN(n);
        return new Approximation(
                String.format(
                        Locale.ROOT,
                        "the values are skewed (G1 = %.2f, SE %.2f): the t interval of the mean is too narrow on the"
                                + " long-tailed side; the median is the safer summary",
                        g1,
                        ses),
                OptionalDouble.of(SKEWED_MEAN[ni]),
                String.format(
                        Locale.ROOT,
                        "coverage of the nominal 95 %% interval of the mean, lognormal(0, 1) values, n = %d, 2000 runs",
                        N[ni]));
    }

    /** The measured coverage for {@code kind} at grid indices {@code n} and {@code phi}. */
    public static double measured(Kind kind, int nIndex, int phiIndex) {
        return table(kind)[nIndex][phiIndex];
    }

    /** The grid of n the table was measured at. */
    public static int[] nGrid() {
        return N.clone();
    }

    /** The grid of φ the table was measured at. */
    public static double[] phiGrid() {
        return PHI.clone();
    }

    /**
     * The approximation flag for a series result of {@code n} values whose bias-corrected AR(1)
     * coefficient is {@code phi} and effective n {@code effectiveN}; empty when the rule does not flag it.
     */
    public static Optional<Approximation> forSeries(Kind kind, int n, double phi, double effectiveN) {
        int ni = nearestN(n);
        if (n < MIN_N) {
            int pi = Math.max(2, nearestPhi(phi));
            double coverage = table(kind)[ni][pi];
            return Optional.of(new Approximation(
                    "with " + n + " values (fewer than " + MIN_N + ") serial correlation cannot be estimated well;"
                            + " if the series is persistent, the " + kind.what + " is too optimistic",
                    OptionalDouble.of(coverage),
                    condition(kind, N[ni], PHI[pi])));
        }
        boolean comparison = kind == Kind.TWO_GROUPS || kind == Kind.PAIRED;
        if (effectiveN < MIN_EFFECTIVE_N || (comparison && phi >= STRONG_PHI)) {
            int pi = Math.max(1, nearestPhi(phi));
            double coverage = table(kind)[ni][pi];
            return Optional.of(new Approximation(
                    String.format(
                            Locale.ROOT,
                            "the series is strongly persistent (AR(1) φ ≈ %.2f, worth about %.0f independent values"
                                    + " of %d): even corrected, the %s is approximate",
                            phi,
                            effectiveN,
                            n,
                            kind.what),
                    OptionalDouble.of(coverage),
                    condition(kind, N[ni], PHI[pi])));
        }
        return Optional.empty();
    }

    private static double[][] table(Kind kind) {
        return switch (kind) {
            case TWO_GROUPS -> TWO_GROUPS_TABLE;
            case PAIRED -> PAIRED_TABLE;
            case CORRELATION -> CORRELATION_TABLE;
            case MEAN -> MEAN_TABLE;
            case THEIL_SEN_SLOPE -> THEIL_SEN_SLOPE_TABLE;
            case LEAST_SQUARES_SLOPE -> LEAST_SQUARES_SLOPE_TABLE;
            case MANN_KENDALL -> MANN_KENDALL_TABLE;
        };
    }

    /**
     * The flag for a rank test (Mann–Whitney, Wilcoxon) on values taken as series: no correction for
     * serial correlation exists for them, so any persistence (φ &gt; 0) or fewer than {@value #MIN_N}
     * values makes the p-value approximate.
     */
    public static Optional<Approximation> forRankTestOnSeries(Kind kind, int n, double phi) {
        if (phi <= 0 && n >= MIN_N) {
            return Optional.empty();
        }
        int ni = nearestN(n);
        int pi = Math.max(1, nearestPhi(phi));
        return Optional.of(new Approximation(
                String.format(
                        Locale.ROOT,
                        "the values look serially correlated (AR(1) φ ≈ %.2f) or are too few to tell (n = %d), and no"
                                + " rank test corrects for that: the %s is approximate",
                        phi,
                        n,
                        kind.what),
                OptionalDouble.of(table(kind)[ni][pi]),
                condition(kind, N[ni], PHI[pi])));
    }

    private static String condition(Kind kind, int n, double phi) {
        return String.format(
                Locale.ROOT,
                "%s of no-trend AR(1) series, φ = %.1f, n = %d, 2000 runs",
                switch (kind) {
                    case MANN_KENDALL -> "1 − false-trend rate at α 0.05";
                    case TWO_GROUPS, PAIRED -> "1 − false-difference rate at α 0.05";
                    case CORRELATION -> "1 − false-correlation rate at α 0.05 (two independent series)";
                    default -> "coverage of the nominal 95 % interval";
                },
                phi,
                n);
    }

    private static int nearestN(int n) {
        int best = 0;
        for (int i = 1; i < N.length; i++) {
            if (Math.abs(Math.log(n) - Math.log(N[i])) < Math.abs(Math.log(n) - Math.log(N[best]))) {
                best = i;
            }
        }
        return best;
    }

    private static int nearestPhi(double phi) {
        int best = 0;
        for (int i = 1; i < PHI.length; i++) {
            if (Math.abs(phi - PHI[i]) < Math.abs(phi - PHI[best])) {
                best = i;
            }
        }
        return best;
    }
}
