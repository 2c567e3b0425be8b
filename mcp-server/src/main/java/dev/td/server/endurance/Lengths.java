package dev.td.server.endurance;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Lengths as people log them (km, mi, m, yd; elevations in m or ft) and in metres. The factors are exact by the
 * international yard and pound agreement of 1959 (1 yd = 0.9144 m, so 1 mi = 1760 yd = 1609.344 m and 1 ft =
 * 0.3048 m), and the product is formed in decimal, so 6.2 mi is 9977.9328 m and not a binary neighbour of it.
 */
final class Lengths {

    private static final Map<String, BigDecimal> METRES_PER = Map.of(
            "m", BigDecimal.ONE,
            "km", new BigDecimal("1000"),
            "mi", new BigDecimal("1609.344"),
            "yd", new BigDecimal("0.9144"),
            "ft", new BigDecimal("0.3048"));

    static final double METRES_PER_MILE = 1609.344;
    static final double METRES_PER_YARD = 0.9144;
    static final double METRES_PER_FOOT = 0.3048;

    private Lengths() {}

    /** {@code value} {@code unit} in metres. */
    static double metres(BigDecimal value, String unit) {
        return value.multiply(factor(unit)).doubleValue();
    }

    /** {@code metres} in {@code unit}. */
    static double in(double metres, String unit) {
        return metres / factor(unit).doubleValue();
    }

    /** Whether td knows the unit. */
    static boolean known(String unit) {
        return METRES_PER.containsKey(unit);
    }

    private static BigDecimal factor(String unit) {
        BigDecimal f = METRES_PER.get(unit);
        if (f == null) {
            throw new IllegalArgumentException("unknown length unit " + unit);
        }
        return f;
    }
}
