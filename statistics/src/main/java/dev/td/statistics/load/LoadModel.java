package dev.td.statistics.load;

import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Sums;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The daily training-load model: its constants and the athlete's starting fitness and fatigue, and
 * {@link #series(double[])}, which turns consecutive daily loads into one {@link LoadDay} per day.
 *
 * <ul>
 *   <li><b>Performance management chart</b> (Coggan; constants and update as GoldenCheetah {@code PMCData.cpp}):
 *       CTL_t = CTL_{t−1}·e^(−1/ctlDays) + load_t·(1 − e^(−1/ctlDays)), ATL likewise with atlDays, and
 *       TSB_t = CTL_{t−1} − ATL_{t−1} (GoldenCheetah's default of showing the balance on the following day).
 *       CTL_{−1} and ATL_{−1} are the starting values, 0 unless given. GoldenCheetah seeds a season instead by
 *       setting one value as both CTL and ATL of its first day; here the two are separate and come before the
 *       first day, whose load still counts.</li>
 *   <li><b>ACWR, coupled rolling</b> (Hulin et al. 2016): mean of the last acuteDays days / mean of the last
 *       chronicDays days, the acute days included.</li>
 *   <li><b>ACWR, uncoupled rolling</b> (Windt &amp; Gabbett 2018; Lolli et al. 2019): mean of the last acuteDays
 *       days / mean of the chronicDays − acuteDays days before them.</li>
 *   <li><b>ACWR, EWMA</b> (Williams et al. 2017): EWMA_t = λ·load_t + (1 − λ)·EWMA_{t−1} with λ = 2/(N + 1),
 *       N = 7 (acute) and 28 (chronic); both averages start at the first day's load (the paper leaves the start
 *       open). Reported once chronicDays days are in, like the rolling ratios.</li>
 *   <li><b>Monotony and strain</b> (Foster 1998; Foster et al. 2001): monotony = mean / standard deviation of
 *       the last monotonyDays daily loads, rest days as 0; strain = the window's total load × monotony. Foster
 *       does not say which standard deviation; this is the sample one (divisor n − 1), as R's {@code sd()} and
 *       spreadsheets' {@code STDEV} compute it. A window without variation has no monotony and no strain.</li>
 * </ul>
 *
 * <p>A value the history is too short for, or whose denominator is 0, is an {@link Indicator.Undefined} saying
 * so. Every constant is a component, so a caller can show the model behind the numbers.
 *
 * @param ctlDays       time constant of chronic training load ("fitness"), days; 42 by default
 * @param atlDays       time constant of acute training load ("fatigue"), days; 7 by default
 * @param acuteDays     acute window of the rolling ratios, days; 7 by default
 * @param chronicDays   chronic window of the rolling ratios (the acute days included), days; 28 by default,
 *                      greater than acuteDays
 * @param acuteLambda   EWMA decay of the acute load, in (0, 1]; 2/(7 + 1) = 0.25 by default
 * @param chronicLambda EWMA decay of the chronic load, in (0, 1]; 2/(28 + 1) by default
 * @param monotonyDays  window of monotony, strain and the weekly load, days, at least 2; 7 by default
 * @param startingCtl   CTL before the first day, finite and ≥ 0; 0 by default
 * @param startingAtl   ATL before the first day, finite and ≥ 0; 0 by default
 */
public record LoadModel(
        int ctlDays,
        int atlDays,
        int acuteDays,
        int chronicDays,
        double acuteLambda,
        double chronicLambda,
        int monotonyDays,
        double startingCtl,
        double startingAtl) {

    public LoadModel {
        if (ctlDays < 1 || atlDays < 1 || acuteDays < 1) {
            throw new IllegalArgumentException("ctlDays, atlDays and acuteDays must be at least 1, were " + ctlDays
                    + ", " + atlDays + ", " + acuteDays);
        }
        if (chronicDays <= acuteDays) {
            throw new IllegalArgumentException("chronicDays must be greater than acuteDays (" + acuteDays
                    + ") so the uncoupled ratio has a chronic window, was " + chronicDays);
        }
        if (!(acuteLambda > 0 && acuteLambda <= 1) || !(chronicLambda > 0 && chronicLambda <= 1)) {
            throw new IllegalArgumentException(
                    "acuteLambda and chronicLambda must be in (0, 1], were " + acuteLambda + ", " + chronicLambda);
        }
        if (monotonyDays < 2) {
            throw new IllegalArgumentException(
                    "monotonyDays must be at least 2 (a standard deviation needs two days), was " + monotonyDays);
        }
        requireStartingLoad("startingCtl", startingCtl);
        requireStartingLoad("startingAtl", startingAtl);
    }

    /** CTL 42 d, ATL 7 d, rolling windows 7 and 28 d, EWMA λ 2/(7 + 1) and 2/(28 + 1), monotony over 7 d, from 0. */
    public static LoadModel withDefaults() {
        return new LoadModel(42, 7, 7, 28, 2.0 / (7 + 1), 2.0 / (28 + 1), 7, 0, 0);
    }

    /** This model for an athlete whose history starts mid-season, with CTL and ATL as they were the day before. */
    public LoadModel withStartingLoad(double ctl, double atl) {
        return new LoadModel(
                ctlDays, atlDays, acuteDays, chronicDays, acuteLambda, chronicLambda, monotonyDays, ctl, atl);
    }

    /**
     * One {@link LoadDay} per daily load.
     *
     * @param dailyLoad consecutive daily loads (TSS, session-RPE load…), rest days as 0; finite, ≥ 0, at least one
     */
    public LoadSeries series(double[] dailyLoad) {
        Inputs.requireFinite("dailyLoad", dailyLoad, 1);
        for (int i = 0; i < dailyLoad.length; i++) {
            if (dailyLoad[i] < 0) {
                throw new IllegalArgumentException("dailyLoad[" + i + "] is " + dailyLoad[i]
                        + ": a load cannot be negative; enter a rest day as 0");
            }
        }
        double ctlDecay = Math.exp(-1.0 / ctlDays);
        double atlDecay = Math.exp(-1.0 / atlDays);
        double ctl = startingCtl;
        double atl = startingAtl;
        double acuteEwma = dailyLoad[0];
        double chronicEwma = dailyLoad[0];
        List<LoadDay> days = new ArrayList<>(dailyLoad.length);
        for (int t = 0; t < dailyLoad.length; t++) {
            double load = dailyLoad[t];
            double tsb = ctl - atl;
            ctl = ctl * ctlDecay + load * (1 - ctlDecay);
            atl = atl * atlDecay + load * (1 - atlDecay);
            acuteEwma = acuteLambda * load + (1 - acuteLambda) * acuteEwma;
            chronicEwma = chronicLambda * load + (1 - chronicLambda) * chronicEwma;
            days.add(day(dailyLoad, t + 1, ctl, atl, tsb, acuteEwma, chronicEwma));
        }
        return new LoadSeries(days, this, method());
    }

    /** What {@link #series} computes, with this model's constants. */
    public String method() {
        return "PMC (Coggan; GoldenCheetah PMCData.cpp): CTL time constant " + ctlDays + " d, ATL " + atlDays
                + " d, TSB = previous day's CTL − ATL, starting CTL " + startingCtl + ", ATL " + startingAtl
                + "; ACWR coupled rolling " + acuteDays + " d / " + chronicDays + " d (Hulin et al. 2016), uncoupled "
                + acuteDays + " d / the " + (chronicDays - acuteDays) + " d before (Windt & Gabbett 2018), EWMA λ "
                + acuteLambda + " / " + chronicLambda + " started at the first day's load (Williams et al. 2017); "
                + "monotony = mean / sample SD (n − 1) of the last " + monotonyDays + " days, strain = their total ×"
                + " monotony (Foster 1998)";
    }

    /** The day that ends the first {@code history} loads. */
    private LoadDay day(
            double[] load, int history, double ctl, double atl, double tsb, double acuteEwma, double chronicEwma) {
        Indicator coupled;
        Indicator uncoupled;
        Indicator ewma;
        if (history < chronicDays) {
            coupled = uncoupled = ewma = tooShort(chronicDays, history);
        } else {
            double acute = Sums.sum(load, history - acuteDays, history) / acuteDays;
            coupled = ratio(acute, Sums.sum(load, history - chronicDays, history) / chronicDays);
            uncoupled = ratio(
                    acute, Sums.sum(load, history - chronicDays, history - acuteDays) / (chronicDays - acuteDays));
            ewma = ratio(acuteEwma, chronicEwma);
        }
        Indicator weekly;
        Indicator monotony;
        Indicator strain;
        if (history < monotonyDays) {
            weekly = monotony = strain = tooShort(monotonyDays, history);
        } else {
            double[] window = Arrays.copyOfRange(load, history - monotonyDays, history);
            double total = Sums.sum(window, 0, monotonyDays);
            weekly = new Indicator.Defined(total);
            monotony = monotony(window);
            strain = monotony instanceof Indicator.Defined m ? new Indicator.Defined(total * m.value()) : monotony;
        }
        return new LoadDay(load[history - 1], ctl, atl, tsb, coupled, uncoupled, ewma, weekly, monotony, strain);
    }

    private static Indicator ratio(double acute, double chronic) {
        if (chronic == 0) {
            return new Indicator.Undefined(
                    Indicator.Reason.NO_CHRONIC_LOAD, "no load in the chronic window: the ratio's denominator is 0");
        }
        return new Indicator.Defined(acute / chronic);
    }

    private static Indicator monotony(double[] window) {
        double mean = Sums.mean(window);
        double sd = Math.sqrt(Sums.sumOfSquaredDeviations(window, mean) / (window.length - 1));
        if (sd == 0) {
            return new Indicator.Undefined(
                    Indicator.Reason.NO_VARIATION,
                    "every one of the last " + window.length + " daily loads is " + window[0]
                            + ": their standard deviation is 0, so monotony (mean / SD) and strain are undefined");
        }
        return new Indicator.Defined(mean / sd);
    }

    private static Indicator tooShort(int needed, int history) {
        return new Indicator.Undefined(
                Indicator.Reason.NOT_ENOUGH_HISTORY, "needs " + needed + " days of load, has " + history);
    }

    private static void requireStartingLoad(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite load ≥ 0, was " + value);
        }
    }
}
