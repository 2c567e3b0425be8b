package dev.td.server.health;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Subjects;
import dev.td.server.exercises.Exercise;
import dev.td.server.exercises.Exercises;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.AsOf;
import dev.td.tools.AnswerHook;
import dev.td.tools.ContextKind;
import dev.td.tools.Envelope;
import dev.td.tools.ToolCall;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The context of health and plan, on the answers whose manifest declares it ({@code injuries}, {@code program}): the
 * active injuries that touch what the answer is about (its exercises and sports; all active ones when it names none)
 * with what they affect there, and the program phase the person is in. Other answers, and answers when there is
 * nothing to say, pass unchanged.
 */
final class HealthContext implements AnswerHook {

    private final HealthViews views;
    private final Exercises exercises;
    private final Profiles profiles;

    HealthContext(HealthViews views, Exercises exercises, Profiles profiles) {
        this.views = views;
        this.exercises = exercises;
        this.profiles = profiles;
    }

    @Override
    public Envelope after(ToolCall call, Envelope answer) {
        boolean hurt = shown(call, ContextKind.INJURIES);
        boolean phase = shown(call, ContextKind.PROGRAM);
        if (!hurt && !phase) {
            return answer;
        }
        UUID user = call.principal().userId();
        LocalDate today = AsOf.today(profiles.timeZoneOf(user));
        List<Injury> active = hurt ? views.activeOn(user, today) : List.of();
        Optional<ObjectNode> program = phase ? views.programOn(user, today) : Optional.empty();
        if (active.isEmpty() && program.isEmpty()) {
            return answer;
        }
        ObjectNode context = answer.context().deepCopy();
        if (!active.isEmpty()) {
            Subjects about = Subjects.of(answer.data());
            ArrayNode injuries = context.putArray("injuries");
            Map<String, Optional<Exercise>> found = new LinkedHashMap<>();
            for (Injury injury : active) {
                Affects affects = views.affects(injury);
                List<String> here = about.exerciseIds().stream()
                        .filter(id -> found.computeIfAbsent(id, x -> exercises.find(user, x))
                                .map(e -> affects.exercise(e.id(), e.primaryMuscles(), e.pattern()))
                                .orElse(affects.exercises().contains(id)))
                        .toList();
                List<String> sports =
                        about.sports().stream().filter(affects::sport).toList();
                if ((about.exerciseIds().isEmpty() && about.sports().isEmpty())
                        || !here.isEmpty()
                        || !sports.isEmpty()) {
                    ObjectNode row = views.brief(injury, today);
                    here.forEach(row.withArray("affects_here")::add);
                    sports.forEach(row.withArray("affects_here")::add);
                    injuries.add(row);
                }
            }
            if (injuries.isEmpty()) {
                context.remove("injuries");
            }
        }
        program.ifPresent(p -> context.set("program", p));
        return new Envelope(answer.data(), context, answer.meta());
    }

    /**
     * Whether the answer carries {@code kind}: its manifest declares it, and the reader's scopes give it (through a
     * grant, only what it gives: no injury or program in the context of a reader without their scope).
     */
    static boolean shown(ToolCall call, ContextKind kind) {
        return call.tool().carries(kind)
                && kind.scope().map(call.principal()::may).orElse(true);
    }
}
