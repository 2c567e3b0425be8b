package dev.td.server.evidence;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.ChainVerifier;
import dev.td.server.events.EventQuery;
import dev.td.server.events.EventTrail;
import dev.td.server.events.JsonFields;
import dev.td.server.events.TimeInput;
import dev.td.server.events.TrainingEvent;
import dev.td.server.exercises.Exercise;
import dev.td.server.exercises.Exercises;
import dev.td.server.profile.Profiles;
import dev.td.server.profile.ZoneInUse;
import dev.td.server.strength.Units;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/** The tool get_evidence: a claim about one exercise, answered with the sets that bear it out and their chain. */
final class EvidenceTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Sets listed when no limit is given; events_total says how many satisfy the claim in all. */
    static final int DEFAULT_EVENTS = 5;

    /** Link hashes per answer when max_links is not given, and at most (about 67 characters each). */
    static final int DEFAULT_LINKS = 50;

    static final int MAX_LINKS = 200;

    private final EventQuery query;
    private final ChainVerifier chain;
    private final Profiles profiles;
    private final Exercises exercises;

    EvidenceTools(EventQuery query, ChainVerifier chain, Profiles profiles, Exercises exercises) {
        this.query = query;
        this.chain = chain;
        this.profiles = profiles;
        this.exercises = exercises;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("get_evidence", this::evidence);
    }

    private Envelope evidence(ToolCall call) {
        UUID user = call.principal().userId();
        ObjectNode a = call.arguments();
        ZoneInUse zone = profiles.zoneInUse(user);
        Claim claim = claim(user, a, zone.zone());
        List<EventTrail> trails = query.trails(
                user,
                "set.logged",
                "exercise_id",
                claim.exerciseId(),
                claim.after().map(Claim.Bound::at),
                claim.before().map(Claim.Bound::at));
        ClaimCheck.Result result = ClaimCheck.check(claim, trails);
        int limit = a.path("limit").asInt(DEFAULT_EVENTS);
        List<ClaimCheck.Found> listed = result.satisfying()
                .subList(0, Math.min(limit, result.satisfying().size()));
        // the chain from the earliest set shown to the head: every listed set's path is a part of it
        Optional<Long> from = java.util.stream.Stream.concat(listed.stream(), result.closest().stream())
                .map(f -> f.set().sequence())
                .min(Long::compare);
        int maxLinks = from.isPresent() ? a.path("max_links").asInt(DEFAULT_LINKS) : 0;
        ChainVerifier.Path path = chain.path(user, from.orElse(1L), maxLinks);
        ObjectNode data =
                new EvidenceViews(claim).answer(user, result, listed, limit, path.head(), from.map(f -> path));
        ObjectNode context = JSON.objectNode();
        if (claim.after().isPresent() || claim.before().isPresent()) {
            zone.hint().ifPresent(h -> context.put("time_zone", h));
        }
        return new Envelope(data, context, Meta.now(call.origin().requestId()));
    }

    /** The claim the arguments make, or a refusal naming the argument and the fix. */
    private Claim claim(UUID user, ObjectNode a, ZoneId zone) {
        String exerciseId = exercises.resolveId(user, a.get("exercise").asText(), "$.exercise");
        String name = exercises.find(user, exerciseId).map(Exercise::name).orElse(exerciseId);
        Measure measure = Measure.of(a.path("measure").asText("weight"));
        Units units = JsonFields.text(a, "unit")
                .or(() -> profiles.profile(user).weightUnit())
                .map(Units::new)
                .orElse(new Units("kg"));
        double atLeast = atLeast(a, measure);
        OptionalDouble loadAtLeast = OptionalDouble.empty();
        if (a.hasNonNull("load_at_least")) {
            if (measure != Measure.REPS) {
                throw ToolException.invalid(
                        "$.load_at_least",
                        "load_at_least goes with measure reps (at least N reps with at least this load); for measure "
                                + measure.wire() + " leave it out and put the load in at_least");
            }
            loadAtLeast = OptionalDouble.of(kg(a.get("load_at_least").asDouble(), units));
        }
        Optional<Claim.Bound> after = bound(a, "after", zone);
        Optional<Claim.Bound> before = bound(a, "before", zone);
        if (after.isPresent()
                && before.isPresent()
                && !after.get().at().isBefore(before.get().at())) {
            throw ToolException.invalid(
                    "$.before",
                    "before (" + before.get().given() + ") must be later than after ("
                            + after.get().given()
                            + "): the claim covers sets from after (included) to before (excluded)");
        }
        return new Claim(
                exerciseId,
                name,
                measure,
                measure.isLoad() ? kg(atLeast, units) : atLeast,
                loadAtLeast,
                after,
                before,
                units,
                zone);
    }

    /** The threshold as given: more than 0, and whole for reps. */
    private static double atLeast(ObjectNode a, Measure measure) {
        double atLeast = a.get("at_least").asDouble();
        if (!(atLeast > 0)) {
            throw ToolException.invalid(
                    "$.at_least",
                    "at_least must be more than 0: the least load (weight, e1rm) or reps (reps) that satisfies the"
                            + " claim, e.g. 120");
        }
        if (measure == Measure.REPS && atLeast != Math.rint(atLeast)) {
            throw ToolException.invalid(
                    "$.at_least", "reps are whole: with measure reps give at_least as a whole number such as 12");
        }
        return atLeast;
    }

    private static double kg(double value, Units units) {
        return units.unit().equals("lb") ? value * TrainingEvent.KG_PER_LB : value;
    }

    private static Optional<Claim.Bound> bound(ObjectNode a, String field, ZoneId zone) {
        return JsonFields.text(a, field).map(v -> new Claim.Bound(TimeInput.bound(v, zone, "$." + field), v));
    }
}
