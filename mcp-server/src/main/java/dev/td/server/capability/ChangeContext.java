package dev.td.server.capability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.Fact;
import java.util.List;
import java.util.UUID;

/**
 * What a capability tells an agent about a change to stored events (a correction, a void): the same
 * context logging gives (a new record), and what only a change can do (a record taken back, a session
 * left empty). The journal's tools call every capability's before the change is appended and run the
 * returned step once it is stored.
 */
@FunctionalInterface
public interface ChangeContext {

    /**
     * Reads what the change may alter, before it is appended.
     *
     * @param touched the events the change touches, as they read in the effective history before it and, for a
     *     correction, as they will read after it
     * @return the step that adds to the answer's context what the change did, once it is stored
     */
    After before(UUID user, List<Fact> touched);

    /** Adds to an answer's context; runs after the change is stored. */
    @FunctionalInterface
    interface After {
        void addTo(ObjectNode context);
    }
}
