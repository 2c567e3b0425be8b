/**
 * td's own export ({@code export_data}: a zip with {@code manifest.json}, {@code events.jsonl} and derived files) read
 * back as the effective history of the person it came from: corrections applied, voided events and the compensating
 * events themselves left out, every event keyed by its event id in the exporting td. Uses only the importers API, the
 * JDK's zip support and Jackson's tree model.
 */
@NullMarked
package dev.td.importers.td;

import org.jspecify.annotations.NullMarked;
