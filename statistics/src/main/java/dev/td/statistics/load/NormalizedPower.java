package dev.td.statistics.load;

/**
 * Normalized power of one session, from {@link CogganPower#normalizedPower(double[], double)}.
 *
 * @param watts           normalized power in watts, or why there is none (fewer samples than one 30-s window)
 * @param durationSeconds time the samples cover: number of samples × sample interval
 * @param windows         number of full 30-s rolling windows averaged (0 when undefined)
 * @param method          the algorithm and its source
 */
public record NormalizedPower(Indicator watts, double durationSeconds, int windows, String method) {
    public NormalizedPower {
        if (watts == null || method == null || method.isBlank()) {
            throw new IllegalArgumentException("normalized power needs its watts (or why not) and its method");
        }
        if (!(durationSeconds >= 0) || !Double.isFinite(durationSeconds) || windows < 0) {
            throw new IllegalArgumentException("normalized power needs a finite duration ≥ 0 and windows ≥ 0; got "
                    + durationSeconds + ", " + windows);
        }
    }
}
