package dev.td.importers.track;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;

/**
 * The {@code data} of an {@code activity.logged} draft (or one of its laps), written to the event schema: lengths and
 * heights as {@code {"value": v, "unit": "m"}}, numbers as the file gives them (whole numbers without a fraction). A
 * value outside the schema's range for its field is left out rather than written, so that a draft is never refused for
 * one odd number; texts longer than the field allows are cut.
 */
final class ActivityData {

    /** td's longest activity (schema {@code seconds} maximum): 14 days. */
    private static final double MAX_SECONDS = 1_209_600;

    private final ObjectNode json = JsonNodeFactory.instance.objectNode();

    /** A lap, or any object without the activity's required fields. */
    ActivityData() {}

    /** An activity: its id (schema {@code activity_id}), its sport and the format it came from. */
    ActivityData(String activityId, String sport, String source) {
        json.put("activity_id", activityId);
        json.put("sport", sport);
        json.put("source", source);
    }

    ObjectNode json() {
        return json;
    }

    /** A duration in seconds (schema: more than 0, at most 14 days). */
    ActivityData seconds(String field, double seconds) {
        if (seconds > 0 && seconds <= MAX_SECONDS) {
            json.set(field, number(seconds));
        }
        return this;
    }

    /** A distance in metres (schema {@code length}: 0 to 5,000,000). Zero is left out: it means "not measured". */
    ActivityData metres(String field, double metres) {
        if (metres > 0 && metres <= 5_000_000) {
            json.set(field, length(metres));
        }
        return this;
    }

    /** An elevation gain or loss in metres (schema {@code height}: 0 to 100,000). */
    ActivityData heightMetres(String field, double metres) {
        if (metres >= 0 && metres <= 100_000) {
            json.set(field, length(metres));
        }
        return this;
    }

    /** Beats per minute (schema {@code bpm}: 0-400). */
    ActivityData bpm(String field, OptionalDouble bpm) {
        bpm.ifPresent(v -> number(field, v, 0, 400));
        return this;
    }

    /** A number within the schema's bounds for the field. */
    ActivityData number(String field, double value, double min, double max) {
        if (value >= min && value <= max) {
            json.set(field, number(value));
        }
        return this;
    }

    /** A text, cut to {@code maxLength} characters (never inside a surrogate pair); a blank text is left out. */
    ActivityData text(String field, String value, int maxLength) {
        String text = value.strip();
        if (text.isEmpty()) {
            return this;
        }
        if (text.length() > maxLength) {
            int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
            text = text.substring(0, end);
        }
        json.put(field, text);
        return this;
    }

    private static ObjectNode length(double metres) {
        ObjectNode length = JsonNodeFactory.instance.objectNode();
        length.set("value", number(metres));
        length.put("unit", "m");
        return length;
    }

    /** A JSON number: whole values as integers ({@code 130}, not {@code 130.0}), the rest as the double. */
    static NumericNode number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return LongNode.valueOf((long) value);
        }
        return DoubleNode.valueOf(value);
    }
}
