package dev.td.statistics.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The screen's rules one at a time, on cases small enough to work out by hand. */
class ScreeningRulesTest {

    @Test
    void residualsAboutTheLeastSquaresLineAreWhatTheHandCalculationGives() {
        // t 0..3, v 1 3 2 5: means 1.5 and 2.75, Stt 5, Stv 5.5, slope 1.1;
        // residuals 1 − 2.75 + 1.65 = −0.1, 3 − 2.75 + 0.55 = 0.8, 2 − 2.75 − 0.55 = −1.3, 5 − 2.75 − 1.65 = 0.6
        double[] r = CorrelationScreen.residuals(new double[] {0, 1, 2, 3}, new double[] {1, 3, 2, 5});
        assertThat(r).containsExactly(new double[] {-0.1, 0.8, -1.3, 0.6}, within(1e-12));
        // one day only: no slope, the values about their mean
        assertThat(CorrelationScreen.residuals(new double[] {4, 4}, new double[] {1, 3}))
                .containsExactly(new double[] {-1, 1}, within(1e-12));
    }

    @Test
    void aPairIsTestedFromMinPairsDaysOnAndNotWithOneFewer() {
        int[] days = {1, 2, 3, 4, 5, 6};
        double[] x = {1, 4, 2, 6, 3, 5};
        double[] y = {2, 1, 5, 3, 6, 2};
        CorrelationScreen six = CorrelationScreen.withDefaults().withMaxLag(0).withMinPairs(6);
        assertThat(six.minPairs()).isEqualTo(6);
        assertThat(six.maxLag()).isZero();
        CorrelationScreen.Screen tested = six.screen(
                List.of(new CorrelationScreen.Series("x", days, x)),
                List.of(new CorrelationScreen.Series("y", days, y)));
        assertThat(tested.family()).isEqualTo(1);
        assertThat(tested.notTested()).isEmpty();
        CorrelationScreen.Screen short1 = CorrelationScreen.withDefaults()
                .withMaxLag(0)
                .withMinPairs(7)
                .screen(
                        List.of(new CorrelationScreen.Series("x", days, x)),
                        List.of(new CorrelationScreen.Series("y", days, y)));
        assertThat(short1.family()).isZero();
        assertThat(short1.notTested()).containsExactly("x → y at lag 0: 6 paired days, fewer than 7");
    }

    @Test
    void aFindingIsADiscoveryExactlyWhenItsAdjustedPIsAtMostTheRate() {
        int[] days = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] x = {1, 4, 2, 6, 3, 5, 8, 7};
        double[] y = {2, 5, 1, 7, 4, 5, 9, 6};
        List<CorrelationScreen.Series> xs = List.of(new CorrelationScreen.Series("x", days, x));
        List<CorrelationScreen.Series> ys = List.of(new CorrelationScreen.Series("y", days, y));
        CorrelationScreen base = CorrelationScreen.withDefaults().withMaxLag(0).withMinPairs(5);
        double adjusted = base.screen(xs, ys).findings().getFirst().adjustedP();
        assertThat(adjusted).isBetween(0.0, 1.0);
        CorrelationScreen atTheRate = base.withFdr(adjusted);
        assertThat(atTheRate.fdr()).isEqualTo(adjusted);
        assertThat(atTheRate.screen(xs, ys).findings().getFirst().discovery()).isTrue();
        assertThat(base.withFdr(adjusted * 0.999)
                        .screen(xs, ys)
                        .findings()
                        .getFirst()
                        .discovery())
                .isFalse();
    }

    @Test
    void anOutcomeOnAnExactLineIsNotTestedAndSaysWhy() {
        int[] days = {1, 2, 3, 4, 5, 6};
        CorrelationScreen.Screen s = CorrelationScreen.withDefaults()
                .withMaxLag(0)
                .withMinPairs(5)
                .screen(
                        List.of(new CorrelationScreen.Series("x", days, new double[] {1, 4, 2, 6, 3, 5})),
                        List.of(new CorrelationScreen.Series("y", days, new double[] {100, 102, 104, 106, 108, 110})));
        assertThat(s.family()).isZero();
        assertThat(s.notTested()).containsExactly("x → y at lag 0: a side is constant once its trend is taken out");
        // a hair off the line (1e-6 of 110) is a real, if tiny, deviation: tested
        CorrelationScreen.Screen off = CorrelationScreen.withDefaults()
                .withMaxLag(0)
                .withMinPairs(5)
                .screen(
                        List.of(new CorrelationScreen.Series("x", days, new double[] {1, 4, 2, 6, 3, 5})),
                        List.of(new CorrelationScreen.Series(
                                "y", days, new double[] {100, 102.0002, 104, 106.0001, 108, 110})));
        assertThat(off.family()).isEqualTo(1);
    }

    @Test
    void settingsOutsideTheirRangesAreRefusedAndTheEdgesAccepted() {
        assertThat(CorrelationScreen.withDefaults().withMaxLag(0).maxLag()).isZero();
        assertThatThrownBy(() -> CorrelationScreen.withDefaults().withMaxLag(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLag");
        assertThat(CorrelationScreen.withDefaults().withMinPairs(5).minPairs()).isEqualTo(5);
        assertThatThrownBy(() -> CorrelationScreen.withDefaults().withMinPairs(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minPairs");
        assertThatThrownBy(() -> CorrelationScreen.withDefaults().withFdr(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CorrelationScreen.withDefaults().fdr()).isEqualTo(0.05);
    }

    @Test
    void aSeriesWithDaysOutOfOrderMismatchedOrANonFiniteValueIsRefusedByName() {
        assertThatThrownBy(() -> new CorrelationScreen.Series("sleep", new int[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sleep: 2 days for 1 values");
        assertThatThrownBy(() -> new CorrelationScreen.Series("sleep", new int[] {1, 3, 3}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sleep: days must increase, day 3 follows 3");
        assertThatThrownBy(() -> new CorrelationScreen.Series("sleep", new int[] {1, 2}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sleep[1]");
        CorrelationScreen.Series ok = new CorrelationScreen.Series("sleep", new int[] {1, 2}, new double[] {7, 8});
        assertThat(ok.size()).isEqualTo(2);
        assertThat(ok.name()).isEqualTo("sleep");
        assertThat(ok).hasToString("Series[sleep, 2 days]");
    }

    @Test
    void benjaminiHochbergAcceptsZeroAndOneRefusesWhatIsNotAProbabilityAndFindsAtTheRate() {
        // one test: its adjusted p is itself; at q equal to it, a discovery
        assertThat(BenjaminiHochberg.adjust(new double[] {0, 1})).containsExactly(0.0, 1.0);
        assertThat(BenjaminiHochberg.discoveries(new double[] {0.05}, 0.05)).containsExactly(true);
        assertThat(BenjaminiHochberg.discoveries(new double[] {0.0501}, 0.05)).containsExactly(false);
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {-0.01}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p[0] must be in [0, 1], was -0.01");
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {0.2, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p[1]");
        assertThatThrownBy(() -> BenjaminiHochberg.discoveries(new double[] {0.2}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("q must be in (0, 1), was 0.0");
        assertThatThrownBy(() -> BenjaminiHochberg.discoveries(new double[] {0.2}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("q must be in (0, 1), was 1.0");
    }
}
