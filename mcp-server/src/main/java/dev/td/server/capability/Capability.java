package dev.td.server.capability;

import dev.td.server.projections.Projection;
import java.util.List;

/**
 * A domain of td as one unit: its projections, its tool handlers, its rules about event data and
 * its listeners on the log. The wiring builds the projection engine from every capability's
 * {@link #projections()}, then calls {@link #install(Platform)} on each, in order. Adding a domain
 * is a new package with one class implementing this interface, plus one line in the wiring.
 *
 * <p>A capability that other domains use publishes an interface (annotated {@link Published}) and is
 * handed to them by the wiring; domains never reach into each other's implementation classes.
 */
public interface Capability {

    /** The projections this capability keeps; folded inline on append and rebuilt when their version changes. */
    default List<Projection<?>> projections() {
        return List.of();
    }

    /** Registers the capability's tool handlers, event checks and append listeners on the platform. */
    void install(Platform platform);
}
