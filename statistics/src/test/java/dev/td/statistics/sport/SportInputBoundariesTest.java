package dev.td.statistics.sport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

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

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the refusal is what is tested
    void aStreamIsFiniteNotNegativeAndPaired() {
        double[] t = {0, 1, 2};
        assertThatThrownBy(() -> BestEfforts.fromStream(null, t, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("distanceMetres must be given");
        assertThatThrownBy(() -> BestEfforts.fromStream(new double[] {0, 1, 2}, new double[0], 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("elapsedSeconds needs at least 1 values, got 0");
        assertThatThrownBy(() -> BestEfforts.fromStream(new double[] {0, Double.NaN, 2}, t, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("distanceMetres[1] is NaN");
        assertThatThrownBy(() -> BestEfforts.fromStream(new double[] {0, 1}, t))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("distanceMetres and elapsedSeconds must have the same length, got 2 and 3");
        refused(
                () -> BestEfforts.fromStream(new double[] {-1, 1, 2}, t, 1000),
                "distanceMetres[0] and elapsedSeconds[0] must be ≥ 0, were -1.0 and 0.0");
        refused(
                () -> BestEfforts.fromStream(new double[] {0, 1, 2}, new double[] {-0.5, 1, 2}, 1000),
                "distanceMetres[0] and elapsedSeconds[0] must be ≥ 0, were 0.0 and -0.5");
    }

    @Test
    void aStreamMustRunForwardWithoutJumps() {
        refused(
                () -> BestEfforts.fromStream(new double[] {0, 5, 4}, new double[] {0, 1, 2}, 1),
                "distanceMetres and elapsedSeconds must be non-decreasing; at [2] they go from 5.0 m, 1.0 s to 4.0 m,"
                        + " 2.0 s: sort the samples by time");
        refused(
                () -> BestEfforts.fromStream(new double[] {0, 4, 5}, new double[] {0, 2, 1}, 1),
                "distanceMetres and elapsedSeconds must be non-decreasing; at [2] they go from 4.0 m, 2.0 s to 5.0 m,"
                        + " 1.0 s: sort the samples by time");
        refused(
                () -> BestEfforts.fromStream(new double[] {0, 4, 9}, new double[] {0, 2, 2}, 1),
                "distanceMetres jumps from 4.0 to 9.0 m at [2] while elapsedSeconds stays at 2.0 s: merge or drop"
                        + " samples with the same time");
        // standing still (distance and time unchanged, or time passing at one distance) is fine
        assertThat(BestEfforts.fromStream(new double[] {0, 4, 4, 4, 9}, new double[] {0, 2, 2, 5, 6}, 9))
                .hasValueSatisfying(e -> assertThat(e.seconds()).isEqualTo(6.0));
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the refusal is what is tested
    void theDistanceAskedForIsPositiveAndFinite() {
        double[] d = {0, 1000};
        double[] t = {0, 300};
        for (double target : new double[] {Math.nextDown(1.0), 0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            refused(
                    () -> BestEfforts.fromStream(d, t, target),
                    "targetMetres must be a finite distance of at least 1 m, was " + target);
            refused(
                    () -> BestEfforts.fromLaps(List.of(new Lap(1000, 300)), target),
                    "targetMetres must be a finite distance of at least 1 m, was " + target);
        }
        // 1 m at 1000 m / 300 s: 0.3 s
        assertThat(BestEfforts.fromStream(d, t, 1))
                .hasValueSatisfying(e -> assertThat(e.seconds()).isCloseTo(0.3, within(1e-12)));
        refused(() -> BestEfforts.fromLaps(null, 1000), "laps must be given");
        refused(() -> BestEfforts.fromLaps(null), "laps must be given");
    }

    @Test
    void aLapHasADistanceAndTakesTime() {
        refused(() -> new Lap(-1, 60), "lap distanceMetres must be finite and ≥ 0, was -1.0");
        refused(() -> new Lap(Double.POSITIVE_INFINITY, 60), "lap distanceMetres must be finite and ≥ 0, was Infinity");
        refused(() -> new Lap(400, 0), "lap seconds must be finite and > 0, was 0.0");
        refused(() -> new Lap(400, Double.NaN), "lap seconds must be finite and > 0, was NaN");
        refused(() -> new Lap(400, Double.POSITIVE_INFINITY), "lap seconds must be finite and > 0, was Infinity");
        assertThat(new Lap(0, Double.MIN_VALUE).distanceMetres()).isZero();
    }

    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the refusal is what is tested
    void aBestEffortHasPositiveDistancesAndTimeAndASource() {
        BestEffort.Source stream = BestEffort.Source.STREAM;
        String refusal = "a best effort needs positive distances and time, finite starts ≥ 0 and its source; got ";
        refused(
                () -> new BestEffort(0, 1, 1, 0, 0, stream),
                refusal + "0.0 m, 1.0 s, covered 1.0 m, start 0.0 m at 0.0 s, STREAM");
        refused(
                () -> new BestEffort(1, 0, 1, 0, 0, stream),
                refusal + "1.0 m, 0.0 s, covered 1.0 m, start 0.0 m at 0.0 s, STREAM");
        refused(
                () -> new BestEffort(1, 1, 0, 0, 0, stream),
                refusal + "1.0 m, 1.0 s, covered 0.0 m, start 0.0 m at 0.0 s, STREAM");
        refused(
                () -> new BestEffort(1, 1, 1, -1, 0, stream),
                refusal + "1.0 m, 1.0 s, covered 1.0 m, start -1.0 m at 0.0 s, STREAM");
        refused(
                () -> new BestEffort(1, 1, 1, 0, -1, stream),
                refusal + "1.0 m, 1.0 s, covered 1.0 m, start 0.0 m at -1.0 s, STREAM");
        refused(
                () -> new BestEffort(1, Double.POSITIVE_INFINITY, 1, 0, 0, stream),
                refusal + "1.0 m, Infinity s, covered 1.0 m, start 0.0 m at 0.0 s, STREAM");
        refused(
                () -> new BestEffort(1, 1, 1, Double.POSITIVE_INFINITY, 0, stream),
                refusal + "1.0 m, 1.0 s, covered 1.0 m, start Infinity m at 0.0 s, STREAM");
        refused(
                () -> new BestEffort(1, 1, 1, 0, Double.NaN, stream),
                refusal + "1.0 m, 1.0 s, covered 1.0 m, start 0.0 m at NaN s, STREAM");
        refused(
                () -> new BestEffort(1, 1, 1, 0, 0, null),
                refusal + "1.0 m, 1.0 s, covered 1.0 m, start 0.0 m at 0.0 s, null");
        assertThat(new BestEffort(1, 1, 1, 0, 0, BestEffort.Source.LAPS).source())
                .isEqualTo(BestEffort.Source.LAPS);
    }

    private static void refused(Executable call, String message) {
        assertThatThrownBy(call::execute)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
