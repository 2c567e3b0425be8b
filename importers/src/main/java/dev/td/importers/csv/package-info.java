/**
 * CSV exports of apps: Strong and Hevy workouts (session, set and superset events) and Strava's {@code activities.csv}
 * (one {@code activity.logged} per row). Each file is streamed with Jackson's CSV parser as rows of cells, addressed by
 * the header's column names (the n-th of a duplicated name by its position). Rows are numbered like a spreadsheet's:
 * the header is row 1. Only Strong and Hevy workouts are held in memory, one at a time.
 */
@NullMarked
package dev.td.importers.csv;

import org.jspecify.annotations.NullMarked;
