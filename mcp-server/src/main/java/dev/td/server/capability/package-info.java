/**
 * The seam every domain plugs into: {@code Capability} (its projections, and an install step that
 * registers tools, event checks, change contexts, foresights and listeners), {@code Platform} (the shared services it is
 * installed on) and {@code @Published} (the types one capability lets others use).
 *
 * <p>May use {@code events}, {@code projections} and {@code access}; knows no domain.
 */
package dev.td.server.capability;
