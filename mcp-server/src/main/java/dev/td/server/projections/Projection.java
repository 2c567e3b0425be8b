package dev.td.server.projections;

import dev.td.server.events.TrainingEvent;
import java.util.List;

/**
 * A projection: a pure fold {@code state' = apply(state, event)} over one person's effective history,
 * partitioned by key (an exercise, a week, a session). No I/O, no clock, no randomness: the same
 * code runs inline on append, on rebuild, and on "as of" and "what if" replays.
 *
 * @param <S> the state of one key, a JSON-serialisable record
 */
public interface Projection<S> {

    /** Stable name, used as the storage key ({@code exercise_progression}). */
    String name();

    /** Code version; a change rebuilds the projection from the log. */
    int version();

    Class<S> stateType();

    /** The state of a key nothing has been folded into yet. */
    S empty(String key);

    /** The keys this event changes; empty when the projection ignores it. */
    List<String> keys(TrainingEvent event);

    S apply(S state, TrainingEvent event);

    /**
     * The events of one key folded in order: the same state as {@code apply} one after the other, which is what this
     * does unless a projection has a faster way (one whose state is a growing list copies it once, not once an event).
     */
    default S applyAll(S state, List<TrainingEvent> events) {
        S s = state;
        for (TrainingEvent e : events) {
            s = apply(s, e);
        }
        return s;
    }

    /**
     * Whether the states are settings that hold for the past as they are now (the profile: units, time zone, the
     * physiology load is computed with), so that a read as of a past moment takes them as they stand rather than as
     * they were then; a record of what happened answers false.
     */
    default boolean settings() {
        return false;
    }
}
