package dev.td.statistics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The edges of each load formula's domain: the last valid input is accepted, the first invalid refused, named. */
class LoadInputBoundariesTest {
    private static final Indicator NONE = new Indicator.Undefined(Indicator.Reason.NO_VARIATION, "none");

    @Test
    void aLoadModelNeedsWindowsOfAtLeastOneDay() {
        refused(() -> model(0, 7, 7, 28, 7), "ctlDays, atlDays and acuteDays must be at least 1, were 0, 7, 7");
        refused(() -> model(42, 0, 7, 28, 7), "ctlDays, atlDays and acuteDays must be at least 1, were 42, 0, 7");
        refused(() -> model(42, 7, 0, 28, 7), "ctlDays, atlDays and acuteDays must be at least 1, were 42, 7, 0");
        assertThat(model(1, 1, 1, 2, 2).ctlDays()).isEqualTo(1);
    }

    @Test
    void theChronicWindowMustOutlastTheAcuteOne() {
        refused(
                () -> model(42, 7, 7, 7, 7),
                "chronicDays must be greater than acuteDays (7) so the uncoupled ratio has a chronic window, was 7");
        assertThat(model(42, 7, 7, 8, 7).chronicDays()).isEqualTo(8);
    }

    @Test
    void monotonyNeedsAWindowOfTwoDays() {
        refused(
                () -> model(42, 7, 7, 28, 1),
                "monotonyDays must be at least 2 (a standard deviation needs two days), was 1");
        assertThat(model(42, 7, 7, 28, 2).monotonyDays()).isEqualTo(2);
    }

    // λ = 1 (the EWMA is the day's load) is the last valid decay; 0 would never move
    @Test
    void ewmaDecaysLieInZeroToOne() {
        String refusal = "acuteLambda and chronicLambda must be in (0, 1], were ";
        refused(() -> new LoadModel(42, 7, 7, 28, 0, 0.5, 7, 0, 0), refusal + "0.0, 0.5");
        refused(() -> new LoadModel(42, 7, 7, 28, Math.nextUp(1.0), 0.5, 7, 0, 0), refusal + "1.0000000000000002, 0.5");
        refused(() -> new LoadModel(42, 7, 7, 28, Double.NaN, 0.5, 7, 0, 0), refusal + "NaN, 0.5");
        refused(() -> new LoadModel(42, 7, 7, 28, 0.5, 0, 7, 0, 0), refusal + "0.5, 0.0");
        refused(() -> new LoadModel(42, 7, 7, 28, 0.5, Math.nextUp(1.0), 7, 0, 0), refusal + "0.5, 1.0000000000000002");
        assertThat(new LoadModel(42, 7, 7, 28, 1, 1, 7, 0, 0).acuteLambda()).isEqualTo(1.0);
    }

    @Test
    void startingLoadsAreFiniteAndNotNegative() {
        LoadModel model = LoadModel.withDefaults();
        refused(() -> model.withStartingLoad(-1, 0), "startingCtl must be a finite load ≥ 0, was -1.0");
        refused(() -> model.withStartingLoad(Double.NaN, 0), "startingCtl must be a finite load ≥ 0, was NaN");
        refused(
                () -> model.withStartingLoad(Double.POSITIVE_INFINITY, 0),
                "startingCtl must be a finite load ≥ 0, was Infinity");
        refused(() -> model.withStartingLoad(0, -0.5), "startingAtl must be a finite load ≥ 0, was -0.5");
        refused(
                () -> model.withStartingLoad(0, Double.POSITIVE_INFINITY),
                "startingAtl must be a finite load ≥ 0, was Infinity");
        assertThat(model.withStartingLoad(0, 0)).isEqualTo(model);
    }

