package dev.td.statistics.simulation;

import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.comparison.PairedComparison;
import dev.td.statistics.comparison.TwoGroupComparison;
import dev.td.statistics.correlation.Correlation;
import dev.td.statistics.correlation.PearsonCorrelation;
import dev.td.statistics.correlation.SpearmanCorrelation;
import dev.td.statistics.descriptive.Description;
import dev.td.statistics.descriptive.Descriptive;
import dev.td.statistics.regression.LinearRegression;
import dev.td.statistics.regression.RegressionFit;
import dev.td.statistics.trend.LeastSquaresTrend;
import dev.td.statistics.trend.MannKendallTest;
import dev.td.statistics.trend.TheilSen;
import dev.td.statistics.trend.TrendEstimate;
import java.util.SplittableRandom;

/**
 * Every interval and test td reports, run once on simulated data where the truth is known: the
 * mean is the generator's, every slope and correlation is 0, and the compared groups are equal. A
 * run "holds" when the 95 % interval contains the truth, or the test at α 0.05 does not reject it.
 */
public enum Procedure {
    MEAN("interval of the mean", true),
    THEIL_SEN("Sen interval of the Theil-Sen slope", true),
    LEAST_SQUARES("least-squares slope interval (stats_trend)", true),
    MANN_KENDALL("Mann-Kendall test", false),
    TWO_GROUPS("two-group comparison (Welch / Mann-Whitney)", false),
    PAIRED("paired comparison (paired t / Wilcoxon)", false),
    PEARSON("Pearson correlation, series", false),
    SPEARMAN("Spearman correlation, series", false),
    REGRESSION("regression coefficient interval, iid x", true);

    private final String label;
    private final boolean interval;

    Procedure(String label, boolean interval) {
        this.label = label;
        this.interval = interval;
    }

    public String label() {
        return label;
    }

    /** True for an interval (coverage), false for a test (1 − rejection rate). */
    public boolean interval() {
        return interval;
    }

    /** Whether the truth held, and whether td flagged the result approximate. */
    public record Outcome(boolean held, boolean flagged) {}

    /** One run on fresh data of {@code n} values from {@code generator}. */
    public Outcome run(Generator generator, int n, SplittableRandom random) {
        double[] a = generator.sample(random, n);
        return switch (this) {
            case MEAN -> {
                Description d = Descriptive.withDefaults().describe(a);
                yield outcome(d.meanCi(), generator.mean(), d.quality());
            }
            case THEIL_SEN -> {
                TrendEstimate t = TheilSen.withDefaults().fit(a);
                yield outcome(t.slopeCi(), 0, t.quality());
            }
            case LEAST_SQUARES -> {
                LeastSquaresTrend.Slope s = LeastSquaresTrend.withDefaults().fit(index(n), a);
                yield outcome(s.ci(), 0, s.quality());
            }
            case MANN_KENDALL -> test(MannKendallTest.withDefaults().test(a));
            case TWO_GROUPS -> test(TwoGroupComparison.withDefaults().compare(a, generator.sample(random, n)));
            case PAIRED -> test(PairedComparison.withDefaults().compare(a, generator.sample(random, n)));
            case PEARSON ->
                correlation(PearsonCorrelation.withDefaults().forTimeSeries().test(a, generator.sample(random, n)));
            case SPEARMAN ->
                correlation(SpearmanCorrelation.withDefaults().forTimeSeries().test(a, generator.sample(random, n)));
            case REGRESSION -> {
                double[] x = Generator.NORMAL.sample(random, n);
                RegressionFit fit = LinearRegression.withDefaults().fitLine(x, a);
                yield outcome(fit.coefficient(1).ci(), 0, fit.quality());
            }
        };
    }

    private static Outcome outcome(Interval ci, double truth, Quality quality) {
        return new Outcome(ci.contains(truth), quality.approximation().isPresent());
    }

    private static Outcome test(HypothesisTest test) {
        return new Outcome(!test.significant(), test.quality().approximation().isPresent());
    }

    private static Outcome correlation(Correlation c) {
        return new Outcome(c.pValue() >= 0.05, c.quality().approximation().isPresent());
    }

    private static double[] index(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }
}
