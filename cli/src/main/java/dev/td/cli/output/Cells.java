package dev.td.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;

/** The text of one cell: text as it is, numbers and booleans as JSON writes them, objects and arrays as compact JSON. */
final class Cells {

    private Cells() {}

    /** Empty for null and missing values. */
    static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cell as JSON", e);
        }
    }
}
