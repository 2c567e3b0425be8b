package dev.td.statsfixture.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Breaks the dependency rule: a capability that renders JSON. */
public final class Pearson {

    private Pearson() {}

    public static JsonNode coefficient(double r) {
        return JsonNodeFactory.instance.numberNode(r);
    }
}
