/**
 * People and their API keys: bootstrap of the owner, key creation, listing and revocation, the
 * strength rule every key meets, key hashing, authentication into a {@code Principal} (from the
 * database on every request, so a revocation holds at once). Grants will live here.
 *
 * <p>May use {@code events}; knows no domain.
 */
package dev.td.server.access;
