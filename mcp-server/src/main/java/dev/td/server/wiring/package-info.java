/**
 * Application wiring: the database (embedded or external, migrated by Flyway) and {@code TdCore},
 * which builds the event store, the accounts and the projection engine and installs every
 * {@link dev.td.server.capability.Capability} on them, one line per domain.
 *
 * <p>May use every package below the faces; nothing but {@code faces} and {@code Main} uses it.
 */
package dev.td.server.wiring;
