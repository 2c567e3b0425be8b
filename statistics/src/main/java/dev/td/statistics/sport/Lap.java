package dev.td.statistics.sport;

/**
 * One lap of an activity, as a device or a person recorded it.
 *
 * @param distanceMetres distance of the lap, metres, finite, ≥ 0 (0 for a standing rest)
 * @param seconds        duration of the lap, seconds, finite, &gt; 0
 */
public record Lap(double distanceMetres, double seconds) {
    public Lap {
        if (!(distanceMetres >= 0) || !Double.isFinite(distanceMetres)) {
            throw new IllegalArgumentException("lap distanceMetres must be finite and ≥ 0, was " + distanceMetres);
        }
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("lap seconds must be finite and > 0, was " + seconds);
        }
    }
}
