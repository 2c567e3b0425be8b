package dev.td.server.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.EventStore;
import dev.td.server.events.JsonFields;
import dev.td.server.health.Health;
import dev.td.server.load.TrainingLoad;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.AsOf;
import dev.td.tools.Envelope;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * get_anomalies and get_insights: what stands out about a person now, read from the analyses kept ready (computed
 * for the answer when none is stored yet), as the reader's scopes let them see it, with how fresh it is.
 */
final class FindingTools {

    /** The scope that reads injuries: get_insights names active injuries only to a reader who has it. */
    static final String INJURIES_READ = "injuries:read";

    static final int DEFAULT_LIMIT = 5;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The analyses the tools read, and what they read live. */
    record Sources(
            AnomalyAnalysis anomalies,
            CorrelationAnalysis correlations,
            Analyses analyses,
            EventStore events,
            Health health,
            TrainingLoad load) {}

    private final Profiles profiles;
    private final Sources sources;
    private final AnalysisQueue.Timing timing;

    FindingTools(Profiles profiles, Sources sources, AnalysisQueue.Timing timing) {
        this.profiles = profiles;
        this.sources = sources;
        this.timing = timing;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("get_anomalies", this::anomalies);
        tools.handle("get_insights", this::insights);
    }

    private ReadyResult anomaliesOf(UUID user, long head, LocalDate today) {
        return ReadyResult.read(
                sources.analyses(),
                user,
                AnomalyAnalysis.KIND,
                head,
                () -> sources.anomalies().compute(user, today));
    }

    private Envelope anomalies(ToolCall call) {
        Principal reader = call.principal();
        UUID user = reader.userId();
        LocalDate today = AsOf.today(profiles.timeZoneOf(user));
        ReadyResult ready = anomaliesOf(user, sources.events().lastSequence(user), today);
        Optional<String> about = JsonFields.text(call.arguments(), "about").map(InsightTools::key);

        ObjectNode data = JSON.objectNode();
        data.set("window", ready.result().get("window"));
        ArrayNode checked = data.putArray("checked");
        for (JsonNode s : ready.result().path("checked")) {
            if (Visibility.visible(s, reader::may) && matches(s, about)) {
                checked.add(s.path("about").asText());
            }
        }
        ArrayNode list = data.putArray("anomalies");
        for (JsonNode f : ready.result().path("anomalies")) {
            if (Visibility.visible(f, reader::may) && matches(f, about)) {
                list.add(Visibility.shown(f));
            }
        }
        ArrayNode notes = JSON.arrayNode();
        if (list.isEmpty()) {
            notes.add("nothing stands out now in the " + checked.size() + " series checked"
                    + about.map(a -> " for '" + a + "'").orElse("")
                    + ": say so rather than reading the raw values");
        }
        notes.add(AnomalyAnalysis.RULES);
        ReadyResult.lagNote(List.of(ready), timing.maxDelay()).ifPresent(notes::add);
        ObjectNode context = JSON.objectNode();
        context.set("notes", notes);
        return new Envelope(data, context, ReadyResult.meta(call.origin().requestId(), List.of(ready)));
    }

    private Envelope insights(ToolCall call) {
        Principal reader = call.principal();
        UUID user = reader.userId();
        LocalDate today = AsOf.today(profiles.timeZoneOf(user));
        long head = sources.events().lastSequence(user);
        int limit = JsonFields.integer(call.arguments(), "limit").orElse(DEFAULT_LIMIT);
        ReadyResult found = anomaliesOf(user, head, today);
        ReadyResult screen = ReadyResult.read(
                sources.analyses(),
                user,
                CorrelationAnalysis.KIND,
                head,
                () -> sources.correlations().compute(user, today));

        List<InsightRanking.Item> items = new ArrayList<>();
        for (JsonNode f : found.result().path("anomalies")) {
            if (Visibility.visible(f, reader::may)) {
                items.add(InsightRanking.anomaly(f, today));
            }
        }
        for (JsonNode c : screen.result().path("correlations")) {
            if (c.path("discovery").asBoolean() && Visibility.visible(c, reader::may)) {
                items.add(InsightRanking.correlation(c));
            }
        }
        if (reader.may(INJURIES_READ)) {
            sources.health().activeInjuries(user, today).forEach(i -> items.add(InsightRanking.injury(i, today)));
        }
        if (reader.may(PersonSeries.TRAINING_READ)) {
            sources.load()
                    .recent(user, new DayRange(today, today))
                    .fatigue()
                    .flatMap(f -> InsightRanking.fatigue(f, today))
                    .ifPresent(items::add);
        }

        ObjectNode data = JSON.objectNode().put("as_of", today.toString()).put("considered", items.size());
        InsightRanking.ranked(items, limit).forEach(data.putArray("insights")::add);
        ArrayNode notes = JSON.arrayNode();
        if (items.isEmpty()) {
            notes.add("nothing stands out now: no active injury, no fatigue flag, no anomaly, stall or decline, no"
                    + " correlation that passed the false discovery rate among what you may read");
        }
        notes.add(InsightRanking.RULE);
        ReadyResult.lagNote(List.of(found, screen), timing.maxDelay()).ifPresent(notes::add);
        ObjectNode context = JSON.objectNode();
        context.set("notes", notes);
        return new Envelope(data, context, ReadyResult.meta(call.origin().requestId(), List.of(found, screen)));
    }

    private static boolean matches(JsonNode finding, Optional<String> about) {
        return about.isEmpty()
                || InsightTools.key(finding.path("about").asText()).contains(about.get());
    }
}
