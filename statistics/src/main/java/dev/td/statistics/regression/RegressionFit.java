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
 * @param quality                   sample size and residual checks (normality, independence, influence)
 */
public record RegressionFit(
        List<Coefficient> coefficients,
        double residualStandardDeviation,
        double rSquared,
        boolean centredRSquared,
        int n,
        int residualDegreesOfFreedom,
        Quality quality) {
    public RegressionFit {
        if (coefficients == null || coefficients.isEmpty() || quality == null) {
            throw new IllegalArgumentException("regression fit needs coefficients and quality");
        }
        coefficients = List.copyOf(coefficients);
        if (residualDegreesOfFreedom < 1 || n <= residualDegreesOfFreedom) {
            throw new IllegalArgumentException(
                    "regression residualDegreesOfFreedom must be in [1, n), was " + residualDegreesOfFreedom);
        }
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
