package dev.td.statistics.sport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BestEffortsTest {

    // Constant 4:00/km (1000/240 m/s) sampled at 1 Hz for 1500 s = 6250 m: any 5 km takes 5 × 240 = 1200 s and any
    // 1 km 240 s (hand-worked); 10 km is longer than the run
    @Test
    void aSteadyRunCoversFiveKilometresInFiveTimesItsKilometreTime() {
        double[][] stream = steady(1000.0 / 240, 1500);
        BestEffort fiveK = BestEfforts.fromStream(stream[0], stream[1], 5000).orElseThrow();
        assertThat(fiveK.seconds()).isCloseTo(1200.0, within(1e-9));
        assertThat(fiveK.distanceMetres()).isEqualTo(5000.0);
        assertThat(fiveK.coveredMetres()).isEqualTo(5000.0);
        assertThat(fiveK.source()).isEqualTo(BestEffort.Source.STREAM);
        assertThat(BestEfforts.fromStream(stream[0], stream[1], 10000)).isEmpty();
        assertThat(BestEfforts.fromStream(stream[0], stream[1]))
                .extracting(BestEffort::distanceMetres)
                .containsExactly(1000.0, 5000.0);
        assertThat(BestEfforts.fromStream(stream[0], stream[1]).get(0).seconds())
                .isCloseTo(240.0, within(1e-9));
    }

    // 3 km at 1 Hz: km 1 at 4 m/s (250 s), km 2 at 5 m/s (200 s), km 3 at 4 m/s (250 s). The fastest km is the
    // middle one, 200 s from 1000 m at 250 s. Every 2 km holds the whole middle km: 200 + 1000/4 = 450 s wherever
    // it starts in the first km, so the earliest, from 0 m at 0 s, is reported (hand-worked; exact in binary)
    @Test
    void aFastMiddleKilometreIsFoundAndTiesGoToTheEarliestStart() {
        double[] d = new double[701];
        double[] t = new double[701];
        for (int s = 0; s <= 700; s++) {
            t[s] = s;
            d[s] = s <= 250 ? 4.0 * s : s <= 450 ? 1000 + 5.0 * (s - 250) : 2000 + 4.0 * (s - 450);
        }
        BestEffort oneK = BestEfforts.fromStream(d, t, 1000).orElseThrow();
        assertThat(oneK.seconds()).isEqualTo(200.0);
        assertThat(oneK.startMetres()).isEqualTo(1000.0);
        assertThat(oneK.startSeconds()).isEqualTo(250.0);
        BestEffort twoK = BestEfforts.fromStream(d, t, 2000).orElseThrow();
        assertThat(twoK.seconds()).isEqualTo(450.0);
        assertThat(twoK.startMetres()).isZero();
        assertThat(twoK.startSeconds()).isZero();
    }

    // Samples at 0, 300, 700, 1200, 1500 m and 0, 60, 160, 260, 310 s (5, 4, 5, 6 m/s). Fastest 1000 m, by hand:
    //   starting at a sample: from 0 m, 1000 m is 3/5 into 700–1200 → 160 + 0.6·100 = 220 s; from 300 m (60 s),
    //   1300 m is 1/3 into 1200–1500 → 260 + 50/3, i.e. 216.67 s;
    //   ending at a sample: at 1200 m (260 s) from 200 m (2/3 of 60 s = 40 s) → 220 s; at 1500 m (310 s) from
    //   500 m, half-way through 300–700 → 60 + 50 = 110 s → 200 s.
    // Best: 200 s from 500 m at 110 s, a start between samples.
    @Test
    void anEffortThatEndsAtASampleStartsAtTheInterpolatedTime() {
        double[] d = {0, 300, 700, 1200, 1500};
        double[] t = {0, 60, 160, 260, 310};
        BestEffort effort = BestEfforts.fromStream(d, t, 1000).orElseThrow();
        assertThat(effort.seconds()).isCloseTo(200.0, within(1e-12));
        assertThat(effort.startMetres()).isCloseTo(500.0, within(1e-12));
        assertThat(effort.startSeconds()).isCloseTo(110.0, within(1e-12));
    }

    // Samples at 0, 100, 400, 900, 1050, 1300, 1600 m and 0, 50, 100, 200, 237.5, 300, 360 s (2, 6, 5, 4, 4, 5 m/s).
    // Fastest 1000 m, by hand: starting at a sample: from 0 m, 1000 m is 2/3 into 900–1050 → 200 + 25 = 225 s; from
    // 100 m (50 s), 1100 m is 1/5 into 1050–1300 → 237.5 + 12.5 = 250, i.e. 200 s; from 400 m (100 s), 1400 m is 1/3
    // into 1300–1600 → 320, i.e. 220 s. Ending at a sample: at 1050 m (237.5 s) from 50 m (25 s) → 212.5 s; at
    // 1300 m (300 s) from 300 m (50 + 2/3·50 s) → 216.67 s; at 1600 m (360 s) from 600 m (140 s) → 220 s.
    // Best: 200 s from 100 m at 50 s, ending between samples; the slower efforts that start earlier do not replace it.
    @Test
    void anEffortThatStartsAtASampleEndsAtTheInterpolatedTime() {
        double[] d = {0, 100, 400, 900, 1050, 1300, 1600};
        double[] t = {0, 50, 100, 200, 237.5, 300, 360};
        BestEffort effort = BestEfforts.fromStream(d, t, 1000).orElseThrow();
        assertThat(effort.seconds()).isCloseTo(200.0, within(1e-12));
        assertThat(effort.startMetres()).isEqualTo(100.0);
        assertThat(effort.startSeconds()).isEqualTo(50.0);
    }

    // Samples at 0, 2000, 2300, 3000 m and 0, 500, 560, 735 s (4, 5, 4 m/s). A 1000 m stretch starting in
    // 1300–2000 m holds the whole fast 300 m: 700/4 + 300/5 = 235 s, the fastest. Starting at the 2000 m sample
    // gives 235 s at 500 s; ending at the 2300 m sample gives 235 s from 1300 m, 1300/2000 of 500 s = 325 s: the
    // earlier of the two equally fast efforts, though it starts between samples (hand-worked, exact in binary)
    @Test
    void theEarliestOfEquallyFastEffortsWinsEvenBetweenSamples() {
        double[] d = {0, 2000, 2300, 3000};
        double[] t = {0, 500, 560, 735};
        BestEffort effort = BestEfforts.fromStream(d, t, 1000).orElseThrow();
        assertThat(effort.seconds()).isEqualTo(235.0);
        assertThat(effort.startMetres()).isEqualTo(1300.0);
        assertThat(effort.startSeconds()).isEqualTo(325.0);
    }

    // A stop at 500 m: 0–500 m at 4 m/s (125 s), standing 60 s, 500–1000 m at 5 m/s (100 s). The fastest 500 m starts
    // when the runner leaves the stop (185 s), not when they arrived (125 s, which would make it 160 s)
    @Test
    void anEffortStartsWhenTheRunnerLeavesAStop() {
        double[] d = {0, 500, 500, 1000};
        double[] t = {0, 125, 185, 285};
        BestEffort effort = BestEfforts.fromStream(d, t, 500).orElseThrow();
        assertThat(effort.seconds()).isEqualTo(100.0);
        assertThat(effort.startMetres()).isEqualTo(500.0);
        assertThat(effort.startSeconds()).isEqualTo(185.0);
    }

    // The other way round: 0–500 m at 5 m/s (100 s), a 60-s stop, 500–1000 m at 4 m/s (125 s). The fastest 500 m ends
    // when the runner reaches the stop (100 s), not when they leave it (160 s, which would make the second half's
    // 125 s the best); the 600 m around the stop include it: 100 + 60 + 100/4 = 185 s
    @Test
    void anEffortEndsWhenTheRunnerReachesAStop() {
        double[] d = {0, 500, 500, 1000};
        double[] t = {0, 100, 160, 285};
        assertThat(BestEfforts.fromStream(d, t, 500).orElseThrow().seconds()).isEqualTo(100.0);
        assertThat(BestEfforts.fromStream(d, t, 600).orElseThrow().seconds()).isEqualTo(185.0);
    }

    // An activity exactly as long as the distance is one effort, the whole activity; a metre less is none
    @Test
    void anActivityShorterThanTheDistanceHasNoEffort() {
        double[] d = {10, 510, 1010};
        double[] t = {0, 100, 250};
        BestEffort whole = BestEfforts.fromStream(d, t, 1000).orElseThrow();
        assertThat(whole.seconds()).isEqualTo(250.0);
        assertThat(whole.startMetres()).isEqualTo(10.0);
        assertThat(BestEfforts.fromStream(d, t, 1001)).isEmpty();
        assertThat(BestEfforts.fromStream(new double[] {0}, new double[] {0}, 1))
                .isEmpty();
        assertThat(BestEfforts.fromStream(d, t))
                .extracting(BestEffort::distanceMetres)
                .containsExactly(1000.0);
    }

    // Six 1 km laps of 250, 240, 245, 250, 255 and 230 s: the fastest five in a row are laps 2–6, 240 + 245 + 250 +
    // 255 + 230 = 1220 s from 1000 m at 250 s; the fastest km is lap 6, 230 s from 5000 m at 1240 s; no 10 km
    @Test
    void lapsGiveTheFastestRunOfWholeLaps() {
        List<Lap> laps = List.of(
                new Lap(1000, 250),
                new Lap(1000, 240),
                new Lap(1000, 245),
                new Lap(1000, 250),
                new Lap(1000, 255),
                new Lap(1000, 230));
        BestEffort fiveK = BestEfforts.fromLaps(laps, 5000).orElseThrow();
        assertThat(fiveK.seconds()).isEqualTo(1220.0);
        assertThat(fiveK.coveredMetres()).isEqualTo(5000.0);
        assertThat(fiveK.startMetres()).isEqualTo(1000.0);
        assertThat(fiveK.startSeconds()).isEqualTo(250.0);
        assertThat(fiveK.source()).isEqualTo(BestEffort.Source.LAPS);
        BestEffort oneK = BestEfforts.fromLaps(laps, 1000).orElseThrow();
        assertThat(oneK.seconds()).isEqualTo(230.0);
        assertThat(oneK.startMetres()).isEqualTo(5000.0);
        assertThat(oneK.startSeconds()).isEqualTo(1240.0);
        assertThat(BestEfforts.fromLaps(laps, 10000)).isEmpty();
        assertThat(BestEfforts.fromLaps(laps))
                .extracting(BestEffort::distanceMetres, BestEffort::seconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1000.0, 230.0),
                        org.assertj.core.groups.Tuple.tuple(5000.0, 1220.0));
    }

    // Laps adding up to within 0.5 % of the distance count, unscaled: 5025 m (+0.5 %) and 4975 m (−0.5 %) are a 5 k
    // in their own time; 5025.5 m and 4974.5 m are not
    @Test
    void lapsMustAddUpToTheDistanceWithinHalfAPercent() {
        assertThat(BestEfforts.fromLaps(List.of(new Lap(4000, 1000), new Lap(1025, 260)), 5000))
                .hasValueSatisfying(e -> {
                    assertThat(e.coveredMetres()).isEqualTo(5025.0);
                    assertThat(e.seconds()).isEqualTo(1260.0);
                });
        assertThat(BestEfforts.fromLaps(List.of(new Lap(4000, 1000), new Lap(975, 240)), 5000))
                .hasValueSatisfying(e -> assertThat(e.coveredMetres()).isEqualTo(4975.0));
        assertThat(BestEfforts.fromLaps(List.of(new Lap(4000, 1000), new Lap(1025.5, 260)), 5000))
                .isEmpty();
        assertThat(BestEfforts.fromLaps(List.of(new Lap(4000, 1000), new Lap(974.5, 240)), 5000))
                .isEmpty();
    }

    // A standing rest lap between two 1 km laps belongs to the run of consecutive laps: 250 + 60 + 240 = 550 s; a
    // faster run further on (the 2 km lap, 480 s) wins
    @Test
    void consecutiveLapsIncludeRestLapsAndTheFastestRunWins() {
        List<Lap> laps = List.of(new Lap(1000, 250), new Lap(0, 60), new Lap(1000, 240), new Lap(2000, 480));
        BestEffort twoK = BestEfforts.fromLaps(laps, 2000).orElseThrow();
        assertThat(twoK.seconds()).isEqualTo(480.0);
        assertThat(twoK.startMetres()).isEqualTo(2000.0);
        assertThat(twoK.startSeconds()).isEqualTo(550.0);
        assertThat(BestEfforts.fromLaps(laps.subList(0, 3), 2000).orElseThrow().seconds())
                .isEqualTo(550.0);
        assertThat(BestEfforts.fromLaps(List.of(), 1000)).isEmpty();
    }

    // Two equally fast km laps: the first is reported
    @Test
    void equallyFastLapsGoToTheEarlierOne() {
        BestEffort effort = BestEfforts.fromLaps(List.of(new Lap(1000, 240), new Lap(1000, 240)), 1000)
                .orElseThrow();
        assertThat(effort.startSeconds()).isZero();
    }

    // A 1000 m lap in 240 s, then a slower 1004 m lap (within 0.5 %): the distance reported is the fastest run's
    @Test
    void theCoveredDistanceIsTheFastestRunsOwn() {
        BestEffort effort = BestEfforts.fromLaps(List.of(new Lap(1000, 240), new Lap(1004, 260)), 1000)
                .orElseThrow();
        assertThat(effort.coveredMetres()).isEqualTo(1000.0);
        assertThat(effort.seconds()).isEqualTo(240.0);
    }

    private static double[][] steady(double metresPerSecond, int seconds) {
        double[] d = new double[seconds + 1];
        double[] t = new double[seconds + 1];
        for (int s = 0; s <= seconds; s++) {
            t[s] = s;
            d[s] = s * metresPerSecond;
        }
        return new double[][] {d, t};
    }
}
