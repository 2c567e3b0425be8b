package dev.td.server.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Subjects;
import dev.td.server.projections.AsOf;
import dev.td.tools.AnswerHook;
import dev.td.tools.ContextKind;
import dev.td.tools.Envelope;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the background analyses found, in the context of the answers whose manifest declares it ({@code anomalies},
 * {@code correlations}): only findings about what the call asked about (the exercises, sports and metrics its
 * arguments name: {@link Subjects}; a call that names none, an overview, asks about the whole person and gets the
 * person's), only what the reader's grant gives (each finding names
 * the scopes of what it is made of), at most {@link #SHOWN} of each. {@code meta.background} then says which events
 * they reflect and whether newer ones wait. An answer for a past moment carries none: what is kept ready is of today.
 */
final class InsightsContext implements AnswerHook {

    static final int SHOWN = 3;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Analyses analyses;

    InsightsContext(Analyses analyses) {
        this.analyses = analyses;
    }

    @Override
    public Envelope after(ToolCall call, Envelope answer) {
        boolean anomalies = call.tool().carries(ContextKind.ANOMALIES);
        boolean correlations = call.tool().carries(ContextKind.CORRELATIONS);
        if ((!anomalies && !correlations) || AsOf.active()) {
            return answer;
        }
        UUID user = call.principal().userId();
        Set<String> about = keys(Subjects.of(call.arguments()));
        List<String> kinds = new ArrayList<>();
        if (anomalies) {
            kinds.add(AnomalyAnalysis.KIND);
        }
        if (correlations) {
            kinds.add(CorrelationAnalysis.KIND);
        }
        Analyses.Kept kept = analyses.kept(user, kinds);
        List<Analyses.Stored> read = new ArrayList<>();
        ObjectNode context = answer.context().deepCopy();
        if (anomalies) {
            Optional.ofNullable(kept.stored().get(AnomalyAnalysis.KIND)).ifPresent(stored -> {
                read.add(stored);
                ArrayNode shown = JSON.arrayNode();
                for (JsonNode f : stored.result().path("anomalies")) {
                    if (shown.size() < SHOWN
                            && visible(f, call.principal())
                            && concerns(f.path("about").asText(), about)) {
                        ObjectNode brief = shown.addObject();
                        for (String field : List.of("kind", "about", "headline", "date")) {
                            if (f.has(field)) {
                                brief.set(field, f.get(field).deepCopy());
                            }
                        }
                    }
                }
                if (!shown.isEmpty() && !context.has(ContextKind.ANOMALIES.field())) {
                    context.set(ContextKind.ANOMALIES.field(), shown);
                }
            });
        }
        if (correlations) {
            Optional.ofNullable(kept.stored().get(CorrelationAnalysis.KIND)).ifPresent(stored -> {
                read.add(stored);
                ArrayNode shown = JSON.arrayNode();
                for (JsonNode f : stored.result().path("correlations")) {
                    if (shown.size() < SHOWN
                            && f.path("discovery").asBoolean()
                            && visible(f, call.principal())
                            && (concerns(f.path("predictor").asText(), about)
                                    || concerns(f.path("outcome").asText(), about))) {
                        ObjectNode brief = shown.addObject();
                        for (String field : List.of("predictor", "outcome", "lag_days", "r", "adjusted_p")) {
                            brief.set(field, f.get(field).deepCopy());
                        }
                    }
                }
                if (!shown.isEmpty() && !context.has(ContextKind.CORRELATIONS.field())) {
                    context.set(ContextKind.CORRELATIONS.field(), shown);
                }
            });
        }
        if (read.isEmpty() || context.equals(answer.context())) {
            return answer;
        }
        return new Envelope(answer.data(), context, answer.meta().withBackground(background(kept.head(), read)));
    }

    private static boolean visible(JsonNode finding, Principal reader) {
        return Visibility.visible(finding, reader::may);
    }

    /**
     * The relevance rule: a finding's series concerns a call about {@code about} when its name holds one of them as
     * whole words ({@code back_squat_e1rm} of the squat, {@code run_pace} of runs, {@code hrv_rmssd} of HRV); every
     * finding concerns a call about the whole person.
     */
    static boolean concerns(String series, Set<String> about) {
        if (about.isEmpty()) {
            return true;
        }
        String key = "_" + InsightTools.key(series) + "_";
        return about.stream().anyMatch(s -> key.contains("_" + s + "_"));
    }

    /** The call's subjects as series keys. */
    private static Set<String> keys(Subjects s) {
        Set<String> keys = new HashSet<>();
        s.exerciseIds().forEach(x -> keys.add(InsightTools.key(x)));
        s.exercises().forEach(x -> keys.add(InsightTools.key(x)));
        s.sports().forEach(x -> keys.add(InsightTools.key(x)));
        s.metrics().forEach(x -> keys.add(InsightTools.key(x)));
        keys.remove("");
        return keys;
    }

    /** {@code meta.background} of the least fresh analysis read: when, which events, and whether newer ones wait. */
    private static JsonNode background(long head, List<Analyses.Stored> read) {
        Analyses.Stored oldest = read.stream()
                .min(java.util.Comparator.comparingLong(Analyses.Stored::reflectsSequence))
                .orElseThrow();
        return JSON.objectNode()
                .put("computed_at", oldest.computedAt().toString())
                .put("reflects_sequence", oldest.reflectsSequence())
                .put("head_sequence", head)
                .put("stale", oldest.reflectsSequence() < head);
    }
}
