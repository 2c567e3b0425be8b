package dev.td.server.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.EventStore;
import dev.td.server.events.JsonFields;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.AsOf;
import dev.td.tools.Envelope;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolRegistry;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** get_correlations: the stored screen, as the reader's scopes let them see it, with how fresh it is. */
final class InsightTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Profiles profiles;
    private final CorrelationAnalysis correlations;
    private final Analyses analyses;
    private final EventStore events;
    private final AnalysisQueue.Timing timing;

    InsightTools(
            Profiles profiles,
            CorrelationAnalysis correlations,
            Analyses analyses,
            EventStore events,
            AnalysisQueue.Timing timing) {
        this.profiles = profiles;
        this.correlations = correlations;
        this.analyses = analyses;
        this.events = events;
        this.timing = timing;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("get_correlations", this::correlations);
    }

    private Envelope correlations(ToolCall call) {
        Principal reader = call.principal();
        UUID user = reader.userId();
        ReadyResult ready = ReadyResult.read(
                analyses,
                user,
                CorrelationAnalysis.KIND,
                events.lastSequence(user),
                () -> correlations.compute(user, AsOf.today(profiles.timeZoneOf(user))));
        JsonNode result = ready.result();
        boolean all = "all".equals(JsonFields.text(call.arguments(), "include").orElse("discoveries"));
        Optional<String> about = JsonFields.text(call.arguments(), "about").map(InsightTools::key);

        ObjectNode data = JSON.objectNode();
        data.set("fdr", result.get("fdr"));
        data.set("tested", result.get("tested"));
        data.set("window", result.get("window"));
        Set<String> visible = new HashSet<>();
        ArrayNode series = data.putArray("series");
        for (JsonNode s : result.path("series")) {
            if (Visibility.visible(s, reader::may)) {
                visible.add(s.path("name").asText());
                series.add(Visibility.shown(s));
            }
        }
        ArrayNode list = data.putArray("correlations");
        int discoveries = 0;
        for (JsonNode f : result.path("correlations")) {
            String predictor = f.path("predictor").asText();
            String outcome = f.path("outcome").asText();
            if (!visible.contains(predictor) || !visible.contains(outcome)) {
                continue;
            }
            if (about.isPresent()
                    && !key(predictor).contains(about.get())
                    && !key(outcome).contains(about.get())) {
                continue;
            }
            boolean discovery = f.path("discovery").asBoolean();
            discoveries += discovery ? 1 : 0;
            if (all || discovery) {
                list.add(Visibility.shown(f));
            }
        }

        ObjectNode context = JSON.objectNode();
        ArrayNode notes = JSON.arrayNode();
        if (discoveries == 0) {
            notes.add("no pair reached the " + percent(result.path("fdr").asDouble())
                    + " false discovery rate over the " + result.path("tested").asInt() + " pairs and lags tested"
                    + (about.isPresent() ? " (of those shown for '" + about.get() + "')" : "")
                    + ": nothing reliable to report; say so rather than reading the raw r values");
        } else {
            notes.add("lag_days: the predictor that many days before the outcome; both detrended; a correlation is"
                    + " not a cause");
        }
        ReadyResult.lagNote(List.of(ready), timing.maxDelay()).ifPresent(notes::add);
        context.set("notes", notes);
        return new Envelope(data, context, ReadyResult.meta(call.origin().requestId(), List.of(ready)));
    }

    /** A series name as compared with {@code about}: lower case, accents folded, words joined by underscores. */
    static String key(String name) {
        String folded = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return folded.strip().replaceAll("[^a-z0-9]+", "_");
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0 + " %";
    }
}
