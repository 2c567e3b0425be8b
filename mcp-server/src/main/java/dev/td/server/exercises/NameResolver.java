package dev.td.server;

import java.util.UUID;

/**
 * Turns the exercise name a person used into a catalog id, or refuses with candidates
 * (a {@link dev.td.tools.ToolException} at {@code path}) — never a silent guess.
 */
@FunctionalInterface
interface NameResolver {
    String resolveId(UUID user, String name, String path);
}
