package dev.td.statistics.sport;

/**
 * The fastest coverage of one distance within an activity, from {@link BestEfforts}.
 *
 * @param distanceMetres the distance asked for, metres
 * @param seconds        time taken, seconds (never scaled: from a lap source, the laps' own durations)
 * @param coveredMetres  distance actually covered: {@code distanceMetres} from a stream; the laps' total, within
 *                       {@link BestEfforts#LAP_TOLERANCE} of it, from laps
 * @param startMetres    where the effort starts: the stream's cumulative distance there, or the distance of the
 *                       laps before it
 * @param startSeconds   when the effort starts: the stream's elapsed time there, or the duration of the laps before
 * @param source         whether a distance/time stream or whole laps were used
 */
public record BestEffort(
        double distanceMetres,
        double seconds,
        double coveredMetres,
        double startMetres,
        double startSeconds,
        BestEffort.Source source) {

    /** What a best effort was found in. */
    public enum Source {
        /** A cumulative distance / elapsed time stream, interpolated linearly at the effort's ends. */
        STREAM,
        /** Consecutive whole laps whose distances sum to the distance asked for, within the lap tolerance. */
        LAPS
    }

    public BestEffort {
        if (!positive(distanceMetres)
                || !positive(seconds)
                || !positive(coveredMetres)
                || !nonNegative(startMetres)
                || !nonNegative(startSeconds)
                || source == null) {
            throw new IllegalArgumentException("a best effort needs positive distances and time, finite starts ≥ 0 and"
                    + " its source; got " + distanceMetres + " m, " + seconds + " s, covered " + coveredMetres
                    + " m, start " + startMetres + " m at " + startSeconds + " s, " + source);
        }
    }

    private static boolean positive(double value) {
        return value > 0 && value < Double.POSITIVE_INFINITY;
    }

    private static boolean nonNegative(double value) {
        return value >= 0 && value < Double.POSITIVE_INFINITY;
    }
}
