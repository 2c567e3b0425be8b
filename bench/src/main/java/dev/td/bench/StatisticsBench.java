package dev.td.bench;

import dev.td.statistics.Alternative;
import dev.td.statistics.comparison.MannWhitneyTest;
import dev.td.statistics.comparison.WelchTest;
import dev.td.statistics.correlation.LaggedCorrelation;
import dev.td.statistics.correlation.PearsonCorrelation;
import dev.td.statistics.correlation.SpearmanCorrelation;
import dev.td.statistics.descriptive.Descriptive;
import dev.td.statistics.descriptive.ShapiroWilkTest;
import dev.td.statistics.regression.LinearRegression;
import dev.td.statistics.trend.MannKendallTest;
import dev.td.statistics.trend.TheilSen;
import java.util.Arrays;
import java.util.Random;

/**
 * Times the full td statistics set on deterministic 2-year (730) and 10-year (3,650) daily series
 * and prints median and p99 milliseconds per set next to the SciPy 1.17 reference figures.
 */
public final class StatisticsBench {
    private static final double SCIPY_730_MS = 11;
    private static final double SCIPY_3650_MS = 136;

    private StatisticsBench() {}

    public static void main(String[] args) {
        for (int n : new int[] {730, 3650}) {
            double[][] series = series(n, 42);
            for (int i = 0; i < (n == 730 ? 400 : 100); i++) {
                fullSet(series[0], series[1]);
            }
            int runs = n == 730 ? 200 : 60;
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                fullSet(series[0], series[1]);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            double median = ms[runs / 2];
            double p99 = ms[Math.min(runs - 1, (int) Math.ceil(0.99 * runs) - 1)];
            System.out.printf(
                    "n=%5d  median %8.2f ms  p99 %8.2f ms  (SciPy 1.17 reference ~%.0f ms)%n",
                    n, median, p99, n == 730 ? SCIPY_730_MS : SCIPY_3650_MS);
        }
    }

    /** Two correlated daily series: trend + weekly pattern + AR(1) noise, fixed seed. */
    static double[][] series(int n, long seed) {
        Random random = new Random(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        double noiseA = 0;
        double noiseB = 0;
        for (int t = 0; t < n; t++) {
            double weekly = 8 * Math.sin(2 * Math.PI * t / 7);
            noiseA = 0.5 * noiseA + random.nextGaussian() * 5;
            noiseB = 0.4 * noiseB + random.nextGaussian() * 4;
            a[t] = 100 + 0.02 * t + weekly + noiseA;
            b[t] = 50 + 0.01 * t + 0.5 * weekly + 0.3 * a[t] + noiseB;
        }
        return new double[][] {a, b};
    }

    static double fullSet(double[] a, double[] b) {
        int n = a.length;
        double[] time = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i;
        }
        double[] first = Arrays.copyOfRange(a, 0, n / 2);
        double[] second = Arrays.copyOfRange(a, n / 2, n);
        double sink = Descriptive.withDefaults().describe(a).mean();
        sink += LinearRegression.withDefaults().fitLine(time, a).rSquared();
        sink += TheilSen.withDefaults().fit(a).slope();
        sink += MannKendallTest.withDefaults().test(a).pValue();
        sink += WelchTest.withDefaults().test(first, second).pValue();
        sink += MannWhitneyTest.withDefaults().test(first, second).pValue();
        sink += PearsonCorrelation.withDefaults().test(a, b).ci().lower();
        sink += SpearmanCorrelation.withDefaults()
                .withAlternative(Alternative.TWO_SIDED)
                .test(a, b)
                .pValue();
        sink += LaggedCorrelation.withDefaults().upTo(a, b, 7).size();
        sink += ShapiroWilkTest.withDefaults().test(a).pValue();
        return sink;
    }
}
