package dev.td.tools;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the person whose data is read or written, the API key used, and what that key may do.
 *
 * @param userId the person whose data the call acts on
 * @param keyId  the API key's id (never the key itself)
 * @param agent  a name for the calling agent, recorded in event metadata
 * @param scopes granted scopes; {@code *} grants all
 */
public record Principal(UUID userId, UUID keyId, String agent, Set<String> scopes) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(agent, "agent");
        scopes = Set.copyOf(scopes);
    }

    public boolean may(String scope) {
        return scopes.contains("*")
                || scopes.contains(scope)
                || (scope.endsWith(":read") && scopes.contains(scope.replace(":read", ":write")));
    }
}
