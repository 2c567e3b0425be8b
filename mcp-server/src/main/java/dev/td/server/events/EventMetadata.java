package dev.td.server.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.ToolCall;
import java.util.Optional;

/**
 * The metadata every event written by a tool carries: source face, agent and the key's id, client, session and
 * device, and on a write through a grant the grantee (actor_id), the grant and its role.
 */
public final class EventMetadata {

    private EventMetadata() {}

    /** Metadata for events written by this call; {@code device} when the agent named one. */
    public static ObjectNode of(ToolCall call, Optional<String> device) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("source", call.origin().source());
        m.put("agent", call.principal().agent());
        m.put("key_id", call.principal().keyId().toString());
        call.principal().delegation().ifPresent(d -> {
            // written by a grantee into the granting person's log: who, and under which grant
            m.put("actor_id", d.actorId().toString());
            m.put("grant_id", d.grantId().toString());
            m.put("role", d.role());
        });
        call.origin().client().ifPresent(c -> m.put("client", c));
        JsonFields.text(call.arguments(), "session_id")
                .or(() -> call.origin().sessionId())
                .ifPresent(s -> m.put("session_id", s));
        device.ifPresent(d -> m.put("device", d));
        return m;
    }
}
