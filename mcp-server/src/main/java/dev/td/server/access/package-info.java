/**
 * People and their API keys: bootstrap of the owner, key creation, listing and revocation, the
 * strength rule every key meets, key hashing, authentication into a {@code Principal} (from the
 * database on every request, so a revocation holds at once), handles, and grants ({@code Grants}: which
 * person may act on whose data, read on every call that names another person).
 *
 * <p>May use {@code events}; knows no domain.
 */
package dev.td.server.access;
