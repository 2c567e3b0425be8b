/**
 * Exports of recovery wearables, which summarise a night and a day rather than record a workout second by second:
 * WHOOP's data export (physiological cycles, sleeps, workouts, journal) and Oura's exports (the App Data CSVs, the
 * JSON and the older trends CSV). Readings become {@code metric.recorded} drafts keyed by the cycle or day they
 * belong to, WHOOP workouts {@code activity.logged}. Files are read as streams of rows or array entries; only the
 * per-day values of an Oura file are held until its end (a decade is a few thousand small entries).
 */
@NullMarked
package dev.td.importers.wearables;

import org.jspecify.annotations.NullMarked;
