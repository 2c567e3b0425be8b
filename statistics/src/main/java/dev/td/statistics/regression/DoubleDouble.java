package dev.td.statistics.regression;

/**
 * Double-double arithmetic: an unevaluated sum {@code hi + lo} carrying about 32 significant
 * digits, built on the error-free transformations of Dekker (1971) and Knuth (TAOCP vol. 2,
 * TwoSum), as in Hida, Li &amp; Bailey, "Library for double-double and quad-double arithmetic"
 * (2007). Used where binary64 is not enough (least squares on ill-conditioned designs).
 */
record DoubleDouble(double hi, double lo) {
    static final DoubleDouble ZERO = new DoubleDouble(0, 0);

    static DoubleDouble of(double value) {
        return new DoubleDouble(value, 0);
    }

    private static DoubleDouble quickTwoSum(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    DoubleDouble add(DoubleDouble b) {
        double s = hi + b.hi;
        double bb = s - hi;
        double e = (hi - (s - bb)) + (b.hi - bb);
        double t = lo + b.lo;
        double tb = t - lo;
        double f = (lo - (t - tb)) + (b.lo - tb);
        e += t;
        double s2 = s + e;
        e = e - (s2 - s);
        e += f;
        return quickTwoSum(s2, e);
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    DoubleDouble subtract(DoubleDouble b) {
        return add(b.negate());
    }

    DoubleDouble multiply(DoubleDouble b) {
        double p = hi * b.hi;
        double e = Math.fma(hi, b.hi, -p);
        e += hi * b.lo + lo * b.hi;
        return quickTwoSum(p, e);
    }

    DoubleDouble multiply(double b) {
        double p = hi * b;
        double e = Math.fma(hi, b, -p);
        e += lo * b;
        return quickTwoSum(p, e);
    }

    DoubleDouble divide(DoubleDouble b) {
        double q1 = hi / b.hi;
        DoubleDouble r = subtract(b.multiply(q1));
        double q2 = r.hi / b.hi;
        r = r.subtract(b.multiply(q2));
        double q3 = r.hi / b.hi;
        return quickTwoSum(q1, q2).add(of(q3));
    }

    DoubleDouble sqrt() {
        if (hi <= 0) {
            return ZERO;
        }
        double x = Math.sqrt(hi);
        DoubleDouble residual = subtract(of(x).multiply(x));
        return quickTwoSum(x, residual.hi / (2 * x));
    }

    /** This value times 2^{@code exponent}: exact while neither part overflows or becomes subnormal. */
    DoubleDouble scalb(int exponent) {
        return new DoubleDouble(Math.scalb(hi, exponent), Math.scalb(lo, exponent));
    }

    double doubleValue() {
        return hi + lo;
    }
}
