/**
 * Apple Health's "Export All Health Data": the {@code export.zip} (or its bare {@code export.xml}) read into workouts
 * ({@code activity.logged}, with their routes) and body and heart readings ({@code metric.recorded}).
 *
 * <p>Real exports are gigabytes with millions of samples, so the XML is streamed with StAX straight from the zip entry,
 * its DOCTYPE is cut out before parsing (iOS 16 writes a malformed one, and no entity of it is ever wanted), and dense
 * streams (heart rate, steps, sleep, respiration) become one reading per local day, emitted when the file has been
 * read. Uses only the JDK and Jackson's tree model.
 */
@NullMarked
package dev.td.importers.apple;

import org.jspecify.annotations.NullMarked;
