package dev.td.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When td flags a series result approximate, and what it quotes. */
class SimulatedCoverageTest {

    @Test
    void fewerThanTwentyValuesAreAlwaysApproximateQuotingTheCoverageAtModeratePersistence() {
        Approximation a = SimulatedCoverage.forSeries(SimulatedCoverage.Kind.MEAN, 12, 0, 12)
                .orElseThrow();
        assertThat(a.why()).startsWith("with 12 values (fewer than 20)");
        assertThat(a.simulatedCoverage()).hasValue(SimulatedCoverage.measured(SimulatedCoverage.Kind.MEAN, 0, 2));
        assertThat(a.simulatedUnder()).contains("φ = 0.6, n = 10");
    }

    @Test
    void aStronglyPersistentSeriesIsApproximateAndALongMildOneIsNot() {
        Approximation a = SimulatedCoverage.forSeries(SimulatedCoverage.Kind.THEIL_SEN_SLOPE, 100, 0.88, 6.5)
                .orElseThrow();
        assertThat(a.why()).startsWith("the series is strongly persistent (AR(1) φ ≈ 0.88");
        assertThat(a.simulatedCoverage())
                .hasValue(SimulatedCoverage.measured(SimulatedCoverage.Kind.THEIL_SEN_SLOPE, 2, 3));
        assertThat(SimulatedCoverage.forSeries(SimulatedCoverage.Kind.THEIL_SEN_SLOPE, 100, 0.3, 54))
                .isEmpty();
        assertThat(SimulatedCoverage.forSeries(SimulatedCoverage.Kind.MEAN, 20, 0, 20))
                .isEmpty();
        assertThat(SimulatedCoverage.forSeries(SimulatedCoverage.Kind.MEAN, 40, 0.5, 19.9))
                .isPresent();
    }

    @Test
    void aRankTestOnASeriesIsApproximateWheneverPersistenceIsSeen() {
        assertThat(SimulatedCoverage.forRankTestOnSeries(SimulatedCoverage.Kind.TWO_GROUPS, 200, 0.1))
                .isPresent();
        assertThat(SimulatedCoverage.forRankTestOnSeries(SimulatedCoverage.Kind.TWO_GROUPS, 200, 0))
                .isEmpty();
        assertThat(SimulatedCoverage.forRankTestOnSeries(SimulatedCoverage.Kind.PAIRED, 15, 0))
                .isPresent();
    }

    @Test
    void aSkewedMeanQuotesTheLognormalCoverageAtTheNearestSize() {
        Approximation a = SimulatedCoverage.forSkewedMean(90, 2.4, 0.25);
        assertThat(a.why()).startsWith("the values are skewed (G1 = 2.40, SE 0.25)");
        assertThat(a.simulatedUnder()).contains("lognormal(0, 1) values, n = 100");
    }
}
