package dev.td.server.endurance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.JsonFields;
import dev.td.server.profile.AskedPeriod;
import dev.td.server.projections.AsOf;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** list_activities and get_activity, answered from the projections; nothing here reads the event log. */
final class ActivityQueries {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Activities listed when no limit is given: an answer well under 8,000 characters (a row is ~330). */
    static final int DEFAULT_ACTIVITIES = 10;

    private final EnduranceViews views;

    ActivityQueries(EnduranceViews views) {
        this.views = views;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("list_activities", this::list).handle("get_activity", this::get);
    }

    private Envelope list(ToolCall call) {
        UUID user = call.principal().userId();
        AskedPeriod period = AskedPeriod.of(call.arguments(), views.zone(user), AsOf.now());
        Optional<String> sport = JsonFields.text(call.arguments(), "sport");
        int limit = call.arguments().path("limit").asInt(DEFAULT_ACTIVITIES);
        ActivityViews render = views.units(user);
        List<ActivityPointsProjection.Point> found = views.points(user, period.from(), period.to()).stream()
                .filter(p -> sport.map(p.sport()::equals).orElse(true))
                .toList()
                .reversed();
        ArrayNode rows = JSON.arrayNode();
        found.stream().limit(limit).forEach(p -> rows.add(render.row(p)));
        ObjectNode data = JSON.objectNode();
        data.set("activities", rows);
        data.put("more", Math.max(0, found.size() - limit));
        ObjectNode context = JSON.objectNode();
        period.zone().hint().ifPresent(h -> context.put("time_zone", h));
        return new Envelope(
                data,
                context,
                Meta.now(call.origin().requestId())
                        .withProjectionVersion(views.points().version())
                        .withPeriod(period.toJson()));
    }

    private Envelope get(ToolCall call) {
        UUID user = call.principal().userId();
        String id = call.arguments().get("activity_id").asText();
        Activity activity = views.activity(user, id)
                .orElseThrow(() -> ToolException.notFound(
                        "$.activity_id",
                        "no activity '" + id + "'; list_activities shows the activities and their ids"));
        ObjectNode data = JSON.objectNode();
        data.set("activity", views.units(user).full(activity));
        return Envelope.of(
                data,
                Meta.now(call.origin().requestId())
                        .withProjectionVersion(views.summaries().version()));
    }
}
