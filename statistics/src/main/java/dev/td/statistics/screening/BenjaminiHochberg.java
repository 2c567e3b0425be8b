package dev.td.statistics.screening;

import dev.td.statistics.numeric.Inputs;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The Benjamini–Hochberg step-up procedure (Benjamini &amp; Hochberg 1995, J. R. Stat. Soc. B 57:289–300): of m
 * p-values, reject those up to the largest rank k with p₍ₖ₎ ≤ k·q/m; the false discovery rate (the expected share of
 * false ones among the rejections) is then at most q when the tests are independent or positively dependent
 * (Benjamini &amp; Yekutieli 2001), as lags of one pair of series are. Adjusted p-values are R's
 * {@code p.adjust(p, "BH")}: q₍ᵢ₎ = min over j ≥ i of min(1, p₍ⱼ₎·m/j); a hypothesis is a discovery at level q exactly
 * when its adjusted p-value is at most q.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {}

    /** The adjusted p-values, in the order of {@code p}. */
    public static double[] adjust(double[] p) {
        Inputs.requireFinite("p", p, 1);
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0 || p[i] > 1) {
                throw new IllegalArgumentException("p[" + i + "] must be in [0, 1], was " + p[i]);
            }
        }
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, Math.min(1, p[i] * m / rank));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Which hypotheses are discoveries at false discovery rate {@code q}. */
    public static boolean[] discoveries(double[] p, double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("q must be in (0, 1), was " + q);
        }
        double[] adjusted = adjust(p);
        boolean[] found = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            found[i] = adjusted[i] <= q;
        }
        return found;
    }
}
