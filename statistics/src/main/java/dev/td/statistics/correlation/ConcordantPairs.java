package dev.td.statistics.correlation;

import java.util.Arrays;

/**
 * Concordant and discordant pairs of (x, y) in O(n log n) (Knight 1966, <i>JASA</i> 61: sort by x then y, count
 * the exchanges a merge sort of y makes), instead of comparing all n(n − 1)/2 pairs. A pair is concordant when
 * x and y differ in the same direction, discordant when in opposite ones; pairs tied ({@code ==}) in x or in y are
 * neither.
 *
 * @param concordant pairs with sign(x_i − x_j)·sign(y_i − y_j) &gt; 0
 * @param discordant pairs with sign(x_i − x_j)·sign(y_i − y_j) &lt; 0
 */
record ConcordantPairs(long concordant, long discordant) {

    /** The pairs of validated (finite) x and y of equal length. */
    static ConcordantPairs of(double[] x, double[] y) {
        int n = x.length;
        int[] rx = denseRanks(x);
        int[] ry = denseRanks(y);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) rx[i] << 32) | ry[i];
        }
        Arrays.sort(keys);
        long tiedX = 0;
        long tiedBoth = 0;
        int[] yInXOrder = new int[n];
        int runX = 1;
        int runBoth = 1;
        for (int i = 0; i < n; i++) {
            yInXOrder[i] = (int) keys[i];
            if (i > 0) {
                runX = (keys[i] >>> 32) == (keys[i - 1] >>> 32) ? runX + 1 : 1;
                runBoth = keys[i] == keys[i - 1] ? runBoth + 1 : 1;
            }
            tiedX += runX - 1;
            tiedBoth += runBoth - 1;
        }
        long tiedY = tiedPairs(ry);
        long discordant = exchanges(yInXOrder, new int[n], 0, n);
        long all = (long) n * (n - 1) / 2;
        return new ConcordantPairs(all - tiedX - tiedY + tiedBoth - discordant, discordant);
    }

    /** 0-based ranks of the distinct values, ties ({@code ==}, so −0.0 with 0.0) sharing one. */
    private static int[] denseRanks(double[] values) {
        double[] sorted = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            sorted[i] = values[i] + 0.0; // −0.0 becomes 0.0
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] ranks = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ranks[i] = Arrays.binarySearch(sorted, 0, distinct, values[i] + 0.0);
        }
        return ranks;
    }

    /** Σ over tie groups of t(t − 1)/2, from dense ranks. */
    private static long tiedPairs(int[] ranks) {
        int[] counts = new int[ranks.length];
        for (int r : ranks) {
            counts[r]++;
        }
        long pairs = 0;
        for (int t : counts) {
            pairs += (long) t * (t - 1) / 2;
        }
        return pairs;
    }

    /** Sorts {@code a[from..to)} and returns how many pairs i &lt; j it held with a[i] &gt; a[j]. */
    private static long exchanges(int[] a, int[] scratch, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long count = exchanges(a, scratch, from, mid) + exchanges(a, scratch, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (a[j] < a[i]) {
                count += mid - i;
                scratch[k++] = a[j++];
            } else {
                scratch[k++] = a[i++];
            }
        }
        while (i < mid) {
            scratch[k++] = a[i++];
        }
        while (j < to) {
            scratch[k++] = a[j++];
        }
        System.arraycopy(scratch, from, a, from, to - from);
        return count;
    }
}
