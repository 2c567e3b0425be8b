package dev.td.statistics;

/**
 * One assumption a method checked before (or while) it ran.
 *
 * @param name      short name, e.g. {@code "normality of a"} or {@code "independence"}
 * @param met       whether the check passed
 * @param statistic the statistic the check is based on (e.g. Shapiro–Wilk p-value, lag-1 r)
 * @param detail    human-readable account: the test used, its threshold, and what follows
 */
public record Assumption(String name, boolean met, double statistic, String detail) {
    public Assumption {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("assumption name must be a non-blank string");
        }
        if (detail == null) {
            throw new IllegalArgumentException("assumption detail must be given (may be empty)");
        }
    }
}
