/**
 * Strength training: {@code log_workout} and {@code log_sets}; the projections kept for it (session
 * summaries, exercise progression by estimated 1RM, personal records per rep range, weekly volume)
 * and the queries answered from them; load units and the e1RM formulas.
 *
 * <p>A capability: may use {@code events}, {@code projections}, {@code capability} and the
 * published types of {@code profile}, {@code exercises} and {@code analysis}.
 */
package dev.td.server.strength;
