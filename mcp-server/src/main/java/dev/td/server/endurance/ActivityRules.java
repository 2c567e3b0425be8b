package dev.td.server.endurance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an activity.logged event's data must satisfy beyond its schema, whoever writes it (log_activity, log_events,
 * correct_event). Two kinds of problem:
 *
 * <ul>
 *   <li><b>Impossible</b>, refused outright: moving longer than elapsed, a maximum heart rate under the average,
 *       sample streams of different lengths or going back in time, a zone whose lower bound is above its upper.
 *       Confirming cannot make them true.
 *   <li><b>Unusual</b>, refused until the person confirms ({@code "unusual_confirmed": true} in the data): a pace or
 *       speed outside the sport's range ({@link Sport}), for the activity and each lap; a heart rate outside 25–250
 *       bpm (the slowest resting and fastest maximal rates on record lie inside it: M. Induráin's resting 28 bpm;
 *       maximal rates above 220 bpm are rare, above 250 a sensor or typing error); a duration over 48 h (a
 *       multi-day event is worth a confirmation, a 52:30 typed as 5230 minutes is not); an average or normalized
 *       power over 1500 W (the best track sprinters hold about that for seconds, not for a whole activity).
 * </ul>
 */
final class ActivityRules {

    /** The data field marking an activity whose unusual values the person confirmed. */
    static final String MARKER = "unusual_confirmed";

    static final double MIN_HR = 25;
    static final double MAX_HR = 250;
    static final double MAX_DURATION_S = 48 * 3600;
    static final double MAX_POWER_W = 1500;

    /**
     * A problem with one field.
     *
     * @param dataField the field in activity.logged data ({@code moving_s}, {@code laps[2].avg_hr})
     * @param argField  the same field in log_activity's arguments ({@code moving}, {@code laps[2].avg_hr})
     * @param message   what is wrong and the range, without the way out
     * @param unusual   whether the person may confirm it (else it is impossible)
     */
    record Problem(String dataField, String argField, String message, boolean unusual) {

        /** The tool error's message: what is wrong, and either how to confirm or what to fix. */
        String refusal(String confirm) {
            return unusual
                    ? message + ". Check for a typo, a wrong unit or the wrong sport; if this is right, " + confirm
                    : message + "; nothing was stored";
        }
    }

    private ActivityRules() {}

    /** The first problem of an activity, given as activity.logged data; empty when it may be stored. */
    static Optional<Problem> check(JsonNode data) {
        boolean confirmed = data.path(MARKER).asBoolean(false);
        Optional<Problem> impossible = impossible(data);
        if (impossible.isPresent()) {
            return impossible;
        }
        return confirmed ? Optional.empty() : unusual(data);
    }

    private static Optional<Problem> impossible(JsonNode d) {
        OptionalDouble elapsed = number(d, "elapsed_s");
        OptionalDouble moving = number(d, "moving_s");
        if (elapsed.isPresent() && moving.isPresent() && moving.getAsDouble() > elapsed.getAsDouble()) {
            return Optional.of(new Problem(
                    "moving_s",
                    "moving",
                    "moving time " + Durations.text(moving.getAsDouble()) + " is longer than elapsed time "
                            + Durations.text(elapsed.getAsDouble())
                            + "; moving time is the part of elapsed time in motion, check both",
                    false));
        }
        Optional<Problem> hr = maxUnderAverage(d, "", "");
        if (hr.isPresent()) {
            return hr;
        }
        return impossibleLap(d.path("laps"))
                .or(() -> invertedZone(d.path("hr_zones")))
                .or(() -> samples(d.path("samples")));
    }

