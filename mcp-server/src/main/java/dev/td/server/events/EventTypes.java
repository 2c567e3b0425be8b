package dev.td.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.tools.ArgumentValidator;
import dev.td.tools.Json;
import dev.td.tools.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known event types and their data schemas (from the schema module, {@code td/event-types/}).
 * Types under {@code custom.} are accepted as given, so new kinds of data need no migration.
 */
public final class EventTypes {

    public static final String CUSTOM_PREFIX = "custom.";
    public static final String CORRECTED = "event.corrected";
    public static final String VOIDED = "event.voided";

    /**
     * One known type: its name, what it is for, its data schema, whether agents may log it directly,
     * and otherwise the tool that writes it.
     */
    public record EventType(
            String type,
            String description,
            JsonNode schema,
            boolean loggable,
            Optional<String> writtenBy,
            ArgumentValidator validator) {}

    private final Map<String, EventType> types;

    private EventTypes(Map<String, EventType> types) {
        this.types = types;
    }

    public static EventTypes load() {
        ObjectMapper json = Json.mapper();
        Map<String, EventType> types = new LinkedHashMap<>();
        for (String line : resource("td/event-types/index.txt").split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = json.readTree(resource("td/event-types/" + line.strip()));
                String type = n.path("type").asText();
                types.put(
                        type,
                        new EventType(
                                type,
                                n.path("description").asText(),
                                n.get("schema"),
                                n.path("loggable").asBoolean(true),
                                Optional.ofNullable(n.get("written_by")).map(JsonNode::asText),
                                ArgumentValidator.of(n.get("schema"), "data of " + type)));
            } catch (IOException e) {
                throw new UncheckedIOException("event type " + line, e);
            }
        }
        return new EventTypes(java.util.Collections.unmodifiableMap(types));
    }

    public List<EventType> all() {
        return List.copyOf(types.values());
    }

    public Optional<EventType> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    /**
     * Checks that an agent may log this type with this data.
     *
     * @param path JSON path of the event in the call, for error messages ({@code $.events[3]})
     */
    public void validateLoggable(String type, JsonNode data, String path) {
        if (type.startsWith(CUSTOM_PREFIX)) {
            return;
        }
        EventType known = types.get(type);
        if (known == null) {
            throw ToolException.invalid(
                    path + ".type",
                    "unknown event type '" + type + "'. Use one of "
                            + String.join(", ", loggableNames())
                            + " (get_event_types shows their schemas), or prefix your own type with '"
                            + CUSTOM_PREFIX + "' (e.g. custom." + type + ") to store it as given");
        }
        if (!known.loggable()) {
            throw ToolException.invalid(
                    path + ".type",
                    type + " is written by td itself; use " + known.writtenBy().orElse("the dedicated tool")
                            + " instead");
        }
        validateData(known, data, path + ".data");
    }

    /** Checks data against a known type's schema; paths in errors are prefixed with {@code dataPath}. */
    public void validateData(EventType type, JsonNode data, String dataPath) {
        List<ArgumentValidator.Violation> violations = type.validator().violations(data);
        if (!violations.isEmpty()) {
            ArgumentValidator.Violation v = violations.getFirst();
            String at = dataPath + v.path().substring(1);
            throw ToolException.invalid(
                    at,
                    "invalid data for " + type.type() + ": " + v.message() + ". Fix the value at " + at
                            + "; get_event_types shows the schema of " + type.type());
        }
        if (data.hasNonNull("time_zone")) {
            TimeInput.zone(data.get("time_zone").asText(), dataPath + ".time_zone");
        }
    }

    private List<String> loggableNames() {
        return types.values().stream()
                .filter(EventType::loggable)
                .map(EventType::type)
                .toList();
    }

    private static String resource(String name) {
        try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
