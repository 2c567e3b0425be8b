package dev.td.statistics.sport;

/**
 * One day of the performance management chart.
 *
 * @param stress daily training stress (e.g. TSS) of this day
 * @param ctl    chronic training load ("fitness"), 42-day exponential average after this day
 * @param atl    acute training load ("fatigue"), 7-day exponential average after this day
 * @param tsb    training stress balance ("form") for this day = yesterday's CTL − yesterday's ATL
 */
public record PmcDay(double stress, double ctl, double atl, double tsb) {}
