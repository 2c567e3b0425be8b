/**
 * FIT files (Garmin, Coros, Wahoo…) read with Garmin's FIT SDK into {@code activity.logged} (one per session, with
 * laps and record streams) and {@code metric.recorded} (weight-scale readings). {@link dev.td.importers.fit.FitImporter}
 * is the entry point and documents the mapping; the rest is package-private.
 */
@NullMarked
package dev.td.importers.fit;

import org.jspecify.annotations.NullMarked;
