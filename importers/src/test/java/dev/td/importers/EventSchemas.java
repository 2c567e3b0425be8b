package dev.td.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drafts checked against td's own event schemas ({@code schema/src/main/resources/td/event-types/*.json}), with the
 * JSON Schema library (draft 2020-12, formats asserted) the server validates logged events with. A {@code set.logged}
 * draft leaves {@code exercise_id} to the server (see {@link Draft}): it is checked with a placeholder id.
 */
public final class EventSchemas {

    private static final Path FOLDER = Path.of("../schema/src/main/resources/td/event-types");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** What is wrong with the draft's data for its type, as "record type path: message"; empty when it is valid. */
    public static List<String> problems(Draft draft) {
        ObjectNode data = draft.data().deepCopy();
        if (draft.type().equals("set.logged") && !data.has("exercise_id")) {
            data.put("exercise_id", "resolved-by-the-server");
        }
        return problems(draft.type(), data).stream()
                .map(p -> draft.recordId() + " " + p)
                .toList();
    }

    /** What is wrong with {@code data} for event {@code type}, as "type path: message"; empty when it is valid. */
    public static List<String> problems(String type, JsonNode data) {
        return SCHEMAS.computeIfAbsent(type, EventSchemas::load).validate(data).stream()
                .map(e -> type + e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    private static Schema load(String type) {
        try {
            JsonNode file = JSON.readTree(FOLDER.resolve(type + ".json").toFile());
            return REGISTRY.getSchema(file.get("schema"));
        } catch (IOException e) {
            throw new UncheckedIOException("no schema for " + type + " in " + FOLDER, e);
        }
    }
}
