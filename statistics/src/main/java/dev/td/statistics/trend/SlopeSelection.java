package dev.td.statistics.trend;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Selects order statistics of the pairwise slopes (y_j − y_i)/(x_j − x_i), x_i ≠ x_j, in
 * O(n log n) expected time per iteration, without forming all n²/2 slopes: randomized interval
 * shrinking in the style of Matoušek (1991) and Dillencourt, Mount &amp; Netanyahu (1992).
 *
 * <p>Duality: the number of slopes in (lo, hi] equals the number of inversions between the order
 * of the lines u_i(t) = y_i − t·x_i just after t = lo and just after t = hi; inversions are
 * counted — and sampled uniformly, or all listed when few remain — by merge sort. Each round
 * samples about n slopes from the current interval and narrows it around the target ranks; the
 * interval holds O(n) slopes after a few rounds and is then listed and selected directly.
 */
final class SlopeSelection {
    private final double[] x;
    private final double[] y;
    private final int n;
    private final SplittableRandom random;
    final long total;

    SlopeSelection(double[] x, double[] y) {
        this.x = x;
        this.y = y;
        this.n = x.length;
        this.random = new SplittableRandom(0x5EED ^ n);
        this.total = count(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * The ks-th smallest slopes (1 ≤ k ≤ total each, any order), found together: the interval is narrowed until it
     * holds every asked rank and not many slopes besides, then listed and sorted once. Theil–Sen asks for the
     * median and the two interval bounds, which lie close together (about z·sqrt(Var S) ranks apart): one
     * narrowing for all of them costs about a quarter of four separate selections.
     */
    double[] select(long[] ks) {
        long kMin = Arrays.stream(ks).min().orElseThrow();
        long kMax = Arrays.stream(ks).max().orElseThrow();
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        long countLo = 0;
        long countHi = total;
        long listable = Math.max(Math.max(4L * n, 256), 2 * (kMax - kMin + 1));
        for (int round = 0; round < 64 && countHi - countLo > listable; round++) {
            long m = countHi - countLo;
            int s = (int) Math.min(m, Math.max(n, 64));
            long[] ranks = new long[s];
            for (int i = 0; i < s; i++) {
                ranks[i] = random.nextLong(m);
            }
            Arrays.sort(ranks);
            double[] sample = between(lo, hi, ranks, s);
            Arrays.sort(sample);
            double delta = 1.5 * Math.sqrt(s);
            double a = sample[(int) Math.max(0, Math.floor((kMin - countLo - 0.5) / m * s - delta))];
            double b = sample[(int) Math.min(s - 1, Math.ceil((kMax - countLo - 0.5) / m * s + delta))];
            // invariant: at most kMin − 1 slopes are ≤ lo, at least kMax are ≤ hi
            for (double c : new double[] {a, b}) {
                if (!(c > lo && c < hi)) {
                    continue;
                }
                long cc = count(Double.NEGATIVE_INFINITY, c);
                if (cc < kMin) {
                    lo = c;
                    countLo = cc;
                } else if (cc >= kMax) {
                    hi = c;
                    countHi = cc;
                }
            }
            if (countHi - countLo == m && count(Double.NEGATIVE_INFINITY, Math.nextDown(hi)) < kMin) {
                // every asked rank sits in a run of slopes tied at hi, which no sample can split
                double[] tied = new double[ks.length];
                Arrays.fill(tied, hi);
                return tied;
            }
        }
        double[] listed = between(lo, hi, null, (int) Math.min(Integer.MAX_VALUE - 8, countHi - countLo));
        Arrays.sort(listed);
        double[] out = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            out[i] = listed[(int) Math.max(0, Math.min(listed.length - 1, ks[i] - countLo - 1))];
        }
        return out;
    }

    /** Number of slopes in (lo, hi]. */
    long count(double lo, double hi) {
        return new Merge(permutation(lo, hi), null, null).count;
    }

    /** Slopes of the inversions with the given sorted ranks (all of them when ranks is null). */
    private double[] between(double lo, double hi, long @Nullable [] ranks, int size) {
        int[] orderLo = order(lo);
        double[] out = new double[size];
        Merge merge = new Merge(permutation(orderLo, hi), ranks, out);
        for (int i = 0; i < merge.found; i++) {
            int a = orderLo[merge.left[i]];
            int b = orderLo[merge.right[i]];
            out[i] = (y[a] - y[b]) / (x[a] - x[b]);
        }
        return merge.found == size ? out : Arrays.copyOf(out, merge.found);
    }

    private int[] permutation(double lo, double hi) {
        return permutation(order(lo), hi);
    }

    /** Positions in the lo-order, listed in hi-order: its inversions are the crossings in (lo, hi]. */
    private int[] permutation(int[] orderLo, double hi) {
        int[] positionLo = new int[n];
        for (int p = 0; p < n; p++) {
            positionLo[orderLo[p]] = p;
        }
        int[] orderHi = order(hi);
        int[] sequence = new int[n];
        for (int p = 0; p < n; p++) {
            sequence[p] = positionLo[orderHi[p]];
        }
        return sequence;
    }

    /** Indices ordered by u(t) = y − t·x just after t (ties: larger x first, then index). */
    private int[] order(double t) {
        double[] key = new double[n];
        double[] second = new double[n];
        for (int i = 0; i < n; i++) {
            if (t == Double.NEGATIVE_INFINITY) {
                key[i] = x[i];
                second[i] = y[i];
            } else if (t == Double.POSITIVE_INFINITY) {
                key[i] = -x[i];
                second[i] = y[i];
            } else {
                key[i] = y[i] - t * x[i];
                second[i] = -x[i];
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        sortIndices(order, new int[n], key, second);
        return order;
    }

    /** Stable bottom-up merge sort of indices by (key, second); stability breaks remaining ties by index. */
    private static void sortIndices(int[] order, int[] tmp, double[] key, double[] second) {
        int[] a = order;
        int[] b = tmp;
        boolean sortedIntoTmp = false;
        int n = order.length;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    int x = a[i];
                    int y = a[j];
                    int c = Double.compare(key[x], key[y]);
                    if (c == 0) {
                        c = Double.compare(second[x], second[y]);
                    }
                    b[k++] = c <= 0 ? a[i++] : a[j++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] swap = a;
            a = b;
            b = swap;
            sortedIntoTmp = !sortedIntoTmp;
        }
        if (sortedIntoTmp) {
            System.arraycopy(a, 0, order, 0, n);
        }
    }

    /** Bottom-up merge sort of a permutation counting inversions and extracting requested ones. */
    private static final class Merge {
        long count;
        int found;
        final int[] left;
        final int[] right;

        Merge(int[] sequence, long @Nullable [] ranks, double @Nullable [] out) {
            int capacity = out == null ? 0 : out.length;
            left = new int[capacity];
            right = new int[capacity];
            int[] a = sequence;
            int[] tmp = new int[a.length];
            for (int width = 1; width < a.length; width *= 2) {
                for (int lo = 0; lo < a.length - width; lo += 2 * width) {
                    merge(a, tmp, lo, lo + width, Math.min(lo + 2 * width, a.length), ranks, capacity);
                }
            }
        }

        private void record(int leftValue, int rightValue) {
            left[found] = leftValue;
            right[found] = rightValue;
            found++;
        }

        private void merge(int[] a, int[] tmp, int lo, int mid, int hi, long @Nullable [] ranks, int capacity) {
            int i = lo;
            int j = mid;
            int k = lo;
            while (i < mid && j < hi) {
                if (a[i] < a[j]) {
                    tmp[k++] = a[i++];
                    continue;
                }
                int run = mid - i;
                if (ranks == null) {
                    for (int o = 0; o < run && found < capacity; o++) {
                        record(a[i + o], a[j]);
                    }
                } else {
                    while (found < capacity && ranks[found] < count + run) {
                        record(a[i + (int) (ranks[found] - count)], a[j]);
                    }
                }
                count += run;
                tmp[k++] = a[j++];
            }
            while (i < mid) {
                tmp[k++] = a[i++];
            }
            while (j < hi) {
                tmp[k++] = a[j++];
            }
            System.arraycopy(tmp, lo, a, lo, hi - lo);
        }
    }
}
