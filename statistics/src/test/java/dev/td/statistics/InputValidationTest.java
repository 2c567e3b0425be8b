package dev.td.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.statistics.comparison.PairedComparison;
import dev.td.statistics.comparison.TwoGroupComparison;
import dev.td.statistics.comparison.WelchTest;
import dev.td.statistics.correlation.PearsonCorrelation;
import dev.td.statistics.descriptive.Description;
import dev.td.statistics.descriptive.Descriptive;
import dev.td.statistics.load.CogganPower;
import dev.td.statistics.load.LoadModel;
import dev.td.statistics.regression.LinearRegression;
import dev.td.statistics.sport.BestEfforts;
import dev.td.statistics.trend.MannKendallTest;
import org.junit.jupiter.api.Test;

/** Bad input gets an IllegalArgumentException that names the field and the fix, never a misleading number. */
class InputValidationTest {

    @Test
    void aNaNIsRefusedAtItsIndex() {
        assertThatThrownBy(() -> Descriptive.withDefaults().describe(new double[] {1, 2, Double.NaN, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("values[2] is NaN");
        assertThatThrownBy(() -> WelchTest.withDefaults()
                        .test(new double[] {1, 2, 3}, new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("b[1] is Infinity");
    }

    @Test
    void loadPowerAndStreamSamplesAreRefusedAtTheirIndex() {
        assertThatThrownBy(() -> LoadModel.withDefaults().series(new double[] {50, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dailyLoad[1] is NaN");
        assertThatThrownBy(() -> CogganPower.normalizedPower(new double[] {Double.POSITIVE_INFINITY}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("watts[0] is Infinity");
        assertThatThrownBy(() -> BestEfforts.fromStream(new double[] {0, 10}, new double[] {0, Double.NaN}, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("elapsedSeconds[1] is NaN");
    }

    @Test
    void unsortedOrNegativeSamplesAreRefusedNamingTheArgument() {
        assertThatThrownBy(() -> LoadModel.withDefaults().series(new double[] {50, -1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dailyLoad[1] is -1.0: a load cannot be negative");
        assertThatThrownBy(() -> BestEfforts.fromStream(new double[] {0, 10, 5}, new double[] {0, 1, 2}, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("distanceMetres and elapsedSeconds must be non-decreasing; at [2]");
    }

    @Test
    void mismatchedLengthsAreRefusedNamingBothSeries() {
        assertThatThrownBy(
                        () -> PearsonCorrelation.withDefaults().test(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x and y must have the same length, got 4 and 3");
        assertThatThrownBy(() -> PairedComparison.withDefaults().compare(new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a and b must have the same length");
    }

    @Test
    void tooFewPointsSayHowManyAreNeeded() {
        assertThatThrownBy(() -> MannKendallTest.withDefaults().test(new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs at least 4 values, got 3");
        assertThatThrownBy(() -> LinearRegression.withDefaults()
                        .fitPolynomial(new double[] {1, 2, 3}, new double[] {1, 4, 9}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more observations (3) than coefficients (3)");
    }

    @Test
    void aConstantSeriesIsRefusedWhereAVarianceIsNeeded() {
        assertThatThrownBy(() ->
                        PearsonCorrelation.withDefaults().test(new double[] {2, 2, 2, 2}, new double[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x is constant");
        assertThatThrownBy(() -> MannKendallTest.withDefaults().test(new double[] {5, 5, 5, 5, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("series is constant");
        assertThatThrownBy(() -> WelchTest.withDefaults().test(new double[] {1, 1, 1}, new double[] {2, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both constant");
    }

    @Test
    void aConstantSeriesIsDescribedWithTheFailedAssumptionRatherThanRefused() {
        Description d = Descriptive.withDefaults().describe(new double[] {3, 3, 3});
        assertThat(d.standardDeviation()).isZero();
        assertThat(d.lag1Autocorrelation()).isEmpty();
        assertThat(d.quality().assumptions().getFirst().name()).isEqualTo("non-constant");
        assertThat(d.quality().assumptions().getFirst().outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
    }

    @Test
    void aConstantGroupMakesTheComparisonUseMannWhitneyAndSaySo() {
        HypothesisTest test = TwoGroupComparison.withDefaults()
                .compare(new double[] {4, 4, 4, 4, 4}, new double[] {1, 2, 3, 5, 6, 7});
        assertThat(test.method()).startsWith("Mann-Whitney U test");
        assertThat(test.quality().notRunReason())
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("normality of a not checked (a is constant)"));
    }
}
