package dev.td.server.load;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What td knows of one training session for its load: a strength session (from its start, sets and end) or an
 * endurance activity. Instants are epoch seconds; {@code day} is the person's date of its start.
 *
 * @param workingSets sets that are not warm-ups
 * @param setRpeSum sum of the working sets' RPE (or 10 − RIR) where given, with {@code setRpeCount} of them
 * @param rpe the session's RPE (CR-10): session_rpe of a strength session, rpe of an activity
 */
record SessionInput(
        String id,
        String kind,
        Optional<String> sport,
        String day,
        long start,
        long end,
        boolean ended,
        int workingSets,
        double setRpeSum,
        int setRpeCount,
        OptionalDouble rpe,
        OptionalDouble movingS,
        OptionalDouble elapsedS,
        OptionalDouble avgHr,
        OptionalDouble normalizedPowerW) {

    static final String STRENGTH = "strength";
    static final String ACTIVITY = "activity";

    SessionInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(day, "day");
    }

    static SessionInput strength(String id, String day, long at) {
        return new SessionInput(
                id,
                STRENGTH,
                Optional.empty(),
                day,
                at,
                at,
                false,
                0,
                0,
                0,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /** This session seen from another month's fold too (a session across midnight at a month's end): one. */
    SessionInput merge(SessionInput other) {
        boolean earlier = other.start < start;
        return new SessionInput(
                id,
                kind,
                sport.or(other::sport),
                earlier ? other.day : day,
                Math.min(start, other.start),
                Math.max(end, other.end),
                ended || other.ended,
                workingSets + other.workingSets,
                setRpeSum + other.setRpeSum,
                setRpeCount + other.setRpeCount,
                rpe.isPresent() ? rpe : other.rpe,
                movingS.isPresent() ? movingS : other.movingS,
                elapsedS.isPresent() ? elapsedS : other.elapsedS,
                avgHr.isPresent() ? avgHr : other.avgHr,
                normalizedPowerW.isPresent() ? normalizedPowerW : other.normalizedPowerW);
    }

    SessionInput at(String atDay, long at) {
        boolean earlier = at < start;
        return new SessionInput(
                id,
                kind,
                sport,
                earlier ? atDay : day,
                Math.min(start, at),
                Math.max(end, at),
                ended,
                workingSets,
                setRpeSum,
                setRpeCount,
                rpe,
                movingS,
                elapsedS,
                avgHr,
                normalizedPowerW);
    }

    SessionInput withSet(boolean working, OptionalDouble setRpe) {
        boolean rated = working && setRpe.isPresent();
        return new SessionInput(
                id,
                kind,
                sport,
                day,
                start,
                end,
                ended,
                workingSets + (working ? 1 : 0),
                setRpeSum + (rated ? setRpe.getAsDouble() : 0),
                setRpeCount + (rated ? 1 : 0),
                rpe,
                movingS,
                elapsedS,
                avgHr,
                normalizedPowerW);
    }

    SessionInput endedAt(long at, OptionalDouble sessionRpe) {
        return new SessionInput(
                id,
                kind,
                sport,
                day,
                start,
                Math.max(end, at),
                true,
                workingSets,
                setRpeSum,
                setRpeCount,
                sessionRpe.isPresent() ? sessionRpe : rpe,
                movingS,
                elapsedS,
                avgHr,
                normalizedPowerW);
    }
}
