package dev.td.server.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7386): a field in the patch replaces the field of the same name, an object is
 * merged field by field, null removes the field, and fields the patch leaves out stay as they are.
 * How correct_event applies the data it is given, unless it is asked to replace.
 */
final class MergePatch {

    private MergePatch() {}

    /** {@code target} with {@code patch} applied; neither is changed. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result =
                target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                JsonNode current = result.path(field.getKey());
                result.set(field.getKey(), apply(current, field.getValue()));
            }
        }
        return result;
    }
}
