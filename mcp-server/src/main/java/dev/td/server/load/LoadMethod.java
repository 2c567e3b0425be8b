package dev.td.server.load;

import dev.td.statistics.load.CogganPower;
import dev.td.statistics.sport.Sex;
import dev.td.statistics.sport.TrainingLoad;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How a session's load is measured. One method per series: loads measured differently are not on one scale
 * (an hour at RPE 6 is 360 AU by session-RPE, about 100 by TSS), so td never mixes them; sessions a method cannot
 * measure are counted and named instead.
 */
enum LoadMethod {
    /** Foster et al. 2001: CR-10 session RPE × minutes (AU). Strength sessions count (intervals.icu leaves them out). */
    SESSION_RPE("srpe", "AU", "Foster et al. 2001: session RPE (CR-10) x minutes; strength sessions count too"),
    /** Banister 1991: minutes × ΔHR × b·e^(k·ΔHR), from the average heart rate and the profile's resting/max HR. */
    TRIMP(
            "trimp",
            "TRIMP",
            "Banister 1991 (Morton, Fitz-Clarke & Banister 1990): minutes x dHR x b e^(k dHR), b 0.64 k 1.92 men,"
                    + " b 0.86 k 1.67 women; dHR from average, resting and maximal HR"),
    /** Coggan: seconds × NP × IF / (FTP × 3600) × 100, from normalized power and the profile's FTP. */
    TSS("tss", "TSS", "Coggan: seconds x NP x IF / (FTP x 3600) x 100 (one hour at FTP = 100)");

    /** Minutes a working set of a strength session stands for when its end was not logged (sets with rest). */
    static final double MINUTES_PER_SET = 3.0;

    private final String wire;
    private final String unit;
    private final String source;

    LoadMethod(String wire, String unit, String source) {
        this.wire = wire;
        this.unit = unit;
        this.source = source;
    }

    String wire() {
        return wire;
    }

    String unit() {
        return unit;
    }

    String source() {
        return source;
    }

    static LoadMethod of(String wire) {
        for (LoadMethod m : values()) {
            if (m.wire.equals(wire)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown load method " + wire);
    }

    /** The physiology a method needs from the profile: resting and maximal HR, sex, FTP. */
    record Physiology(OptionalInt restingHr, OptionalInt maxHr, Optional<Sex> sex, OptionalInt ftpW) {}

    /**
     * One session's load under this method.
     *
     * @param value the load, in {@link #unit()}
     * @param estimated what was estimated rather than logged (empty when nothing was)
     */
    record Measured(double value, Optional<String> estimated) {}

    /** The session's load, or empty when this method cannot measure it (the reason is {@link #missing}). */
    Optional<Measured> measure(SessionInput s, Physiology body) {
        OptionalDouble minutes = minutes(s);
        return switch (this) {
            case SESSION_RPE -> {
                Optional<String> estimated = Optional.empty();
                OptionalDouble rpe = s.rpe();
                if (rpe.isEmpty() && s.setRpeCount() > 0) {
                    rpe = OptionalDouble.of(s.setRpeSum() / s.setRpeCount());
                    estimated = Optional.of("RPE: the mean of " + s.setRpeCount() + " working sets' RPE");
                }
                if (rpe.isEmpty() || minutes.isEmpty()) {
                    yield Optional.empty();
                }
                if (durationEstimated(s)) {
                    String d = "duration: " + s.workingSets() + " working sets x " + (int) MINUTES_PER_SET + " min";
                    estimated = Optional.of(estimated.map(e -> e + "; " + d).orElse(d));
                }
                yield Optional.of(
                        new Measured(TrainingLoad.sessionRpeLoad(rpe.getAsDouble(), minutes.getAsDouble()), estimated));
            }
            case TRIMP -> {
                if (s.avgHr().isEmpty()
                        || minutes.isEmpty()
                        || body.restingHr().isEmpty()
                        || body.maxHr().isEmpty()) {
                    yield Optional.empty();
                }
                double hr = Math.min(
                        Math.max(s.avgHr().getAsDouble(), body.restingHr().getAsInt()),
                        body.maxHr().getAsInt());
                Optional<String> estimated = body.sex().isEmpty()
                        ? Optional.of("sex not in the profile: the men's constants")
                        : Optional.empty();
                yield Optional.of(new Measured(
                        TrainingLoad.banisterTrimp(
                                minutes.getAsDouble(),
                                hr,
                                body.restingHr().getAsInt(),
                                body.maxHr().getAsInt(),
                                body.sex().orElse(Sex.MALE)),
                        estimated));
            }
            case TSS -> {
                if (s.normalizedPowerW().isEmpty()
                        || minutes.isEmpty()
                        || body.ftpW().isEmpty()) {
                    yield Optional.empty();
                }
                yield Optional.of(new Measured(
                        CogganPower.trainingStress(
                                        minutes.getAsDouble() * 60,
                                        s.normalizedPowerW().getAsDouble(),
                                        body.ftpW().getAsInt())
                                .score(),
                        Optional.empty()));
            }
        };
    }

    /** Why this method cannot measure a session, for the answer. */
    String missing(SessionInput s, Physiology body) {
        return switch (this) {
            case SESSION_RPE -> "no session RPE (ask the person how hard it was, 0-10)";
            case TRIMP ->
                s.avgHr().isEmpty()
                        ? "no average heart rate"
                        : "resting and maximal heart rate not in the profile (update_profile)";
            case TSS ->
                s.normalizedPowerW().isEmpty() ? "no normalized power" : "no FTP in the profile (update_profile)";
        };
    }

    /** A strength session's duration is estimated when its end was not logged after its start. */
    static boolean durationEstimated(SessionInput s) {
        return s.kind().equals(SessionInput.STRENGTH) && s.end() - s.start() < 60;
    }

    static OptionalDouble minutes(SessionInput s) {
        if (s.kind().equals(SessionInput.STRENGTH)) {
            if (!durationEstimated(s)) {
                return OptionalDouble.of((s.end() - s.start()) / 60.0);
            }
            return s.workingSets() > 0 ? OptionalDouble.of(s.workingSets() * MINUTES_PER_SET) : OptionalDouble.empty();
        }
        OptionalDouble seconds = s.movingS().isPresent() ? s.movingS() : s.elapsedS();
        return seconds.isPresent() ? OptionalDouble.of(seconds.getAsDouble() / 60) : OptionalDouble.empty();
    }
}
