package dev.td.statistics.trend;

/**
 * Inversion counting by merge sort in O(n log n) (Knuth, TAOCP vol. 3, §5.1.1; Knight 1966 uses
 * the same idea for Kendall's τ).
 */
final class Inversions {
    private Inversions() {}

    /** Number of pairs i &lt; j with values[i] &gt; values[j] (ties are not inversions). */
    static long strict(double[] values) {
        double[] a = values.clone();
        double[] tmp = new double[a.length];
        long count = 0;
        for (int width = 1; width < a.length; width *= 2) {
            for (int lo = 0; lo < a.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, a.length);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (a[i] <= a[j]) {
                        tmp[k++] = a[i++];
                    } else {
                        count += mid - i;
                        tmp[k++] = a[j++];
                    }
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
        return count;
    }

    /** Σ over groups of equal values of f(t), t the group size. */
    static double tieSum(double[] values, java.util.function.DoubleUnaryOperator f) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            if (j > i) {
                sum += f.applyAsDouble(j - i + 1);
            }
            i = j + 1;
        }
        return sum;
    }
}
