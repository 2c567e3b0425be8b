package dev.td.statistics.anomaly;

/**
 * A point flagged by {@link AnomalyDetector}.
 *
 * @param index   position in the series
 * @param value   the observed value
 * @param robustZ (value − rolling median) / (1.4826 · rolling MAD)
 */
public record Anomaly(int index, double value, double robustZ) {}
