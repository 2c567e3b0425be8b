package dev.td.statistics.descriptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Assumption;
import dev.td.statistics.HypothesisTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Skewness G1, excess kurtosis G2, their standard errors and the Shapiro–Wilk check, against hand-worked values and
 * SciPy 1.17.1 / NumPy 2.4.6: {@code scipy.stats.skew(x, bias=False)}, {@code scipy.stats.kurtosis(x, bias=False)},
 * {@code scipy.stats.shapiro(x)}, and SES = sqrt(6n(n−1)/((n−2)(n+1)(n+3))), SEK = 2·SES·sqrt((n²−1)/((n−3)(n+5)))
 * evaluated in NumPy (Joanes &amp; Gill 1998). Tolerance 1e-12 for the moments, 1e-9 for W and 1e-8 for p (as in
 * {@link ShapiroWilkScipyTest}).
 */
class ShapeTest {
    // Ten mornings of resting heart rate (the stats_describe manifest example)
    private static final double[] HEART_RATE = {52, 54, 51, 53, 55, 52, 50, 53, 54, 56};
    // Right-skewed, n = 11 (ShapiroWilkScipyTest's SKEWED)
    private static final double[] SKEWED = {148, 154, 158, 160, 161, 162, 166, 170, 182, 195, 236};

    // By hand: mean 53, deviations −1 1 −2 0 2 −1 −3 0 1 3; Σd³ = 0 so G1 = 0; m2 = 30/10 = 3, m4 = 198/10 = 19.8,
    // g2 = 19.8/9 − 3 = −0.8, G2 = (11·(−0.8) + 6)·9/(8·7) = −0.45; SES = sqrt(540/1144) = 0.6870429186215167,
    // SEK = 2·SES·sqrt(99/105) = 1.334248769989982. SciPy shapiro: W = 0.9837162715136386, p = 0.9819299383121692.
    @Test
    void aSymmetricSampleHasZeroSkewnessAndTheHandWorkedKurtosis() {
        Shape shape = Shape.of(HEART_RATE, 0.05);
        assertThat(shape.n()).isEqualTo(10);
        assertThat(shape.skewness().orElseThrow()).isCloseTo(0, within(1e-12));
        assertThat(shape.excessKurtosis().orElseThrow()).isCloseTo(-0.45, within(1e-12));
        assertThat(shape.skewnessStandardError().orElseThrow()).isCloseTo(0.6870429186215167, within(1e-12));
        assertThat(shape.kurtosisStandardError().orElseThrow()).isCloseTo(1.334248769989982, within(1e-12));
        assertThat(shape.normality().name()).isEqualTo("normality of values");
        assertThat(shape.normality().met()).isTrue();
        assertThat(shape.normality().statistic().orElseThrow()).isCloseTo(0.9837162715136386, within(1e-9));
        assertThat(shape.normality().pValue().orElseThrow()).isCloseTo(0.9819299383121692, within(1e-8));
    }

    // SciPy: skew 1.9560796622506866, kurtosis 4.152162915725951, SES 0.6606874726434099 (= sqrt(660/1512)),
    // SEK 1.2794157892978975; shapiro W = 0.7888146948631716, p = 0.006703814061898823 (< 0.05 and < 0.01)
    @Test
    void aRightSkewedSampleMatchesScipyAndFailsNormality() {
        Shape shape = Shape.of(SKEWED, 0.05);
        assertThat(shape.skewness().orElseThrow()).isCloseTo(1.9560796622506866, within(1e-12));
        assertThat(shape.excessKurtosis().orElseThrow()).isCloseTo(4.152162915725951, within(1e-12));
        assertThat(shape.skewnessStandardError().orElseThrow()).isCloseTo(0.6606874726434099, within(1e-12));
        assertThat(shape.kurtosisStandardError().orElseThrow()).isCloseTo(1.2794157892978975, within(1e-12));
        Assumption normality = shape.normality();
        assertThat(normality.failed()).isTrue();
        assertThat(normality.statistic().orElseThrow()).isCloseTo(0.7888146948631716, within(1e-9));
        assertThat(normality.pValue().orElseThrow()).isCloseTo(0.006703814061898823, within(1e-8));
        assertThat(normality.detail()).endsWith(" < 0.05");
    }

