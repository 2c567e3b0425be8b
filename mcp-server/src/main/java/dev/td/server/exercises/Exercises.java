package dev.td.server.exercises;

import dev.td.server.capability.Published;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The person's exercise catalog as other capabilities use it: names resolved to ids (or refused with
 * candidates), exercises found by id, ids for exercises created on the fly, and names for completion.
 */
@Published
public interface Exercises extends NameResolver {

    /** The person's exercise with this id, archived ones included. */
    Optional<Exercise> find(UUID user, String exerciseId);

    /** An id no exercise of the person has yet, derived from the name ({@code my-cable-fly}, {@code my-cable-fly-2}). */
    String freeId(UUID user, String name);

    /**
     * Names of the person's exercises that match what was typed so far (all when blank), for completions: prefix
     * matches first, then by sets logged, then word-prefix, substring and fuzzy matches.
     */
    List<String> names(UUID user, String typed);
}
