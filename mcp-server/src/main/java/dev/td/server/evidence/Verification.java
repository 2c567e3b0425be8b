package dev.td.server.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How a third party re-checks an evidence answer without trusting td: export the log with its hashes, recompute
 * every hash from the recipe (the same as README's "Checking the hash chain yourself", which {@code
 * EventChain} and {@code CanonicalJson} implement), and find the answer's events and head on that chain.
 * {@code docs/evidence.md} carries the same recipe and a Python script that runs it.
 */
final class Verification {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The page size the export asks for: get_events' largest. */
    static final int PAGE = 1000;

    static final String SCRIPT = "docs/evidence.md: verify_evidence.py (Python 3, standard library only) runs these"
            + " steps: python3 verify_evidence.py answer.json page-1.json page-2.json …";

    /** The steps, each exact enough to implement from its text alone. */
    static final List<String> STEPS = List.of(
            "1. Export the whole log as stored with get_events, view=log (the effective view rewrites corrected"
                    + " events), following next_cursor until it is null; sort the events by sequence. They must run"
                    + " from 1 without gaps up to at least chain.head.sequence.",
            "2. For each event write its canonical text: a JSON object with exactly the eleven fields user_id"
                    + " (chain.user_id), event_id, sequence, type, occurred_at, time_zone, recorded_at, data,"
                    + " metadata, idempotency_key and subject_event_id (null except on corrections and voids);"
                    + " occurred_at and recorded_at as UTC instants: 2026-02-10T17:00:00Z, seconds always, a"
                    + " fraction only when non-zero and in groups of three digits (.500Z, .123456Z).",
            "3. Write it with no whitespace, object keys sorted by UTF-16 code units at every level; strings"
                    + " escape only \" and \\ (as \\\" and \\\\) and U+0000 to U+001F (as \\u00xx, lower-case"
                    + " hex), every other character as itself; numbers as plain decimals, no exponent, no trailing"
                    + " zeros (100.0 and 1e2 give 100, 80.50 gives 80.5, -0 gives 0).",
            "4. hash = SHA-256 of the 32 bytes of prev_hash followed by the UTF-8 bytes of the canonical text,"
                    + " in lower-case hex. It must equal the event's hash, and each prev_hash must equal the hash of"
                    + " the event before (sequence 1: 64 zeros).",
            "5. The hash at chain.head.sequence must equal chain.head.hash; every event of this answer (and each"
                    + " of its corrections) must have its hash at its sequence; chain.links[i] must be the hash at"
                    + " sequence chain.from_sequence + i. Then the answer's events are on the chain td vouched for.",
            "6. What it proves: nothing in the log up to the head was changed, removed or added"
                    + " after td gave this head. recorded_at is td's clock, occurred_at the person's word (see"
                    + " backfilled). Keep chain.head: a later export that still passes through it shows nothing"
                    + " was rewritten since.");

    private Verification() {}

    /** The recipe, with the export that holds what its steps need. */
    static ObjectNode json() {
        ObjectNode v = JSON.objectNode();
        ObjectNode export = v.putObject("export");
        export.put("tool", "get_events");
        export.putObject("arguments").put("view", "log").put("limit", PAGE);
        export.put("rest", "GET /v1/events?view=log&limit=" + PAGE);
        export.put("cli", "td get-events --view log --limit " + PAGE);
        export.put("pages", "repeat with cursor set to next_cursor until next_cursor is null");
        ArrayNode steps = v.putArray("steps");
        STEPS.forEach(steps::add);
        v.put("script", SCRIPT);
        return v;
    }
}