    @Test
    void dailyLoadsAreFiniteNotNegativeAndAtLeastOne() {
        LoadModel model = LoadModel.withDefaults();
        assertThatThrownBy(() -> model.series(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dailyLoad needs at least 1 values, got 0");
        assertThatThrownBy(() -> model.series(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dailyLoad[1] is NaN");
        refused(
                () -> model.series(new double[] {1, 0, -5}),
                "dailyLoad[2] is -5.0: a load cannot be negative; enter a rest day as 0");
        assertThat(model.series(new double[] {0}).last().load()).isZero();
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the refusal is what is tested
    void aLoadDayHoldsFiniteValuesAndEveryIndicator() {
        String numbers = "a load day needs a finite load ≥ 0 and finite CTL, ATL and TSB; got ";
        refused(() -> day(-1, 0, 0, 0), numbers + "-1.0, 0.0, 0.0, 0.0");
        refused(() -> day(Double.POSITIVE_INFINITY, 0, 0, 0), numbers + "Infinity, 0.0, 0.0, 0.0");
        refused(() -> day(0, Double.NaN, 0, 0), numbers + "0.0, NaN, 0.0, 0.0");
        refused(() -> day(0, 0, Double.NEGATIVE_INFINITY, 0), numbers + "0.0, 0.0, -Infinity, 0.0");
        refused(() -> day(0, 0, 0, Double.NaN), numbers + "0.0, 0.0, 0.0, NaN");
        assertThat(day(0, 0, 0, -3).tsb()).isEqualTo(-3.0);
        String indicators = "a load day needs every indicator (an Indicator.Undefined when none)";
        refused(() -> new LoadDay(0, 0, 0, 0, null, NONE, NONE, NONE, NONE, NONE), indicators);
        refused(() -> new LoadDay(0, 0, 0, 0, NONE, null, NONE, NONE, NONE, NONE), indicators);
        refused(() -> new LoadDay(0, 0, 0, 0, NONE, NONE, null, NONE, NONE, NONE), indicators);
        refused(() -> new LoadDay(0, 0, 0, 0, NONE, NONE, NONE, null, NONE, NONE), indicators);
        refused(() -> new LoadDay(0, 0, 0, 0, NONE, NONE, NONE, NONE, null, NONE), indicators);
        refused(() -> new LoadDay(0, 0, 0, 0, NONE, NONE, NONE, NONE, NONE, null), indicators);
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the refusal is what is tested
    void aLoadSeriesHasDaysAModelAndAMethod() {
        LoadModel model = LoadModel.withDefaults();
        List<LoadDay> days = List.of(day(0, 0, 0, 0));
        String refusal = "a load series needs at least one day, its model and its method";
        refused(() -> new LoadSeries(List.of(), model, "m"), refusal);
        refused(() -> new LoadSeries(null, model, "m"), refusal);
        refused(() -> new LoadSeries(days, null, "m"), refusal);
        refused(() -> new LoadSeries(days, model, null), refusal);
        refused(() -> new LoadSeries(days, model, " "), refusal);
        assertThat(new LoadSeries(days, model, "m").days()).hasSize(1);
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the refusal is what is tested
    void anIndicatorIsAFiniteValueOrAReason() {
        refused(() -> new Indicator.Defined(Double.NaN), "indicator value must be finite, was NaN");
        refused(() -> new Indicator.Defined(Double.NEGATIVE_INFINITY), "indicator value must be finite, was -Infinity");
        String refusal = "an undefined indicator needs a reason and an explanation";
        refused(() -> new Indicator.Undefined(null, "why"), refusal);
        refused(() -> new Indicator.Undefined(Indicator.Reason.NO_VARIATION, null), refusal);
        refused(() -> new Indicator.Undefined(Indicator.Reason.NO_VARIATION, " "), refusal);
        assertThat(new Indicator.Defined(-0.5).value()).isEqualTo(-0.5);
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the refusal is what is tested
    void powerSamplesAreFiniteAndNotNegative() {
        assertThatThrownBy(() -> CogganPower.normalizedPower(null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("watts must be given");
        assertThatThrownBy(() -> CogganPower.normalizedPower(new double[] {200, Double.NaN}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("watts[1] is NaN");
        refused(
                () -> CogganPower.normalizedPower(new double[] {200, -1}, 1),
                "watts[1] is -1.0: power cannot be negative; record 0 W when not pedalling");
    }

    // 30 s must hold a whole number of samples from 1 ms to 30 s: 4 s (7.5 samples) is refused, 0.5 s accepted
    @Test
    void theSampleIntervalMustDivideThirtySeconds() {
        for (double interval :
                new double[] {4, 0, -1, 31, Math.nextDown(0.001), Double.NaN, Double.POSITIVE_INFINITY}) {
            refused(
                    () -> CogganPower.normalizedPower(new double[0], interval),
                    "sampleSeconds must divide 30 s into a whole number of samples (1, 2, 5, 0.5 s…; from 0.001 to 30"
                            + " s), was " + interval + ": resample the power to 1 s first");
        }
        // 30/0.0012 is 25000.000000000004 in binary: a whole number within 1e−9 of itself, so accepted
        for (double accepted : new double[] {0.001, 0.0012, 0.5, 2, 7.5, 30}) {
            assertThat(CogganPower.normalizedPower(new double[0], accepted).windows())
                    .isZero();
        }
        assertThat(CogganPower.normalizedPower(new double[60], 0.5).windows()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the refusal is what is tested
    void trainingStressNeedsAPositiveFtpAndFiniteInputs() {
        refused(() -> CogganPower.trainingStress(-1, 200, 250), "durationSeconds must be finite and ≥ 0, was -1.0");
        refused(
                () -> CogganPower.trainingStress(Double.POSITIVE_INFINITY, 200, 250),
                "durationSeconds must be finite and ≥ 0, was Infinity");
        refused(
                () -> CogganPower.trainingStress(3600, Double.NaN, 250),
                "normalizedPowerWatts must be finite and ≥ 0, was NaN");
        refused(() -> CogganPower.trainingStress(3600, 200, 0), "ftpWatts must be a positive finite power, was 0.0");
        refused(
                () -> CogganPower.trainingStress(3600, 200, Double.POSITIVE_INFINITY),
                "ftpWatts must be a positive finite power, was Infinity");
        NormalizedPower undefined = CogganPower.normalizedPower(new double[0], 1);
        refused(
                () -> CogganPower.trainingStress(undefined, -250),
                "ftpWatts must be a positive finite power, was -250.0");
        refused(() -> CogganPower.trainingStress(null, 250), "normalizedPower must be given");
        assertThat(CogganPower.trainingStress(0, 0, 250).score()).isZero();
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the refusal is what is tested
    void powerResultsHoldFiniteNumbersAndAMethod() {
        Indicator np = new Indicator.Defined(200);
        refused(
                () -> new NormalizedPower(null, 60, 31, "m"),
                "normalized power needs its watts (or why not) and its method");
        refused(
                () -> new NormalizedPower(np, 60, 31, null),
                "normalized power needs its watts (or why not) and its method");
        refused(
                () -> new NormalizedPower(np, 60, 31, ""),
                "normalized power needs its watts (or why not) and its method");
        String numbers = "normalized power needs a finite duration ≥ 0 and windows ≥ 0; got ";
        refused(() -> new NormalizedPower(np, -1, 31, "m"), numbers + "-1.0, 31");
        refused(() -> new NormalizedPower(np, Double.POSITIVE_INFINITY, 31, "m"), numbers + "Infinity, 31");
        refused(() -> new NormalizedPower(np, 60, -1, "m"), numbers + "60.0, -1");
        assertThat(new NormalizedPower(np, 0, 0, "m").windows()).isZero();

        String stress = "training stress needs a finite score and IF ≥ 0; got ";
        refused(() -> new TrainingStress(-1, 1, 200, 200, 3600, "m"), stress + "-1.0, 1.0");
        refused(() -> new TrainingStress(Double.POSITIVE_INFINITY, 1, 200, 200, 3600, "m"), stress + "Infinity, 1.0");
        refused(() -> new TrainingStress(100, -1, 200, 200, 3600, "m"), stress + "100.0, -1.0");
        refused(
                () -> new TrainingStress(100, Double.POSITIVE_INFINITY, 200, 200, 3600, "m"),
                stress + "100.0, Infinity");
        refused(() -> new TrainingStress(100, 1, 200, 200, 3600, null), "training stress needs its method");
        refused(() -> new TrainingStress(100, 1, 200, 200, 3600, " "), "training stress needs its method");
        assertThat(new TrainingStress(0, 0, 0, 200, 0, "m").score()).isZero();
    }

    private static LoadModel model(int ctl, int atl, int acute, int chronic, int monotony) {
        return new LoadModel(ctl, atl, acute, chronic, 0.25, 0.5, monotony, 0, 0);
    }

    private static LoadDay day(double load, double ctl, double atl, double tsb) {
        return new LoadDay(load, ctl, atl, tsb, NONE, NONE, NONE, NONE, NONE, NONE);
    }

    private static void refused(Executable call, String message) {
        assertThatThrownBy(call::execute)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
