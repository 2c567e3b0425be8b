/**
 * Endurance training: runs, rides, swims, rows, walks, hikes, ski tours and any other sport named in snake_case.
 * {@code log_activity}, {@code list_activities}, {@code get_activity} and {@code get_endurance_progression}; the
 * {@code activity.logged} event and the projections kept for it (one summary per activity, totals per ISO week and
 * sport, one point per activity kept per calendar month, best efforts from samples or laps per sport and month and of
 * all time); exact length units, durations as people write them, paces and speeds, and the ranges a human covers per
 * sport. Published: {@code Activities} and {@code LoggedActivity}, the activities of a range of days, for the
 * capabilities that build on them (training load).
 *
 * <p>A capability: may use {@code events}, {@code projections}, {@code capability}, the published types of
 * {@code profile} and {@code analysis}, and {@code dev.td.statistics}.
 */
package dev.td.server.endurance;
