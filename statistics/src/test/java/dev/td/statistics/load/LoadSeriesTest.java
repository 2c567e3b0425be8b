package dev.td.statistics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSeriesTest {
    private static final LoadModel MODEL = LoadModel.withDefaults();

    // GoldenCheetah PMCData.cpp: one day of 100 from zero → CTL = 100(1 − e^(−1/42)) = 2.352831334775676990,
    // ATL = 100(1 − e^(−1/7)) = 13.312210024981837249 (bc -l, scale 30); TSB is the previous day's CTL − ATL, so 0 on
    // the first day and 2.352831… − 13.312210… = −10.959378690206160259 on the second
    @Test
    void oneDayOfLoadFromZeroFollowsGoldenCheetahsRecurrence() {
        List<LoadDay> days = MODEL.series(new double[] {100, 0}).days();
        assertThat(days.get(0).load()).isEqualTo(100.0);
        assertThat(days.get(0).ctl()).isCloseTo(2.352831334775677, within(1e-12));
        assertThat(days.get(0).atl()).isCloseTo(13.312210024981837, within(1e-12));
        assertThat(days.get(0).tsb()).isZero();
        assertThat(days.get(1).load()).isZero();
        assertThat(days.get(1).tsb()).isCloseTo(-10.95937869020616, within(1e-12));
    }

    // A constant daily load L from zero gives CTL = L(1 − e^(−n/42)) after n days: 1,000 days of 80 leave CTL at
    // 79.999999996346196565 (bc -l) and ATL at 80 to within 80·e^(−1000/7) ≈ 1e−60
    @Test
    void aConstantDailyLoadConvergesToThatLoad() {
        double[] load = new double[1000];
        Arrays.fill(load, 80);
        LoadDay last = MODEL.series(load).last();
        assertThat(last.ctl()).isCloseTo(79.9999999963462, within(1e-9));
        assertThat(last.atl()).isCloseTo(80.0, within(1e-9));
        assertThat(last.tsb()).isCloseTo(79.9999999963462 - 80, within(1e-9));
    }

    // Seeded mid-season with CTL 50 and ATL 70 the day before, then one day of 100:
    // CTL = 50·e^(−1/42) + 100(1 − e^(−1/42)) = 100 − 50e^(−1/42) = 51.176415667387838495,
    // ATL = 100 − 30e^(−1/7) = 73.993663007494551175 (bc -l, scale 30); TSB of that day = 50 − 70 = −20
    @Test
    void startingValuesStandForTheDayBeforeTheFirst() {
        LoadModel seeded = MODEL.withStartingLoad(50, 70);
        LoadDay first = seeded.series(new double[] {100}).last();
        assertThat(first.ctl()).isCloseTo(51.17641566738784, within(1e-12));
        assertThat(first.atl()).isCloseTo(73.99366300749455, within(1e-12));
        assertThat(first.tsb()).isEqualTo(-20.0);
        assertThat(seeded.startingCtl()).isEqualTo(50.0);
        assertThat(seeded.startingAtl()).isEqualTo(70.0);
        assertThat(seeded.series(new double[] {100}).model()).isEqualTo(seeded);
    }

    // A model seeded at L and fed L stays at L: L·e^(−1/τ) + L(1 − e^(−1/τ)) = L
    @Test
    void aSeededModelFedItsOwnLevelStaysThere() {
        double[] load = new double[10];
        Arrays.fill(load, 60);
        for (LoadDay day : MODEL.withStartingLoad(60, 60).series(load).days()) {
            assertThat(day.ctl()).isCloseTo(60.0, within(1e-12));
            assertThat(day.atl()).isCloseTo(60.0, within(1e-12));
            assertThat(day.tsb()).isCloseTo(0.0, within(1e-12));
        }
    }

    // 21 days at 100, then 7 at 200 (hand-worked): coupled (Hulin et al. 2016) = 200 / ((21·100 + 7·200)/28) =
    // 200/125 = 1.6; uncoupled (Windt & Gabbett 2018) = 200 / 100 = 2.0. EWMA (Williams et al. 2017, λ = 2/(N+1)):
    // both averages sit at 100 through day 21, and 7 days at 200 leave each at 200 − 100(1 − λ)^7: acute
    // 186.651611328125, chronic 139.359836467103330581, ratio 1.339350103013253446 (bc -l, scale 20)
    @Test
    void coupledUncoupledAndEwmaRatiosOfAStepInLoad() {
        LoadDay day28 = MODEL.series(step()).last();
        assertThat(value(day28.acwrCoupled())).isCloseTo(1.6, within(1e-12));
        assertThat(value(day28.acwrUncoupled())).isCloseTo(2.0, within(1e-12));
        assertThat(value(day28.acwrEwma())).isCloseTo(1.3393501030132535, within(1e-12));
    }

    // One more day, at 0 (hand-worked): acute = (6·200 + 0)/7; coupled chronic = days 2–29 = (20·100 + 7·200 + 0)/28,
    // ratio = (1200/7)/(3400/28) = 4800/3400 = 1.411764705882352941; uncoupled chronic = days 2–22 = (20·100 + 200)/21,
    // ratio = (1200/7)/(2200/21) = 3600/2200 = 1.636363636363636364. EWMA: acute 0.75·186.651611328125 =
    // 139.98870849609375, chronic (27/29)·139.359836467103330581 = 129.748813262475514676, ratio
    // 1.078920916316231943 (bc -l). The windows move with the day.
    @Test
    void theWindowsMoveOnWithEachDay() {
        double[] load = Arrays.copyOf(step(), 29);
        LoadDay day29 = MODEL.series(load).last();
        assertThat(value(day29.acwrCoupled())).isCloseTo(1.411764705882353, within(1e-12));
        assertThat(value(day29.acwrUncoupled())).isCloseTo(1.6363636363636365, within(1e-12));
        assertThat(value(day29.acwrEwma())).isCloseTo(1.0789209163162319, within(1e-12));
    }

    // Every ratio needs 28 days: day 27 has none, and says how many days it has
    @Test
    void ratiosBeforeTwentyEightDaysSayThereIsNotEnoughHistory() {
        List<LoadDay> days = MODEL.series(step()).days();
        for (int d = 0; d < 27; d++) {
            for (Indicator ratio : List.of(
                    days.get(d).acwrCoupled(),
                    days.get(d).acwrUncoupled(),
                    days.get(d).acwrEwma())) {
                assertThat(ratio)
                        .isEqualTo(new Indicator.Undefined(
                                Indicator.Reason.NOT_ENOUGH_HISTORY, "needs 28 days of load, has " + (d + 1)));
            }
        }
        assertThat(days.get(27).acwrCoupled()).isInstanceOf(Indicator.Defined.class);
    }

    // 21 rest days, then 7 days of 100: coupled = 100/(700/28) = 4; the 21 days before the acute week hold no load, so
    // the uncoupled ratio has a zero denominator. EWMA from a first day of 0: acute 100(1 − 0.75^7), chronic
    // 100(1 − (27/29)^7), ratio 2.201523662339090157 (bc -l)
    @Test
    void aRatioWithoutChronicLoadSaysSoInsteadOfDividingByZero() {
        double[] load = new double[28];
        Arrays.fill(load, 21, 28, 100);
        LoadDay day = MODEL.series(load).last();
        assertThat(value(day.acwrCoupled())).isCloseTo(4.0, within(1e-12));
        assertThat(day.acwrUncoupled())
                .isEqualTo(new Indicator.Undefined(
                        Indicator.Reason.NO_CHRONIC_LOAD,
                        "no load in the chronic window: the ratio's denominator is 0"));
        assertThat(value(day.acwrEwma())).isCloseTo(2.20152366233909, within(1e-12));

        LoadDay idle = MODEL.series(new double[28]).last();
        assertThat(idle.acwrCoupled()).isEqualTo(day.acwrUncoupled());
        assertThat(idle.acwrEwma()).isEqualTo(day.acwrUncoupled());
    }

    // Foster 1998 / Foster et al. 2001, a worked week: loads 300, 0, 450, 300, 0, 600, 300.
    // Total 1950, mean 1950/7 = 278.571428571; Σx² = 832,500, Σ(x − mean)² = 832,500 − 1950²/7 = 2,025,000/7;
    // sample SD (n − 1) = √(2,025,000/42) = 219.577516413419965; monotony = 278.571428571/219.577516413 =
    // 1.268670094833093133; strain = 1950 × monotony = 2473.906684924531610 (bc -l, scale 30). (With the population
    // SD, √(2,025,000/49) = 203.289, monotony would be 1.370 — the test tells the two apart.)
    @Test
    void monotonyAndStrainOfAWorkedWeek() {
        double[] week = {300, 0, 450, 300, 0, 600, 300};
        LoadDay day7 = MODEL.series(week).last();
        assertThat(value(day7.weeklyLoad())).isEqualTo(1950.0);
        assertThat(value(day7.monotony())).isCloseTo(1.2686700948330931, within(1e-12));
        assertThat(value(day7.strain())).isCloseTo(2473.9066849245314, within(1e-9));
    }

    // The next day, 150: the window is 0, 450, 300, 0, 600, 300, 150: total 1800, Σx² = 765,000,
    // Σ(x − mean)² = 765,000 − 1800²/7; monotony = (1800/7)/√(that/6) = 1.145892625342614580, strain = 1800 ×
    // monotony = 2062.606725616706244 (bc -l). Before day 7 there is no week yet.
    @Test
    void monotonyRollsWithTheLastSevenDays() {
        List<LoadDay> days =
                MODEL.series(new double[] {300, 0, 450, 300, 0, 600, 300, 150}).days();
        assertThat(value(days.get(7).weeklyLoad())).isEqualTo(1800.0);
        assertThat(value(days.get(7).monotony())).isCloseTo(1.1458926253426145, within(1e-12));
        assertThat(value(days.get(7).strain())).isCloseTo(2062.606725616706, within(1e-9));
        Indicator tooShort =
                new Indicator.Undefined(Indicator.Reason.NOT_ENOUGH_HISTORY, "needs 7 days of load, has 6");
        assertThat(days.get(5).weeklyLoad()).isEqualTo(tooShort);
        assertThat(days.get(5).monotony()).isEqualTo(tooShort);
        assertThat(days.get(5).strain()).isEqualTo(tooShort);
    }

    // Seven equal days: SD 0, so mean/SD has no value (never Infinity); the weekly load is still 350
    @Test
    void aWeekWithoutVariationHasNoMonotonyAndNoStrain() {
        double[] week = {50, 50, 50, 50, 50, 50, 50};
        LoadDay day = MODEL.series(week).last();
        Indicator none = new Indicator.Undefined(
                Indicator.Reason.NO_VARIATION,
                "every one of the last 7 daily loads is 50.0: their standard deviation is 0, so monotony (mean / SD)"
                        + " and strain are undefined");
        assertThat(day.monotony()).isEqualTo(none);
        assertThat(day.strain()).isEqualTo(none);
        assertThat(value(day.weeklyLoad())).isEqualTo(350.0);
    }

    // A two-day monotony window over loads 1 and 3: mean 2, sample SD √2, monotony √2 = 1.414213562 (population SD 1
    // would give 2); rolling windows of 1 and 2 days: coupled = 3/2, uncoupled = 3/1
    @Test
    void everyWindowFollowsTheModelsConstants() {
        LoadModel shortWindows = new LoadModel(42, 7, 1, 2, 0.5, 0.25, 2, 0, 0);
        LoadDay day = shortWindows.series(new double[] {1, 3}).last();
        assertThat(value(day.monotony())).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(value(day.acwrCoupled())).isCloseTo(1.5, within(1e-12));
        assertThat(value(day.acwrUncoupled())).isCloseTo(3.0, within(1e-12));
        // EWMA from a first day of 1 with λ 0.5 (acute) and 0.25 (chronic): 0.5·3 + 0.5·1 = 2 over 0.25·3 + 0.75·1
        // = 1.5, ratio 4/3
        assertThat(value(day.acwrEwma())).isCloseTo(4.0 / 3, within(1e-12));
    }

    // CTL and ATL time constants are the model's: with τ = 1 day, one day of 100 gives 100(1 − e^(−1)) =
    // 63.212055882855767840 (bc -l)
    @Test
    void theTimeConstantsAreTheModels() {
        LoadModel fast = new LoadModel(1, 1, 7, 28, 0.25, 2.0 / 29, 7, 0, 0);
        LoadDay day = fast.series(new double[] {100}).last();
        assertThat(day.ctl()).isCloseTo(63.21205588285577, within(1e-12));
        assertThat(day.atl()).isCloseTo(63.21205588285577, within(1e-12));
    }

    @Test
    void theDefaultModelNamesItsConstantsAndSources() {
        assertThat(MODEL).isEqualTo(new LoadModel(42, 7, 7, 28, 0.25, 2.0 / 29, 7, 0, 0));
        LoadSeries series = MODEL.series(new double[] {10});
        assertThat(series.model()).isEqualTo(MODEL);
        assertThat(series.method())
                .isEqualTo(MODEL.method())
                .startsWith("PMC (Coggan; GoldenCheetah PMCData.cpp): CTL time constant 42 d, ATL 7 d")
                .contains("ACWR coupled rolling 7 d / 28 d (Hulin et al. 2016), uncoupled 7 d / the 21 d before")
                .contains("EWMA λ 0.25 / " + 2.0 / 29)
                .contains("monotony = mean / sample SD (n − 1) of the last 7 days");
    }

    @Test
    void aSeriesHasOneDayPerLoadInOrderAndCannotBeChanged() {
        LoadSeries series = MODEL.series(new double[] {5, 6, 7});
        assertThat(series.days()).extracting(LoadDay::load).containsExactly(5.0, 6.0, 7.0);
        assertThat(series.last()).isEqualTo(series.days().get(2));
        assertThatThrownBy(() -> series.days().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anIndicatorOffersItsValueAsAnOptional() {
        assertThat(new Indicator.Defined(1.5).toOptional()).hasValue(1.5);
        assertThat(new Indicator.Undefined(Indicator.Reason.NO_VARIATION, "why").toOptional())
                .isEmpty();
    }

    private static double[] step() {
        double[] load = new double[28];
        Arrays.fill(load, 0, 21, 100);
        Arrays.fill(load, 21, 28, 200);
        return load;
    }

    private static double value(Indicator indicator) {
        return switch (indicator) {
            case Indicator.Defined d -> d.value();
            case Indicator.Undefined u -> throw new AssertionError("expected a value, got " + u);
        };
    }
}
