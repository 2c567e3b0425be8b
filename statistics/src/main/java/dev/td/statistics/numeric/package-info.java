/**
 * The numerics the capabilities share: input validation ({@code Inputs}), compensated sums and
 * moments ({@code Sums}), t and normal tail probabilities and quantiles ({@code Probabilities}),
 * Fisher-z intervals ({@code FisherZ}), mid-ranks ({@code Ranks}), exact rank distributions
 * ({@code RankDistributions}) and sample quantiles ({@code Quantiles}). Public only so the other
 * statistics packages can reach it; not an API for callers outside the module.
 *
 * <p>May use the root package's value types and commons-math3; no other statistics package.
 */
package dev.td.statistics.numeric;