    // p = 0.0067 (above): the check is made at the alpha asked for
    @Test
    void normalityIsJudgedAtTheAlphaGiven() {
        assertThat(Shape.of(SKEWED, 0.005).normality().met()).isTrue();
        assertThat(Shape.of(SKEWED, 0.005).normality().detail()).endsWith(" ≥ 0.005");
        assertThatThrownBy(() -> Shape.of(SKEWED, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in (0, 1), was 1.5");
    }

    // By hand, {1, 2, 3, 10}: mean 4, d = −3 −2 −1 6; m2 = 12.5, m3 = 45, m4 = 348.5; g2 = 348.5/156.25 − 3 = −0.7696,
    // G2 = (5·(−0.7696) + 6)·3/(2·1) = 3.228; G1 = sqrt(12)/2 · 45/12.5^1.5 = 1.763632614803888 (SciPy).
    // {1, 2, 4}: G1 = 0.9352195295828235 (SciPy), SES(3) = sqrt(36/24) = sqrt(1.5); no kurtosis below 4 values.
    @Test
    void skewnessNeedsThreeValuesAndKurtosisFour() {
        Shape four = Shape.of(new double[] {1, 2, 3, 10}, 0.05);
        assertThat(four.skewness().orElseThrow()).isCloseTo(1.763632614803888, within(1e-12));
        assertThat(four.excessKurtosis().orElseThrow()).isCloseTo(3.228, within(1e-12));
        Shape three = Shape.of(new double[] {1, 2, 4}, 0.05);
        assertThat(three.skewness().orElseThrow()).isCloseTo(0.9352195295828235, within(1e-12));
        assertThat(three.skewnessStandardError().orElseThrow()).isCloseTo(Math.sqrt(1.5), within(1e-15));
        assertThat(three.excessKurtosis()).isEmpty();
        assertThat(three.kurtosisStandardError()).isEmpty();
        Shape two = Shape.of(new double[] {1, 2}, 0.05);
        assertThat(two.skewness()).isEmpty();
        assertThat(two.normality().outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
    }

    @Test
    void aConstantSampleHasNoShapeAndNormalityIsNotChecked() {
        Shape shape = Shape.of(new double[] {7, 7, 7, 7, 7}, 0.05);
        assertThat(shape.skewness()).isEmpty();
        assertThat(shape.skewnessStandardError()).isEmpty();
        assertThat(shape.excessKurtosis()).isEmpty();
        assertThat(shape.kurtosisStandardError()).isEmpty();
        assertThat(shape.normality().outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
        assertThat(shape.normality().detail()).isEqualTo("values is constant");
    }

    @Test
    void nonFiniteValuesAreRefusedNamingTheIndex() {
        assertThatThrownBy(() -> Shape.of(new double[] {1, Double.POSITIVE_INFINITY, 2}, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("values[1] is Infinity");
    }

    // G1, G2 and W are invariant under x → c·x (c > 0), so the SciPy values at scale 1 (above) hold at every scale.
    // Near 1e300 the squares overflow, near 1e-300 they underflow: before the values were rescaled internally, W came
    // out NaN (∞/∞) or 0/0 there.
    @ParameterizedTest(name = "scale {0}")
    @ValueSource(doubles = {1e300, 1e-300, 0x1p1000, 0x1p-1000, 1e-310})
    void theShapeOfASampleDoesNotDependOnItsScale(double scale) {
        double[] scaled = Arrays.stream(SKEWED).map(v -> v * scale).toArray();
        Shape shape = Shape.of(scaled, 0.05);
        // at 1e-310 the values are subnormal, but at about 1.5e-308 the spacing 4.9e-324 still leaves 15 digits
        assertThat(shape.skewness().orElseThrow()).isCloseTo(1.9560796622506866, within(1e-12));
        assertThat(shape.excessKurtosis().orElseThrow()).isCloseTo(4.152162915725951, within(1e-12));
        assertThat(shape.normality().statistic().orElseThrow()).isCloseTo(0.7888146948631716, within(1e-9));
        assertThat(shape.normality().pValue().orElseThrow()).isCloseTo(0.006703814061898823, within(1e-8));
        HypothesisTest sw = ShapiroWilkTest.withDefaults().test(scaled);
        assertThat(sw.statistic()).isCloseTo(0.7888146948631716, within(1e-9));
        assertThat(sw.pValue()).isCloseTo(0.006703814061898823, within(1e-8));
    }

    // {1e300, −1e300, 1, 2, 3}: relative to 1e300 the small values are 0, so the shape is that of {1, −1, 0, 0, 0}:
    // by hand mean 0, m2 = 2/5, m3 = 0, m4 = 2/5, g2 = (2/5)/(4/25) − 3 = −0.5, G1 = 0, G2 = (6·(−0.5) + 6)·4/(3·2) =
    // 2.
    // SciPy shapiro([1e300, -1e300, 1, 2, 3]) and shapiro([1, -1, 0, 0, 0]) both: W = 0.8834906936019853,
    // p = 0.32542950716414576.
    @Test
    void twoHugeValuesOfOppositeSignDominateTheShapeWithoutOverflow() {
        Shape shape = Shape.of(new double[] {1e300, -1e300, 1, 2, 3}, 0.05);
        assertThat(shape.skewness().orElseThrow()).isCloseTo(0, within(1e-12));
        assertThat(shape.excessKurtosis().orElseThrow()).isCloseTo(2, within(1e-12));
        assertThat(shape.normality().statistic().orElseThrow()).isCloseTo(0.8834906936019853, within(1e-9));
        assertThat(shape.normality().pValue().orElseThrow()).isCloseTo(0.32542950716414576, within(1e-8));
        assertThat(shape.normality().met()).isTrue();
    }

    @Test
    void aShapeWithAStandardErrorButNoStatisticIsRefused() {
        java.util.OptionalDouble none = java.util.OptionalDouble.empty();
        Assumption normality = Assumption.notChecked("normality of values", "too few values (2) to check normality");
        assertThatThrownBy(() -> new Shape(2, none, java.util.OptionalDouble.of(1), none, none, normality))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("present exactly when");
    }
}
