package dev.td.tools;

import java.util.Optional;

/** Turns a bearer API key into the principal it stands for; empty when the key is unknown or revoked. */
@FunctionalInterface
public interface Authenticator {
    Optional<Principal> authenticate(String apiKey);

    /** Why {@link #authenticate} refused {@code apiKey}, in words for its holder (unknown, revoked, expired). */
    default String whyRefused(String apiKey) {
        return "this API key is unknown, revoked or expired; check TD_API_KEY / td config";
    }
}
