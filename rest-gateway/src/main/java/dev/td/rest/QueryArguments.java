package dev.td.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.ToolException;
import io.helidon.common.uri.UriQuery;
import java.math.BigDecimal;
import java.util.List;

/** Query parameters of a GET route turned into tool arguments, typed by the tool's input schema. */
final class QueryArguments {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QueryArguments() {}

    static ObjectNode from(UriQuery query, JsonNode inputSchema) {
        ObjectNode args = JSON.objectNode();
        JsonNode props = inputSchema.path("properties");
        for (String name : query.names()) {
            JsonNode schema = props.get(name);
            if (schema == null) {
                throw ToolException.invalid(
                        "$." + name,
                        "unknown query parameter '" + name
                                + "'; the OpenAPI document lists the parameters of this route");
            }
            List<String> values = query.all(name);
            if (schema.path("type").asText().equals("array")) {
                ArrayNode array = args.putArray(name);
                for (String v : values) {
                    // String.split's rule, kept on purpose: a trailing comma adds no item ("a,b," is a, b),
                    // an inner or leading one adds an empty item (",a" is "", a). QueryArgumentsTest pins it.
                    @SuppressWarnings("StringSplitter")
                    String[] parts = v.split(",");
                    for (String part : parts) {
                        array.add(scalar(part, schema.path("items"), name));
                    }
                }
            } else {
                args.set(name, scalar(values.getLast(), schema, name));
            }
        }
        return args;
    }

    private static JsonNode scalar(String value, JsonNode schema, String name) {
        String type = schema.path("type").asText("string");
        try {
            return switch (type) {
                case "integer" -> JSON.numberNode(new BigDecimal(value).toBigIntegerExact());
                case "number" -> JSON.numberNode(new BigDecimal(value));
                case "boolean" ->
                    switch (value) {
                        case "true" -> JSON.booleanNode(true);
                        case "false" -> JSON.booleanNode(false);
                        default -> throw new NumberFormatException();
                    };
                default -> JSON.textNode(value);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw ToolException.invalid(
                    "$." + name,
                    "query parameter '" + name + "' must be "
                            + (type.equals("boolean") ? "true or false" : "an " + type) + ", got '" + value + "'");
        }
    }
}
