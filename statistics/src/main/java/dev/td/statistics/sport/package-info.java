/**
 * Sports-science formulas: estimated one-repetition maximum ({@code OneRepMax}), bodyweight-adjusted
 * strength scores ({@code StrengthScore}), training-load models ({@code TrainingLoad},
 * {@code PmcDay}) and the {@code Sex} their coefficients depend on.
 *
 * <p>May use the root package and {@code numeric}.
 */
package dev.td.statistics.sport;
