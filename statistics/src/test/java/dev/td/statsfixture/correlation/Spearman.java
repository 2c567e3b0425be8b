package dev.td.statsfixture.correlation;

/** The second class of a package whose limit the fixture test sets to one. */
public final class Spearman {

    private Spearman() {}

    public static double coefficient(double rho) {
        return rho;
    }
}
