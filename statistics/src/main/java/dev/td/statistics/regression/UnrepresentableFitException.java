package dev.td.statistics.regression;

/**
 * A fit whose results lie outside the range of binary64 at the scale of the data — for example a slope of about
 * 10⁶⁰⁰ when y is near 10³⁰⁰ and x near 10⁻³⁰⁰ — and therefore cannot be reported honestly.
 * {@link LinearRegression} fits every problem at unit scale (each series scaled by a power of two, which is exact), so
 * this is raised only when the answer itself, scaled back, overflows, or when a non-zero standard error would fall
 * below the normal range and lose its digits.
 */
public final class UnrepresentableFitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The input series to rescale: {@code "y"}, {@code "x"} (line or polynomial) or {@code "x1"}, {@code "x2"}, …. */
    private final String series;

    UnrepresentableFitException(String series, String message) {
        super(message);
        this.series = series;
    }

    /** The input series whose units should change: {@code "y"}, {@code "x"}, or {@code "x1"}, {@code "x2"}, …. */
    public String series() {
        return series;
    }
}
