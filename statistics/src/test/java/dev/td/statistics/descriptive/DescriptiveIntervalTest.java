package dev.td.statistics.descriptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Assumption;
import dev.td.statistics.SampleSize;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Order statistics, the t interval of the mean and the effective-sample-size adjustment, against NumPy 2.4 and
 * SciPy 1.17: {@code numpy.median}, {@code numpy.percentile(v, [25, 75])} (linear, Hyndman–Fan 7),
 * {@code scipy.stats.t.interval(level, df, loc=mean, scale=sd/sqrt(n))}; the NIST lag-1 autocorrelation
 * Σ(y_i − ȳ)(y_{i−1} − ȳ)/Σ(y_i − ȳ)² with NumPy.
 */
class DescriptiveIntervalTest {
    // Unsorted on purpose. mean 3.36, sd 1.1335293948058378, median 3.45, quartiles 2.575 and 4.125, MAD 0.85;
    // lag-1 r = −0.6206848841231408: strongly negative, which is not the positive dependence the adjustment is for
    private static final double[] UNSORTED = {4.2, 1.7, 3.9, 2.5, 5.1, 3.3, 2.8, 4.6, 1.9, 3.6};

    // r1 = 0.7528019323671499 > 1.959964/sqrt(20) = 0.43826127028829076; bias-corrected φ = r1 + (1 + 4·r1)/20 =
    // 0.9534 → clamped to 0.95; f = 1 + 2·Σ_{k=1..19}(1 − k/20)·0.95^k = 14.6224650515246 (NumPy), n_eff = 20/f =
    // 1.367758440832431; mean 5.925
    private static final double[] SERIES = {
        5.0, 5.6, 6.1, 5.8, 6.6, 7.0, 6.4, 6.9, 7.5, 7.1, 6.5, 6.0, 5.4, 5.9, 5.2, 4.8, 5.1, 4.6, 5.3, 5.7
    };

    @Test
    void orderStatisticsComeFromTheSortedValues() {
        Description d = Descriptive.withDefaults().describe(UNSORTED);
        assertThat(d.min()).isEqualTo(1.7);
        assertThat(d.max()).isEqualTo(5.1);
        assertThat(d.median()).isCloseTo(3.45, within(1e-12));
        assertThat(d.q1()).isCloseTo(2.575, within(1e-12));
        assertThat(d.q3()).isCloseTo(4.125, within(1e-12));
        assertThat(d.mad()).isCloseTo(0.85, within(1e-12));
        assertThat(d.standardDeviation()).isCloseTo(1.1335293948058378, within(1e-12));
    }

    // scipy.stats.t.interval(0.95, 9, loc=3.36, scale=sd/sqrt(10)) → [2.5491219193048953, 4.170878080695104];
    // at 0.90 → [2.7029143116250136, 4.017085688374985] (to 1e-11: SciPy's and commons-math's t quantiles
    // differ in the 12th digit there)
    @Test
    void theMeanIntervalIsTheStudentTIntervalAtTheRequestedLevel() {
        Description d = Descriptive.withDefaults().describe(UNSORTED);
        assertThat(d.meanCi().lower()).isCloseTo(2.5491219193048953, within(1e-12));
        assertThat(d.meanCi().upper()).isCloseTo(4.170878080695104, within(1e-12));
        assertThat(d.effectiveN()).isEqualTo(10.0);
        assertThat(d.quality().sampleSize()).isEqualTo(SampleSize.SUFFICIENT);
        Assumption independence = d.quality().assumptions().get(0);
        assertThat(independence.name()).isEqualTo("independence");
        assertThat(independence.met()).isTrue();
        assertThat(independence.statistic().orElseThrow()).isCloseTo(-0.6206848841231408, within(1e-12));
        assertThat(independence.detail())
                .startsWith("lag-1 autocorrelation -0.62068")
                .contains(" ≤ 0.61979")
                .endsWith("bias-corrected AR(1) φ is 0: the interval of the mean is not widened");
        Description ninety = Descriptive.withDefaults().withConfidenceLevel(0.9).describe(UNSORTED);
        assertThat(ninety.meanCi().lower()).isCloseTo(2.7029143116250136, within(1e-11));
        assertThat(ninety.meanCi().upper()).isCloseTo(4.017085688374985, within(1e-11));
        assertThat(ninety.quality().confidenceLevel()).isEqualTo(0.9);
    }

