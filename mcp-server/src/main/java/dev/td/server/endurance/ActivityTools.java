package dev.td.server.endurance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.CanonicalJson;
import dev.td.server.events.EventMetadata;
import dev.td.server.events.EventStore;
import dev.td.server.events.JsonFields;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.tools.Envelope;
import dev.td.tools.ErrorCode;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * log_activity: one activity.logged event per call, its idempotency key the call's. Like log_workout, the event
 * carries the SHA-256 of the call ({@link #FINGERPRINT}: the tool and its arguments in canonical JSON, confirm_unusual
 * left out); a call whose key is stored is answered from the stored activity when the fingerprint matches and refused
 * as a conflict when it differs, before anything is built (a retry replays even after the profile's zone changed) and
 * again under the person's append lock (two racing calls with one key store once).
 */
final class ActivityTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Metadata field holding the SHA-256 of the call that stored the event. */
    static final String FINGERPRINT = "request_sha256";

    private final EventStore store;
    private final EnduranceViews views;
    private final BestEfforts bestEfforts;

    ActivityTools(EventStore store, EnduranceViews views, BestEfforts bestEfforts) {
        this.store = store;
        this.views = views;
        this.bestEfforts = bestEfforts;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("log_activity", this::logActivity);
    }

    private Envelope logActivity(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        String key = a.get("idempotency_key").asText();
        String fingerprint = fingerprint(a);
        Optional<String> stored = storedActivity(store.findByKey(user, key), fingerprint);
        if (stored.isPresent()) {
            return answer(call, user, stored.get(), true, List.of());
        }
        String activityId = JsonFields.text(a, "activity_id").orElseGet(() -> derivedId(user, key));
        views.activity(user, activityId).ifPresent(taken -> {
            throw ToolException.conflict(
                    "$.activity_id",
                    "activity_id '" + activityId + "' is already stored (event " + taken.eventId()
                            + "). Nothing was stored. To change that activity use correct_event; for a new one leave"
                            + " activity_id out or choose another");
        });
        ActivityInput.Built built = ActivityInput.from(
                a, activityId, views.zone(user).zone(), views.units(user).imperial(), Instant.now());
        ActivityInput.admit(built.data(), a.path("confirm_unusual").asBoolean(false));
        NewEvent event = new NewEvent(
                "activity.logged",
                built.start().instant(),
                built.start().zone(),
                built.data(),
                key,
                EventMetadata.of(call, JsonFields.text(a, "device")).put(FINGERPRINT, fingerprint),
                Optional.empty());
        StoredEvent result;
        try {
            result = store.append(user, List.of(event), log -> {
                        Optional<String> earlier = storedActivity(log.findByKey(key), fingerprint);
                        if (earlier.isPresent()) {
                            throw new AlreadyStored(earlier.get());
                        }
                    })
                    .getFirst();
        } catch (AlreadyStored e) {
            return answer(call, user, e.activityId, true, List.of());
        } catch (ToolException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                throw differentRequest();
            }
            throw e;
        }
        return answer(call, user, activityId, result.replayed(), built.assumed());
    }

    /** The stored activity as it reads now, and in context the week so far, what td assumed and best efforts set. */
    private Envelope answer(ToolCall call, UUID user, String activityId, boolean replayed, List<String> assumed) {
        ActivityViews render = views.units(user);
        Optional<Activity> activity = views.activity(user, activityId);
        ObjectNode data = JSON.objectNode();
        data.set("activity", activity.map(render::full).orElseGet(JSON::objectNode));
        data.put("replayed", replayed);
        ObjectNode context = JSON.objectNode();
        activity.ifPresent(act -> {
            context.set("endurance_week", views.weekSoFar(user, act, render));
            if (!replayed) {
                List<ObjectNode> efforts = bestEfforts.setBy(user, act);
                if (!efforts.isEmpty()) {
                    ArrayNode list = context.putArray("new_best_efforts");
                    efforts.forEach(list::add);
                }
            }
        });
        if (!assumed.isEmpty()) {
            context.put("units_assumed", String.join("; ", assumed));
        }
        views.zone(user).hint().ifPresent(h -> context.put("time_zone", h));
        return new Envelope(data, context, Meta.now(call.origin().requestId()));
    }

    /**
     * The activity of the call that stored this key, when it sent the same request; a conflict when it sent another;
     * empty when the key is new.
     */
    private static Optional<String> storedActivity(Optional<StoredEvent> stored, String fingerprint) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get().type().equals("activity.logged")
                || !stored.get().metadata().path(FINGERPRINT).asText().equals(fingerprint)) {
            throw differentRequest();
        }
        return Optional.of(stored.get().data().path("activity_id").asText());
    }

    private static ToolException differentRequest() {
        return ToolException.conflict(
                "$.idempotency_key",
                "this idempotency_key was already used, and the earlier request differed from this one (a retry must"
                        + " send the same arguments). Nothing was stored. Use a new idempotency_key for a new activity;"
                        + " to change what is stored, use correct_event or void_event");
    }

    /** SHA-256 of the tool and its arguments in canonical JSON, confirm_unusual aside. */
    static String fingerprint(ObjectNode args) {
        ObjectNode request = JSON.objectNode().put("tool", "log_activity");
        ObjectNode content = args.deepCopy();
        content.remove("confirm_unusual");
        request.set("arguments", content);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(CanonicalJson.of(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String derivedId(UUID user, String key) {
        return "a-"
                + UUID.nameUUIDFromBytes((user + "/" + key).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .substring(0, 13);
    }

    /** Thrown under the append lock when the call is already stored: rolls the append back, answered as a replay. */
    private static final class AlreadyStored extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String activityId;

        AlreadyStored(String activityId) {
            super(null, null, false, false);
            this.activityId = activityId;
        }
    }
}
