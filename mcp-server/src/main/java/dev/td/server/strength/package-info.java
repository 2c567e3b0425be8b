/**
 * Strength training: {@code log_workout}, {@code log_sets} and {@code void_session}; the projections
 * kept for it (session summaries, exercise progression by estimated 1RM, personal records per rep
 * range, volume per day and ISO week) and the queries answered from them; load units and the e1RM
 * formulas; what corrections and voids of sets did to the records, and what proposed sets would do to
 * records, e1RM and trend (what_if). Published: {@code Strength} (one point per session of an exercise, volume
 * per day), {@code E1rm}, {@code Units}.
 *
 * <p>A capability: may use {@code events}, {@code projections}, {@code capability} and the
 * published types of {@code profile}, {@code exercises} and {@code analysis}.
 */
package dev.td.server.strength;
