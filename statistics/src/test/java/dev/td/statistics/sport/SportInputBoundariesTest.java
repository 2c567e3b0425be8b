package dev.td.statistics.sport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The edges of each formula's documented domain: the last valid input is accepted, the first invalid refused. */
class SportInputBoundariesTest {

    @Test
    void oneRepMaxFormulasRefuseANonPositiveWeightNamingIt() {
        assertThatThrownBy(() -> OneRepMax.epley(0, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be a positive finite load, was 0.0");
        assertThatThrownBy(() -> OneRepMax.brzycki(-20, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be a positive finite load, was -20.0");
        assertThatThrownBy(() -> OneRepMax.fromRpe(Double.POSITIVE_INFINITY, 5, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be a positive finite load, was Infinity");
    }

    // Epley at its last valid rep count: 100·(1 + 30/30) = 200; Brzycki at 10: 100·36/27 = 133.33…
    @Test
    void eachOneRepMaxFormulaAcceptsItsLastRepCountAndRefusesTheNext() {
        assertThat(OneRepMax.epley(100, 30)).isEqualTo(200.0);
        assertThatThrownBy(() -> OneRepMax.epley(100, 31))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reps must be 1–30 for this formula, was 31");
        assertThat(OneRepMax.brzycki(100, 10)).isCloseTo(400.0 / 3, within(1e-12));
        assertThatThrownBy(() -> OneRepMax.brzycki(100, 11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reps must be 1–10 for this formula, was 11");
        assertThatThrownBy(() -> OneRepMax.epley(100, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reps must be 1–30 for this formula, was 0");
    }

    // 13 reps @ RPE 10 lies on the chart's effective-rep scale (13 reps in hand), but fromRpe is documented for
    // 1–12 reps; 12 reps of 100 kg at any RPE means a 1RM above 100 kg
    @Test
    void rpeEstimateIsLimitedToTwelveReps() {
        assertThat(OneRepMax.fromRpe(100, 12, 10)).isGreaterThan(100);
        assertThatThrownBy(() -> OneRepMax.fromRpe(100, 13, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reps must be 1–12 for this formula, was 13");
    }

    @Test
    void strengthScoresRefuseANegativeTotalOrANonPositiveBodyweight() {
        assertThatThrownBy(() -> StrengthScore.wilksClassic(-1, 90, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("total must be a finite, non-negative load in kg, was -1.0");
        assertThatThrownBy(() -> StrengthScore.wilks2020(500, 0, Sex.FEMALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bodyweight must be a positive finite mass in kg, was 0.0");
        assertThatThrownBy(() -> StrengthScore.dots(Double.NaN, 90, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("total must be a finite, non-negative load in kg, was NaN");
        assertThatThrownBy(() -> StrengthScore.ipfGoodlift(500, -60, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bodyweight must be a positive finite mass in kg, was -60.0");
    }

    // A total of 0 kg is a valid (if sad) total: 0 points in every formula
    @Test
    void aZeroTotalScoresZero() {
        assertThat(StrengthScore.wilksClassic(0, 90, Sex.MALE)).isZero();
        assertThat(StrengthScore.ipfGoodlift(0, 90, Sex.FEMALE)).isZero();
    }

    // Wilks 2020 clamps (class Javadoc): women to 150.95 kg, men to 200.95 kg. Evaluated in bc -l (scale 30) from the
    // Wilks 2020 coefficients published by OpenPowerlifting (modules/coefficients, wilks2): 400 kg total, woman,
    // bodyweight 150.95 → 385.079534849199942946; 700 kg, man, 200.95 → 428.526996504130817172
    @Test
    void wilks2020ClampsEachSexAtItsOwnBodyweightCeiling() {
        assertThat(StrengthScore.wilks2020(400, 170, Sex.FEMALE)).isCloseTo(385.07953484919994, within(1e-9));
        assertThat(StrengthScore.wilks2020(700, 205, Sex.MALE)).isCloseTo(428.5269965041308, within(1e-9));
    }

    // IPF GL, men, classic: 600·100/(1199.72839 − 1025.18162·e^(−0.00921·35)) = 131.279218697436546719 (bc -l, scale
    // 30); 35 kg is the lightest bodyweight the formula accepts
    @Test
    void ipfGoodliftAcceptsThirtyFiveKilogramsAndRefusesLess() {
        assertThat(StrengthScore.ipfGoodlift(600, 35, Sex.MALE)).isCloseTo(131.27921869743653, within(1e-9));
        assertThatThrownBy(() -> StrengthScore.ipfGoodlift(600, 34.9, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bodyweight must be at least 35 kg for IPF GL points, was 34.9");
    }

    // TRIMP at the ends of the heart-rate range: at rest ΔHR = 0 → 0; at max ΔHR = 1 → 60·1·0.64·e^1.92 =
    // 261.924805220764793661 (bc -l, scale 30); 0 minutes → 0
    @Test
    void banisterTrimpAcceptsTheEndsOfTheHeartRateRange() {
        assertThat(TrainingLoad.banisterTrimp(60, 60, 60, 190, Sex.MALE)).isZero();
        assertThat(TrainingLoad.banisterTrimp(60, 190, 60, 190, Sex.MALE)).isCloseTo(261.92480522076477, within(1e-9));
        assertThat(TrainingLoad.banisterTrimp(0, 150, 60, 190, Sex.MALE)).isZero();
    }

    @Test
    void banisterTrimpRefusesAnImpossibleHeartRateSetup() {
        assertThatThrownBy(() -> TrainingLoad.banisterTrimp(60, 150, 0, 190, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "need minutes ≥ 0 and 0 < hrRest ≤ hrExercise ≤ hrMax, hrMax > hrRest; got 60.0, 150.0, 0.0,"
                                + " 190.0");
        assertThatThrownBy(() -> TrainingLoad.banisterTrimp(60, 100, 100, 100, Sex.FEMALE))
                .as("hrMax equal to hrRest leaves no reserve")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("need minutes ≥ 0");
        assertThatThrownBy(() -> TrainingLoad.banisterTrimp(60, 191, 60, 190, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("need minutes ≥ 0");
        assertThatThrownBy(() -> TrainingLoad.banisterTrimp(-1, 150, 60, 190, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("need minutes ≥ 0");
    }

    // Foster CR-10: the ends 0 and 10 are valid (0·45 = 0, 10·45 = 450), as are 0 minutes
    @Test
    void sessionRpeLoadAcceptsTheEndsOfTheCr10Scale() {
        assertThat(TrainingLoad.sessionRpeLoad(0, 45)).isZero();
        assertThat(TrainingLoad.sessionRpeLoad(10, 45)).isEqualTo(450.0);
        assertThat(TrainingLoad.sessionRpeLoad(5, 0)).isZero();
        assertThatThrownBy(() -> TrainingLoad.sessionRpeLoad(10.5, 45))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rpe must be 0–10 (CR-10) and minutes ≥ 0; got 10.5, 45.0");
        assertThatThrownBy(() -> TrainingLoad.sessionRpeLoad(5, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadSeriesAreValidatedBeforeUse() {
        assertThatThrownBy(() -> TrainingLoad.performanceManagementChart(new double[] {100, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dailyStress[1] is NaN");
        assertThatThrownBy(() -> TrainingLoad.rollingAcwr(new double[27]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dailyLoad needs at least 28 values, got 27");
        assertThatThrownBy(() -> TrainingLoad.ewmaAcwr(new double[27]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dailyLoad needs at least 28 values, got 27");
    }

    // No load at all: the ratio 0/0 is undefined and refused rather than returned as NaN
    @Test
    void aWorkloadRatioWithoutChronicLoadIsRefused() {
        assertThatThrownBy(() -> TrainingLoad.rollingAcwr(new double[28]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dailyLoad has no load in the last 28 days: the ratio is undefined");
        assertThatThrownBy(() -> TrainingLoad.ewmaAcwr(new double[28]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dailyLoad has no chronic load: the ratio is undefined");
    }
}
