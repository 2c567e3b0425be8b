package dev.td.statistics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.statistics.SampleSize;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rolling robust z and sustained decline on series small enough to work by hand. Robust z = (x − median)/(1.4826·MAD)
 * of the window points before x (Iglewicz &amp; Hoaglin 1993); the divisions are written out in each comment.
 */
class AnomalyDetectorTest {
    private static final AnomalyDetector FIVE = AnomalyDetector.withDefaults().withWindow(5);

    // Index 5: window {1,2,3,4,5}, median 3, |deviations| {2,1,0,1,2} → MAD 1; z = 97/1.4826 = 65.42560366922973.
    // Index 6: window {2,3,4,5,100}, median 4, MAD 1; z = (3 − 4)/1.4826 = −0.67, not flagged.
    // Index 7: window {3,4,5,100,3}, median 4, |deviations| {1,0,1,96,1} → MAD 1; z = −54/1.4826 = −36.42250101173614.
    @Test
    void aPointFarFromThePrecedingWindowIsFlaggedWithItsSignedRobustZ() {
        List<Anomaly> anomalies = FIVE.rollingRobustZ(new double[] {1, 2, 3, 4, 5, 100, 3, -50});
        assertThat(anomalies)
                .containsExactly(new Anomaly(5, 100, 65.42560366922973), new Anomaly(7, -50, -36.42250101173614));
    }

    // Window {0, 5000, 10000, 15000, 20000}: median 10000, MAD 5000, 1.4826·5000 = 7413 exactly in binary64, so
    // x = 24826 gives z = 14826/7413 = 2 exactly: not above a threshold of 2. One more unit is.
    @Test
    void aPointExactlyAtTheThresholdIsNotFlagged() {
        AnomalyDetector detector = FIVE.withThreshold(2);
        assertThat(detector.rollingRobustZ(new double[] {0, 5000, 10000, 15000, 20000, 24826}))
                .isEmpty();
        assertThat(detector.rollingRobustZ(new double[] {0, 5000, 10000, 15000, 20000, 24827}))
                .extracting(Anomaly::index)
                .containsExactly(5);
    }

    // A window without spread (MAD 0) would give an infinite z: the point is skipped, not flagged
    @Test
    void aPointAfterAConstantWindowIsSkipped() {
        assertThat(FIVE.rollingRobustZ(new double[] {5, 5, 5, 5, 5, 100})).isEmpty();
    }

