package dev.td.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A rule about event data that a JSON Schema cannot express (a referenced exercise must exist in
 * the person's catalog), checked whenever an agent writes or corrects such an event.
 */
@FunctionalInterface
public interface EventCheck {

    /**
     * Checks one event's data; returns normally when it keeps the rule.
     *
     * @param dataPath JSON path of the data in the call ({@code $.events[2].data}), for the error
     * @throws dev.td.tools.ToolException when the data breaks the rule
     */
    void check(UUID user, String type, JsonNode data, String dataPath);
}
