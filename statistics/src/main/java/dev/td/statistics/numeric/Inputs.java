package dev.td.statistics.numeric;

/** Input validation shared by every method: finite values, enough of them, matching lengths. */
public final class Inputs {
    private Inputs() {}

    /** Rejects null, too-short, NaN or infinite input, naming {@code field}. */
    public static void requireFinite(String field, double[] values, int minimumLength) {
        if (values == null) {
            throw new IllegalArgumentException(field + " must be given (an array of finite numbers)");
        }
        if (values.length < minimumLength) {
            throw new IllegalArgumentException(field + " needs at least " + minimumLength + " values, got "
                    + values.length + ": collect more data before running this analysis");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        field + "[" + i + "] is " + values[i] + ": remove or impute non-finite values first");
            }
        }
    }

    /** a − b for paired observations: both finite, at least 2 pairs, equal lengths. */
    public static double[] pairedDifferences(double[] a, double[] b) {
        requireFinite("a", a, 2);
        requireFinite("b", b, 2);
        requireSameLength("a", a, "b", b);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** Rejects two series of different lengths (paired data, x/y, series a/b). */
    public static void requireSameLength(String first, double[] a, String second, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(first + " and " + second + " must have the same length, got " + a.length
                    + " and " + b.length + ": pair the observations before calling");
        }
    }

    /** Rejects a series whose values are all equal (no variance to work with). */
    public static void requireNotConstant(String field, double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] != values[0]) {
                return;
            }
        }
        throw new IllegalArgumentException(field + " is constant (every value is " + values[0]
                + "): a variance-based statistic is undefined; check the data or use a descriptive summary");
    }

    /** Rejects a confidence level or alpha outside (0, 1). */
    public static double requireProbability(String field, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException(field + " must be in (0, 1), was " + p);
        }
        return p;
    }

    /** Rejects a null configuration value. */
    public static <T> T requireGiven(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be given");
        }
        return value;
    }
}
