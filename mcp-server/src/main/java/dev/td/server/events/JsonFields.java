package dev.td.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Reading optional fields of tool arguments and event data: absent and JSON null both mean empty. */
public final class JsonFields {

    private JsonFields() {}

    public static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    /** A number field; empty when absent, null or not a number. */
    public static OptionalDouble number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(v.asDouble());
    }

    /** An integer field; empty when absent, null or not representable as an int. */
    public static OptionalInt integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.canConvertToInt() ? OptionalInt.empty() : OptionalInt.of(v.asInt());
    }

    /** The strings of an array field, empty when the array is absent. */
    public static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
