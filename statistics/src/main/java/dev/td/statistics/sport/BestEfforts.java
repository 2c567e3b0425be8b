package dev.td.statistics.sport;

import dev.td.statistics.numeric.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Best efforts: the fastest time to cover a distance anywhere in one activity.
 *
 * <ul>
 *   <li><b>From a stream</b> of cumulative distance and elapsed time: time is taken as linear in distance between
 *       samples. A fastest stretch of exactly D metres starts or ends at a sample (the time over a stretch is
 *       piecewise linear in where it starts, with its kinks at samples), so two sliding pointers try every start
 *       at a sample, with the end interpolated at the first sample pair that reaches start + D, and every end at a
 *       sample, with the start interpolated at the last pair at or before end − D. A stop (samples at one distance)
 *       is left as late and reached as early as the samples allow.</li>
 *   <li><b>From laps</b>: the fastest run of consecutive whole laps whose distances add up to D within
 *       {@link #LAP_TOLERANCE} (5 × 1 km laps give a 5 k), reported with the laps' own time and total distance,
 *       never scaled to D.</li>
 * </ul>
 *
 * <p>Among equally fast efforts the one that starts first is reported. Pace and speed are the caller's business.
 */
public final class BestEfforts {
    /** 1 km, 5 km, 10 km, half marathon (21,097.5 m) and marathon (42,195 m), metres. */
    public static final List<Double> STANDARD_DISTANCES_METRES = List.of(1000.0, 5000.0, 10000.0, 21097.5, 42195.0);

    /** How far consecutive laps may add up from the distance asked for, as a fraction of it: 0.5 %. */
    public static final double LAP_TOLERANCE = 0.005;

    private BestEfforts() {}

    /**
     * The fastest {@code targetMetres} in a stream; empty when the stream covers less.
     *
     * @param distanceMetres cumulative distance at each sample, metres: finite, ≥ 0, non-decreasing
     * @param elapsedSeconds elapsed time at each sample, seconds: finite, ≥ 0, non-decreasing, and advancing
     *                       wherever the distance does; as many samples as {@code distanceMetres}
     * @param targetMetres   the distance, metres, finite and at least 1
     */
    public static Optional<BestEffort> fromStream(
            double[] distanceMetres, double[] elapsedSeconds, double targetMetres) {
        requireStream(distanceMetres, elapsedSeconds);
        return fastest(distanceMetres, elapsedSeconds, requireTarget(targetMetres));
    }

    /** The best effort at each of {@link #STANDARD_DISTANCES_METRES} the stream covers, shortest first. */
    public static List<BestEffort> fromStream(double[] distanceMetres, double[] elapsedSeconds) {
        requireStream(distanceMetres, elapsedSeconds);
        List<BestEffort> efforts = new ArrayList<>();
        for (double target : STANDARD_DISTANCES_METRES) {
            fastest(distanceMetres, elapsedSeconds, target).ifPresent(efforts::add);
        }
        return efforts;
    }

    /**
     * The fastest run of consecutive laps adding up to {@code targetMetres} within {@link #LAP_TOLERANCE}; empty
     * when no run of laps does.
     *
     * @param laps         the activity's laps in order
     * @param targetMetres the distance, metres, finite and at least 1
     */
    public static Optional<BestEffort> fromLaps(List<Lap> laps, double targetMetres) {
        Inputs.requireGiven("laps", laps);
        return fastestLaps(laps, requireTarget(targetMetres));
    }

    /** The lap-based best effort at each of {@link #STANDARD_DISTANCES_METRES} some laps add up to, shortest first. */
    public static List<BestEffort> fromLaps(List<Lap> laps) {
        Inputs.requireGiven("laps", laps);
        List<BestEffort> efforts = new ArrayList<>();
        for (double target : STANDARD_DISTANCES_METRES) {
            fastestLaps(laps, target).ifPresent(efforts::add);
        }
        return efforts;
    }

    private static Optional<BestEffort> fastest(double[] d, double[] t, double target) {
        int n = d.length;
        if (d[n - 1] - d[0] < target) {
            return Optional.empty();
        }
        Fastest best = new Fastest();
        int end = 1;
        for (int i = 0; d[i] + target <= d[n - 1]; i++) {
            double reach = d[i] + target;
            while (d[end] < reach) {
                end++;
            }
            best.offer(interpolate(d, t, end - 1, reach) - t[i], d[i], t[i]);
        }
        int start = 0;
        for (int j = 1; j < n; j++) {
            double leave = d[j] - target;
            if (leave < d[0]) {
                continue;
            }
            while (start + 1 < j && d[start + 1] <= leave) {
                start++;
            }
            double begin = interpolate(d, t, start, leave);
            best.offer(t[j] - begin, leave, begin);
        }
        return Optional.of(new BestEffort(
                target, best.seconds, target, best.startMetres, best.startSeconds, BestEffort.Source.STREAM));
    }

    private static Optional<BestEffort> fastestLaps(List<Lap> laps, double target) {
        Fastest best = new Fastest();
        double covered = 0;
        double before = 0;
        double beforeSeconds = 0;
        for (int i = 0; i < laps.size(); i++) {
            double metres = 0;
            double seconds = 0;
            for (int j = i; j < laps.size(); j++) {
                metres += laps.get(j).distanceMetres();
                seconds += laps.get(j).seconds();
                double excess = metres - target;
                if (excess > target * LAP_TOLERANCE) {
                    break;
                }
                if (-excess <= target * LAP_TOLERANCE && best.offer(seconds, before, beforeSeconds)) {
                    covered = metres;
                }
            }
            before += laps.get(i).distanceMetres();
            beforeSeconds += laps.get(i).seconds();
        }
        return best.found()
                ? Optional.of(new BestEffort(
                        target, best.seconds, covered, best.startMetres, best.startSeconds, BestEffort.Source.LAPS))
                : Optional.empty();
    }

    /** Elapsed time at distance {@code x}, linear between samples {@code k} and {@code k + 1}. */
    private static double interpolate(double[] d, double[] t, int k, double x) {
        return t[k] + (x - d[k]) / (d[k + 1] - d[k]) * (t[k + 1] - t[k]);
    }

    /** The fastest effort offered so far; the earlier start wins a tie. */
    private static final class Fastest {
        private double seconds = Double.POSITIVE_INFINITY;
        private double startMetres;
        private double startSeconds;

        boolean offer(double candidate, double fromMetres, double fromSeconds) {
            if (candidate < seconds || (candidate == seconds && fromSeconds < startSeconds)) {
                seconds = candidate;
                startMetres = fromMetres;
                startSeconds = fromSeconds;
                return true;
            }
            return false;
        }

        boolean found() {
            return seconds < Double.POSITIVE_INFINITY;
        }
    }

    private static void requireStream(double[] distanceMetres, double[] elapsedSeconds) {
        Inputs.requireFinite("distanceMetres", distanceMetres, 1);
        Inputs.requireFinite("elapsedSeconds", elapsedSeconds, 1);
        Inputs.requireSameLength("distanceMetres", distanceMetres, "elapsedSeconds", elapsedSeconds);
        if (distanceMetres[0] < 0 || elapsedSeconds[0] < 0) {
            throw new IllegalArgumentException("distanceMetres[0] and elapsedSeconds[0] must be ≥ 0, were "
                    + distanceMetres[0] + " and " + elapsedSeconds[0]);
        }
        for (int i = 1; i < distanceMetres.length; i++) {
            if (distanceMetres[i] < distanceMetres[i - 1] || elapsedSeconds[i] < elapsedSeconds[i - 1]) {
                throw new IllegalArgumentException("distanceMetres and elapsedSeconds must be non-decreasing; at ["
                        + i + "] they go from " + distanceMetres[i - 1] + " m, " + elapsedSeconds[i - 1] + " s to "
                        + distanceMetres[i] + " m, " + elapsedSeconds[i] + " s: sort the samples by time");
            }
            if (distanceMetres[i] > distanceMetres[i - 1] && elapsedSeconds[i] == elapsedSeconds[i - 1]) {
                throw new IllegalArgumentException("distanceMetres jumps from " + distanceMetres[i - 1] + " to "
                        + distanceMetres[i] + " m at [" + i + "] while elapsedSeconds stays at " + elapsedSeconds[i]
                        + " s: merge or drop samples with the same time");
            }
        }
    }

    private static double requireTarget(double targetMetres) {
        if (!(targetMetres >= 1) || !Double.isFinite(targetMetres)) {
            throw new IllegalArgumentException(
                    "targetMetres must be a finite distance of at least 1 m, was " + targetMetres);
        }
        return targetMetres;
    }
}
