package dev.td.importers.wearables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.importers.Draft;
import dev.td.importers.EventSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What td's schema module says about a draft: its event type's JSON schema
 * ({@code ../schema/src/main/resources/td/event-types}; the keywords those files use: type, required, oneOf,
 * additionalProperties false, enum, minimum, maximum, exclusiveMinimum, minLength, maxLength, pattern, maxItems,
 * items, $ref) and, for a {@code metric.recorded}, the metric registry ({@code td/metrics/registry.json}): a
 * registry metric's unit and plausible range.
 */
final class EventSchemaCheck {

    private static final Path RESOURCES = Path.of("../schema/src/main/resources/td");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode REGISTRY = load(RESOURCES.resolve("metrics/registry.json"));

    private EventSchemaCheck() {}

    /** What is wrong with the draft's data against its type's schema; empty when it is valid. */
    static List<String> problems(Draft draft) {
        return EventSchemas.problems(draft);
    }

    /** The registry's entry for a metric name; empty for the person's own metrics. */
    static Optional<JsonNode> registryMetric(String name) {
        for (JsonNode metric : REGISTRY.path("metrics")) {
            if (metric.path("name").asText().equals(name)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    /** Whether a name is any registry metric's name or alias (as a person would write it, without case). */
    static boolean isRegistryNameOrAlias(String name) {
        String spaced = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        for (JsonNode metric : REGISTRY.path("metrics")) {
            if (metric.path("name").asText().equals(name)) {
                return true;
            }
            for (JsonNode alias : metric.path("aliases")) {
                String a = alias.asText().toLowerCase(Locale.ROOT);
                if (a.equals(spaced) || a.equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A value in a registry unit converted to the metric's canonical unit, by the registry's exact factors. */
    static BigDecimal toCanonical(double value, String unit, String canonical) {
        return BigDecimal.valueOf(value).multiply(factor(unit)).divide(factor(canonical), MathContext.DECIMAL64);
    }

    private static BigDecimal factor(String unit) {
        String text = REGISTRY.path("units").path(unit).path("factor").asText();
        String[] parts = text.split("/", 2);
        BigDecimal factor = new BigDecimal(parts[0]);
        return parts.length == 1 ? factor : factor.divide(new BigDecimal(parts[1]), MathContext.DECIMAL64);
    }

    private static JsonNode load(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
