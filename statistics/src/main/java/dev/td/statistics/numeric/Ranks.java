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

    /**
     * Mid-ranks of {@code values} (not modified), ordered as {@link Double#compare} orders them, ties being values
     * that are {@code ==} (so −0.0 ties with 0.0, and each NaN stands alone, after every number).
     */
    public static Ranks of(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return ofIndices(values);
            }
        }
        // sort a copy, give each run of equal values its mid-rank, and find each value's run by binary search
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] midRank = new double[n];
        double tieTerm = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            Arrays.fill(midRank, i, j + 1, mid);
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        double[] ranks = new double[n];
        for (int k = 0; k < n; k++) {
            ranks[k] = midRank[firstNotBelow(sorted, values[k])];
        }
        return new Ranks(ranks, tieTerm);
    }

    /** The first index of {@code sorted} (no NaN) whose value is not below {@code v}, which is present. */
    private static int firstNotBelow(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The same ranks by sorting indices, for input with NaN. */
    private static Ranks ofIndices(double[] values) {
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
