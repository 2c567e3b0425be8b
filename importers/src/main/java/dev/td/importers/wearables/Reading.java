package dev.td.importers.wearables;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of a td metric as a wearable reports it, before it is dated: the metric's name (td's registry name, or a
 * name of the person's own metrics such as {@code whoop_strain}), the value as the file gives it and the unit td
 * should read it in (none for scores).
 */
record Reading(String metric, double value, Optional<String> unit) {

    static final String TYPE = "metric.recorded";

    Reading {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
    }

    static Reading of(String metric, double value, String unit) {
        return new Reading(metric, value, Optional.of(unit));
    }

    static Reading score(String metric, double value) {
        return new Reading(metric, value, Optional.empty());
    }

    /** The {@code metric.recorded} draft of this reading. */
    Draft draft(Instant at, Optional<? extends ZoneId> zone, String recordId, String source) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("metric", metric);
        data.put("value", value);
        unit.ifPresent(u -> data.put("unit", u));
        data.put("source", source);
        return new Draft(TYPE, at, zone.map(ZoneId.class::cast), data, recordId);
    }
}
