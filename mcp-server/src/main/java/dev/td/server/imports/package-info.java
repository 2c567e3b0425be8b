/**
 * Imports: {@code import_file} reads a file from a device or app (FIT, GPX, TCX, Apple Health, Strava, Strong, Hevy)
 * or a td export with the pure parsers of the {@code importers} module, checks every event it yields like a logged one,
 * and stores the new ones in one append (the exercises they need first), keyed by their record ids so that importing
 * the file again stores nothing; {@code get_import} reports on it. Uploads too big for a tool call's arguments come
 * through {@code PUT /v1/uploads}.
 *
 * <p>A capability: may use {@code events}, {@code capability} and the published types of {@code profile} and
 * {@code exercises}.
 */
@NullMarked
package dev.td.server.imports;

import org.jspecify.annotations.NullMarked;
