package dev.td.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The result types: which edge values they accept, which they refuse and with what message, and their helpers. */
class ValueTypesTest {
    private static final Interval CI = new Interval(-1, 1, 0.95);
    private static final Quality QUALITY = Quality.ran(SampleSize.SUFFICIENT, 0.95, List.of());

    @Test
    void anIntervalMayBeAPointButItsLevelMustLieStrictlyBetweenZeroAndOne() {
        assertThat(new Interval(2, 2, 0.5).width()).isZero();
        assertThatThrownBy(() -> new Interval(0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval level must be in (0, 1), was 0.0");
        assertThatThrownBy(() -> new Interval(0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval level must be in (0, 1), was 1.0");
    }

    // [−1.5, 2.5]: closed at both ends, width 4
    @Test
    void anIntervalContainsItsEndpointsAndNothingBeyond() {
        Interval interval = new Interval(-1.5, 2.5, 0.9);
        assertThat(interval.contains(-1.5)).isTrue();
        assertThat(interval.contains(2.5)).isTrue();
        assertThat(interval.contains(0)).isTrue();
        assertThat(interval.contains(Math.nextDown(-1.5))).isFalse();
        assertThat(interval.contains(Math.nextUp(2.5))).isFalse();
        assertThat(interval.width()).isEqualTo(4.0);
        assertThat(new Interval(1, Double.POSITIVE_INFINITY, 0.95).contains(1e300))
                .isTrue();
    }

    @Test
    void anEstimateNeedsAtLeastOneObservation() {
        assertThat(new Estimate(3, CI, 1).n()).isEqualTo(1);
        assertThatThrownBy(() -> new Estimate(3, CI, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estimate n must be at least 1, was 0");
    }

    @Test
    void aTestAcceptsPValuesZeroAndOneButAlphaOnlyStrictlyInside() {
        assertThat(test(0, 0.05).pValue()).isZero();
        assertThat(test(1, 0.05).pValue()).isEqualTo(1.0);
        assertThatThrownBy(() -> test(Math.nextUp(1.0), 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test pValue must be in [0, 1], was 1.0000000000000002");
        assertThatThrownBy(() -> test(0.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in (0, 1), was 0.0");
        assertThatThrownBy(() -> test(0.5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in (0, 1), was 1.0");
    }

    // Rejection is p < alpha: p equal to alpha is not significant
    @Test
    void aTestIsSignificantOnlyWhenPIsBelowAlpha() {
        assertThat(test(0.049, 0.05).significant()).isTrue();
        assertThat(test(0.05, 0.05).significant()).isFalse();
        assertThat(test(0.2, 0.05).significant()).isFalse();
    }

    @Test
    void qualityReportsWhetherAllAssumptionsHeldAndWhichFailedFirst() {
        Assumption held = Assumption.judged("held", true, 0, "");
        Assumption first = Assumption.judged("first failure", false, 1, "");
        Assumption second = Assumption.tested("second failure", false, 2, 0.01, "");
        Assumption skipped = Assumption.notChecked("not checked", "no power");
        Quality mixed = Quality.ran(SampleSize.MINIMAL, 0.9, List.of(held, first, second));
        assertThat(mixed.noneFailed()).isFalse();
        assertThat(mixed.firstFailed()).contains(first);
        Quality fine = Quality.ran(SampleSize.MINIMAL, 0.9, List.of(held));
        assertThat(fine.noneFailed()).isTrue();
        Quality unchecked = Quality.ran(SampleSize.MINIMAL, 0.9, List.of(held, skipped));
        assertThat(unchecked.noneFailed())
                .as("a check not run is not a failure")
                .isTrue();
        assertThat(unchecked.firstFailed()).isEmpty();
        assertThat(skipped.met()).isFalse();
        assertThat(fine.firstFailed()).isEmpty();
        assertThat(fine.notRunReason()).isEmpty();
        assertThat(fine.withNotRunReason("replaced").notRunReason()).contains("replaced");
        assertThat(fine.withNotRunReason("replaced").assumptions()).containsExactly(held);
    }

    @Test
    void qualityNeedsAConfidenceLevelStrictlyBetweenZeroAndOne() {
        assertThatThrownBy(() -> Quality.ran(SampleSize.MINIMAL, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality confidenceLevel must be in (0, 1), was 0.0");
        assertThatThrownBy(() -> Quality.ran(SampleSize.MINIMAL, 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality confidenceLevel must be in (0, 1), was 1.0");
    }

    // minimum 3, comfortable 10: 2 → INSUFFICIENT, 3 and 9 → MINIMAL, 10 → SUFFICIENT
    @Test
    void sampleSizeClassesChangeExactlyAtTheMinimumAndTheComfortableSize() {
        assertThat(SampleSize.classify(2, 3, 10)).isEqualTo(SampleSize.INSUFFICIENT);
        assertThat(SampleSize.classify(3, 3, 10)).isEqualTo(SampleSize.MINIMAL);
        assertThat(SampleSize.classify(9, 3, 10)).isEqualTo(SampleSize.MINIMAL);
        assertThat(SampleSize.classify(10, 3, 10)).isEqualTo(SampleSize.SUFFICIENT);
    }

    private static HypothesisTest test(double p, double alpha) {
        return new HypothesisTest(
                "a test",
                1,
                OptionalDouble.empty(),
                p,
                Alternative.TWO_SIDED,
                alpha,
                Optional.empty(),
                Optional.empty(),
                QUALITY);
    }
}
