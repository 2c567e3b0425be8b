/**
 * The event log: the append-only store with its per-person sequence, idempotency keys and SHA-256
 * hash chain ({@code EventStore}, {@code EventChain}, {@code CanonicalJson}) and its check
 * ({@code ChainVerifier}, {@code ChainWalk}); the effective history
 * after corrections and voids ({@code EffectiveLog}, {@code Fact}) and each event's trail of them
 * ({@code EventTrail}); paged queries; event-type
 * schemas; the typed events projections fold ({@code TrainingEvent}); time and field parsing shared
 * by every tool that writes events.
 *
 * <p>Depends on nothing of the server; uses {@code dev.td.tools} (tool errors, calls) and JDBC.
 * Everything above may use it.
 */
package dev.td.server.events;
