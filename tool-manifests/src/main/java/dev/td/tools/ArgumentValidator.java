package dev.td.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Checks JSON against a JSON Schema (draft 2020-12) and turns the first violation into a
 * {@link ToolException} that names the offending field and how to fix it.
 */
public final class ArgumentValidator {

    /** Draft 2020-12 with {@code format} asserted, so a malformed uuid or date-time is refused like a wrong type. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final Schema schema;
    private final String subject;

    private ArgumentValidator(Schema schema, String subject) {
        this.schema = schema;
        this.subject = subject;
    }

    /**
     * A validator for one schema.
     *
     * @param schema  the JSON Schema
     * @param subject what is validated, used in messages ("arguments of log_events")
     */
    public static ArgumentValidator of(JsonNode schema, String subject) {
        return new ArgumentValidator(REGISTRY.getSchema(schema), subject);
    }

    /** All violations, as messages with their JSON paths; empty when the instance is valid. */
    public List<Violation> violations(JsonNode instance) {
        return schema.validate(instance).stream()
                .map(ArgumentValidator::toViolation)
                .toList();
    }

    /** Throws an {@code invalid_argument} {@link ToolException} for the first violation, if any. */
    public void validate(JsonNode instance) {
        List<Violation> violations = violations(instance);
        if (!violations.isEmpty()) {
            Violation first = violations.getFirst();
            String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more problem(s))" : "";
            throw ToolException.invalid(
                    first.path(),
                    "invalid " + subject + ": " + first.message() + more + ". Fix the value at " + first.path()
                            + "; the input schema lists every field with its type and allowed values.");
        }
    }

    private static Violation toViolation(Error error) {
        String pointer = error.getInstanceLocation().toString();
        String path = jsonPath(pointer);
        String message = error.getMessage();
        if (message.startsWith(pointer + ": ")) {
            message = message.substring(pointer.length() + 2);
        }
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            path = path + "." + error.getProperty();
        }
        return new Violation(path, message);
    }

    /** {@code /events/0/type} → {@code $.events[0].type}. */
    static String jsonPath(String pointer) {
        StringBuilder path = new StringBuilder("$");
        for (String segment : pointer.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append('.').append(name);
            }
        }
        return path.toString();
    }

    /** One schema violation at a JSON path. */
    public record Violation(String path, String message) {}
}
