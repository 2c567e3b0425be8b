package dev.td.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.EventTypes;
import dev.td.server.events.JsonFields;
import dev.td.server.events.NewEvent;
import dev.td.server.events.TimeInput;
import dev.td.tools.ToolException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the readings of a log_metrics call into metric.recorded events: each name resolved (a registry name
 * or alias, the person's own metric, or a new one; a likely typo or an ambiguous word refused with
 * candidates), each unit defaulted (the profile's weight unit for body weight, the metric's unit otherwise),
 * each reading checked ({@link MetricCheck}) and dated. A date alone means 12:00 that day in the zone, so the
 * reading counts for that day wherever the clock is set.
 */
final class MetricReadings {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final MetricRegistry registry;
    private final MetricCheck check;
    private final EventTypes.EventType type;
    private final EventTypes types;

    MetricReadings(MetricRegistry registry, MetricCheck check, EventTypes types) {
        this.registry = registry;
        this.check = check;
        this.types = types;
        this.type = types.find("metric.recorded")
                .orElseThrow(() -> new IllegalStateException("the event type metric.recorded is missing"));
    }

    /** What the call knows of the person: their zone, weight unit and own metrics, and the time now. */
    record Person(
            ZoneId zone, Optional<String> weightUnit, Map<String, MetricIndexProjection.Entry> own, Instant now) {}

    /**
     * The events of a call, in reading order.
     *
     * @param newMetrics the custom metrics the call starts, with the unit each is kept in from now on
     */
    record Logged(List<NewEvent> events, Map<String, String> newMetrics) {}

    Logged events(ObjectNode args, Person person, String key, ObjectNode metadata) {
        boolean confirmed = args.path("confirm_unusual").asBoolean(false);
        Optional<String> callAt = JsonFields.text(args, "at");
        Map<String, String> newMetrics = new LinkedHashMap<>();
        List<NewEvent> events = new java.util.ArrayList<>();
        ArrayNode readings = (ArrayNode) args.get("readings");
        for (int i = 0; i < readings.size(); i++) {
            JsonNode r = readings.get(i);
            String path = "$.readings[" + i + "]";
            String name = resolve(
                    r.get("metric").asText(), path + ".metric", r.path("custom").asBoolean(false), person);
            Optional<MetricDefinition> known = registry.find(name);
            Optional<String> soFar = known.isPresent()
                    ? Optional.empty()
                    : Optional.ofNullable(person.own().get(name))
                            .flatMap(MetricIndexProjection.Entry::unit)
                            .or(() -> Optional.ofNullable(newMetrics.get(name)));
            ObjectNode data = data(r, name, known, soFar, person);
            if (check.unusual(data) && confirmed) {
                data.put(MetricCheck.MARKER, true);
            }
            check.check(data, path, soFar, "repeat the call with confirm_unusual: true");
            if (data.has("unit")) {
                data.put("unit", storedUnit(data.get("unit").asText()));
            }
            types.validateData(type, data, path);
            if (known.isEmpty() && !person.own().containsKey(name) && !newMetrics.containsKey(name)) {
                newMetrics.put(name, registry.customUnit(JsonFields.text(data, "unit")));
            }
            Optional<String> at = JsonFields.text(r, "at").or(() -> callAt);
            String atPath = r.has("at") ? path + ".at" : "$.at";
            TimeInput.Moment moment = at.map(v -> moment(v, args, person, atPath))
                    .orElse(new TimeInput.Moment(person.now(), person.zone()));
            events.add(new NewEvent(
                    "metric.recorded",
                    moment.instant(),
                    moment.zone(),
                    data,
                    key + "/" + i,
                    metadata,
                    Optional.empty()));
        }
        return new Logged(events, newMetrics);
    }

