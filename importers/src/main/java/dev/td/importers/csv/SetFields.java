package dev.td.importers.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.DraftSink;

/** The {@code set.logged} fields a strength export gives, put within the schema's bounds (else reported, left out). */
final class SetFields {

    static final double MAX_WEIGHT = 2000;
    static final int MAX_REPS = 1000;
    static final double MAX_DURATION_S = 86400;
    static final double MAX_DISTANCE_M = 1_000_000;

    private SetFields() {}

    static void weight(ObjectNode set, double value, String unit, DraftSink sink, String where) {
        if (value >= 0 && value <= MAX_WEIGHT) {
            set.set("weight", EventData.quantity(value, unit));
        } else {
            sink.skipped(where, EventData.outside("weight", value, 0, MAX_WEIGHT));
        }
    }

    static void reps(ObjectNode set, int reps, DraftSink sink, String where) {
        if (reps >= 0 && reps <= MAX_REPS) {
            set.put("reps", reps);
        } else {
            sink.skipped(where, EventData.outside("reps", reps, 0, MAX_REPS));
        }
    }

    /** A duration in seconds; 0 (the apps' "none") is left out silently, td's duration_s is above 0. */
    static void durationS(ObjectNode set, double seconds, DraftSink sink, String where) {
        if (seconds > 0 && seconds <= MAX_DURATION_S) {
            set.put("duration_s", seconds);
        } else if (seconds != 0) {
            sink.skipped(where, EventData.outside("duration_s", seconds, 0, MAX_DURATION_S));
        }
    }

    /** A distance in metres; 0 (the apps' "none") is left out silently. */
    static void distanceM(ObjectNode set, double metres, DraftSink sink, String where) {
        if (metres != 0) {
            EventData.putWithin(set, "distance_m", metres, 0, MAX_DISTANCE_M, sink, where);
        }
    }

    /** RPE on td's scale: 1 to 10 in steps of 0.5; anything else is reported and left out. */
    static void rpe(ObjectNode set, double rpe, DraftSink sink, String where) {
        if (rpe >= 1 && rpe <= 10 && rpe * 2 == Math.rint(rpe * 2)) {
            set.put("rpe", rpe);
        } else {
            sink.skipped(where, "rpe " + rpe + " is not on td's scale (1 to 10 in steps of 0.5), so it is left out");
        }
    }
}
