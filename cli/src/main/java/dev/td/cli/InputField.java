package dev.td.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One top-level property of a tool's input schema, as the CLI offers it: through a {@link Flag}
 * when its values fit on a command line, otherwise only through {@code --input}.
 *
 * @param name        the JSON property name
 * @param schema      its schema, with a top-level {@code $ref} resolved
 * @param required    whether the input schema requires it
 * @param flag        the flag, when there is one
 */
record InputField(String name, JsonNode schema, boolean required, Optional<Flag> flag) {

    String description() {
        return schema.path("description").asText("");
    }

    /** {@code string}, {@code array of object}, … as help shows it. */
    String typeLabel() {
        String type = InputSchema.typeOf(schema);
        if ("array".equals(type)) {
            return "array of " + InputSchema.typeOf(schema.path("items"));
        }
        return type;
    }
}