    /** The reading as metric.recorded data, with the default unit filled in. */
    private ObjectNode data(
            JsonNode r, String name, Optional<MetricDefinition> known, Optional<String> soFar, Person person) {
        ObjectNode data = JSON.objectNode().put("metric", name);
        if (r.has("value")) {
            data.set("value", r.get("value"));
        }
        if (r.has("label")) {
            String label = r.get("label").asText().strip();
            data.put("label", known.flatMap(d -> d.label(label)).orElse(label));
        }
        Optional<String> unit = JsonFields.text(r, "unit").map(String::strip).filter(u -> !u.isEmpty());
        if (unit.isEmpty() && r.has("value")) {
            unit = known.isPresent() ? defaultUnit(known.get(), person) : soFar.filter(u -> !u.isEmpty());
        }
        unit.ifPresent(u -> data.put("unit", u));
        for (String f : List.of("notes", "source")) {
            JsonFields.text(r, f).ifPresent(v -> data.put(f, v));
        }
        return data;
    }

    /** Body weight (and other masses) in the profile's unit when it has one; otherwise the metric's unit. */
    private Optional<String> defaultUnit(MetricDefinition d, Person person) {
        if (d.unit().isEmpty()) {
            return Optional.empty();
        }
        if (d.unit().get().dimension().equals("mass")) {
            Optional<String> profile = person.weightUnit()
                    .flatMap(u -> registry.units().find(u))
                    .filter(d::accepts)
                    .map(MetricUnits.Unit::symbol);
            if (profile.isPresent()) {
                return profile;
            }
        }
        return Optional.of(d.unitSymbol());
    }

    /** td's symbol for a unit it knows ({@code lbs} → lb); a custom metric's unknown unit as given. */
    private String storedUnit(String said) {
        return registry.units().find(said).map(MetricUnits.Unit::symbol).orElse(said.strip());
    }

    private static TimeInput.Moment moment(String value, ObjectNode args, Person person, String path) {
        String v = value.strip();
        String at = DATE.matcher(v).matches() ? day(v, path) + "T12:00:00" : v;
        return TimeInput.occurredAt(at, JsonFields.text(args, "time_zone"), person.zone(), path, person.now());
    }

    private static String day(String v, String path) {
        try {
            return LocalDate.parse(v).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw ToolException.invalid(path, "'" + v + "' is not a date; write YYYY-MM-DD, e.g. 2026-11-24");
        }
    }

    /**
     * The metric a said name stands for: a registry name or alias, the person's own metric, else a new one
     * (snake_case); refused when the word names several metrics or looks like a typo of a known one, unless
     * the reading says custom.
     */
    String resolve(String said, String path, boolean custom, Person person) {
        String word = said.strip();
        Optional<MetricDefinition> known = registry.find(word);
        if (known.isPresent()) {
            return known.get().name();
        }
        String compact = MetricNames.compact(word);
        for (String own : person.own().keySet()) {
            if (MetricNames.compact(own).equals(compact)) {
                return own;
            }
        }
        String snake = MetricNames.snake(word);
        if (!MetricNames.SNAKE.matcher(snake).matches()) {
            throw ToolException.invalid(
                    path,
                    "'" + word + "' cannot name a metric: a new metric's name is letters, digits and underscores,"
                            + " starting with a letter (e.g. grip_strength)");
        }
        if (custom) {
            return snake;
        }
        List<String> several = registry.ambiguous(word);
        if (!several.isEmpty()) {
            throw refusal(
                    path,
                    "'" + word + "' may mean " + String.join(" or ", several)
                            + "; log each as its own reading with its name",
                    several);
        }
        List<MetricRegistry.Candidate> near = registry.near(word, person.own().keySet());
        if (!near.isEmpty()) {
            List<String> names =
                    near.stream().map(MetricRegistry.Candidate::metric).toList();
            throw refusal(
                    path,
                    "'" + word + "' is not a metric td knows; did you mean " + String.join(" or ", names)
                            + "? If it is a new metric of the person's own, repeat with \"custom\": true on this reading",
                    names);
        }
        return snake;
    }

    private static ToolException refusal(String path, String message, List<String> candidates) {
        ObjectNode details = JSON.objectNode();
        ArrayNode list = details.putArray("metric_candidates");
        candidates.forEach(list::add);
        return new ToolException(dev.td.tools.ErrorCode.INVALID_ARGUMENT, path, message, Optional.of(details));
    }
}
