package dev.td.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validator leaves out the per-item schema walk of number arrays when every item is a number; it must find
 * exactly what the whole schema finds. For every tool with such arrays, each example's arguments are spoiled in
 * turn (an item that is text, null, an object or an array, too few or too many items, the array replaced by text,
 * an unknown field, a bad item together with another violation), and the violations, in order, are compared with
 * those of the same schema under a root keyword that turns the shortcut off ({@code minProperties: 0}, which
 * changes nothing else).
 */
class ArgumentValidatorTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void leavingOutTheItemsOfNumberArraysFindsWhatTheWholeSchemaFinds() {
        int compared = 0;
        for (ToolManifest tool : ToolCatalog.load().all()) {
            List<String> arrays = numberArrays(tool.inputSchema());
            if (arrays.isEmpty()) {
                continue;
            }
            ArgumentValidator fast = ArgumentValidator.of(tool.inputSchema(), "arguments of " + tool.name());
            ObjectNode wholeSchema = tool.inputSchema().deepCopy();
            wholeSchema.put("minProperties", 0);
            ArgumentValidator whole = ArgumentValidator.of(wholeSchema, "arguments of " + tool.name());
            for (ToolManifest.Example example : tool.examples()) {
                for (JsonNode instance : spoiled((ObjectNode) example.arguments(), arrays)) {
                    assertThat(fast.violations(instance))
                            .as("%s: %s", tool.name(), instance)
                            .isEqualTo(whole.violations(instance));
                    compared++;
                }
            }
        }
        assertThat(compared).as("instances compared").isGreaterThan(50);
    }

    private static List<String> numberArrays(JsonNode schema) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            if ("array".equals(p.getValue().path("type").asText())
                    && "number".equals(p.getValue().path("items").path("type").asText())) {
                names.add(p.getKey());
            }
        }
        return names;
    }

    private static List<JsonNode> spoiled(ObjectNode arguments, List<String> arrays) {
        List<JsonNode> instances = new ArrayList<>();
        instances.add(arguments);
        for (String name : arrays) {
            if (!arguments.path(name).isArray() || arguments.path(name).isEmpty()) {
                continue;
            }
            for (JsonNode bad : List.of(
                    F.textNode("1"), F.nullNode(), F.objectNode(), F.arrayNode().add(1))) {
                ObjectNode copy = arguments.deepCopy();
                ((ArrayNode) copy.get(name)).set(copy.get(name).size() - 1, bad);
                instances.add(copy);
                ObjectNode twice = copy.deepCopy();
                twice.put("no_such_field", true);
                instances.add(twice);
            }
            ObjectNode empty = arguments.deepCopy();
            empty.putArray(name);
            instances.add(empty);
            ObjectNode one = arguments.deepCopy();
            one.putArray(name).add(1.5);
            instances.add(one);
            ObjectNode many = arguments.deepCopy();
            ArrayNode lots = many.putArray(name);
            for (int i = 0; i < 100_001; i++) {
                lots.add(i);
            }
            instances.add(many);
            ObjectNode text = arguments.deepCopy();
            text.put(name, "1, 2, 3");
            instances.add(text);
            ObjectNode extra = arguments.deepCopy();
            extra.put("no_such_field", 1);
            instances.add(extra);
        }
        return instances;
    }
}
