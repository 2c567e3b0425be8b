package dev.td.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Assertion by significant digits: |actual − expected| ≤ |expected|·10^−digits (absolute when expected is 0). */
public final class Digits {
    private Digits() {}

    public static void assertSignificant(String what, double actual, double expected, int digits) {
        double tolerance = expected == 0 ? Math.pow(10, -digits) : Math.abs(expected) * Math.pow(10, -digits);
        assertThat(actual).as(what + " to " + digits + " significant digits").isCloseTo(expected, within(tolerance));
    }
}
