package dev.td.statistics.load;

/**
 * Coggan's training stress score of one session, from {@link CogganPower}.
 *
 * @param score                TSS = seconds × NP × IF / (FTP × 3600) × 100; one hour at FTP is 100
 * @param intensityFactor      IF = NP / FTP
 * @param normalizedPowerWatts NP the score was computed from
 * @param ftpWatts             functional threshold power the score was computed against
 * @param durationSeconds      duration of the session
 * @param method               the formula and its source
 */
public record TrainingStress(
        double score,
        double intensityFactor,
        double normalizedPowerWatts,
        double ftpWatts,
        double durationSeconds,
        String method) {
    public TrainingStress {
        if (!(score >= 0) || !Double.isFinite(score) || !(intensityFactor >= 0) || !Double.isFinite(intensityFactor)) {
            throw new IllegalArgumentException(
                    "training stress needs a finite score and IF ≥ 0; got " + score + ", " + intensityFactor);
        }
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("training stress needs its method");
        }
    }
}
