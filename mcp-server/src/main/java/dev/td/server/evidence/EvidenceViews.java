package dev.td.server.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.ChainVerifier;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TrainingEvent;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** An evidence answer as JSON: the claim, the sets with their provenance, the chain stretch, the summary. */
final class EvidenceViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Claim claim;

    EvidenceViews(Claim claim) {
        this.claim = claim;
    }

    /**
     * The whole answer: the claim, the sets listed (at most {@code limit} of those that satisfy it, and as many voided
     * ones), the closest set when none does, the chain stretch and the recipe.
     */
    ObjectNode answer(
            java.util.UUID user,
            ClaimCheck.Result result,
            List<ClaimCheck.Found> listed,
            int limit,
            ChainVerifier.Position head,
            java.util.Optional<ChainVerifier.Path> path) {
        ObjectNode data = JSON.objectNode();
        data.put("claim", claim.words());
        data.put("exercise_id", claim.exerciseId());
        data.put("exercise", claim.exerciseName());
        data.put("measure", claim.measure().wire());
        data.set("threshold", threshold());
        data.set("window", window());
        data.put("satisfied", result.satisfied());
        ArrayNode events = data.putArray("events");
        listed.forEach(f -> events.add(event(f, head)));
        data.put("events_total", result.satisfying().size());
        data.put(
                "events_backfilled",
                result.satisfying().stream()
                        .filter(f -> f.backfill().backfilled())
                        .count());
        data.set("closest", result.closest().<JsonNode>map(f -> event(f, head)).orElse(JSON.nullNode()));
        ArrayNode notCounted = data.putArray("not_counted");
        result.voided().stream().limit(limit).forEach(f -> notCounted.add(event(f, head)));
        data.set("chain", chain(user, head, path));
        data.set("verification", Verification.json());
        data.put("summary", summary(result));
        return data;
    }

    /** The threshold as asked: a load in the claim's unit, or reps. */
    ObjectNode threshold() {
        return value(new Measure.Measured(claim.atLeast(), java.util.Optional.empty()));
    }

    /** A value: {@code {value, unit, kg}} for loads (and {@code method} for an e1RM), {@code {value, unit: reps}}. */
    ObjectNode value(Measure.Measured m) {
        ObjectNode n;
        if (claim.measure().isLoad()) {
            n = claim.units().load(m.value());
        } else {
            n = JSON.objectNode().put("value", Math.round(m.value())).put("unit", "reps");
        }
        m.method().ifPresent(method -> n.put("method", method));
        return n;
    }

    /** The window as instants in the person's zone; null ends are open. */
    ObjectNode window() {
        ObjectNode w = JSON.objectNode();
        w.put("after", claim.after().map(b -> iso(b.at())).orElse(null));
        w.put("before", claim.before().map(b -> iso(b.at())).orElse(null));
        w.put("time_zone", claim.zone().getId());
        return w;
    }

    private String iso(java.time.Instant at) {
        return StoredEvent.iso(at.atZone(claim.zone()).toOffsetDateTime());
    }

    /** One set as evidence, with the stretch of chain from it to the head. */
    ObjectNode event(ClaimCheck.Found f, ChainVerifier.Position head) {
        StoredEvent e = f.trail().event();
        ObjectNode n = JSON.objectNode();
        n.put("event_id", e.eventId().toString());
        n.put("sequence", e.sequence());
        n.put("type", e.type());
        n.put("occurred_at", StoredEvent.iso(f.set().occurredAt()));
        List<StoredEvent> corrections = f.trail().corrections();
        // the time zone as the effective history reads it: the latest correction's, else the event's own
        n.put(
                "time_zone",
                corrections.isEmpty() ? e.timeZone() : corrections.getLast().timeZone());
        n.put("recorded_at", e.recordedAt().toString());
        n.set("value", value(f.value()));
        n.set("set", set(f.set()));
        n.set("metadata", e.metadata());
        n.put("value_recorded_at", f.learnedFrom().recordedAt().toString());
        n.put("backfilled", f.backfill().backfilled());
        n.put("backfill", f.backfill().explanation().orElse(null));
        n.put("corrected", !corrections.isEmpty());
        if (!corrections.isEmpty()) {
            ArrayNode list = n.putArray("corrections");
            corrections.forEach(c -> list.add(link(c)));
            n.set(
                    "original_value",
                    f.changed() ? f.firstValue().<JsonNode>map(this::value).orElse(JSON.nullNode()) : value(f.value()));
        }
        f.trail().voiding().ifPresent(v -> {
            ObjectNode voided = link(v);
            voided.put("reason", v.data().path("reason").asText(""));
            n.set("voided", voided);
        });
        n.put("hash", HexFormat.of().formatHex(e.hash()));
        n.put("prev_hash", f.trail().prevHash());
        n.putObject("path")
                .put("from_sequence", e.sequence())
                .put("to_sequence", head.sequence())
                .put("links", Math.max(0, head.sequence() - e.sequence() + 1));
        return n;
    }

    /** A compensating event by id, place, recording time and hash. */
    private static ObjectNode link(StoredEvent c) {
        return JSON.objectNode()
                .put("event_id", c.eventId().toString())
                .put("sequence", c.sequence())
                .put("recorded_at", c.recordedAt().toString())
                .put("hash", HexFormat.of().formatHex(c.hash()));
    }

    /** The set as logged (corrections applied): load in the claim's unit, reps, RPE, type, session. */
    private ObjectNode set(TrainingEvent.SetLogged s) {
        ObjectNode n = JSON.objectNode();
        if (s.weightKg().isPresent()) {
            n.set("weight", claim.units().load(s.weightKg().getAsDouble()));
        } else {
            n.putNull("weight");
        }
        if (s.reps().isPresent()) {
            n.put("reps", s.reps().getAsInt());
        } else {
            n.putNull("reps");
        }
        if (s.effectiveRpe().isPresent()) {
            n.put("rpe", s.effectiveRpe().getAsDouble());
        } else {
            n.putNull("rpe");
        }
        n.put("set_type", s.setType().name().toLowerCase(Locale.ROOT));
        n.put("session_id", s.sessionId());
        return n;
    }

    /** The chain from the earliest listed set to the head: the hashes given, and how to fetch the rest. */
    static ObjectNode chain(
            java.util.UUID user, ChainVerifier.Position head, java.util.Optional<ChainVerifier.Path> path) {
        ObjectNode c = JSON.objectNode();
        c.put("user_id", user.toString());
        c.putObject("head").put("sequence", head.sequence()).put("hash", head.hash());
        ArrayNode links = JSON.arrayNode();
        if (path.isEmpty()) {
            c.putNull("from_sequence");
            c.set("links", links);
            c.put("links_total", 0);
            c.put("truncated", false);
            c.putNull("rest");
            return c;
        }
        ChainVerifier.Path p = path.get();
        p.hashes().forEach(links::add);
        c.put("from_sequence", p.fromSequence());
        c.set("links", links);
        c.put("links_total", p.length());
        c.put("truncated", p.truncated());
        long next = p.fromSequence() + p.hashes().size();
        c.put(
                "rest",
                p.truncated()
                        ? "The links from sequence " + next + " to " + head.sequence()
                                + " are left out (max_links; at most "
                                + EvidenceTools.MAX_LINKS + " per answer): they are the hashes of those sequences in"
                                + " the export (verification.export)."
                        : null);
        return c;
    }

    /** One sentence for the person: does the log bear the claim out, and how well. */
    String summary(ClaimCheck.Result r) {
        String voided = r.voided().isEmpty()
                ? ""
                : " " + r.voided().size()
                        + (r.voided().size() == 1
                                ? " voided set that would have counted is"
                                : " voided sets that would have counted are")
                        + " left out.";
        if (r.satisfied()) {
            List<ClaimCheck.Found> all = r.satisfying();
            long onTime = all.stream().filter(f -> !f.backfill().backfilled()).count();
            ClaimCheck.Found top = all.getFirst();
            if (onTime > 0) {
                return "Yes: " + count(all.size()) + (all.size() == 1 ? " satisfies" : " satisfy") + " the claim, "
                        + onTime + " recorded at the time; the strongest is " + describe(top) + " (sequence "
                        + top.set().sequence() + ")." + voided;
            }
            return "Yes by the log, but only through backfilled sets: "
                    + (all.size() == 1
                            ? "the one set that satisfies it was"
                            : "all " + all.size() + " sets that" + " satisfy it were")
                    + " recorded later than the rule allows (" + describe(top) + " was recorded on "
                    + top.learnedFrom().recordedAt().atZone(claim.zone()).toLocalDate() + "), so td cannot vouch"
                    + " for when they happened." + voided;
        }
        String threshold = claim.measure().isLoad()
                ? claim.load(claim.atLeast())
                : claim.value(new Measure.Measured(claim.atLeast(), java.util.Optional.empty()));
        if (r.closest().isPresent()) {
            return "No: no counted set of " + claim.exerciseName() + " " + claim.window() + " reaches " + threshold
                    + "; the best was " + describe(r.closest().get()) + "." + voided;
        }
        return "No: no counted set of " + claim.exerciseName() + " was logged " + claim.window() + "." + voided;
    }

    private static String count(int n) {
        return n == 1 ? "1 set" : n + " sets";
    }

    /** "122.5 kg (122.5 kg × 5) on 2026-02-25" */
    private String describe(ClaimCheck.Found f) {
        TrainingEvent.SetLogged s = f.set();
        String set = s.weightKg().isPresent()
                ? claim.load(s.weightKg().getAsDouble()) + " × " + s.reps().orElse(0)
                : s.reps().orElse(0) + " reps";
        String value = claim.value(f.value());
        String what = claim.measure() == Measure.E1RM ? "e1RM " + value + " (" + set + ")" : set;
        return what + " on " + s.date();
    }
}
