package dev.td.statistics.sport;

/**
 * Estimated one-repetition maximum (e1RM) from a submaximal set.
 *
 * <ul>
 *   <li>Epley (1985): 1RM = w·(1 + reps/30); a single (reps = 1) returns w.</li>
 *   <li>Brzycki (1993): 1RM = w·36/(37 − reps); valid for reps ≤ 10 (Brzycki's stated range).</li>
 *   <li>RPE-based: 1RM = w / (%1RM at reps × RPE), the %1RM from Tuchscherer's Reactive Training
 *       Systems chart (RTS, <i>The Reactive Training Manual</i>, 2008). The chart depends only on
 *       reps + (10 − RPE) ("reps in reserve" shifts), in half-rep steps from 1 (100 %) to 15.5
 *       (58.6 %); the 12 reps @ RPE 6 cell is published inconsistently (57.2/57.4) and is not
 *       supported.</li>
 * </ul>
 */
public final class OneRepMax {
    /** %1RM for effective reps 1, 1.5, 2, …, 15.5 (index = 2·(reps + 10 − RPE) − 2). */
    private static final double[] RTS_PERCENT = {
        100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1,
        73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6
    };

    private OneRepMax() {}

    /** Epley (1985) estimate. */
    public static double epley(double weight, int reps) {
        validate(weight, reps, 30);
        return reps == 1 ? weight : weight * (1 + reps / 30.0);
    }

    /** Brzycki (1993) estimate, reps 1–10. */
    public static double brzycki(double weight, int reps) {
        validate(weight, reps, 10);
        return weight * 36 / (37 - reps);
    }

    /** RTS-chart estimate from weight, reps (1–12) and RPE (6–10 in half steps). */
    public static double fromRpe(double weight, int reps, double rpe) {
        validate(weight, reps, 12);
        return weight / (percentOfOneRepMax(reps, rpe) / 100);
    }

    /** The RTS chart cell: %1RM for {@code reps} at {@code rpe}. */
    public static double percentOfOneRepMax(int reps, double rpe) {
        if (!(rpe >= 6 && rpe <= 10) || rpe * 2 != Math.rint(rpe * 2)) {
            throw new IllegalArgumentException("rpe must be 6–10 in steps of 0.5 (the RTS chart), was " + rpe);
        }
        int index = (int) Math.round(2 * (reps + 10 - rpe)) - 2;
        if (reps < 1 || index >= RTS_PERCENT.length) {
            throw new IllegalArgumentException("reps " + reps + " at RPE " + rpe
                    + " is outside the RTS chart (reps 1–12, and 12 @ RPE 6 is unsupported)");
        }
        return RTS_PERCENT[index];
    }

    private static void validate(double weight, int reps, int maxReps) {
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be a positive finite load, was " + weight);
        }
        if (reps < 1 || reps > maxReps) {
            throw new IllegalArgumentException("reps must be 1–" + maxReps + " for this formula, was " + reps);
        }
    }
}
