package dev.td.server.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * Which parts of a stored analysis a reader sees. A stored series or finding names the scopes that read what it is
 * made of ({@code scope}: one, {@code scopes}: several, from {@link PersonSeries}); a reader sees it when their
 * principal may every one of them, and never sees the field itself.
 */
final class Visibility {

    private Visibility() {}

    /** Whether {@code mayRead} (the reader's {@code Principal::may}) allows every scope the stored item names. */
    static boolean visible(JsonNode stored, Predicate<String> mayRead) {
        if (stored.has("scope") && !mayRead.test(stored.path("scope").asText())) {
            return false;
        }
        for (JsonNode scope : stored.path("scopes")) {
            if (!mayRead.test(scope.asText())) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the stored item as answers show it: without the scopes that decided who sees it. */
    static ObjectNode shown(JsonNode stored) {
        ObjectNode shown = ((ObjectNode) stored).deepCopy();
        shown.remove("scope");
        shown.remove("scopes");
        return shown;
    }
}
