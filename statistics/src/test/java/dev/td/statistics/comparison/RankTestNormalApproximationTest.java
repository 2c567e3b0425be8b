package dev.td.statistics.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Alternative;
import dev.td.statistics.EffectSize;
import dev.td.statistics.HypothesisTest;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mann–Whitney and Wilcoxon with ties (and zero differences): the normal approximation with tie-corrected variance
 * and continuity correction, against SciPy 1.17 ({@code scipy.stats.mannwhitneyu(a, b, alternative=…,
 * method='asymptotic', use_continuity=True)} and {@code scipy.stats.wilcoxon(x, y, zero_method='wilcox',
 * correction=True, method='approx', alternative=…)}); p compared at 1e-12.
 */
class RankTestNormalApproximationTest {
    private static final double[] A = {3, 5, 5, 7, 8, 8, 10, 12};
    private static final double[] B = {1, 2, 5, 6, 6, 7, 9};

    // differences x − y: 0, 1.5, −1.5, 2, 0, 3, −1, 3, 3, 4, −2, 0 (three zeros, ties at |1.5|, |2|, 3)
    private static final double[] X = {10, 12, 9, 14, 11, 15, 8, 13, 12, 16, 10, 11};
    private static final double[] Y = {10, 10.5, 10.5, 12, 11, 12, 9, 10, 9, 12, 12, 11};

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TWO_SIDED, 0.24419041319919899", "GREATER, 0.12209520659959949", "LESS, 0.8999091870228599"})
    void mannWhitneyWithTiesMatchesScipyAsymptotic(Alternative alternative, double p) {
        HypothesisTest test =
                MannWhitneyTest.withDefaults().withAlternative(alternative).test(A, B);
        assertThat(test.method())
                .isEqualTo("Mann-Whitney U test (normal approximation, continuity corrected, tie-corrected)");
        // SciPy's U of the first sample: 38.5
        assertThat(test.statistic()).isEqualTo(38.5);
        assertThat(test.pValue()).isCloseTo(p, within(1e-12));
    }

    // Rank-biserial r = 2·38.5/(8·7) − 1 = 0.375 (Kerby 2014); Fisher-z interval with SE sqrt((8+7+1)/(3·8·7)),
    // tanh(atanh(0.375) ± 1.959963984540054·SE) evaluated with Python's math module: [−0.20756880052034962,
    // 0.7612103254338745]
    @Test
    void mannWhitneyRankBiserialIntervalUsesTheFisherZStandardError() {
        EffectSize r = MannWhitneyTest.withDefaults().test(A, B).effectSize().orElseThrow();
        assertThat(r.value()).isEqualTo(0.375);
        assertThat(r.ci().lower()).isCloseTo(-0.20756880052034962, within(1e-12));
        assertThat(r.ci().upper()).isCloseTo(0.7612103254338745, within(1e-12));
    }

    // The exact distribution is used while both samples have fewer than 50 values (R's rule)
    @Test
    void mannWhitneyIsExactBelowFiftyPerSampleAndNormalFromFifty() {
        double[] fortyNine = IntStream.range(0, 49).mapToDouble(i -> 2 * i).toArray();
        double[] fifty = IntStream.range(0, 50).mapToDouble(i -> 2 * i).toArray();
        double[] two = {1, 3};
        assertThat(MannWhitneyTest.withDefaults().test(fortyNine, two).method())
                .isEqualTo("Mann-Whitney U test (exact)");
        assertThat(MannWhitneyTest.withDefaults().test(fifty, two).method())
                .isEqualTo("Mann-Whitney U test (normal approximation, continuity corrected)");
        assertThat(MannWhitneyTest.withDefaults().test(two, fifty).method())
                .isEqualTo("Mann-Whitney U test (normal approximation, continuity corrected)");
    }

    @Test
    void mannWhitneyRefusesAnEmptyNonFiniteOrConstantInput() {
        assertThatThrownBy(() -> MannWhitneyTest.withDefaults().test(new double[0], B))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a needs at least 1 values, got 0");
        assertThatThrownBy(() -> MannWhitneyTest.withDefaults().test(A, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("b[1] is NaN");
        assertThatThrownBy(() -> MannWhitneyTest.withDefaults().test(new double[] {4, 4}, new double[] {4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a and b combined is constant");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TWO_SIDED, 0.09543971556742781", "GREATER, 0.047719857783713904", "LESS, 0.9629887285373094"})
    void wilcoxonWithZerosAndTiesMatchesScipyApprox(Alternative alternative, double p) {
        HypothesisTest test = WilcoxonSignedRankTest.withDefaults()
                .withAlternative(alternative)
                .test(X, Y);
        assertThat(test.method())
                .isEqualTo("Wilcoxon signed-rank test (normal approximation, continuity corrected, 3 zero differences"
                        + " dropped)");
        // SciPy's one-sided statistic r+ = 37 (ranks of the positive differences among the 9 non-zero ones)
        assertThat(test.statistic()).isEqualTo(37);
        assertThat(test.pValue()).isCloseTo(p, within(1e-12));
    }

    // Matched-pairs rank-biserial r = 2·37/45 − 1 = 0.6444… (n = 9 non-zero differences, 45 = 9·10/2);
    // SE = sqrt((2·9³ + 3·9² + 9)/6)/45, interval tanh(atanh(r) ± 1.959963984540054·SE) in Python's math module:
    // [0.030439882953208187, 0.9053336815595999]
    @Test
    void wilcoxonRankBiserialCountsOnlyTheNonZeroDifferences() {
        EffectSize r =
                WilcoxonSignedRankTest.withDefaults().test(X, Y).effectSize().orElseThrow();
        assertThat(r.value()).isCloseTo(29.0 / 45, within(1e-15));
        assertThat(r.ci().lower()).isCloseTo(0.030439882953208187, within(1e-12));
        assertThat(r.ci().upper()).isCloseTo(0.9053336815595999, within(1e-12));
    }

    // 50 distinct non-zero differences: from 50 on R uses the normal approximation; 49 is still exact.
    // No zero was dropped, so the method does not mention zeros.
    @Test
    void wilcoxonIsExactBelowFiftyDifferences() {
        double[] fifty = IntStream.rangeClosed(1, 50).mapToDouble(i -> i).toArray();
        double[] zeros = new double[50];
        assertThat(WilcoxonSignedRankTest.withDefaults().test(fifty, zeros).method())
                .isEqualTo("Wilcoxon signed-rank test (normal approximation, continuity corrected)");
        double[] fortyNine = IntStream.rangeClosed(1, 49).mapToDouble(i -> i).toArray();
        assertThat(WilcoxonSignedRankTest.withDefaults()
                        .test(fortyNine, new double[49])
                        .method())
                .isEqualTo("Wilcoxon signed-rank test (exact)");
    }

    @Test
    void wilcoxonRefusesEmptyNonFiniteOrUnpairedInput() {
        assertThatThrownBy(() -> WilcoxonSignedRankTest.withDefaults().test(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a needs at least 1 values, got 0");
        assertThatThrownBy(() -> WilcoxonSignedRankTest.withDefaults()
                        .test(new double[] {1, 2}, new double[] {1, Double.NEGATIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("b[1] is -Infinity");
        assertThatThrownBy(() -> WilcoxonSignedRankTest.withDefaults().test(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a and b must have the same length, got 2 and 1");
        assertThatThrownBy(() -> WilcoxonSignedRankTest.withDefaults().test(new double[] {1, 2}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every difference a - b is zero: there is nothing to test");
    }
}
