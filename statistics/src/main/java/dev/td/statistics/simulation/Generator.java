package dev.td.statistics.simulation;

import java.util.SplittableRandom;

/** The data the coverage simulation draws: iid normal, skewed, heavy-tailed, and AR(1) series. */
public enum Generator {
    NORMAL("iid normal", 0),
    LOGNORMAL("lognormal(0,1)", Math.exp(0.5)),
    T3("t, 3 df", 0),
    AR03("AR(1) φ 0.3", 0),
    AR06("AR(1) φ 0.6", 0),
    AR09("AR(1) φ 0.9", 0);

    private final String label;
    private final double mean;

    Generator(String label, double mean) {
        this.label = label;
        this.mean = mean;
    }

    /** How the table names it. */
    public String label() {
        return label;
    }

    /** The true mean of every value. */
    public double mean() {
        return mean;
    }

    /** The AR(1) coefficient, 0 for the iid generators. */
    public double phi() {
        return switch (this) {
            case AR03 -> 0.3;
            case AR06 -> 0.6;
            case AR09 -> 0.9;
            default -> 0;
        };
    }

    /** n values; AR(1) series start in their stationary distribution. */
    public double[] sample(SplittableRandom random, int n) {
        double[] x = new double[n];
        double phi = phi();
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian();
            x[i] = switch (this) {
                case NORMAL -> z;
                case LOGNORMAL -> Math.exp(z);
                case T3 -> {
                    double a = random.nextGaussian();
                    double b = random.nextGaussian();
                    double c = random.nextGaussian();
                    yield z / Math.sqrt((a * a + b * b + c * c) / 3);
                }
                default -> i == 0 ? z / Math.sqrt(1 - phi * phi) : phi * x[i - 1] + z;
            };
        }
        return x;
    }
}
