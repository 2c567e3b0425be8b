/**
 * "What if": {@code what_if} applies events an agent proposes (a set, a workout, a run, a reading) in a transaction
 * that is always rolled back, and answers with what they would change, as every capability's {@code Foresight}
 * tells it (records, e1RM and trend, fatigue, metric anomalies). Nothing is stored, and nothing it reads is kept in
 * memory ({@code Hypothetical}).
 *
 * <p>A capability: may use {@code events}, {@code capability} and the published types of {@code profile} and
 * {@code metrics}.
 */
package dev.td.server.whatif;
