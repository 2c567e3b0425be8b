package dev.td.statistics.load;

/**
 * One day of a {@link LoadSeries}: the day's load, the performance management chart, the acute:chronic workload
 * ratios, and Foster's weekly load, monotony and strain. Windows and constants are those of the series'
 * {@link LoadModel}.
 *
 * @param load          the day's training load (TSS, session-RPE load…), 0 on a rest day
 * @param ctl           chronic training load ("fitness") after this day
 * @param atl           acute training load ("fatigue") after this day
 * @param tsb           training stress balance ("form") for this day: the previous day's CTL − ATL
 * @param acwrCoupled   rolling acute mean / rolling chronic mean, acute days included (Hulin et al. 2016)
 * @param acwrUncoupled rolling acute mean / mean of the chronic days before the acute ones (Windt &amp; Gabbett 2018)
 * @param acwrEwma      acute EWMA / chronic EWMA (Williams et al. 2017)
 * @param weeklyLoad    total load of the monotony window (Foster's weekly load)
 * @param monotony      mean / sample SD of the monotony window's daily loads (Foster 1998)
 * @param strain        weeklyLoad × monotony (Foster 1998)
 */
public record LoadDay(
        double load,
        double ctl,
        double atl,
        double tsb,
        Indicator acwrCoupled,
        Indicator acwrUncoupled,
        Indicator acwrEwma,
        Indicator weeklyLoad,
        Indicator monotony,
        Indicator strain) {

    public LoadDay {
        if (!(load >= 0)
                || !Double.isFinite(load)
                || !Double.isFinite(ctl)
                || !Double.isFinite(atl)
                || !Double.isFinite(tsb)) {
            throw new IllegalArgumentException("a load day needs a finite load ≥ 0 and finite CTL, ATL and TSB; got "
                    + load + ", " + ctl + ", " + atl + ", " + tsb);
        }
        if (acwrCoupled == null
                || acwrUncoupled == null
                || acwrEwma == null
                || weeklyLoad == null
                || monotony == null
                || strain == null) {
            throw new IllegalArgumentException("a load day needs every indicator (an Indicator.Undefined when none)");
        }
    }
}
