package dev.td.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What every tool returns: the {@code data} asked for, the {@code context} an agent needs but
 * did not ask for, and {@code meta} about how the answer was made.
 */
public record Envelope(JsonNode data, ObjectNode context, Meta meta) {

    public Envelope {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(meta, "meta");
    }

    /** An envelope with an empty context. */
    public static Envelope of(JsonNode data, Meta meta) {
        return new Envelope(data, JsonNodeFactory.instance.objectNode(), meta);
    }

    /** The envelope as JSON: {@code {data, context, meta}}. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("data", data);
        root.set("context", context);
        root.set("meta", meta.toJson());
        return root;
    }
}
