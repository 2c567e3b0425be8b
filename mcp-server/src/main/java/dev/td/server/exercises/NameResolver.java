package dev.td.server.exercises;

import dev.td.server.capability.Published;
import java.util.UUID;

/**
 * Turns the exercise name a person used into a catalog id, or refuses with candidates
 * (a {@link dev.td.tools.ToolException} at {@code path}) — never a silent guess.
 */
@Published
@FunctionalInterface
public interface NameResolver {

    /**
     * The catalog id of the exercise this name means for the person.
     *
     * @param path JSON path of the name in the call, for the refusal
     * @throws dev.td.tools.ToolException when the name matches no exercise or several
     */
    String resolveId(UUID user, String name, String path);
}
