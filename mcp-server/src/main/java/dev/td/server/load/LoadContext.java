package dev.td.server.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.AsOf;
import dev.td.tools.AnswerHook;
import dev.td.tools.Envelope;
import dev.td.tools.ToolCall;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The fatigue state in the context of the answers where it bears on what comes next: a logged workout or
 * activity (is the next one hard or easy?) and the progressions and volume an agent reads to plan. Other answers,
 * and answers for a person without sessions, pass unchanged.
 */
final class LoadContext implements AnswerHook {

    /** The tools whose answers carry {@code context.fatigue}. */
    static final Set<String> TOOLS = Set.of(
            "log_workout",
            "end_session",
            "log_activity",
            "get_volume",
            "get_exercise_progression",
            "get_endurance_progression");

    private final LoadViews views;
    private final Profiles profiles;

    LoadContext(LoadViews views, Profiles profiles) {
        this.views = views;
        this.profiles = profiles;
    }

    @Override
    public Envelope after(ToolCall call, Envelope answer) {
        if (!TOOLS.contains(call.tool().name())) {
            return answer;
        }
        LocalDate today = AsOf.today(profiles.timeZoneOf(call.principal().userId()));
        Optional<FatigueState> state = views.fatigueOn(call.principal().userId(), today);
        if (state.isEmpty()) {
            return answer;
        }
        ObjectNode context = answer.context().deepCopy();
        context.set("fatigue", FatigueJson.brief(state.get()));
        return new Envelope(answer.data(), context, answer.meta());
    }
}
