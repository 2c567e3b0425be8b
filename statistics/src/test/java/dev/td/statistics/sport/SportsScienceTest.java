package dev.td.statistics.sport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SportsScienceTest {

    // Epley 1985: 100 kg × 5 → 100·(1 + 5/30) = 116.667; Brzycki 1993: 100·36/32 = 112.5 (hand-worked, 1e-9)
    @Test
    void epleyAndBrzyckiMatchTheirPublishedFormulas() {
        assertThat(OneRepMax.epley(100, 5)).isCloseTo(116.6666666667, within(1e-9));
        assertThat(OneRepMax.epley(100, 1)).isEqualTo(100.0);
        assertThat(OneRepMax.brzycki(100, 5)).isCloseTo(112.5, within(1e-9));
    }

    // RTS chart (Tuchscherer 2008): 5 reps @ RPE 8 = 81.1 %, 1 @ 10 = 100 %, 3 @ 9.5 = 90.7 %, 11 @ 6 = 59.9 %
    @Test
    void rpeEstimateUsesTheRtsChartCells() {
        assertThat(OneRepMax.percentOfOneRepMax(5, 8)).isEqualTo(81.1);
        assertThat(OneRepMax.percentOfOneRepMax(1, 10)).isEqualTo(100.0);
        assertThat(OneRepMax.percentOfOneRepMax(3, 9.5)).isEqualTo(90.7);
        assertThat(OneRepMax.percentOfOneRepMax(11, 6)).isEqualTo(59.9);
        assertThat(OneRepMax.fromRpe(100, 5, 8)).isCloseTo(100 / 0.811, within(1e-9));
        assertThatThrownBy(() -> OneRepMax.percentOfOneRepMax(12, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    // Wilks (1998 IPF table): men's coefficient at 90 kg = 0.6384 (4 decimals printed)
    @Test
    void classicWilksCoefficientsMatchThePublishedTable() {
        assertThat(StrengthScore.wilksClassic(1, 90, Sex.MALE)).isCloseTo(0.6384, within(5e-5));
    }

    // DOTS / Wilks 2020 / IPF GL (2020): 600 kg total at 90 kg, men, hand-evaluated from the published
    // coefficients (Python, double precision): 387.9604970607663, 460.1976375255562, 79.7653120514964; 1e-9
    @Test
    void dotsWilks2020AndIpfGoodliftMatchTheirPublishedCoefficients() {
        assertThat(StrengthScore.dots(600, 90, Sex.MALE)).isCloseTo(387.9604970607663, within(1e-9));
        assertThat(StrengthScore.wilks2020(600, 90, Sex.MALE)).isCloseTo(460.1976375255562, within(1e-9));
        assertThat(StrengthScore.ipfGoodlift(600, 90, Sex.MALE)).isCloseTo(79.7653120514964, within(1e-9));
    }

    // GoldenCheetah PMCData.cpp: one day of 100 TSS from zero → CTL = 100(1 − e^(−1/42)) = 2.352831,
    // ATL = 100(1 − e^(−1/7)) = 13.312210; next day's TSB = CTL − ATL = −10.959379 (hand-worked, 1e-6)
    @Test
    void performanceManagementChartUsesGoldenCheetahConstants() {
        List<PmcDay> days = TrainingLoad.performanceManagementChart(new double[] {100, 0});
        assertThat(days.get(0).ctl()).isCloseTo(2.352831, within(1e-6));
        assertThat(days.get(0).atl()).isCloseTo(13.312210, within(1e-6));
        assertThat(days.get(0).tsb()).isEqualTo(0.0);
        assertThat(days.get(1).tsb()).isCloseTo(-10.959379, within(1e-6));
    }

    // Six weeks of 100 TSS a day, then two weeks off. The GoldenCheetah model (PMCData.cpp) has a closed form:
    // after n days of load s from zero, CTL = s(1 − e^(−n/42)), ATL = s(1 − e^(−n/7)); after k rest days each
    // decays by e^(−k/42), e^(−k/7); TSB on a day is the previous day's CTL − ATL. Evaluated in bc -l (scale 30):
    // day 42: CTL 63.212055882855767840, ATL 99.752124782333364158; day 56: CTL 45.293417245806248035,
    // ATL 13.499982060871018006, TSB 30.811665975623737711. The iteration must land on the closed form.
    @Test
    void performanceManagementChartFollowsTheClosedFormOfABlockAndARest() {
        double[] stress = new double[56];
        Arrays.fill(stress, 0, 42, 100);
        List<PmcDay> days = TrainingLoad.performanceManagementChart(stress);
        assertThat(days.get(41).ctl()).isCloseTo(63.212055882855765, within(1e-9));
        assertThat(days.get(41).atl()).isCloseTo(99.75212478233337, within(1e-9));
        assertThat(days.get(55).ctl()).isCloseTo(45.293417245806246, within(1e-9));
        assertThat(days.get(55).atl()).isCloseTo(13.499982060871018, within(1e-9));
        assertThat(days.get(55).tsb()).isCloseTo(30.811665975623736, within(1e-9));
    }

    // Banister TRIMP: 60 min at 150 bpm, rest 60, max 190, men: 60·(90/130)·0.64·e^(1.92·90/130) = 100.44029 (hand,
    // 1e-5)
    @Test
    void banisterTrimpWeightsHeartRateReserveExponentially() {
        assertThat(TrainingLoad.banisterTrimp(60, 150, 60, 190, Sex.MALE)).isCloseTo(100.44029, within(1e-5));
        assertThat(TrainingLoad.sessionRpeLoad(7, 60)).isEqualTo(420.0);
    }

    // DOTS for women and the bodyweight clamps, from the coefficients OpenPowerlifting publishes
    // (modules/coefficients/src/dots.rs: women 40–150 kg, men 40–210 kg), evaluated by Horner's rule in
    // bc -l at scale 30 (400 kg at 60 kg: 443.418249865920409005730118005972; at 40 kg 593.918627232639601137;
    // at 150 kg 308.302658615797483336; men, 700 kg at 210 kg: 346.934463251778999991)
    @Test
    void dotsForWomenAndTheBodyweightClampsMatchThePublishedCoefficients() {
        assertThat(StrengthScore.dots(400, 60, Sex.FEMALE)).isCloseTo(443.4182498659204, within(1e-9));
        assertThat(StrengthScore.dots(400, 35, Sex.FEMALE))
                .as("below 40 kg counts as 40 kg")
                .isCloseTo(593.9186272326396, within(1e-9));
        assertThat(StrengthScore.dots(400, 160, Sex.FEMALE))
                .as("women above 150 kg count as 150 kg")
                .isCloseTo(308.3026586157975, within(1e-9));
        assertThat(StrengthScore.dots(700, 220, Sex.MALE))
                .as("men above 210 kg count as 210 kg")
                .isCloseTo(346.934463251779, within(1e-9));
    }

    // Women's classic Wilks (coefficients a…f = 594.31747775582, −27.23842536447, 0.82112226871,
    // −0.00930733913, 4.731582e−5, −9.054e−8; IPF tables cover 26.51–154.53 kg) and IPF GL points for women,
    // classic full powerlifting (IPF_GL_Coefficients-2020: A 610.32796, B 1045.59282, C 0.03048), evaluated in
    // bc -l at scale 30: Wilks 400 kg at 60 kg 445.954750117220173355, at 26.51 kg 670.968074446822618156,
    // at 154.53 kg 307.259689620073644147; GL 400 kg at 60 kg 90.416057947736808377
    @Test
    void womensWilksAndIpfGlMatchThePublishedCoefficients() {
        assertThat(StrengthScore.wilksClassic(400, 60, Sex.FEMALE)).isCloseTo(445.95475011722016, within(1e-9));
        assertThat(StrengthScore.wilksClassic(400, 20, Sex.FEMALE))
                .as("below the table's 26.51 kg counts as 26.51 kg")
                .isCloseTo(670.9680744468226, within(1e-9));
        assertThat(StrengthScore.wilksClassic(400, 170, Sex.FEMALE))
                .as("above the table's 154.53 kg counts as 154.53 kg")
                .isCloseTo(307.25968962007363, within(1e-9));
        assertThat(StrengthScore.ipfGoodlift(400, 60, Sex.FEMALE)).isCloseTo(90.4160579477368, within(1e-9));
    }

    // ACWR: 21 days at 100 then 7 at 200 → rolling 200/125 = 1.6 (Hulin 2016 coupled, hand-worked); EWMA of a
    // constant load is exactly 1, and of the step the closed form below (Williams 2017)
    @Test
    void acuteChronicWorkloadRatiosFollowTheirDefinitions() {
        double[] load = new double[28];
        Arrays.fill(load, 0, 21, 100);
        Arrays.fill(load, 21, 28, 200);
        assertThat(TrainingLoad.rollingAcwr(load)).isCloseTo(1.6, within(1e-12));
        double[] flat = new double[40];
        Arrays.fill(flat, 50);
        assertThat(TrainingLoad.ewmaAcwr(flat)).isCloseTo(1.0, within(1e-12));
        // EWMA after a step (Williams et al. 2017, λ = 2/(N+1)): both averages sit at 100 through day 21, and
        // k days at 200 leave each at 200 − 100·(1 − λ)^k. With k = 7, λa = 1/4, λc = 2/29 (bc -l, scale 20):
        // acute 186.651611328125, chronic 139.359836467103330581, ratio 1.339350103013253446
        assertThat(TrainingLoad.ewmaAcwr(load)).isCloseTo(1.3393501030132535, within(1e-12));
    }
}
