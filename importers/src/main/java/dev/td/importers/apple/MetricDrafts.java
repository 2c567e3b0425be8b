package dev.td.importers.apple;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import java.time.Instant;
import java.util.Optional;

/** {@code metric.recorded} drafts as this importer writes them, and the small text helpers their notes need. */
final class MetricDrafts {

    static final String SOURCE = "apple_health";
    static final String TYPE = "metric.recorded";
    private static final int MAX_NOTES = 2000;

    private MetricDrafts() {}

    /**
     * @param unit td's unit; empty or blank: the metric has none
     */
    static Draft metric(
            String metric, double value, Optional<String> unit, Optional<String> notes, Instant at, String recordId) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("metric", metric);
        data.put("value", value);
        unit.filter(u -> !u.isBlank()).ifPresent(u -> data.put("unit", u));
        notes.ifPresent(n -> data.put("notes", n.length() > MAX_NOTES ? n.substring(0, MAX_NOTES) : n));
        data.put("source", SOURCE);
        return new Draft(TYPE, at, Optional.empty(), data, recordId);
    }

    /** A number as a person writes it: {@code 72}, not {@code 72.0}. */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /**
     * A source name for display: Apple writes no-break spaces in device names ("Apple\u00a0Watch"); ids keep the raw
     * name, people see plain spaces.
     */
    static String display(String sourceName) {
        return sourceName.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2007', ' ');
    }
}
