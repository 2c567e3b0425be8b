/**
 * td's statistics: pure functions over arrays of numbers, no I/O, no state. This package holds the
 * result and value types every capability returns — {@code Estimate}, {@code Interval},
 * {@code HypothesisTest}, {@code EffectSize}, {@code Assumption}, {@code Quality},
 * {@code SampleSize}, {@code Alternative}; the methods live in one package per capability
 * ({@code descriptive}, {@code comparison}, {@code correlation}, {@code regression}, {@code trend},
 * {@code anomaly}, {@code sport}, {@code load}) over the shared internals in {@code numeric}.
 *
 * <p>Depends on nothing of the statistics module (the JDK only). Every other package may use it.
 */
package dev.td.statistics;
