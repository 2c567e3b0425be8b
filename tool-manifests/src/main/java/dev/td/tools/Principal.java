package dev.td.tools;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the person whose data is read or written, the API key used, and what that key may do.
 *
 * @param userId     the person whose data the call acts on: the key's own person, or on a delegated call the
 *                   person who granted access
 * @param keyId      the API key's id (never the key itself)
 * @param agent      a name for the calling agent, recorded in event metadata
 * @param scopes     what the call may do; {@code *} grants all. On a delegated call: the scopes both the grant
 *                   and the key allow
 * @param delegation present when the key's person acts on another person's data through a grant
 */
public record Principal(UUID userId, UUID keyId, String agent, Set<String> scopes, Optional<Delegation> delegation) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(agent, "agent");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(delegation, "delegation");
    }

    /** A key acting on its own person's data. */
    public Principal(UUID userId, UUID keyId, String agent, Set<String> scopes) {
        this(userId, keyId, agent, scopes, Optional.empty());
    }

    /** Whether {@code scopes} allow {@code scope}: {@code *}, the scope itself, or its write scope for a read. */
    public static boolean allows(Set<String> scopes, String scope) {
        return scopes.contains("*")
                || scopes.contains(scope)
                || (scope.endsWith(":read") && scopes.contains(scope.replace(":read", ":write")));
    }

    public boolean may(String scope) {
        return allows(scopes, scope);
    }

    /** The person who holds the key: the grantee on a delegated call, else {@link #userId}. */
    public UUID actorId() {
        return delegation.map(Delegation::actorId).orElse(userId);
    }

    /** The same key acting on {@code owner}'s data through {@code grant}, with what both allow. */
    public Principal delegatedTo(UUID owner, Delegation grant) {
        if (delegation.isPresent()) {
            throw new IllegalStateException("a delegated principal cannot be delegated again");
        }
        Set<String> both = new java.util.TreeSet<>();
        for (String scope : grant.grantScopes()) {
            if (may(scope)) {
                both.add(scope);
            }
            if (scope.endsWith(":write") && may(scope.replace(":write", ":read"))) {
                both.add(scope.replace(":write", ":read"));
            }
        }
        return new Principal(owner, keyId, agent, both, Optional.of(grant));
    }

    /**
     * A grant in use: the key's person ({@code actorId}) acts on the data of the person named {@code person}
     * (their handle) as {@code role}, within {@code grantScopes}.
     */
    public record Delegation(UUID actorId, UUID grantId, String role, String person, Set<String> grantScopes) {
        public Delegation {
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(grantId, "grantId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(person, "person");
            grantScopes = Set.copyOf(grantScopes);
        }
    }
}