    // se = sd·sqrt((n − 1)/(n − f)·f/n) = 1.326260572049059 (s² corrected for its bias under persistence);
    // df = n_eff − 1 = 0.37 is floored at 1: scipy.stats.t.interval(0.95, 1, loc=5.925, scale=se) →
    // [-10.926738361971514, 22.77673836197151]. A series this close to a random walk says little about its mean,
    // and td flags the interval approximate (effective n 1.4 < 20)
    @Test
    void aPositivelyAutocorrelatedSeriesWidensTheMeanIntervalToTheEffectiveSampleSize() {
        Description d = Descriptive.withDefaults().describe(SERIES);
        assertThat(d.lag1Autocorrelation().orElseThrow()).isCloseTo(0.7528019323671499, within(1e-12));
        assertThat(d.effectiveN()).isCloseTo(1.367758440832431, within(1e-12));
        assertThat(d.meanCi().lower()).isCloseTo(-10.926738361971514, within(1e-9));
        assertThat(d.meanCi().upper()).isCloseTo(22.77673836197151, within(1e-9));
        assertThat(d.quality().sampleSize()).isEqualTo(SampleSize.INSUFFICIENT);
        Assumption independence = d.quality().assumptions().get(0);
        assertThat(independence.met()).isFalse();
        assertThat(independence.detail())
                .startsWith("lag-1 autocorrelation 0.75280")
                .contains(" > 0.43826")
                .contains("bias-corrected AR(1) φ 0.95: the interval of the mean uses effective n 1.36775")
                .endsWith(" instead of n = 20");
        assertThat(d.quality().approximation()).hasValueSatisfying(a -> {
            assertThat(a.why()).startsWith("the series is strongly persistent (AR(1) φ ≈ 0.95");
            assertThat(a.simulatedCoverage()).hasValue(0.879);
            assertThat(a.simulatedUnder()).contains("φ = 0.9, n = 30");
        });
    }

    // Same series treated as independent: n = 20, df 19 → [5.538804149956396, 6.311195850043602]; the failed
    // independence is still reported
    @Test
    void independentObservationsKeepTheFullSampleSizeButStillReportTheAutocorrelation() {
        Description d = Descriptive.withDefaults().withIndependentObservations().describe(SERIES);
        assertThat(d.effectiveN()).isEqualTo(20.0);
        assertThat(d.meanCi().lower()).isCloseTo(5.538804149956396, within(1e-12));
        assertThat(d.meanCi().upper()).isCloseTo(6.311195850043602, within(1e-12));
        Assumption independence = d.quality().assumptions().get(0);
        assertThat(independence.met()).isFalse();
        assertThat(independence.detail())
                .contains(" > ")
                .endsWith("; interval NOT adjusted (independent observations requested)");
    }

    // 1, 2, …, 12 (mean 6.5): Σ_{i=2..12}(i − 6.5)(i − 7.5) = Σ_{k=−5..5} k² − 11/4 = 107.25 and Σ(i − 6.5)² = 143,
    // so r1 = 0.75 by hand; φ = 0.75 + 4/12 clamps at 0.95, f = 1 + 2·Σ_{k=1..11}(1 − k/12)·0.95^k =
    // 9.889472218633673 (NumPy): a trend read as a mean is worth 12/f = 1.2134115688590223 values, flagged
    @Test
    void aTrendReadAsAMeanIsWorthAboutOneValueAndIsFlaggedApproximate() {
        double[] line = new double[12];
        for (int i = 0; i < 12; i++) {
            line[i] = i + 1;
        }
        Description d = Descriptive.withDefaults().describe(line);
        assertThat(d.lag1Autocorrelation().orElseThrow()).isCloseTo(0.75, within(1e-15));
        assertThat(d.effectiveN()).isCloseTo(1.2134115688590223, within(1e-12));
        assertThat(d.quality().approximation()).isPresent();
    }

