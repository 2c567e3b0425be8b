/**
 * GPS track files: GPX ({@link dev.td.importers.track.GpxImporter}) and Garmin Training Center XML ({@link
 * dev.td.importers.track.TcxImporter}), each recorded activity read into an {@code activity.logged} draft with its
 * samples. Both stream the file with the JDK's StAX parser set up without DTDs or external entities ({@code XmlCursor});
 * they share the point columns and samples ({@code Recording}), elevation sums ({@code Climb}), schema-shaped activity
 * data ({@code ActivityData}) and, for GPX, great-circle distance ({@code Haversine}). Uses only the importers API, the
 * JDK and Jackson's tree model.
 */
@NullMarked
package dev.td.importers.track;

import org.jspecify.annotations.NullMarked;
