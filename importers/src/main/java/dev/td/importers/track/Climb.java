package dev.td.importers.track;

/**
 * Elevation gain and loss as the raw sums of the rises and falls between consecutive altitudes (no smoothing, as
 * python-tcxparser's {@code ascent}/{@code descent} compute them). A GPX track starts afresh at each segment: the jump
 * across a gap in the recording is not climbed.
 */
final class Climb {

    private double gain;
    private double loss;
    private double previous = Double.NaN;
    private boolean seen;

    /** The next altitude in metres; NaN (no altitude at this point) is passed over. */
    void next(double altitude) {
        if (Double.isNaN(altitude)) {
            return;
        }
        if (!Double.isNaN(previous)) {
            double rise = altitude - previous;
            if (rise > 0) {
                gain += rise;
            } else if (rise < 0) {
                loss -= rise;
            }
        }
        previous = altitude;
        seen = true;
    }

    /** A gap in the recording: the next altitude does not rise or fall from the last one. */
    void breakSegment() {
        previous = Double.NaN;
    }

    /** Whether any altitude was seen (else gain and loss are unknown, not zero). */
    boolean seen() {
        return seen;
    }

    double gain() {
        return gain;
    }

    double loss() {
        return loss;
    }
}
