/**
 * Exports: {@code export_data} writes a person's whole record into one zip on the server — every stored event with its
 * hash chain, the effective history, one CSV per projection, the access log about them, a manifest with each file's
 * SHA-256 and a README that explains the format and how to verify the chain without td — kept a day for {@code GET
 * /v1/exports/{id}}. import_file reads such a zip back into another person or another td.
 *
 * <p>A capability: may use {@code events}, {@code projections}, {@code access} and {@code capability}, and the name
 * and version of the format from the importers module's {@code td} package, which reads it back.
 */
@NullMarked
package dev.td.server.exports;

import org.jspecify.annotations.NullMarked;
