package dev.td.statistics.regression;

import dev.td.statistics.Quality;
import java.util.List;
import java.util.Optional;

/**
 * An ordinary-least-squares fit, as produced by {@link LinearRegression}.
 *
 * @param coefficients              coefficients in design order (intercept first when present)
 * @param residualStandardDeviation sqrt(SSE/(n − p))
 * @param rSquared                  1 − SSE/SST; SST is centred with an intercept and uncentred
 *                                  (Σy²) without one, as NIST StRD certifies NoInt1/NoInt2
 * @param centredRSquared           whether {@code rSquared} used the centred total sum of squares
 * @param n                         number of observations
 * @param residualDegreesOfFreedom  n − p
 * @param conditionNumber           2-norm condition number κ of the design (intercept column included) after scaling
 *                                  each column to unit length, as {@code numpy.linalg.cond(X / numpy.linalg.norm(X,
 *                                  axis=0))}; at least 1. Relative changes of about 1/κ in the data can change the
 *                                  coefficients by their own size; designs beyond 1/(max(n, p)·ε) are refused
 * @param quality                   sample size and residual checks (normality, independence, influence)
 */
public record RegressionFit(
        List<Coefficient> coefficients,
        double residualStandardDeviation,
        double rSquared,
        boolean centredRSquared,
        int n,
        int residualDegreesOfFreedom,
        double conditionNumber,
        Quality quality) {
    /**
     * Above this condition number the coefficients are flagged as numerically unstable: 10⁸ ≈ 1/√ε, beyond which
     * half of binary64's 16 digits can be lost, and a relative change of 10⁻⁸ in the inputs — far below the
     * precision of any measurement — can change a coefficient by its own size.
     */
    public static final double UNSTABLE_CONDITION_NUMBER = 1e8;

    public RegressionFit {
        if (coefficients == null || coefficients.isEmpty() || quality == null) {
            throw new IllegalArgumentException("regression fit needs coefficients and quality");
        }
        coefficients = List.copyOf(coefficients);
        if (residualDegreesOfFreedom < 1 || n <= residualDegreesOfFreedom) {
            throw new IllegalArgumentException(
                    "regression residualDegreesOfFreedom must be in [1, n), was " + residualDegreesOfFreedom);
        }
        if (!(conditionNumber >= 1) || Double.isInfinite(conditionNumber)) {
            throw new IllegalArgumentException(
                    "regression conditionNumber must be finite and at least 1, was " + conditionNumber);
        }
    }

    /**
     * Whether the design is so ill-conditioned ({@link #conditionNumber()} above {@link #UNSTABLE_CONDITION_NUMBER})
     * that the individual coefficients are numerically unstable; the fitted values and R² are not affected.
     */
    public boolean coefficientsUnstable() {
        return conditionNumber > UNSTABLE_CONDITION_NUMBER;
    }

    /** The coefficient called {@code name}, if the model has one. */
    public Optional<Coefficient> coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The coefficient at design position {@code index}. */
    public Coefficient coefficient(int index) {
        return coefficients.get(index);
    }
}
