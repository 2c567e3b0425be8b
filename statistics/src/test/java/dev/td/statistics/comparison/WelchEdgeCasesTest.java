package dev.td.statistics.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.EffectSize;
import dev.td.statistics.HypothesisTest;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Student's minimum sizes, the method name, and the interval of Hedges' g. */
class WelchEdgeCasesTest {

    // Student needs one value per group and three in total. a = {1, 2, 3, 4}, b = {10}: SciPy 1.17
    // scipy.stats.ttest_ind([1, 2, 3, 4], [10], equal_var=True) → t = −5.196152422706631, p = 0.013846832988859047,
    // df = 3
    @Test
    void studentAcceptsAGroupOfOneAgainstAGroupOfThreeOrMore() {
        HypothesisTest test =
                WelchTest.withDefaults().assumingEqualVariances().test(new double[] {1, 2, 3, 4}, new double[] {10});
        assertThat(test.method()).isEqualTo("Student two-sample t-test (pooled variance)");
        assertThat(test.statistic()).isCloseTo(-5.196152422706631, within(1e-12));
        assertThat(test.pValue()).isCloseTo(0.013846832988859047, within(1e-12));
        assertThat(test.degreesOfFreedom().orElseThrow()).isEqualTo(3.0);
    }

    @Test
    void studentRefusesFewerThanThreeValuesInTotal() {
        assertThatThrownBy(() ->
                        WelchTest.withDefaults().assumingEqualVariances().test(new double[] {1}, new double[] {2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a and b need at least 3 values in total for a pooled t-test");
        assertThat(WelchTest.withDefaults()
                        .assumingEqualVariances()
                        .test(new double[] {1}, new double[] {2, 4})
                        .degreesOfFreedom()
                        .orElseThrow())
                .as("1 + 2 values are enough: df = 1")
                .isEqualTo(1.0);
    }

    @Test
    void welchNeedsTwoValuesPerGroupAndNamesTheGroup() {
        assertThatThrownBy(() -> WelchTest.withDefaults().test(new double[] {1}, new double[] {2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a needs at least 2 values, got 1");
        assertThatThrownBy(() -> WelchTest.withDefaults().test(new double[] {1, 2}, new double[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("b needs at least 2 values, got 1");
        assertThat(WelchTest.withDefaults()
                        .test(new double[] {1, 2}, new double[] {3, 5})
                        .method())
                .isEqualTo("Welch two-sample t-test");
    }

    // a = 1..10, b = 7..20 (R's t.test example). Hedges & Olkin (1985) eq. 5.4.3–5.4.4 evaluated in Python:
    // s_pooled = sqrt((9·var(a) + 13·var(b))/22), d = (5.5 − 13.5)/s_pooled, g = d·(1 − 3/(4·24 − 9)),
    // SE = sqrt(24/140 + g²/48), interval g ± 1.959963984540054·SE → g = −2.0576926861588514,
    // [−3.056388043234112, −1.0589973290835908]
    @Test
    void hedgesGHasTheHedgesOlkinNormalInterval() {
        double[] a = IntStream.rangeClosed(1, 10).mapToDouble(i -> i).toArray();
        double[] b = IntStream.rangeClosed(7, 20).mapToDouble(i -> i).toArray();
        EffectSize g = WelchTest.withDefaults().test(a, b).effectSize().orElseThrow();
        assertThat(g.measure()).isEqualTo("Hedges' g (J = 1 - 3/(4(n1+n2) - 9))");
        assertThat(g.value()).isCloseTo(-2.0576926861588514, within(1e-12));
        assertThat(g.ci().lower()).isCloseTo(-3.056388043234112, within(1e-12));
        assertThat(g.ci().upper()).isCloseTo(-1.0589973290835908, within(1e-12));
    }
}