    private static Optional<Problem> impossibleLap(JsonNode laps) {
        for (int i = 0; i < laps.size(); i++) {
            String at = "laps[" + i + "].";
            JsonNode lap = laps.get(i);
            OptionalDouble le = number(lap, "elapsed_s");
            OptionalDouble lm = number(lap, "moving_s");
            if (le.isPresent() && lm.isPresent() && lm.getAsDouble() > le.getAsDouble()) {
                return Optional.of(new Problem(
                        at + "moving_s",
                        at + "moving",
                        "lap " + (i + 1) + ": moving time " + Durations.text(lm.getAsDouble())
                                + " is longer than its elapsed time " + Durations.text(le.getAsDouble()),
                        false));
            }
            Optional<Problem> lapHr = maxUnderAverage(lap, at, "lap " + (i + 1) + ": ");
            if (lapHr.isPresent()) {
                return lapHr;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> invertedZone(JsonNode zones) {
        for (int i = 0; i < zones.size(); i++) {
            OptionalDouble lo = number(zones.get(i), "min_bpm");
            OptionalDouble hi = number(zones.get(i), "max_bpm");
            if (lo.isPresent() && hi.isPresent() && lo.getAsDouble() > hi.getAsDouble()) {
                String at = "hr_zones[" + i + "].min_bpm";
                return Optional.of(new Problem(
                        at,
                        at,
                        "heart-rate zone " + zones.get(i).path("zone").asInt() + " starts at " + plain(lo)
                                + " bpm, above its upper bound " + plain(hi) + " bpm",
                        false));
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> maxUnderAverage(JsonNode n, String at, String what) {
        OptionalDouble avg = number(n, "avg_hr");
        OptionalDouble max = number(n, "max_hr");
        if (avg.isPresent() && max.isPresent() && max.getAsDouble() < avg.getAsDouble()) {
            return Optional.of(new Problem(
                    at + "max_hr",
                    at + "max_hr",
                    what + "maximum heart rate " + plain(max) + " bpm is below the average " + plain(avg)
                            + " bpm; the maximum is at least the average, check both",
                    false));
        }
        return Optional.empty();
    }

    private static Optional<Problem> samples(JsonNode s) {
        if (!s.isObject()) {
            return Optional.empty();
        }
        JsonNode time = s.path("time_s");
        for (String channel : Activity.CHANNELS) {
            JsonNode stream = s.get(channel);
            if (stream != null && stream.isArray() && stream.size() != time.size()) {
                return Optional.of(new Problem(
                        "samples." + channel,
                        "samples." + channel,
                        "samples." + channel + " has " + stream.size() + " values and samples.time_s " + time.size()
                                + "; the streams are parallel arrays, one value (or null) per time",
                        false));
            }
        }
        for (int i = 1; i < time.size(); i++) {
            if (time.get(i).asDouble() < time.get(i - 1).asDouble()) {
                String at = "samples.time_s[" + i + "]";
                return Optional.of(new Problem(
                        at,
                        at,
                        "samples.time_s goes back in time at index " + i + " (" + plain(time.get(i)) + " s after "
                                + plain(time.get(i - 1)) + " s); times must not decrease",
                        false));
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> unusual(JsonNode d) {
        Sport sport = Sport.of(d.path("sport").asText());
        for (String f : new String[] {"elapsed_s", "moving_s"}) {
            OptionalDouble t = number(d, f);
            if (t.isPresent() && t.getAsDouble() > MAX_DURATION_S) {
                return Optional.of(new Problem(
                        f,
                        f.replace("_s", ""),
                        Durations.text(t.getAsDouble())
                                + " is over 48 hours, outside the plausible range for one activity (up to 48:00:00)",
                        true));
            }
        }
        Optional<Problem> pace = pace(sport, d, "", "", "");
        if (pace.isPresent()) {
            return pace;
        }
        Optional<Problem> hr = heartRate(d, "", "");
        if (hr.isPresent()) {
            return hr;
        }
        for (String f : new String[] {"avg_power_w", "normalized_power_w"}) {
            OptionalDouble w = number(d, f);
            if (w.isPresent() && w.getAsDouble() > MAX_POWER_W) {
                return Optional.of(new Problem(
                        f, f, plain(w) + " W for a whole activity is outside the plausible range (0-1500 W)", true));
            }
        }
        JsonNode laps = d.path("laps");
        for (int i = 0; i < laps.size(); i++) {
            String at = "laps[" + i + "].";
            String what = "lap " + (i + 1) + ": ";
            JsonNode one = laps.get(i);
            Optional<Problem> lap = pace(sport, one, at, at, what).or(() -> heartRate(one, at, what));
            if (lap.isPresent()) {
                return lap;
            }
        }
        return Optional.empty();
    }

    /** The pace or speed over the moving time (else the elapsed time), when the sport has a range and the distance is long enough. */
    private static Optional<Problem> pace(Sport sport, JsonNode n, String dataAt, String argAt, String what) {
        if (sport.range().isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble distance = Activity.metres(n.get("distance"));
        String timeField = n.has("moving_s") ? "moving_s" : "elapsed_s";
        OptionalDouble time = number(n, timeField);
        if (distance.isEmpty()
                || time.isEmpty()
                || distance.getAsDouble() < sport.range().get().minDistanceM()) {
            return Optional.empty();
        }
        double value = sport.measure().of(distance.getAsDouble(), time.getAsDouble());
        if (!sport.outside(value)) {
            return Optional.empty();
        }
        Activity.Quantity logged = Activity.quantity(n.get("distance")).orElseThrow();
        return Optional.of(new Problem(
                dataAt + timeField,
                argAt + timeField.replace("_s", ""),
                what + plain(logged.value()) + " " + logged.unit() + " in " + Durations.text(time.getAsDouble())
                        + " (" + timeField.replace("_s", "") + ") is "
                        + sport.measure().text(value)
                        + ", outside the plausible range for " + sport.name() + " (" + sport.rangeText()
                        + "); check the distance, its unit and the time",
                true));
    }

    private static Optional<Problem> heartRate(JsonNode n, String at, String what) {
        for (String f : new String[] {"avg_hr", "max_hr"}) {
            OptionalDouble hr = number(n, f);
            if (hr.isPresent() && (hr.getAsDouble() < MIN_HR || hr.getAsDouble() > MAX_HR)) {
                return Optional.of(new Problem(
                        at + f,
                        at + f,
                        what + f + " " + plain(hr)
                                + " bpm is outside the plausible range for a heart rate (25-250 bpm)",
                        true));
            }
        }
        return Optional.empty();
    }

    private static OptionalDouble number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(v.doubleValue());
    }

    private static String plain(OptionalDouble v) {
        return plain(v.getAsDouble());
    }

    private static String plain(JsonNode v) {
        return plain(v.asDouble());
    }

    private static String plain(double v) {
        return Durations.round(v, 3).toPlainString();
    }
}