    // Decimal input as written: mean (0.1 + 0.2 + 0.4 + 0.3)/4 = 0.25 exactly in decimal; median of the nearest
    // doubles 0.25; the lag-1 r of deviations −0.15, −0.05, 0.15, 0.05: (0.0075 − 0.0075 + 0.0075)/0.05 = 0.15
    @Test
    void decimalInputGivesOrderStatisticsAndAutocorrelationFromTheValuesAsWritten() {
        BigDecimal[] values = {
            new BigDecimal("0.1"), new BigDecimal("0.2"), new BigDecimal("0.4"), new BigDecimal("0.3")
        };
        Description d = Descriptive.withDefaults().describe(values);
        assertThat(d.mean()).isEqualTo(0.25);
        assertThat(d.median()).isCloseTo(0.25, within(1e-15));
        assertThat(d.min()).isEqualTo(0.1);
        assertThat(d.max()).isEqualTo(0.4);
        assertThat(d.lag1Autocorrelation().orElseThrow()).isCloseTo(0.15, within(1e-15));
    }

    @Test
    void constantDecimalInputHasNoAutocorrelationAndOutOfRangeDecimalsAreRefused() {
        Description d = Descriptive.withDefaults()
                .describe(new BigDecimal[] {new BigDecimal("2.5"), new BigDecimal("2.5"), new BigDecimal("2.5")});
        assertThat(d.lag1Autocorrelation()).isEmpty();
        assertThat(d.standardDeviation()).isZero();
        assertThat(d.meanCi().lower()).isEqualTo(2.5);
        assertThat(d.meanCi().upper()).isEqualTo(2.5);
        assertThatThrownBy(() ->
                        Descriptive.withDefaults().describe(new BigDecimal[] {new BigDecimal("1e400"), BigDecimal.ONE}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("values[0] is Infinity");
    }

    // Robust SD = 1.4826 · MAD = 1.4826 · 0.85 = 1.26021; the mean as an Estimate carries its interval and n
    @Test
    void theRobustSdScalesTheMadAndTheMeanEstimateCarriesItsInterval() {
        Description d = Descriptive.withDefaults().describe(UNSORTED);
        assertThat(d.robustStandardDeviation()).isCloseTo(1.26021, within(1e-12));
        assertThat(d.meanEstimate().value()).isCloseTo(3.36, within(1e-12));
        assertThat(d.meanEstimate().ci()).isEqualTo(d.meanCi());
        assertThat(d.meanEstimate().n()).isEqualTo(10);
    }

    @Test
    void aDescriptionNeedsTwoValuesAndAnEffectiveNWithinZeroToN() {
        dev.td.statistics.Interval ci = new dev.td.statistics.Interval(0, 1, 0.95);
        dev.td.statistics.Quality quality =
                dev.td.statistics.Quality.ran(SampleSize.MINIMAL, 0.95, java.util.List.of());
        java.util.OptionalDouble r1 = java.util.OptionalDouble.of(0);
        assertThat(new Description(2, 0, 1, 0, 0, 0, 0, 0, 0, r1, ci, 2, quality).effectiveN())
                .isEqualTo(2.0);
        assertThatThrownBy(() -> new Description(1, 0, 1, 0, 0, 0, 0, 0, 0, r1, ci, 1, quality))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("description n must be at least 2, was 1");
        assertThatThrownBy(() -> new Description(2, 0, 1, 0, 0, 0, 0, 0, 0, r1, ci, 0, quality))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("description effectiveN must be in (0, n], was 0.0");
        assertThatThrownBy(() -> new Description(2, 0, 1, 0, 0, 0, 0, 0, 0, r1, ci, 2.5, quality))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("description effectiveN must be in (0, n], was 2.5");
    }
}
