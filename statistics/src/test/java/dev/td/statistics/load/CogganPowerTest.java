package dev.td.statistics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CogganPowerTest {

    // Coggan (Allen & Coggan, Training and Racing with a Power Meter): an hour at a constant 250 W with FTP 250 W.
    // Every 30-s mean is 250, so NP = (250⁴)^(1/4) = 250, IF = 250/250 = 1 and TSS = 3600·250·1/(250·3600)·100 =
    // 100: an hour at FTP scores 100 by definition. 3600 samples give 3600 − 29 = 3571 full windows.
    @Test
    void anHourAtFtpIsOneHundredPoints() {
        double[] watts = new double[3600];
        Arrays.fill(watts, 250);
        NormalizedPower np = CogganPower.normalizedPower(watts, 1);
        assertThat(np.watts()).isEqualTo(new Indicator.Defined(250));
        assertThat(np.durationSeconds()).isEqualTo(3600.0);
        assertThat(np.windows()).isEqualTo(3571);
        TrainingStress tss = CogganPower.trainingStress(np, 250).orElseThrow();
        assertThat(tss.intensityFactor()).isEqualTo(1.0);
        assertThat(tss.score()).isEqualTo(100.0);
        assertThat(tss.normalizedPowerWatts()).isEqualTo(250.0);
        assertThat(tss.ftpWatts()).isEqualTo(250.0);
        assertThat(tss.durationSeconds()).isEqualTo(3600.0);
    }

    // 30 min at 300 W, then 30 min at 200 W, 1 Hz. The 3571 full 30-s windows (window j = samples j−29…j):
    //   1771 windows entirely at 300 W (j = 29…1799), 1771 entirely at 200 W (j = 1829…3599), and 29 across the
    //   change (j = 1800…1828), the k-th holding k samples at 200 and 30 − k at 300: mean 300 − 10k/3, k = 1…29.
    // Σ_{k=1}^{29} (300 − 10k/3)⁴ = (10/3)⁴·Σ_{m=61}^{89} m⁴ = (10⁴/81)·(S₄(89) − S₄(60)) with
    //   S₄(n) = n(n+1)(2n+1)(3n²+3n−1)/30: S₄(89) = 1,148,417,997, S₄(60) = 162,071,998, difference 986,345,999,
    //   so the sum is 121,771,110,987.654320987…
    // NP⁴ = (1771·300⁴ + 1771·200⁴ + 121,771,110,987.654…)/3571 = 4,844,713,276.669743579…,
    // NP = 263.825651852190906693 W (bc -l, scale 30). With FTP 250: IF = 1.055302607408763627,
    // TSS = 3600·NP·IF/(250·3600)·100 = 111.366359320373509113.
    @Test
    void normalizedPowerOfTwoHalfHoursCountsTheWindowsAcrossTheChange() {
        double[] watts = new double[3600];
        Arrays.fill(watts, 0, 1800, 300);
        Arrays.fill(watts, 1800, 3600, 200);
        NormalizedPower np = CogganPower.normalizedPower(watts, 1);
        assertThat(np.watts().toOptional().orElseThrow()).isCloseTo(263.8256518521909, within(1e-9));
        assertThat(np.windows()).isEqualTo(3571);
        TrainingStress tss = CogganPower.trainingStress(np, 250).orElseThrow();
        assertThat(tss.intensityFactor()).isCloseTo(1.0553026074087637, within(1e-12));
        assertThat(tss.score()).isCloseTo(111.3663593203735, within(1e-9));
    }

    // Samples every 5 s: a 30-s window is 6 samples. 6 at 100 W then 6 at 300 W: 7 windows, the k-th (k = 0…6)
    // with k samples at 300: mean 100 + 100k/3 = (100/3)(3 + k). NP⁴ = (100/3)⁴·(3⁴ + 4⁴ + … + 9⁴)/7 =
    // (100/3)⁴·15,316/7 = (100/3)⁴·2188, NP = (100/3)·2188^(1/4) = 227.976758693868224766 W; over 60 s with FTP 200:
    // IF = 1.139883793469341124, TSS = 60·NP·IF/(200·3600)·100 = 2.165558437690092550 (bc -l)
    @Test
    void theWindowSpansThirtySecondsWhateverTheSampleInterval() {
        double[] watts = {100, 100, 100, 100, 100, 100, 300, 300, 300, 300, 300, 300};
        NormalizedPower np = CogganPower.normalizedPower(watts, 5);
        assertThat(np.watts().toOptional().orElseThrow()).isCloseTo(227.97675869386822, within(1e-9));
        assertThat(np.windows()).isEqualTo(7);
        assertThat(np.durationSeconds()).isEqualTo(60.0);
        TrainingStress tss = CogganPower.trainingStress(np, 200).orElseThrow();
        assertThat(tss.intensityFactor()).isCloseTo(1.139883793469341, within(1e-12));
        assertThat(tss.score()).isCloseTo(2.1655584376900925, within(1e-12));
    }

    // Fewer samples than one 30-s window: Coggan's rolling mean starts at the 30-s mark, so there is none
    @Test
    void lessThanThirtySecondsHasNoNormalizedPowerAndSaysWhy() {
        double[] watts = new double[29];
        Arrays.fill(watts, 200);
        NormalizedPower np = CogganPower.normalizedPower(watts, 1);
        assertThat(np.watts())
                .isEqualTo(new Indicator.Undefined(
                        Indicator.Reason.NOT_ENOUGH_SAMPLES,
                        "needs 30 s of power samples (30 at 1.0 s), has 29.0 s (29)"));
        assertThat(np.windows()).isZero();
        assertThat(np.durationSeconds()).isEqualTo(29.0);
        assertThat(CogganPower.trainingStress(np, 250)).isEmpty();
        assertThat(CogganPower.normalizedPower(new double[0], 1).watts()).isInstanceOf(Indicator.Undefined.class);
    }

    // Exactly 30 s is one window: 15 s at 100 W and 15 s at 200 W average 150 W, and NP of one window is its mean
    @Test
    void thirtySecondsIsOneWindow() {
        double[] watts = new double[30];
        Arrays.fill(watts, 0, 15, 100);
        Arrays.fill(watts, 15, 30, 200);
        NormalizedPower np = CogganPower.normalizedPower(watts, 1);
        assertThat(np.watts().toOptional().orElseThrow()).isCloseTo(150.0, within(1e-12));
        assertThat(np.windows()).isEqualTo(1);
    }

    // A 30-s sample interval makes every sample its own window: NP = (mean of p⁴)^(1/4); 100 and 300 W give
    // ((100⁴ + 300⁴)/2)^(1/4) = (41·10⁸)^(1/4) = 253.043953443524287000 (bc -l, scale 30)
    @Test
    void aThirtySecondIntervalMakesEachSampleAWindow() {
        NormalizedPower np = CogganPower.normalizedPower(new double[] {100, 300}, 30);
        assertThat(np.windows()).isEqualTo(2);
        assertThat(np.watts().toOptional().orElseThrow()).isCloseTo(253.0439534435243, within(1e-9));
    }

    // Coggan: TSS = hours × IF² × 100; 90 min at NP 200 W with FTP 250 W: IF 0.8, TSS = 1.5 × 0.64 × 100 = 96
    @Test
    void trainingStressFromAKnownNormalizedPower() {
        TrainingStress tss = CogganPower.trainingStress(5400, 200, 250);
        assertThat(tss.intensityFactor()).isCloseTo(0.8, within(1e-15));
        assertThat(tss.score()).isCloseTo(96.0, within(1e-12));
        assertThat(tss.method()).startsWith("training stress score (Coggan)");
    }

    // A ride at 0 W (a trainer session with the power meter reading 0) is defined: NP 0, TSS 0
    @Test
    void zeroPowerScoresZero() {
        NormalizedPower np = CogganPower.normalizedPower(new double[60], 1);
        assertThat(np.watts()).isEqualTo(new Indicator.Defined(0));
        assertThat(CogganPower.trainingStress(np, 250).orElseThrow().score()).isZero();
        assertThat(np.method()).startsWith("normalized power (Coggan;");
    }
}
