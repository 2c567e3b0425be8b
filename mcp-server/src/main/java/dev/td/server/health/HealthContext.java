package dev.td.server.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.exercises.Exercise;
import dev.td.server.exercises.Exercises;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.AsOf;
import dev.td.tools.AnswerHook;
import dev.td.tools.Envelope;
import dev.td.tools.ToolCall;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The context every training answer carries about health and plan: the active injuries that touch what the
 * answer is about (its exercises and sports; all active ones when it names none) with what they affect there,
 * and the program phase the person is in. Answers of other tools, and answers when there is nothing to say,
 * pass unchanged.
 */
final class HealthContext implements AnswerHook {

    /** The tool families (scope prefixes) whose answers are about training. */
    static final Set<String> TRAINING = Set.of("training", "endurance");

    /** Training tools whose data already holds the injuries and the program. */
    static final Set<String> OWN = Set.of("get_overview");

    /** At most this many JSON nodes of an answer are searched for what it is about. */
    private static final int SEARCHED_NODES = 20_000;

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
        String scope = call.tool().scope();
        int colon = scope.indexOf(':');
        if (!TRAINING.contains(colon < 0 ? scope : scope.substring(0, colon))
                || OWN.contains(call.tool().name())) {
            return answer;
        }
        UUID user = call.principal().userId();
        LocalDate today = AsOf.today(profiles.timeZoneOf(user));
        // through a grant, only what it gives: no injury or program in the context of a reader without their scope
        List<Injury> active = call.principal().may("injuries:read") ? views.activeOn(user, today) : List.of();
        Optional<ObjectNode> program =
                call.principal().may("programs:read") ? views.programOn(user, today) : Optional.empty();
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
                if (about.none() || !here.isEmpty() || !sports.isEmpty()) {
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

    /** The exercises and sports an answer is about: the values of its exercise_id and sport fields. */
    record Subjects(Set<String> exerciseIds, Set<String> sports) {

        boolean none() {
            return exerciseIds.isEmpty() && sports.isEmpty();
        }

        static Subjects of(JsonNode data) {
            Set<String> ids = new LinkedHashSet<>();
            Set<String> sports = new LinkedHashSet<>();
            Deque<JsonNode> todo = new ArrayDeque<>();
            todo.push(data);
            int seen = 0;
            while (!todo.isEmpty() && seen++ < SEARCHED_NODES) {
                JsonNode n = todo.pop();
                if (n.isObject()) {
                    JsonNode id = n.get("exercise_id");
                    if (id != null && id.isTextual()) {
                        ids.add(id.asText());
                    }
                    JsonNode sport = n.get("sport");
                    if (sport != null && sport.isTextual()) {
                        sports.add(sport.asText());
                    }
                }
                if (n.isContainerNode()) {
                    n.forEach(todo::push);
                }
            }
            return new Subjects(Set.copyOf(ids), Set.copyOf(sports));
        }
    }
}
