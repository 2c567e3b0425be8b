/**
 * The record as it stood: every read tool's {@code as_of} (what had happened by then) and {@code as_known_at} (what td
 * had been told by then), served from projection snapshots plus the tail of the log, never by replaying everything.
 */
@NullMarked
package dev.td.server.past;

import org.jspecify.annotations.NullMarked;
