package dev.td.statistics.load;

import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Sums;
import java.util.Optional;

/**
 * Coggan's power-based load of one session (Allen &amp; Coggan, <i>Training and Racing with a Power Meter</i>).
 *
 * <ul>
 *   <li><b>Normalized power</b>: the 30-s rolling mean of power, starting at the 30-s mark (each full window of
 *       the session, none padded), raised to the 4th power, averaged, and the 4th root taken. GoldenCheetah
 *       ({@code Coggan.cpp}) also counts the first 29 s, with a window padded by zeros; this does not.</li>
 *   <li><b>Intensity factor</b> IF = NP / FTP and <b>training stress score</b>
 *       TSS = seconds × NP × IF / (FTP × 3600) × 100, so an hour at FTP scores 100.</li>
 * </ul>
 *
 * <p>Samples are a regular series: a recording gap must be filled by the caller before (0 W for time that
 * counts, e.g. coasting) or cut out (a pause), since a gap cannot be seen in an array of values.
 */
public final class CogganPower {
    /** Width of normalized power's rolling mean, seconds. */
    public static final int ROLLING_SECONDS = 30;

    private static final String NP_METHOD = "normalized power (Coggan; Allen & Coggan, Training and Racing with a"
            + " Power Meter): 30-s rolling mean of power from the 30-s mark on, 4th power, mean, 4th root";
    private static final String TSS_METHOD =
            "training stress score (Coggan): seconds × NP × IF / (FTP × 3600) × 100 with IF = NP / FTP";

    private CogganPower() {}

    /**
     * Normalized power of a session's power samples.
     *
     * @param watts         power samples in watts at a regular interval, finite and ≥ 0 (may be empty)
     * @param sampleSeconds the interval between samples, seconds: 30 s must be a whole number of them (1 s, 0.5 s,
     *                      2 s, 5 s…, at most 30 s)
     * @return normalized power, undefined when the samples do not fill one 30-s window
     */
    public static NormalizedPower normalizedPower(double[] watts, double sampleSeconds) {
        Inputs.requireFinite("watts", watts, 0);
        for (int i = 0; i < watts.length; i++) {
            if (watts[i] < 0) {
                throw new IllegalArgumentException("watts[" + i + "] is " + watts[i]
                        + ": power cannot be negative; record 0 W when not pedalling");
            }
        }
        int window = samplesPerWindow(sampleSeconds);
        double duration = watts.length * sampleSeconds;
        int windows = watts.length - window + 1;
        if (windows < 1) {
            return new NormalizedPower(
                    new Indicator.Undefined(
                            Indicator.Reason.NOT_ENOUGH_SAMPLES,
                            "needs " + ROLLING_SECONDS + " s of power samples (" + window + " at " + sampleSeconds
                                    + " s), has " + duration + " s (" + watts.length + ")"),
                    duration,
                    0,
                    NP_METHOD);
        }
        double[] fourthPowers = new double[windows];
        for (int j = 0; j < windows; j++) {
            double mean = Sums.sum(watts, j, j + window) / window;
            double square = mean * mean;
            fourthPowers[j] = square * square;
        }
        double np = Math.sqrt(Math.sqrt(Sums.mean(fourthPowers)));
        return new NormalizedPower(new Indicator.Defined(np), duration, windows, NP_METHOD);
    }

    /**
     * Training stress score of a session whose normalized power is known (e.g. read from a device file).
     *
     * @param durationSeconds      duration of the session, finite, ≥ 0
     * @param normalizedPowerWatts normalized power, finite, ≥ 0
     * @param ftpWatts             functional threshold power, finite, &gt; 0
     */
    public static TrainingStress trainingStress(double durationSeconds, double normalizedPowerWatts, double ftpWatts) {
        requireNonNegative("durationSeconds", durationSeconds);
        requireNonNegative("normalizedPowerWatts", normalizedPowerWatts);
        requireFtp(ftpWatts);
        double intensityFactor = normalizedPowerWatts / ftpWatts;
        double score = durationSeconds * normalizedPowerWatts * intensityFactor / (ftpWatts * 3600) * 100;
        return new TrainingStress(score, intensityFactor, normalizedPowerWatts, ftpWatts, durationSeconds, TSS_METHOD);
    }

    /**
     * Training stress score from a computed normalized power over its duration; empty when the normalized power is
     * undefined (its {@link NormalizedPower#watts()} says why).
     */
    public static Optional<TrainingStress> trainingStress(NormalizedPower normalizedPower, double ftpWatts) {
        Inputs.requireGiven("normalizedPower", normalizedPower);
        requireFtp(ftpWatts);
        return switch (normalizedPower.watts()) {
            case Indicator.Defined np ->
                Optional.of(trainingStress(normalizedPower.durationSeconds(), np.value(), ftpWatts));
            case Indicator.Undefined u -> Optional.empty();
        };
    }

    private static int samplesPerWindow(double sampleSeconds) {
        double samples = ROLLING_SECONDS / sampleSeconds;
        long whole = Math.round(samples);
        if (!(sampleSeconds >= 0.001 && sampleSeconds <= ROLLING_SECONDS)
                || Math.abs(samples - whole) > 1e-9 * samples) {
            throw new IllegalArgumentException("sampleSeconds must divide " + ROLLING_SECONDS
                    + " s into a whole number of samples (1, 2, 5, 0.5 s…; from 0.001 to 30 s), was " + sampleSeconds
                    + ": resample the power to 1 s first");
        }
        return (int) whole;
    }

    private static void requireFtp(double ftpWatts) {
        if (!(ftpWatts > 0) || !Double.isFinite(ftpWatts)) {
            throw new IllegalArgumentException("ftpWatts must be a positive finite power, was " + ftpWatts);
        }
    }

    private static void requireNonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite and ≥ 0, was " + value);
        }
    }
}
