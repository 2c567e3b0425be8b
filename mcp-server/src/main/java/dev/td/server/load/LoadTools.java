package dev.td.server.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.JsonFields;
import dev.td.server.profile.Aggregate;
import dev.td.server.profile.AskedPeriod;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.AsOf;
import dev.td.statistics.load.Indicator;
import dev.td.statistics.load.LoadDay;
import dev.td.statistics.load.LoadModel;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** get_training_load: the daily load, fitness, fatigue and form, workload ratios, monotony and strain. */
final class LoadTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Days shown when no period is asked: the last four weeks. */
    static final int DEFAULT_DAYS = 28;

    private final LoadViews views;
    private final Profiles profiles;

    LoadTools(LoadViews views, Profiles profiles) {
        this.views = views;
        this.profiles = profiles;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("get_training_load", this::getTrainingLoad);
    }

    private Envelope getTrainingLoad(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        AskedPeriod asked = AskedPeriod.of(a, profiles.zoneInUse(user), AsOf.now());
        LocalDate to = asked.to().filter(d -> !d.isAfter(asked.today())).orElse(asked.today());
        LocalDate from = asked.from().orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to)) {
            throw ToolException.invalid(
                    "$.from",
                    "from " + from + " is after " + to + ", the last day with a load"
                            + (AsOf.active() ? " as of the moment asked" : " (today)")
                            + "; ask for days up to then (what_if shows what a planned session would do)");
        }
        LoadMethod method = LoadMethod.of(a.path("method").asText("srpe"));
        LoadViews.History h = views.history(user, method, to);
        ObjectNode data = JSON.objectNode();
        data.set("method", method(method));
        data.set("model", model(h.model()));
        ObjectNode context = JSON.objectNode();
        Optional<LoadDay> last = h.on(to);
        if (last.isPresent()) {
            data.set("latest", latest(to, last.get()));
        } else {
            data.putNull("latest");
        }
        DayRange range = new DayRange(from, to);
        Aggregate aggregate =
                JsonFields.text(a, "aggregate").map(Aggregate::of).orElseGet(() -> Aggregate.forRange(range));
        if (aggregate.rows(range) > Aggregate.MAX_ROWS) {
            throw ToolException.invalid(
                    a.has("aggregate") ? "$.aggregate" : "$.from",
                    aggregate.rows(range) + " " + aggregate.wire() + " rows are more than one answer holds ("
                            + Aggregate.MAX_ROWS + "); ask for a coarser aggregate (week, month) or fewer days");
        }
        data.put("aggregate", aggregate.wire());
        ArrayNode days = data.putArray("days");
        ArrayNode periods = data.putArray("periods");
        ObjectNode period = JSON.objectNode();
        String periodLabel = "";
        int periodDays = 0;
        double periodLoad = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Optional<LoadDay> day = h.on(d);
            double load = day.map(LoadDay::load).orElse(0.0);
            ObjectNode row;
            if (aggregate == Aggregate.DAY) {
                row = days.addObject().put("date", d.toString()).put("load", round(load));
            } else {
                String label = aggregate.label(d);
                if (!label.equals(periodLabel)) {
                    period = periods.addObject().put("period", label);
                    periodLabel = label;
                    periodDays = 0;
                    periodLoad = 0;
                }
                periodLoad += load;
                row = period.put("days", ++periodDays).put("load", round(periodLoad));
            }
            // CTL, ATL and TSB of the day; of a week or month, those of its last day in the range
            if (day.isPresent()) {
                row.put("ctl", round(day.get().ctl()))
                        .put("atl", round(day.get().atl()))
                        .put("tsb", round(day.get().tsb()));
            }
        }
        int counted = 0;
        int estimated = 0;
        Map<String, Integer> missing = new LinkedHashMap<>();
        String first = from.toString();
        for (LoadViews.SessionLoad s : h.sessions()) {
            if (s.session().day().compareTo(first) < 0) {
                continue; // ISO days compare as text
            }
            if (s.load().isPresent()) {
                counted++;
                estimated += s.load().get().estimated().isPresent() ? 1 : 0;
            } else {
                missing.merge(s.missing().orElse("unknown"), 1, Integer::sum);
            }
        }
        ObjectNode sessions = data.putObject("sessions");
        sessions.put("counted", counted).put("estimated", estimated);
        ObjectNode without = sessions.putObject("without_load");
        missing.forEach(without::put);
        if (!missing.isEmpty()) {
            context.put(
                    "without_load",
                    missing.values().stream().mapToInt(Integer::intValue).sum() + " session(s) in the period have no "
                            + method.wire() + " load and count as rest: " + String.join("; ", missing.keySet()));
        }
        if (estimated > 0) {
            context.put(
                    "estimated",
                    estimated + " session(s) have an estimated load (no session RPE: the mean set RPE; no end time: "
                            + (int) LoadMethod.MINUTES_PER_SET + " min per working set). Logging session_rpe and"
                            + " ended_at makes them exact");
        }
        AskedPeriod answered = asked.withBounds(Optional.of(from), Optional.of(to));
        return new Envelope(
                data,
                context,
                Meta.now(call.origin().requestId())
                        .withProjectionVersion(LoadProjection.VERSION)
                        .withPeriod(answered.toJson()));
    }

    private static ObjectNode method(LoadMethod m) {
        return JSON.objectNode().put("name", m.wire()).put("unit", m.unit()).put("source", m.source());
    }

    private static ObjectNode model(LoadModel m) {
        return JSON.objectNode()
                .put("ctl_days", m.ctlDays())
                .put("atl_days", m.atlDays())
                .put("acute_days", m.acuteDays())
                .put("chronic_days", m.chronicDays())
                .put("acute_lambda", m.acuteLambda())
                .put("chronic_lambda", m.chronicLambda())
                .put("monotony_days", m.monotonyDays())
                .put("start", "CTL and ATL 0 on the day before the first session")
                .put("method", m.method());
    }

    private static ObjectNode latest(LocalDate date, LoadDay d) {
        ObjectNode n = JSON.objectNode().put("date", date.toString());
        n.put("load", round(d.load()))
                .put("ctl", round(d.ctl()))
                .put("atl", round(d.atl()))
                .put("tsb", round(d.tsb()));
        ObjectNode why = JSON.objectNode();
        indicator(n, why, "acwr_coupled", d.acwrCoupled(), 1000);
        indicator(n, why, "acwr_uncoupled", d.acwrUncoupled(), 1000);
        indicator(n, why, "acwr_ewma", d.acwrEwma(), 1000);
        indicator(n, why, "weekly_load", d.weeklyLoad(), 10);
        indicator(n, why, "monotony", d.monotony(), 100);
        indicator(n, why, "strain", d.strain(), 10);
        if (!why.isEmpty()) {
            n.set("undefined", why);
        }
        return n;
    }

    private static void indicator(ObjectNode n, ObjectNode why, String field, Indicator i, double scale) {
        switch (i) {
            case Indicator.Defined d -> n.put(field, Math.round(d.value() * scale) / scale);
            case Indicator.Undefined u -> {
                n.putNull(field);
                why.put(field, u.explanation());
            }
        }
    }

    /** Loads to one decimal: their inputs (RPE, minutes) carry no more. */
    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
