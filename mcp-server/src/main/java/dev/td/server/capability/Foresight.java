package dev.td.server.capability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.Fact;
import java.util.List;
import java.util.UUID;

/**
 * What a capability tells about events proposed and never stored (what_if): it reads, as things stand, what they
 * may change, and returns the step that reads the same again where they are applied (inside the transaction that is
 * then rolled back) and writes before → after into the answer. The what-if tool calls every capability's.
 */
@FunctionalInterface
public interface Foresight {

    /**
     * Reads what the proposed events may change, as it stands.
     *
     * @param proposed the events as they will be folded, in order; their ids and sequences are placeholders (the
     *     events get theirs only inside the what-if)
     * @return the step that adds what changed, run where the events are applied
     */
    After before(UUID user, List<Fact> proposed);

    /** Adds to the answer; runs inside the what-if, where every read sees the proposed events. */
    @FunctionalInterface
    interface After {

        /**
         * Adds before → after of what the capability answers for.
         *
         * @param changes the answer's {@code changes}: {@code records}, {@code exercises} and {@code anomalies}
         *     (arrays) and {@code load} (null until set)
         * @param context the answer's context, for notes on what changed
         */
        void addTo(ObjectNode changes, ObjectNode context);
    }
}