    @Test
    void theWindowAndThresholdAreValidatedNamingThem() {
        assertThatThrownBy(() -> AnomalyDetector.withDefaults().withWindow(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window must be at least 5 points, was 4");
        assertThatThrownBy(() -> FIVE.withThreshold(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must be positive, was 0.0");
        assertThatThrownBy(() -> FIVE.withThreshold(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must be positive, was Infinity");
        assertThatThrownBy(() -> FIVE.withThreshold(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must be positive, was NaN");
        assertThatThrownBy(() -> FIVE.rollingRobustZ(new double[] {1, 2, 3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("series needs at least 6 values, got 5");
        assertThatThrownBy(() -> FIVE.sustainedDecline(new double[9]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("series needs at least 10 values, got 9");
    }

    // Baseline {9, 11, 9, 11, 10}: median 10, |deviations| {1,1,1,1,0} → MAD 1, robust SD 1.4826. Recent window
    // {10, 9, 8, 7, 6}: every pairwise slope is −1, so the Theil–Sen slope and its interval are −1 and the fitted
    // change over 5 points is −1·4 = −4. A drop of 4 exceeds 2 × 1.4826 = 2.9652 but not 3.5 × 1.4826 = 5.1891.
    @Test
    void aSteadyDropIsADeclineOnlyWhenItExceedsThresholdTimesTheBaselineSpread() {
        double[] series = {9, 11, 9, 11, 10, 10, 9, 8, 7, 6};
        DeclineAssessment strict = FIVE.sustainedDecline(series);
        assertThat(strict.declining()).isFalse();
        assertThat(strict.changeOverWindow()).isEqualTo(-4.0);
        assertThat(strict.baselineRobustSd()).isEqualTo(1.4826);
        assertThat(strict.trend().slope()).isEqualTo(-1.0);
        assertThat(strict.trend().slopeCi().upper()).isEqualTo(-1.0);
        assertThat(strict.quality().assumptions()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("baseline variability");
            assertThat(a.met()).isTrue();
            assertThat(a.statistic().orElseThrow()).isEqualTo(1.4826);
            assertThat(a.detail()).isEqualTo("baseline robust SD 1.4826; decline of 4.0 compared with 3.5 × it");
        });
        assertThat(FIVE.withThreshold(2).sustainedDecline(series).declining()).isTrue();
    }

    // Window 5 is the minimum (MINIMAL, fewer than 14); 14 is SUFFICIENT; the interval level is Theil–Sen's 95 %
    @Test
    void theWindowLengthSetsTheSampleSizeClass() {
        double[] series = {9, 11, 9, 11, 10, 10, 9, 8, 7, 6};
        assertThat(FIVE.sustainedDecline(series).quality().sampleSize()).isEqualTo(SampleSize.MINIMAL);
        assertThat(FIVE.sustainedDecline(series).quality().confidenceLevel()).isEqualTo(0.95);
        double[] longer = new double[28];
        for (int i = 0; i < 28; i++) {
            longer[i] = i % 2 == 0 ? 9 : 11;
        }
        assertThat(AnomalyDetector.withDefaults()
                        .withWindow(14)
                        .sustainedDecline(longer)
                        .quality()
                        .sampleSize())
                .isEqualTo(SampleSize.SUFFICIENT);
    }

    // Only the three windows before the recent one are baseline. Series of 30, window 5: baseline = points 10..24,
    // three copies of {9, 11, 9, 11, 10} → MAD 1. Had the ten leading 1000s been included, the 25 points' median
    // would be 11 and the MAD 2 (robust SD 2.9652).
    @Test
    void theBaselineIsTheThreeWindowsBeforeTheRecentOne() {
        double[] series = new double[30];
        Arrays.fill(series, 0, 10, 1000);
        double[] block = {9, 11, 9, 11, 10};
        for (int i = 10; i < 25; i++) {
            series[i] = block[(i - 10) % 5];
        }
        System.arraycopy(new double[] {10, 9, 8, 7, 6}, 0, series, 25, 5);
        assertThat(FIVE.sustainedDecline(series).baselineRobustSd()).isEqualTo(1.4826);
    }

    // Constant baseline (MAD 0): any significant downward slope is a decline, and the assumption says the baseline
    // has no spread
    @Test
    void withAConstantBaselineASignificantDownwardSlopeIsADecline() {
        DeclineAssessment d = FIVE.sustainedDecline(new double[] {10, 10, 10, 10, 10, 10, 9, 8, 7, 6});
        assertThat(d.declining()).isTrue();
        assertThat(d.baselineRobustSd()).isZero();
        assertThat(d.quality().assumptions()).singleElement().satisfies(a -> {
            assertThat(a.met()).isFalse();
            assertThat(a.detail())
                    .isEqualTo("baseline is constant (MAD 0): any significant downward slope counts as a decline");
        });
        assertThat(FIVE.sustainedDecline(new double[] {10, 10, 10, 10, 10, 6, 7, 8, 9, 10})
                        .declining())
                .as("a rise is no decline")
                .isFalse();
    }

    // Recent {10, 6, 9, 5, 8}: the ten pairwise slopes sorted are −4, −4, −5/3, −0.5 ×4, 2/3, 3, 3, median −0.5
    // (a fitted drop of 2). Sen interval, N = 10, Var S = 5·4·15/18 = 50/3, C = 1.959964·4.0825 = 8.0015:
    // ranks round(0.9992) = 1 and round(9.0008) + 1 = 10 → [−4, 3], which holds 0: no significant decline.
    @Test
    void aDownwardSlopeWhoseIntervalHoldsZeroIsNoDecline() {
        DeclineAssessment d = FIVE.sustainedDecline(new double[] {10, 10, 10, 10, 10, 10, 6, 9, 5, 8});
        assertThat(d.trend().slope()).isEqualTo(-0.5);
        assertThat(d.trend().slopeCi().upper()).isEqualTo(3.0);
        assertThat(d.declining()).isFalse();
    }

    // Recent {10, 10, 9, 8, 7}: slopes 0, −1/2, −2/3, −3/4 and six of −1; median −1, but with 5 points the Sen interval
    // spans the smallest to the largest slope, [−1, 0], which reaches 0: not significant, so no decline even against
    // a constant baseline
    @Test
    void aSlopeIntervalReachingZeroIsNoDecline() {
        DeclineAssessment d = FIVE.sustainedDecline(new double[] {10, 10, 10, 10, 10, 10, 10, 9, 8, 7});
        assertThat(d.trend().slope()).isEqualTo(-1.0);
        assertThat(d.trend().slopeCi().upper()).isEqualTo(0.0);
        assertThat(d.declining()).isFalse();
    }

    // Baseline {0, 5000, 10000, 15000, 20000}: MAD 5000, robust SD 1.4826·5000 = 7413 exactly. Recent drop of 3706.5
    // per point (every pairwise slope −3706.5): change −14826 = exactly 2 × 7413, which does not exceed it
    @Test
    void aDropExactlyAtThresholdTimesTheBaselineSpreadIsNoDecline() {
        double[] series = {0, 5000, 10000, 15000, 20000, 0, -3706.5, -7413, -11119.5, -14826};
        DeclineAssessment d = FIVE.withThreshold(2).sustainedDecline(series);
        assertThat(d.baselineRobustSd()).isEqualTo(7413.0);
        assertThat(d.changeOverWindow()).isEqualTo(-14826.0);
        assertThat(d.declining()).isFalse();
        assertThat(FIVE.withThreshold(1.999).sustainedDecline(series).declining())
                .isTrue();
    }
}
