package dev.td.importers.csv;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.DraftSink;

/**
 * Builds the {@code data} of a td event within its schema's bounds: a value the schema would refuse is left out and
 * reported to the sink as skipped, never sent to be refused with the whole file.
 */
final class EventData {

    private EventData() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code {"value": v, "unit": u}}, td's shape for weights and lengths. */
    static ObjectNode quantity(double value, String unit) {
        return object().put("value", value).put("unit", unit);
    }

    /** Puts {@code value} when it lies in {@code [min, max]}; otherwise reports it and leaves the field out. */
    static void putWithin(
            ObjectNode data, String field, double value, double min, double max, DraftSink sink, String where) {
        if (value >= min && value <= max) {
            data.put(field, value);
        } else {
            sink.skipped(where, outside(field, value, min, max));
        }
    }

    /** The text of a skipped-value report. */
    static String outside(String field, double value, double min, double max) {
        return field + " " + value + " is outside td's range " + min + "-" + max + ", so it is left out";
    }

    /** Puts the text, cut to {@code max} characters (and reported) when longer. */
    static void putText(ObjectNode data, String field, String text, int max, DraftSink sink, String where) {
        if (text.length() <= max) {
            data.put(field, text);
            return;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        data.put(field, text.substring(0, end));
        sink.skipped(where, field + " has " + text.length() + " characters; td keeps the first " + max);
    }
}
