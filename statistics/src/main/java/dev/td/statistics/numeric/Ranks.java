package dev.td.statistics.numeric;

import java.util.Arrays;

/** Mid-ranks (ties share the average rank) and the tie term Σ(t³ − t) used by rank tests. */
public final class Ranks {
    /** 1-based mid-ranks in input order. */
    public final double[] ranks;
    /** Σ over tie groups of t³ − t (0 without ties). */
    public final double tieTerm;

    private Ranks(double[] ranks, double tieTerm) {
        this.ranks = ranks;
        this.tieTerm = tieTerm;
    }

    public static Ranks of(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        double tieTerm = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mid;
            }
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        return new Ranks(ranks, tieTerm);
    }

    public boolean hasTies() {
        return tieTerm > 0;
    }
}
