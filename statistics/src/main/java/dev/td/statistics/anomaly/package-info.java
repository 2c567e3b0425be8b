/**
 * Anomalies in a daily series: points flagged by a rolling robust z ({@code AnomalyDetector},
 * {@code Anomaly}) and a sustained decline of the recent window ({@code DeclineAssessment}).
 *
 * <p>May use the root package, {@code numeric}, {@code descriptive} (the MAD scale) and
 * {@code trend} (Theil–Sen for the decline).
 */
package dev.td.statistics.anomaly;
