/**
 * The raw event log as tools: {@code log_events}, {@code get_events}, {@code correct_event},
 * {@code void_event}, {@code get_event_types}, and {@code verify_chain}, which recomputes the person's
 * hash chain. Agents log any event type here; the rules other
 * capabilities add (a set names a known exercise) apply through the platform's event checks, and what a
 * correction or void did (a record gained or taken back) comes from their change contexts. A correction
 * merges the fields it is given into the event's current data (JSON Merge Patch) unless told to replace.
 *
 * <p>A capability: may use {@code events}, {@code capability} and the published types of
 * {@code profile}.
 */
package dev.td.server.journal;
