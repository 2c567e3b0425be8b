package dev.td.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.AthleteDriver;
import dev.td.testkit.AthleteGenerator;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * what_if for a five-year athlete (seed 42, the years up to today): p50/p99 of proposing one workout for next week
 * (its session, every set, its end: records, e1RM and trend of each lift, fatigue on that day), in process through
 * the tool registry, next to the same workout really logged with log_workout and get_personal_records, in the same
 * run. Goal (issue "Time and context"): what_if p99 at most 50 ms.
 */
public final class WhatIfBench {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String KEY = "td_bench_owner_key_0123456789abcdefghijklmnop";
    private static final int CALLS = Integer.getInteger("bench.calls", 300);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 50);
    private static final int YEARS = Integer.getInteger("bench.years", 5);
    private static final double GOAL_P99_MS = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private WhatIfBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("td-whatif-bench");
        try (TdCore core = TdCore.open(Optional.empty(), dir)) {
            core.accounts().bootstrapOwner(Optional.of(KEY));
            Principal owner = core.accounts().localOwner();
            LocalDate today = LocalDate.now(ZONE);
            List<AthleteGenerator.Action> actions =
                    new AthleteGenerator(42, today.minusYears(YEARS), YEARS, ZONE).actions();
            long t0 = System.nanoTime();
            AthleteDriver.Played played = new AthleteDriver(core).play(owner, actions);
            double logSeconds = (System.nanoTime() - t0) / 1e9;
            try (Connection c = core.database().ownerConnection()) {
                c.createStatement().execute("VACUUM ANALYZE");
            }
            ObjectNode workout = actions.stream()
                    .filter(a -> a instanceof AthleteGenerator.LogWorkout)
                    .map(a -> ((AthleteGenerator.LogWorkout) a).arguments())
                    .reduce((first, second) -> second)
                    .orElseThrow();
            ArrayNode proposal = proposal(core, owner, workout, today.plusDays(7));
            ObjectNode whatIf = JSON.objectNode();
            whatIf.set("events", proposal);
            JsonNode answer = invoke(core, owner, "what_if", whatIf);
            System.out.printf(
                    "td what-if bench: Java %s, %d-year athlete (seed 42) up to %s: %d workouts, %d corrections, %d voids"
                            + " -> %d events (logged in %.1f s)%n"
                            + "proposal: the athlete's last workout again on %s, %d events (%d exercises); its answer:"
                            + " %d record(s), %d exercise(s), fatigue %s -> %s on %s, %,d characters%n%n",
                    Runtime.version(),
                    YEARS,
                    today,
                    played.workouts(),
                    played.corrections(),
                    played.voids(),
                    core.events()
                            .head(owner.userId())
                            .map(h -> Long.parseLong(h.substring(0, h.indexOf(':'))))
                            .orElse(0L),
                    logSeconds,
                    today.plusDays(7),
                    proposal.size(),
                    workout.get("exercises").size(),
                    answer.at("/data/changes/records").size(),
                    answer.at("/data/changes/exercises").size(),
                    answer.at("/data/changes/load/before/zone").asText("-"),
                    answer.at("/data/changes/load/after/zone").asText("-"),
                    answer.at("/data/changes/load/date").asText(),
                    answer.toString().length());

            System.out.printf(
                    "%-44s %7s %8s %8s %8s%n",
                    "in process (core.tools().invoke)", "calls", "p50 ms", "p99 ms", "max ms");
            LogEventsOverHttp.Latencies proposed = row("what_if (one workout, next week)", i -> {
                invoke(core, owner, "what_if", whatIf);
            });
            row("get_personal_records", i -> {
                invoke(core, owner, "get_personal_records", JSON.objectNode());
            });
            row("log_workout (the same workout, today, stored)", i -> {
                ObjectNode real = workout.deepCopy();
                real.put("idempotency_key", "bench-real-" + i);
                real.put(
                        "started_at",
                        today.atTime(LocalTime.of(7, 0))
                                .atZone(ZONE)
                                .toOffsetDateTime()
                                .toString());
                real.put(
                        "ended_at",
                        today.atTime(LocalTime.of(8, 0))
                                .atZone(ZONE)
                                .toOffsetDateTime()
                                .toString());
                invoke(core, owner, "log_workout", real);
            });
            System.out.printf(
                    "%ngoal: what_if p99 <= %.0f ms: %s (p99 %.2f ms)%n",
                    GOAL_P99_MS, proposed.percentile(99) <= GOAL_P99_MS ? "met" : "NOT met", proposed.percentile(99));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One call of a measured row; i counts from 0 over the warm-up and then the measured calls. */
    @FunctionalInterface
    private interface Call {
        void run(int i);
    }

    private static LogEventsOverHttp.Latencies row(String name, Call call) {
        for (int i = 0; i < WARMUP; i++) {
            call.run(i);
        }
        double[] ms = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t = System.nanoTime();
            call.run(WARMUP + i);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        LogEventsOverHttp.Latencies l = LogEventsOverHttp.Latencies.of(ms);
        System.out.printf("%-44s %7d %8.2f %8.2f %8.2f%n", name, CALLS, l.percentile(50), l.percentile(99), l.max());
        return l;
    }

    /**
     * A log_workout's arguments as the raw events what_if takes, on {@code day}: session.started at 18:00, every set
     * (counts expanded, names resolved to catalog ids) a minute apart, session.ended at 19:00 with the session RPE.
     */
    private static ArrayNode proposal(TdCore core, Principal owner, ObjectNode workout, LocalDate day) {
        IntFunction<String> at = minute -> day.atTime(LocalTime.of(18, 0).plusMinutes(minute))
                .atZone(ZONE)
                .toOffsetDateTime()
                .toString();
        ArrayNode events = JSON.arrayNode();
        String session = "bench-plan";
        events.add(event("session.started", at.apply(0), JSON.objectNode().put("session_id", session)));
        int minute = 1;
        for (JsonNode exercise : workout.get("exercises")) {
            String name = exercise.get("exercise").asText();
            String id = invoke(
                            core, owner, "resolve_exercise", JSON.objectNode().put("name", name))
                    .at("/data/match/exercise_id")
                    .asText();
            for (JsonNode set : exercise.get("sets")) {
                for (int c = 0; c < set.path("count").asInt(1); c++) {
                    ObjectNode data = JSON.objectNode()
                            .put("session_id", session)
                            .put("exercise", name)
                            .put("exercise_id", id)
                            .put("set_type", set.path("type").asText("working"))
                            .put("reps", set.get("reps").asInt());
                    if (set.has("weight")) {
                        data.putObject("weight")
                                .put("value", set.get("weight").asDouble())
                                .put("unit", exercise.get("unit").asText());
                    }
                    if (set.has("rpe")) {
                        data.put("rpe", set.get("rpe").asDouble());
                    }
                    events.add(event("set.logged", at.apply(minute++), data));
                }
            }
        }
        events.add(event(
                "session.ended",
                at.apply(60),
                JSON.objectNode()
                        .put("session_id", session)
                        .put("session_rpe", workout.get("session_rpe").asInt())));
        return events;
    }

    private static ObjectNode event(String type, String occurredAt, ObjectNode data) {
        ObjectNode e = JSON.objectNode().put("type", type).put("occurred_at", occurredAt);
        e.set("data", data);
        return e;
    }

    private static JsonNode invoke(TdCore core, Principal owner, String tool, ObjectNode arguments) {
        return core.tools()
                .invoke(
                        tool,
                        owner,
                        arguments,
                        new ToolCall.Origin(
                                "api", UUID.randomUUID().toString(), Optional.of("bench"), Optional.empty()))
                .toJson();
    }
}
