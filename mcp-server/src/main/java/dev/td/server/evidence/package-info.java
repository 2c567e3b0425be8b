/**
 * Evidence for a claim about the person's training ({@code get_evidence}): "bench ≥ 120 kg before
 * 2026-03-01" answered with the sets that satisfy it as the effective history reads them (voided sets
 * left out, corrected ones with their corrected value), when td learned of each (and so whether it was
 * backfilled), who recorded it, the stretch of the hash chain from each to the head, and the recipe by
 * which a third party re-checks all of it on an exported log.
 *
 * <p>A capability: may use {@code events}, {@code capability} and the published types of {@code profile},
 * {@code exercises} and {@code strength}.
 */
package dev.td.server.evidence;
