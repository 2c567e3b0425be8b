package dev.td.tools;

import java.util.Optional;

/** Turns a bearer API key into the principal it stands for; empty when the key is unknown or revoked. */
@FunctionalInterface
public interface Authenticator {
    Optional<Principal> authenticate(String apiKey);
}
