package dev.td.server.profile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.EventMetadata;
import dev.td.server.events.EventStore;
import dev.td.server.events.JsonFields;
import dev.td.server.events.NewEvent;
import dev.td.server.events.TimeInput;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The person's profile: update_profile, get_profile. */
final class ProfileTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EventStore store;
    private final Profiles profiles;

    ProfileTools(EventStore store, Profiles profiles) {
        this.store = store;
        this.profiles = profiles;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("update_profile", this::updateProfile).handle("get_profile", this::getProfile);
    }

    private Envelope updateProfile(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        ObjectNode data = a.deepCopy();
        data.remove("idempotency_key");
        JsonFields.text(a, "time_zone").ifPresent(z -> TimeInput.zone(z, "$.time_zone"));
        Instant now = Instant.now();
        store.append(
                user,
                List.of(new NewEvent(
                        "profile.updated",
                        now,
                        profiles.timeZoneOf(user),
                        data,
                        a.get("idempotency_key").asText(),
                        EventMetadata.of(call, Optional.empty()),
                        Optional.empty())));
        return getProfile(call);
    }

    private Envelope getProfile(ToolCall call) {
        UUID user = call.principal().userId();
        Profile p = profiles.profile(user);
        ObjectNode data = JSON.objectNode();
        data.put("time_zone", p.timeZone().orElse(null));
        data.put("weight_unit", p.weightUnit().orElse(null));
        data.put("sex", p.sex().orElse(null));
        if (p.birthYear().isPresent()) {
            data.put("birth_year", p.birthYear().getAsInt());
        } else {
            data.putNull("birth_year");
        }
        if (p.bodyWeightKg().isPresent()) {
            data.put("body_weight_kg", p.bodyWeightKg().getAsDouble());
        } else {
            data.putNull("body_weight_kg");
        }
        optional(data, "resting_hr", p.restingHr());
        optional(data, "max_hr", p.maxHr());
        optional(data, "ftp_w", p.ftpW());
        ObjectNode context = JSON.objectNode();
        profiles.zoneInUse(user).hint().ifPresent(h -> context.put("time_zone", h));
        return new Envelope(
                data, context, Meta.now(call.origin().requestId()).withProjectionVersion(ProfileProjection.VERSION));
    }

    private static void optional(ObjectNode data, String field, java.util.OptionalInt value) {
        if (value.isPresent()) {
            data.put(field, value.getAsInt());
        } else {
            data.putNull(field);
        }
    }
}
