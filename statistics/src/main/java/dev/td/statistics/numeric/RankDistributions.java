package dev.td.statistics.numeric;

import dev.td.statistics.Alternative;

/**
 * Exact null distributions of rank statistics for small samples without ties, by dynamic
 * programming over the generating functions (Mann &amp; Whitney 1947; Wilcoxon 1945), as R's
 * {@code pwilcox}/{@code psignrank}.
 */
public final class RankDistributions {
    private RankDistributions() {}

    /** P(U = u) for u = 0..m·n, U the Mann–Whitney statistic of samples of sizes m and n. */
    public static double[] mannWhitney(int m, int n) {
        int max = m * n;
        // ways[k][u]: arrangements of the items seen so far with k from the first sample and sum u
        double[][] ways = new double[m + 1][max + 1];
        ways[0][0] = 1;
        for (int item = 0; item < m + n; item++) {
            for (int k = Math.min(m, item + 1); k >= 1; k--) {
                int ySoFar = item - (k - 1);
                if (ySoFar > n || ySoFar < 0) {
                    continue;
                }
                double[] from = ways[k - 1];
                double[] to = ways[k];
                for (int u = max - ySoFar; u >= 0; u--) {
                    to[u + ySoFar] += from[u];
                }
            }
        }
        return normalise(ways[m]);
    }

    /** P(V = v) for v = 0..n(n+1)/2, V the Wilcoxon signed-rank statistic of n non-zero differences. */
    public static double[] signedRank(int n) {
        int max = n * (n + 1) / 2;
        double[] ways = new double[max + 1];
        ways[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int v = max; v >= rank; v--) {
                ways[v] += ways[v - rank];
            }
        }
        return normalise(ways);
    }

    /** P-value of an observed statistic under a discrete distribution, as R computes it. */
    public static double pValue(double[] probabilities, double observed, Alternative alternative) {
        double lower = 0;
        double upper = 0;
        for (int v = 0; v < probabilities.length; v++) {
            if (v <= observed + 1e-9) {
                lower += probabilities[v];
            }
            if (v >= observed - 1e-9) {
                upper += probabilities[v];
            }
        }
        return switch (alternative) {
            case TWO_SIDED -> Math.min(1, 2 * Math.min(lower, upper));
            case GREATER -> Math.min(1, upper);
            case LESS -> Math.min(1, lower);
        };
    }

    private static double[] normalise(double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = counts[i] / total;
        }
        return p;
    }
}
