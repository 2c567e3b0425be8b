/**
 * Training load and fatigue across the whole record: a load per session with its method named (Foster's
 * session-RPE for strength and endurance alike, Banister's TRIMP from heart rate, Coggan's TSS from power), the
 * daily series, the performance management chart, acute:chronic workload ratios and Foster's monotony and strain
 * (the formulas are the statistics module's); the inputs are folded from the log per month. What proposed
 * sessions would do to the fatigue state (what_if).
 */
package dev.td.server.load;
