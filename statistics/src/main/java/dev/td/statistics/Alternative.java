package dev.td.statistics;

/** The alternative hypothesis of a test, named as in R ({@code alternative = "two.sided"}). */
public enum Alternative {
    /** The effect differs from the null value in either direction. */
    TWO_SIDED,
    /** The effect is greater than the null value (first group larger, positive correlation). */
    GREATER,
    /** The effect is less than the null value. */
    LESS
}
