package dev.td.server.strength;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.ChangeContext;
import dev.td.server.events.Fact;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a correction or void did to the strength answers, told like logging tells it: records a change
 * set ({@code new_personal_records}, as after log_workout), records it took back
 * ({@code personal_records_revised}, each with what holds it now), and sessions it left without sets
 * ({@code empty_sessions}, with the way to remove them).
 */
final class StrengthChanges implements ChangeContext {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final TrainingViews views;

    StrengthChanges(TrainingViews views) {
        this.views = views;
    }

    @Override
    public After before(UUID user, List<Fact> touched) {
        Set<String> exerciseIds = new LinkedHashSet<>();
        Set<String> sessionIds = new LinkedHashSet<>();
        for (Fact f : touched) {
            if (f.type().equals("set.logged")) {
                exerciseIds.add(f.data().path("exercise_id").asText());
                sessionIds.add(f.data().path("session_id").asText());
            }
        }
        Map<String, PersonalRecordsProjection.Records> before = new LinkedHashMap<>();
        exerciseIds.forEach(id -> before.put(id, views.recordsOf(user, id)));
        return context -> {
            if (before.isEmpty()) {
                return;
            }
            Units units = views.units(user);
            ArrayNode gained = context.putArray("new_personal_records");
            ArrayNode lost = JSON.arrayNode();
            before.forEach((id, records) -> {
                PersonalRecordsProjection.Records after = views.recordsOf(user, id);
                views.newRecords(records, after, units).forEach(gained::add);
                views.revisedRecords(records, after, units).forEach(lost::add);
            });
            if (!lost.isEmpty()) {
                context.set("personal_records_revised", lost);
            }
            emptySessions(user, sessionIds, context);
        };
    }

    private void emptySessions(UUID user, Set<String> sessionIds, ObjectNode context) {
        ArrayNode empty = JSON.arrayNode();
        for (String id : sessionIds) {
            views.session(user, id)
                    .filter(s -> s.sets() == 0)
                    .ifPresent(s -> empty.addObject()
                            .put("session_id", id)
                            .put("started_event_id", s.startedEventId().orElse(null))
                            .put(
                                    "hint",
                                    "session " + id
                                            + " has no sets left; if it should not exist, remove it with void_session"
                                            + " {\"session_id\": \"" + id + "\"}"));
        }
        if (!empty.isEmpty()) {
            context.set("empty_sessions", empty);
        }
    }
}
