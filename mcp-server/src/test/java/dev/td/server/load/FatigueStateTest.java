package dev.td.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.load.Indicator;
import dev.td.statistics.load.LoadDay;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fatigue state's reading of a load day. Zones are intervals.icu's fitness-chart form zones as a share of
 * fitness (form % = 100 x TSB / CTL): above +20 transition, +5..+20 fresh, -10..+5 grey zone, -30..-10 optimal,
 * below -30 high risk. ACWR thresholds from Gabbett 2016 (BJSM 50:273, "The training-injury prevention paradox":
 * 0.8-1.3 the sweet spot, >= 1.5 the danger zone); monotony above 2.0 from Foster 1998 (MSSE 30:1164).
 */
class FatigueStateTest {

    private static final Indicator NONE = new Indicator.Undefined(Indicator.Reason.NOT_ENOUGH_HISTORY, "too early");

    private static LoadDay day(double ctl, double atl, double tsb, Indicator acwr, Indicator monotony) {
        return new LoadDay(100, ctl, atl, tsb, NONE, acwr, NONE, NONE, monotony, NONE);
    }

    @ParameterizedTest(name = "form {0} % after 60 days: {1}")
    @CsvSource({
        "25, transition",
        "20.01, transition",
        "20, fresh",
        "5.01, fresh",
        "5, grey_zone",
        "0, grey_zone",
        "-10, grey_zone",
        "-10.01, optimal",
        "-30, optimal",
        "-30.01, high_risk",
        "-80, high_risk"
    })
    void formAsAShareOfFitnessFallsInIntervalsIcusZones(double formPercent, String zone) {
        assertThat(FatigueState.zone(60, OptionalDouble.of(formPercent))).isEqualTo(zone);
    }

    @Test
    void beforeFortyTwoDaysOfHistoryTheZoneIsBuildingWhateverTheForm() {
        assertThat(FatigueState.zone(41, OptionalDouble.of(-50))).isEqualTo("building");
        assertThat(FatigueState.zone(42, OptionalDouble.of(-50))).isEqualTo("high_risk");
    }

    @Test
    void formIsTsbOverCtlAndASpikeAndMonotonyAreFlagged() {
        // CTL 200, TSB -70: form -35 % (high risk); ACWR 1.62 >= 1.5; monotony 2.4 > 2.0
        FatigueState s = FatigueState.of(
                LocalDate.of(2026, 11, 24),
                90,
                day(200, 270, -70, new Indicator.Defined(1.62), new Indicator.Defined(2.4)));
        assertThat(s.formPercent().getAsDouble()).isCloseTo(-35.0, within(1e-9));
        assertThat(s.zone()).isEqualTo("high_risk");
        assertThat(s.flags()).hasSize(2);
        assertThat(s.flags().get(0)).startsWith("load spike: ACWR 1.62 >= 1.5");
        assertThat(s.flags().get(1)).startsWith("monotony 2.40 > 2.0");
    }

    @Test
    void aDroppingLoadIsFlaggedAndTheSweetSpotIsNot() {
        FatigueState low =
                FatigueState.of(LocalDate.of(2026, 11, 24), 90, day(100, 60, 30, new Indicator.Defined(0.79), NONE));
        assertThat(low.flags()).singleElement().asString().startsWith("load dropping: ACWR 0.79 < 0.8");
        assertThat(low.zone()).as("form +30 %").isEqualTo("transition");
        FatigueState fine = FatigueState.of(
                LocalDate.of(2026, 11, 24),
                90,
                day(100, 110, -10, new Indicator.Defined(1.3), new Indicator.Defined(2.0)));
        assertThat(fine.flags())
                .as("ACWR 1.3 and monotony exactly 2.0 are not flagged")
                .isEmpty();
        assertThat(fine.monotony().getAsDouble()).isEqualTo(2.0);
    }

    @Test
    void withoutFitnessThereIsNoFormShare() {
        FatigueState s = FatigueState.of(
                LocalDate.of(2026, 11, 24), 50, new LoadDay(0, 0, 0, 0, NONE, NONE, NONE, NONE, NONE, NONE));
        assertThat(s.formPercent()).isEmpty();
        assertThat(s.acwr()).isEmpty();
        assertThat(s.zone()).isEqualTo("transition");
    }
}
