package dev.td.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Foresight;
import dev.td.server.events.Fact;
import dev.td.server.events.TrainingEvent;
import dev.td.server.profile.Profiles;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What proposed sessions and activities would do to the fatigue state ({@code changes.load}): fitness, fatigue,
 * form, ACWR and monotony by session-RPE load, before and after, on the day the agent plans for: today in the
 * person's zone, or the latest proposed day when that is later. Proposals without a session leave it null.
 */
final class LoadForesight implements Foresight {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final LoadViews views;
    private final LoadProjection inputs;
    private final Profiles profiles;

    LoadForesight(LoadViews views, LoadProjection inputs, Profiles profiles) {
        this.views = views;
        this.inputs = inputs;
        this.profiles = profiles;
    }

    @Override
    public After before(UUID user, List<Fact> proposed) {
        LocalDate day = LocalDate.now(profiles.timeZoneOf(user));
        boolean loads = false;
        for (Fact f : proposed) {
            Optional<TrainingEvent> e = TrainingEvent.of(f);
            if (e.isPresent() && !inputs.keys(e.get()).isEmpty()) {
                loads = true;
                day = e.get().date().isAfter(day) ? e.get().date() : day;
            }
        }
        if (!loads) {
            return (changes, context) -> {};
        }
        LocalDate on = day;
        Optional<FatigueState> before = views.fatigueOn(user, on);
        return (changes, context) -> {
            Optional<FatigueState> after = views.fatigueOn(user, on);
            ObjectNode load = changes.putObject("load");
            load.put("date", on.toString());
            load.set("before", brief(before));
            load.set("after", brief(after));
            if (after.isPresent()) {
                List<String> had = before.map(FatigueState::flags).orElse(List.of()).stream()
                        .map(LoadForesight::kind)
                        .toList();
                after.get().flags().stream()
                        .filter(f -> !had.contains(kind(f)))
                        .forEach(f -> context.withArray("notes").add("on " + on + " it would add " + f));
                if (before.isPresent()
                        && !before.get().zone().equals(after.get().zone())) {
                    context.withArray("notes")
                            .add("on " + on + " the fatigue zone would be "
                                    + after.get().zone() + " instead of "
                                    + before.get().zone());
                }
            }
        };
    }

    private static JsonNode brief(Optional<FatigueState> state) {
        return state.<JsonNode>map(FatigueJson::brief).orElse(JSON.nullNode());
    }

    /** A flag without its numbers ("load spike: ACWR"), to tell a new flag from the same one at another value. */
    private static String kind(String flag) {
        return flag.replaceAll("[0-9].*", "").strip();
    }
}
