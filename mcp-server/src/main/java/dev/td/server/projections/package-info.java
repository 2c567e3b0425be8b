/**
 * Projections as pure folds ({@code Projection}: {@code state' = apply(state, event)}, no I/O, no
 * clock) and the engine that keeps them: inline in the append's transaction, replayed after
 * corrections and voids, rebuilt when a projection's version changes.
 *
 * <p>May use {@code events}; knows no domain. Each capability brings its own projections.
 */
package dev.td.server.projections;
