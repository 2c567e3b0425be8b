package dev.td.statistics;

import java.util.OptionalDouble;

/**
 * One assumption a method checked before (or while) it ran, or says it could not check.
 *
 * <p>The statistic and the p-value are separate fields: a Shapiro–Wilk check carries W as its
 * statistic and the test's p-value as {@code pValue}; a lag-1 autocorrelation check carries r1 and
 * no p-value.
 *
 * @param name      short name, e.g. {@code "normality of a"} or {@code "independence"}
 * @param outcome   met, failed, or not checked (a check without power or without enough data)
 * @param statistic the statistic the check is based on (W, lag-1 r, Cook's D, …), if one was computed
 * @param pValue    the check's p-value, when it is a hypothesis test
 * @param detail    human-readable account: the test used, its threshold, and what follows
 */
public record Assumption(String name, Outcome outcome, OptionalDouble statistic, OptionalDouble pValue, String detail) {

    /** What came of a check. */
    public enum Outcome {
        MET,
        FAILED,
        /** The check was not run (too little data, no power); {@code detail} says why and what was assumed. */
        NOT_CHECKED
    }

    public Assumption {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("assumption name must be a non-blank string");
        }
        if (outcome == null || statistic == null || pValue == null) {
            throw new IllegalArgumentException(
                    "assumption outcome, statistic and pValue must be given (use OptionalDouble.empty())");
        }
        if (detail == null) {
            throw new IllegalArgumentException("assumption detail must be given (may be empty)");
        }
        if (statistic.isPresent() && Double.isNaN(statistic.getAsDouble())) {
            throw new IllegalArgumentException("assumption statistic must not be NaN: leave it empty instead");
        }
        if (pValue.isPresent() && !(pValue.getAsDouble() >= 0 && pValue.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("assumption pValue must be in [0, 1], was " + pValue.getAsDouble());
        }
    }

    /** A check judged by a statistic that is not a test (a NaN statistic is recorded as none). */
    public static Assumption judged(String name, boolean met, double statistic, String detail) {
        return new Assumption(
                name,
                met ? Outcome.MET : Outcome.FAILED,
                Double.isNaN(statistic) ? OptionalDouble.empty() : OptionalDouble.of(statistic),
                OptionalDouble.empty(),
                detail);
    }

    /** A check by a hypothesis test with its statistic and p-value. */
    public static Assumption tested(String name, boolean met, double statistic, double pValue, String detail) {
        return new Assumption(
                name,
                met ? Outcome.MET : Outcome.FAILED,
                OptionalDouble.of(statistic),
                OptionalDouble.of(pValue),
                detail);
    }

    /** A check that was not run; {@code why} says why and what the method assumed instead. */
    public static Assumption notChecked(String name, String why) {
        return new Assumption(name, Outcome.NOT_CHECKED, OptionalDouble.empty(), OptionalDouble.empty(), why);
    }

    /** This assumption under another name (for answers that combine several methods' checks). */
    public Assumption renamed(String newName) {
        return new Assumption(newName, outcome, statistic, pValue, detail);
    }

    /** Whether the check ran and passed. */
    public boolean met() {
        return outcome == Outcome.MET;
    }

    /** Whether the check ran and failed. */
    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
