package dev.td.importers.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Writes FIT values into a draft's {@code data} within the ranges td's event schemas allow. A value outside them is
 * left out rather than clamped (a field td does not have is better than a wrong one), as is a value the file lacks.
 */
final class DataFields {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DataFields() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A whole number as an integer (heart rates, seconds), any other as a double: the file's value, unrounded. */
    static JsonNode number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? NODES.numberNode((long) v) : NODES.numberNode(v);
    }

    /**
     * Puts {@code value} when it is above 0 and at most {@code max}. For quantities where 0 means "not measured"
     * (heart rate, power, cadence, an indoor session's distance) or the schema wants more than 0 (durations).
     */
    static void positive(ObjectNode node, String name, Optional<Double> value, double max) {
        value.filter(v -> v > 0 && v <= max).ifPresent(v -> node.set(name, number(v)));
    }

    /** Puts {@code value} when it is within 0 and {@code max}: a count where 0 is a real answer (calories). */
    static void nonNegative(ObjectNode node, String name, Optional<Double> value, double max) {
        value.filter(v -> v >= 0 && v <= max).ifPresent(v -> node.set(name, number(v)));
    }

    /** Puts {@code {"value": v, "unit": unit}} when {@code v} is within 0 and {@code max} (and above 0 unless allowed). */
    static void quantity(
            ObjectNode node, String name, Optional<Double> value, String unit, double max, boolean zeroMeasured) {
        value.filter(v -> (zeroMeasured ? v >= 0 : v > 0) && v <= max).ifPresent(v -> {
            ObjectNode q = node.putObject(name);
            q.set("value", number(v));
            q.put("unit", unit);
        });
    }
}
