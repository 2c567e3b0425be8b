package dev.td.importers.fit;

/**
 * One FIT record message, reduced to what td's samples keep; {@code NaN} where the record has no value.
 *
 * @param time       the record's FIT timestamp (seconds; absolute or system time, like the session's)
 * @param distanceM  metres from the start
 * @param hr         beats per minute
 * @param powerW     watts
 * @param cadenceRpm cadence plus fractional cadence, as FIT stores it (revolutions, or strides for running)
 * @param altitudeM  enhanced altitude, else altitude
 */
record Point(long time, double distanceM, double hr, double powerW, double cadenceRpm, double altitudeM) {

    /** Whether the record carries none of the values td keeps (the compressed file's first, timestamp-only record). */
    boolean empty() {
        return Double.isNaN(distanceM)
                && Double.isNaN(hr)
                && Double.isNaN(powerW)
                && Double.isNaN(cadenceRpm)
                && Double.isNaN(altitudeM);
    }
}
