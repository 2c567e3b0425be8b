/**
 * People and their API keys: bootstrap of the owner, key hashing, authentication into a
 * {@code Principal}. Grants and per-agent keys will live here.
 *
 * <p>May use {@code events}; knows no domain.
 */
package dev.td.server.access;
