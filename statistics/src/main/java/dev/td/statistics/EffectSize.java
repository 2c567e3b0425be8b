package dev.td.statistics;

/**
 * An effect size with its confidence interval.
 *
 * @param measure what is measured and which variant, e.g. {@code "Hedges' g (J = 1 − 3/(4(n1+n2) − 9))"}
 * @param value   the effect size
 * @param ci      its confidence interval (method stated in the producing class's Javadoc)
 */
public record EffectSize(String measure, double value, Interval ci) {
    public EffectSize {
        if (measure == null || measure.isBlank() || ci == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("effect size needs a measure name, a finite value and a ci");
        }
    }
}
