package dev.td.statistics.sport;

import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Sums;
import java.util.ArrayList;
import java.util.List;

/**
 * Training-load models.
 *
 * <ul>
 *   <li>Performance management chart (Coggan; constants and update as GoldenCheetah
 *       {@code PMCData.cpp}): CTL_t = CTL_{t−1}·e^(−1/42) + s_t·(1 − e^(−1/42)), ATL likewise with 7,
 *       TSB_t = CTL_{t−1} − ATL_{t−1}.</li>
 *   <li>Banister TRIMP (Banister 1991; Morton, Fitz-Clarke &amp; Banister 1990):
 *       minutes·ΔHR·b·e^(k·ΔHR), ΔHR = (HR_ex − HR_rest)/(HR_max − HR_rest), b = 0.64, k = 1.92 for men;
 *       b = 0.86, k = 1.67 for women.</li>
 *   <li>Session-RPE load (Foster et al. 2001): CR-10 RPE × minutes.</li>
 *   <li>Acute:chronic workload ratio: rolling 7-day mean / 28-day mean (coupled, Hulin et al. 2016),
 *       and EWMA with λ = 2/(N + 1), N = 7 and 28 (Williams et al. 2017).</li>
 * </ul>
 *
 * <p>For a whole daily series — every day's PMC, coupled, uncoupled and EWMA ratios, monotony and strain, with an
 * explicit reason where a value is undefined — use {@code dev.td.statistics.load.LoadModel}.
 */
public final class TrainingLoad {
    private TrainingLoad() {}

    /** PMC over consecutive daily stress values (rest days as 0), starting from CTL = ATL = 0. */
    public static List<PmcDay> performanceManagementChart(double[] dailyStress) {
        Inputs.requireFinite("dailyStress", dailyStress, 1);
        double lte = Math.exp(-1.0 / 42);
        double ste = Math.exp(-1.0 / 7);
        double ctl = 0;
        double atl = 0;
        List<PmcDay> days = new ArrayList<>(dailyStress.length);
        for (double s : dailyStress) {
            double tsb = ctl - atl;
            ctl = ctl * lte + s * (1 - lte);
            atl = atl * ste + s * (1 - ste);
            days.add(new PmcDay(s, ctl, atl, tsb));
        }
        return days;
    }

    /** Banister TRIMP of one session. */
    public static double banisterTrimp(double minutes, double hrExercise, double hrRest, double hrMax, Sex sex) {
        if (!(minutes >= 0) || !(hrRest > 0) || !(hrMax > hrRest) || !(hrExercise >= hrRest && hrExercise <= hrMax)) {
            throw new IllegalArgumentException(
                    "need minutes ≥ 0 and 0 < hrRest ≤ hrExercise ≤ hrMax, hrMax > hrRest; got " + minutes + ", "
                            + hrExercise + ", " + hrRest + ", " + hrMax);
        }
        double ratio = (hrExercise - hrRest) / (hrMax - hrRest);
        double b = sex == Sex.MALE ? 0.64 : 0.86;
        double k = sex == Sex.MALE ? 1.92 : 1.67;
        return minutes * ratio * b * Math.exp(k * ratio);
    }

    /** Foster session-RPE load: rpe (CR-10, 0–10) × minutes. */
    public static double sessionRpeLoad(double rpe, double minutes) {
        if (!(rpe >= 0 && rpe <= 10) || !(minutes >= 0) || !Double.isFinite(minutes)) {
            throw new IllegalArgumentException("rpe must be 0–10 (CR-10) and minutes ≥ 0; got " + rpe + ", " + minutes);
        }
        return rpe * minutes;
    }

    /** Rolling ACWR for the last day: mean of the last 7 days / mean of the last 28 (needs 28 days). */
    public static double rollingAcwr(double[] dailyLoad) {
        Inputs.requireFinite("dailyLoad", dailyLoad, 28);
        int n = dailyLoad.length;
        double acute = Sums.sum(dailyLoad, n - 7, n) / 7;
        double chronic = Sums.sum(dailyLoad, n - 28, n) / 28;
        if (chronic == 0) {
            throw new IllegalArgumentException("dailyLoad has no load in the last 28 days: the ratio is undefined");
        }
        return acute / chronic;
    }

    /** EWMA ACWR for the last day (Williams et al. 2017), both averages seeded with the first day's load. */
    public static double ewmaAcwr(double[] dailyLoad) {
        Inputs.requireFinite("dailyLoad", dailyLoad, 28);
        double la = 2.0 / (7 + 1);
        double lc = 2.0 / (28 + 1);
        double acute = dailyLoad[0];
        double chronic = dailyLoad[0];
        for (int i = 1; i < dailyLoad.length; i++) {
            acute = dailyLoad[i] * la + (1 - la) * acute;
            chronic = dailyLoad[i] * lc + (1 - lc) * chronic;
        }
        if (chronic == 0) {
            throw new IllegalArgumentException("dailyLoad has no chronic load: the ratio is undefined");
        }
        return acute / chronic;
    }
}
