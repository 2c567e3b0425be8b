package dev.td.statistics.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The faster ways of the numerics give what their definitions give, on random data with ties, signed zeros and
 * infinities: the MAD by selection equals the MAD by sorting, {@link Ranks#of} equals mid-ranks from sorting
 * indices, and {@link Sums#laggedProducts} equals {@link Sums#autocorrelation}'s numerators to 1e-13 of Σc² (its
 * stated error bound is about 10·ε·Σc²).
 */
class FasterPathsTest {

    @Test
    void theMadBySelectionEqualsTheMadBySorting() {
        Random random = new Random(5);
        for (int round = 0; round < 500; round++) {
            double[] values = sample(random, 1 + random.nextInt(round < 400 ? 40 : 5000));
            double center = values[random.nextInt(values.length)];
            double[] deviations = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                deviations[i] = Math.abs(values[i] - center);
            }
            Arrays.sort(deviations);
            // as Double objects, so a NaN median (a NaN centre or ∞ − ∞) equals NaN
            assertThat(Double.valueOf(Quantiles.medianAbsoluteDeviation(values, center)))
                    .as("round %d", round)
                    .isEqualTo(Double.valueOf(Quantiles.medianOfSorted(deviations)));
        }
    }

    @Test
    void midRanksEqualThoseFromSortingIndices() {
        Random random = new Random(9);
        for (int round = 0; round < 300; round++) {
            double[] values = sample(random, random.nextInt(round < 250 ? 30 : 3000));
            if (round % 50 == 0 && values.length > 2) {
                values[1] = Double.NaN;
                values[values.length - 1] = Double.NaN;
            }
            Ranks fast = Ranks.of(values);
            double[] expected = midRanksBySortingIndices(values);
            assertThat(fast.ranks).as("round %d", round).containsExactly(expected);
            assertThat(fast.tieTerm).isEqualTo(tieTerm(values));
        }
    }

    @Test
    void laggedProductsEqualTheAutocorrelationNumerators() {
        Random random = new Random(13);
        for (int round = 0; round < 50; round++) {
            int n = 2 + random.nextInt(round < 40 ? 200 : 20_000);
            double[] values = new double[n];
            double ar = 0;
            for (int i = 0; i < n; i++) {
                ar = 0.6 * ar + random.nextGaussian();
                values[i] = 1e6 + ar;
            }
            double mean = Sums.mean(values);
            double ss = Sums.sumOfSquaredDeviations(values, mean);
            double[] centred = new double[n];
            for (int i = 0; i < n; i++) {
                centred[i] = values[i] - mean;
            }
            double[] products = Sums.laggedProducts(centred, 50);
            assertThat(products).hasSize(Math.min(50, n - 1));
            for (int k = 1; k <= products.length; k++) {
                assertThat(products[k - 1] / ss)
                        .as("n %d lag %d", n, k)
                        .isCloseTo(
                                Sums.autocorrelation(values, mean, ss, k),
                                org.assertj.core.api.Assertions.within(1e-13));
            }
        }
    }

    /** Values with ties, both zeros and both infinities among them. */
    private static double[] sample(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = switch (random.nextInt(12)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> random.nextInt(5);
                case 3 -> Double.POSITIVE_INFINITY;
                case 4 -> Double.NEGATIVE_INFINITY;
                default -> Math.round(random.nextGaussian() * 1000) / 10.0;
            };
        }
        return values;
    }

    /** Mid-ranks the way they were computed before: indices sorted by Double.compare, ties by ==. */
    private static double[] midRanksBySortingIndices(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double tieTerm(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double term = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            term += t * t * t - t;
            i = j + 1;
        }
        return term;
    }
}
