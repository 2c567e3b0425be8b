package dev.td.statistics.anomaly;

import dev.td.statistics.Quality;
import dev.td.statistics.trend.TrendEstimate;

/**
 * Whether the recent window of a series shows a sustained decline, from {@link AnomalyDetector#sustainedDecline}.
 *
 * @param declining          slope interval entirely below 0 and the fitted drop over the window exceeds
 *                           the threshold times the baseline's robust SD
 * @param trend              Theil–Sen trend of the recent window
 * @param changeOverWindow   slope · (window − 1): the fitted change across the window
 * @param baselineRobustSd   1.4826 · MAD of the baseline points before the window
 * @param quality            sample sizes and the assumptions behind the call
 */
public record DeclineAssessment(
        boolean declining, TrendEstimate trend, double changeOverWindow, double baselineRobustSd, Quality quality) {}
