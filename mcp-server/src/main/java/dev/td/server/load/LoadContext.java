package dev.td.server.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.AsOf;
import dev.td.tools.AnswerHook;
import dev.td.tools.ContextKind;
import dev.td.tools.Envelope;
import dev.td.tools.ToolCall;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The fatigue state in the context of the answers where it bears on what comes next, those whose manifest declares
 * {@code fatigue}: a logged workout or activity (is the next one hard or easy?) and the progressions and volume an
 * agent reads to plan. Other answers, and answers for a person without sessions, pass unchanged.
 */
final class LoadContext implements AnswerHook {

    private final LoadViews views;
    private final Profiles profiles;

    LoadContext(LoadViews views, Profiles profiles) {
        this.views = views;
        this.profiles = profiles;
    }

    @Override
    public Envelope after(ToolCall call, Envelope answer) {
        if (!call.tool().carries(ContextKind.FATIGUE)) {
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
