package dev.td.server.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.access.Accounts;
import dev.td.server.events.Hypothetical;
import dev.td.server.events.NewEvent;
import dev.td.server.projections.Projection;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import dev.td.tools.ErrorCode;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * what_if applies proposed events in a transaction that is always rolled back: it answers with the records, e1RM,
 * trend, fatigue and anomalies they would bring, and leaves the database, the chain head and every cache as they
 * were. Expected values are worked out by hand from the formulas td cites: Epley (1985) e1RM = w·(1 + reps/30); the
 * PMC of GoldenCheetah's PMCData.cpp (ATL_t = ATL_{t−1}·e^(−1/7) + load_t·(1 − e^(−1/7)), CTL alike with 42 days,
 * TSB_t = CTL_{t−1} − ATL_{t−1}); Foster's session-RPE load (RPE × minutes); the robust z (value − median) / (1.4826
 * × MAD) against the 28 days before (Iglewicz &amp; Hoaglin 1993, flagged beyond 3.5).
 */
class WhatIfTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** 1 − e^(−1/7) and 1 − e^(−1/42): how much of a day's load goes into ATL and CTL that day. */
    private static final double ATL_SHARE = 1 - Math.exp(-1 / 7.0);

    private static final double CTL_SHARE = 1 - Math.exp(-1 / 42.0);

    /** Today as a UTC day: the people here never set a time zone. */
    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static Principal person(String handle) {
        Accounts accounts = server.core().accounts();
        UUID id = accounts.createPerson(handle, handle).userId();
        return accounts.authenticate(accounts.createKey(id, "agent", Set.of("*")))
                .orElseThrow();
    }

    private static ToolCall.Origin origin() {
        return new ToolCall.Origin("api", UUID.randomUUID().toString(), Optional.empty(), Optional.empty());
    }

    private static JsonNode invoke(Principal p, String tool, JsonNode arguments) {
        return server.core().tools().invoke(tool, p, arguments, origin()).toJson();
    }

    private static String at(LocalDate day, String time) {
        return day + "T" + time + "Z";
    }

    /** A log_workout of one bench exercise, 18:00 to 19:00 at session RPE 7. */
    private static ObjectNode benchWorkout(String key, LocalDate day, double kg, int reps) {
        ObjectNode w = JSON.objectNode()
                .put("idempotency_key", key)
                .put("started_at", at(day, "18:00:00"))
                .put("ended_at", at(day, "19:00:00"))
                .put("session_rpe", 7);
        ObjectNode bench =
                w.putArray("exercises").addObject().put("exercise", "bench").put("unit", "kg");
        bench.putArray("sets").addObject().put("weight", kg).put("reps", reps);
        return w;
    }

    /** A bench history: 120 kg × 5 twenty days ago, 125 kg × 3 thirteen days ago, each an hour at RPE 7. */
    private static Principal benchLifter(String handle) {
        Principal p = person(handle);
        invoke(p, "log_workout", benchWorkout(handle + "-w1", today().minusDays(20), 120, 5));
        invoke(p, "log_workout", benchWorkout(handle + "-w2", today().minusDays(13), 125, 3));
        return p;
    }

    private static ObjectNode event(String type, String occurredAt, ObjectNode data) {
        ObjectNode e = JSON.objectNode().put("type", type).put("occurred_at", occurredAt);
        e.set("data", data);
        return e;
    }

    /** A proposed session on {@code day}: 18:00 to 19:00 at session RPE 8, one bench set. */
    private static ArrayNode benchSession(LocalDate day, String session, double kg, int reps) {
        ArrayNode events = JSON.arrayNode();
        events.add(
                event("session.started", at(day, "18:00:00"), JSON.objectNode().put("session_id", session)));
        ObjectNode set = JSON.objectNode()
                .put("session_id", session)
                .put("exercise", "bench")
                .put("exercise_id", "barbell-bench-press")
                .put("set_type", "working")
                .put("reps", reps);
        set.putObject("weight").put("value", kg).put("unit", "kg");
        events.add(event("set.logged", at(day, "18:20:00"), set));
        events.add(event(
                "session.ended",
                at(day, "19:00:00"),
                JSON.objectNode().put("session_id", session).put("session_rpe", 8)));
        return events;
    }

    private static ObjectNode whatIf(ArrayNode events) {
        ObjectNode args = JSON.objectNode();
        args.set("events", events);
        return args;
    }

    private static ObjectNode restingHr(LocalDate day, double bpm) {
        return event(
                "metric.recorded",
                at(day, "07:00:00"),
                JSON.objectNode().put("metric", "resting_hr").put("value", bpm).put("unit", "bpm"));
    }

    private static ObjectNode run(LocalDate day, String id, int seconds, int rpe) {
        return event(
                "activity.logged",
                at(day, "07:30:00"),
                JSON.objectNode()
                        .put("activity_id", id)
                        .put("sport", "run")
                        .put("elapsed_s", seconds)
                        .put("rpe", rpe));
    }

    @Test
    void hittingOneThirtyForThreeNextWeekWouldBeatTheThreeRepMaxAndTheE1rmAndRaiseFatigueByThatDaysLoad() {
        Principal anna = benchLifter("anna");
        LocalDate nextWeek = today().plusDays(7);
        JsonNode answer = invoke(anna, "what_if", whatIf(benchSession(nextWeek, "plan-1", 130, 3)));
        JsonNode data = answer.get("data");

        assertThat(data.get("stored").asBoolean(true)).isFalse();
        assertThat(data.get("proposed").asInt()).isEqualTo(3);
        JsonNode records = data.at("/changes/records");
        // 3 reps: 130 beats the 125 kg × 3 of thirteen days ago; 5 reps: 120 × 5 stands (130 × 3 does not dominate it)
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("record").asText()).isEqualTo("3rm");
        assertThat(records.get(0).at("/weight/kg").asDouble()).isEqualTo(130);
        assertThat(records.get(0).at("/previous/weight/kg").asDouble()).isEqualTo(125);
        assertThat(records.get(0).at("/previous/date").asText())
                .isEqualTo(today().minusDays(13).toString());
        // Epley: 130 × (1 + 3/30) = 143.0 beats 120 × (1 + 5/30) = 140.0 (125 × 1.1 = 137.5 is below it)
        assertThat(records.get(1).get("record").asText()).isEqualTo("e1rm");
        assertThat(records.get(1).at("/e1rm/kg").asDouble()).isEqualTo(143.0);
        assertThat(records.get(1).at("/previous/e1rm/kg").asDouble()).isEqualTo(140.0);
        assertThat(records.get(1).at("/previous/date").asText())
                .isEqualTo(today().minusDays(20).toString());
        assertThat(records.get(1).get("date").asText()).isEqualTo(nextWeek.toString());

        JsonNode bench = data.at("/changes/exercises/0");
        assertThat(bench.get("exercise_id").asText()).isEqualTo("barbell-bench-press");
        assertThat(bench.at("/proposed_e1rm/kg").asDouble()).isEqualTo(143.0);
        assertThat(bench.at("/best_e1rm/before/kg").asDouble()).isEqualTo(140.0);
        assertThat(bench.at("/best_e1rm/after/kg").asDouble()).isEqualTo(143.0);
        // a trend needs six sessions: two before, three with the proposal
        assertThat(bench.at("/trend/before/direction").asText()).isEqualTo("insufficient_data");
        assertThat(bench.at("/trend/before/n").asInt()).isEqualTo(2);
        assertThat(bench.at("/trend/after/n").asInt()).isEqualTo(3);

        // fatigue on the proposed day: its 60 min × RPE 8 = 480 AU enter ATL and CTL that day; TSB is yesterday's
        JsonNode load = data.at("/changes/load");
        assertThat(load.get("date").asText()).isEqualTo(nextWeek.toString());
        assertThat(load.at("/after/atl").asDouble() - load.at("/before/atl").asDouble())
                .isCloseTo(480 * ATL_SHARE, within(0.1)); // 63.9
        assertThat(load.at("/after/ctl").asDouble() - load.at("/before/ctl").asDouble())
                .isCloseTo(480 * CTL_SHARE, within(0.1)); // 11.3
        assertThat(load.at("/after/tsb").asDouble())
                .isEqualTo(load.at("/before/tsb").asDouble());
        assertThat(data.at("/changes/anomalies")).isEmpty();
    }

    @Test
    void aRunProposedForSomeoneWithoutHistoryShowsTheFatigueItWouldStartWith() {
        Principal ben = person("ben");
        JsonNode data = invoke(ben, "what_if", whatIf(JSON.arrayNode().add(run(today(), "plan-run", 3000, 6))))
                .get("data");
        JsonNode load = data.at("/changes/load");
        assertThat(load.get("date").asText()).isEqualTo(today().toString());
        assertThat(load.get("before").isNull()).isTrue();
        // 50 min × RPE 6 = 300 AU on the first day: ATL 300 × 0.1331 = 39.9, CTL 300 × 0.0235 = 7.1, TSB 0
        assertThat(load.at("/after/atl").asDouble()).isEqualTo(Math.round(300 * ATL_SHARE * 10) / 10.0);
        assertThat(load.at("/after/ctl").asDouble()).isEqualTo(Math.round(300 * CTL_SHARE * 10) / 10.0);
        assertThat(load.at("/after/tsb").asDouble()).isZero();
        assertThat(load.at("/after/zone").asText()).isEqualTo("building");
        assertThat(data.at("/changes/records")).isEmpty();
        assertThat(data.at("/changes/exercises")).isEmpty();
    }

    @Test
    void aRestingHeartRateFarAboveTheBaselineIsAnAnomalyAndAWeightWithoutOneIsNamedInTheContext() {
        Principal cleo = person("cleo");
        double[] bpm = {52, 53, 54, 55, 56, 52, 53, 54, 55, 56};
        for (int i = 0; i < bpm.length; i++) {
            LocalDate day = today().minusDays(10 - i);
            invoke(
                    cleo,
                    "log_metrics",
                    JSON.objectNode()
                            .put("idempotency_key", "hr-" + i)
                            .put("at", at(day, "07:00:00"))
                            .set(
                                    "readings",
                                    JSON.arrayNode()
                                            .add(JSON.objectNode()
                                                    .put("metric", "resting_hr")
                                                    .put("value", bpm[i])
                                                    .put("unit", "bpm"))));
        }
        ObjectNode weight = event(
                "metric.recorded",
                at(today(), "07:05:00"),
                JSON.objectNode().put("metric", "body_weight").put("value", 80).put("unit", "kg"));
        JsonNode answer = invoke(
                cleo,
                "what_if",
                whatIf(JSON.arrayNode().add(restingHr(today(), 75)).add(weight)));

        JsonNode anomalies = answer.at("/data/changes/anomalies");
        assertThat(anomalies).hasSize(1);
        JsonNode hr = anomalies.get(0);
        assertThat(hr.get("metric").asText()).isEqualTo("resting_hr");
        assertThat(hr.get("date").asText()).isEqualTo(today().toString());
        assertThat(hr.get("value").asDouble()).isEqualTo(75);
        assertThat(hr.get("before").isNull()).isTrue();
        // median 54; absolute deviations 2 1 0 1 2 2 1 0 1 2 have median 1: spread 1.4826; (75 − 54) / 1.4826 = 14.16
        assertThat(hr.get("median").asDouble()).isEqualTo(54);
        assertThat(hr.get("robust_z").asDouble()).isEqualTo(14.2);
        assertThat(answer.at("/data/changes/load").isNull()).isTrue();
        assertThat(answer.at("/context/notes").toString())
                .contains("body_weight on " + today() + ": no robust z")
                .contains("there are 0");
    }

    /** Every row the proposals could touch, as the owner reads them (no row-level security), in a fixed order. */
    private static List<String> dump() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = server.core().database().ownerConnection();
                Statement s = c.createStatement()) {
            for (String query : List.of(
                    "SELECT 'event ' || row_to_json(e)::text FROM events e ORDER BY e.user_id, e.sequence",
                    "SELECT 'state ' || row_to_json(p)::text FROM projection_states p"
                            + " ORDER BY p.user_id, p.projection, p.key",
                    "SELECT 'head ' || row_to_json(h)::text FROM event_streams h ORDER BY h.user_id",
                    "SELECT 'exercise ' || row_to_json(x)::text FROM exercises x ORDER BY 1")) {
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }

    private static long accessLogEntries(UUID person, String tool) throws SQLException {
        try (Connection c = server.core().database().ownerConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM access_log WHERE user_id = ? AND tool = ?")) {
            ps.setObject(1, person);
            ps.setString(2, tool);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void whatIfLeavesEveryRowTheChainHeadAndTheOverviewAsTheyWereSendsNoNotificationAndIsInTheAccessLog()
            throws Exception {
        Principal dana = benchLifter("dana");
        JsonNode overviewBefore =
                invoke(dana, "get_overview", JSON.objectNode()).get("data");
        List<String> before = dump();
        Optional<String> head = server.core().events().head(dana.userId());
        long logged = accessLogEntries(dana.userId(), "what_if");
        try (Connection listener = server.core().database().ownerConnection()) {
            listener.createStatement().execute("LISTEN td_events");

            JsonNode record = invoke(dana, "what_if", whatIf(benchSession(today().plusDays(3), "plan-pr", 140, 3)));
            assertThat(record.at("/data/changes/records")).isNotEmpty();
            invoke(dana, "what_if", whatIf(JSON.arrayNode().add(run(today(), "plan-run", 2400, 5))));
            invoke(dana, "what_if", whatIf(JSON.arrayNode().add(restingHr(today(), 61))));
            ArrayNode invalid = benchSession(today(), "plan-bad", 100, 5);
            ((ObjectNode) invalid.get(1).get("data")).put("reps", "five");
            assertThatThrownBy(() -> invoke(dana, "what_if", whatIf(invalid)))
                    .isInstanceOfSatisfying(
                            ToolException.class, e -> assertThat(e.path()).isEqualTo("$.events[1].data.reps"));

            PGNotification[] heard = listener.unwrap(PGConnection.class).getNotifications(500);
            assertThat(heard == null ? 0 : heard.length)
                    .as("notifications on td_events")
                    .isZero();
        }
        assertThat(dump()).isEqualTo(before);
        assertThat(server.core().events().head(dana.userId())).isEqualTo(head);
        assertThat(invoke(dana, "get_overview", JSON.objectNode()).get("data")).isEqualTo(overviewBefore);
        assertThat(accessLogEntries(dana.userId(), "what_if"))
                .as("every call recorded, the refused one too")
                .isEqualTo(logged + 4);
    }

    private static JsonNode records(Principal p) {
        return invoke(p, "get_personal_records", JSON.objectNode().put("exercise", "bench"))
                .at("/data/exercises/0");
    }

    @Test
    void aRealWorkoutAfterAWhatIfIsAnsweredFromItsOwnSetAndTheSameWhatIfAnswersAlikeTwice() {
        Principal emil = benchLifter("emil");
        // proposed and real: today 18:00 to 19:00 at RPE 8; the same load, different sets
        ObjectNode proposal = whatIf(benchSession(today(), "plan-today", 130, 3));
        JsonNode first = invoke(emil, "what_if", proposal).get("data");
        JsonNode second = invoke(emil, "what_if", proposal).get("data");
        assertThat(second).isEqualTo(first);
        assertThat(first.at("/changes/records/0/weight/kg").asDouble()).isEqualTo(130);

        ObjectNode real = benchWorkout("emil-real", today(), 127.5, 3).put("session_rpe", 8);
        JsonNode logged = invoke(emil, "log_workout", real);
        // the real set is the record, as against what stood before the what-if: 127.5 beats 125 × 3
        assertThat(logged.at("/context/new_personal_records/0/weight/kg").asDouble())
                .isEqualTo(127.5);
        assertThat(logged.at("/context/new_personal_records/0/previous/kg").asDouble())
                .isEqualTo(125);
        // and the fatigue it brings is the one the what-if foresaw for the same hour at the same RPE
        assertThat(logged.at("/context/fatigue")).isEqualTo(first.at("/changes/load/after"));

        JsonNode bench = records(emil);
        assertThat(bench.at("/by_reps").findValues("kg"))
                .extracting(JsonNode::asDouble)
                .containsExactly(127.5, 120.0);
        assertThat(bench.at("/by_reps/0/reps").asInt()).isEqualTo(3);
        // Epley 127.5 × 1.1 = 140.25 > 140.0
        assertThat(bench.at("/e1rm/e1rm/kg").asDouble()).isEqualTo(140.25);
        JsonNode progression = invoke(
                        emil,
                        "get_exercise_progression",
                        JSON.objectNode().put("exercise", "bench").put("detail", "full"))
                .get("data");
        assertThat(progression.get("sessions_all_time").asInt()).isEqualTo(3);
        assertThat(progression.at("/best_e1rm_all_time/kg").asDouble()).isEqualTo(140.25);
        assertThat(progression.get("sessions").toString()).doesNotContain("plan-today");

        // asked again, the what-if stands on the real data: 130 now beats 127.5
        JsonNode again = invoke(emil, "what_if", proposal).get("data");
        assertThat(again.at("/changes/records/0/previous/weight/kg").asDouble()).isEqualTo(127.5);
        assertThat(again.at("/changes/exercises/0/best_e1rm/before/kg").asDouble())
                .isEqualTo(140.25);
    }

    @Test
    void aRealWorkoutOfThePersonDuringAWhatIfWaitsForItsRollbackAndIsStored() throws Exception {
        Principal finn = benchLifter("finn");
        long events = server.eventCount();
        CompletableFuture<JsonNode> whatIf;
        CompletableFuture<JsonNode> real;
        try (ExecutorService threads = Executors.newFixedThreadPool(2);
                Connection owner = server.core().database().ownerConnection()) {
            owner.setAutoCommit(false);
            // holds the what-if where it folds its events: the projections' table stays readable, not writable
            owner.createStatement().execute("LOCK TABLE projection_states IN EXCLUSIVE MODE");
            whatIf = CompletableFuture.supplyAsync(
                    () -> invoke(finn, "what_if", whatIf(benchSession(today(), "plan-now", 150, 1))), threads);
            awaitBlockedOnTheLock(owner);
            real = CompletableFuture.supplyAsync(
                    () -> invoke(finn, "log_workout", benchWorkout("finn-real", today(), 127.5, 3)), threads);
            awaitWaitingForTheTurn("WorkoutTools");
            assertThat(real).as("the real write waits for the what-if's turn").isNotDone();
            owner.rollback();
        }
        JsonNode proposed = whatIf.get(30, TimeUnit.SECONDS).get("data");
        JsonNode logged = real.get(30, TimeUnit.SECONDS);
        // the what-if saw the log as it stood: 150 × 1 beats the 125 × 3 of before
        assertThat(proposed.at("/changes/records/0/record").asText()).isEqualTo("1rm");
        assertThat(proposed.at("/changes/records/0/previous/weight/kg").asDouble())
                .isEqualTo(125);
        // the real write: stored in full, after the rollback, with its own record
        assertThat(logged.at("/data/replayed").asBoolean(true)).isFalse();
        assertThat(server.eventCount()).isEqualTo(events + 3);
        assertThat(records(finn).at("/by_reps").findValues("kg"))
                .extracting(JsonNode::asDouble)
                .containsExactly(127.5, 120.0);
    }

    @Test
    void aRealWriteThatLandsAfterTheWhatIfReadHowThingsStoodIsWhatItsChangesCompareWith() throws Exception {
        Principal jo = benchLifter("jo");
        CompletableFuture<JsonNode> real;
        CompletableFuture<JsonNode> whatIf;
        try (ExecutorService threads = Executors.newFixedThreadPool(2);
                Connection owner = server.core().database().ownerConnection()) {
            owner.setAutoCommit(false);
            owner.createStatement().execute("LOCK TABLE projection_states IN EXCLUSIVE MODE");
            // the real write takes the person's turn and waits where it folds its sets
            real = CompletableFuture.supplyAsync(
                    () -> invoke(jo, "log_workout", benchWorkout("jo-real", today(), 127.5, 3)), threads);
            awaitBlockedOnTheLock(owner);
            // the what-if reads how things stand (125 kg × 3 the best), then waits for the turn
            whatIf = CompletableFuture.supplyAsync(
                    () -> invoke(jo, "what_if", whatIf(benchSession(today(), "plan-late", 130, 3))), threads);
            awaitWaitingForTheTurn("WhatIfTool");
            owner.rollback();
        }
        real.get(30, TimeUnit.SECONDS);
        JsonNode changes = whatIf.get(30, TimeUnit.SECONDS).at("/data/changes");
        // under the lock the log is ahead of what it read: it reads again, and 130 beats the real 127.5, not 125
        assertThat(changes.at("/records/0/record").asText()).isEqualTo("3rm");
        assertThat(changes.at("/records/0/previous/weight/kg").asDouble()).isEqualTo(127.5);
        // Epley 127.5 × 1.1 = 140.25
        assertThat(changes.at("/exercises/0/best_e1rm/before/kg").asDouble()).isEqualTo(140.25);
    }

    /** Waits until a call of {@code tool} (its class's simple name) waits for the person's turn to append. */
    private static void awaitWaitingForTheTurn(String tool) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
                String frames = java.util.Arrays.toString(stack);
                if (frames.contains("AppendQueue.inTurn") && frames.contains("." + tool + ".")) {
                    return;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError(tool + " never came to wait for the person's turn");
    }

    /** Waits until an application connection waits for a lock on the projections' table. */
    private static void awaitBlockedOnTheLock(Connection owner) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Connection probe = server.core().database().ownerConnection();
                    ResultSet rs = probe.createStatement()
                            .executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND query LIKE 'INSERT INTO projection_states%'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        owner.rollback();
        throw new AssertionError("the what-if never reached the projections' table");
    }

    private static NewEvent proposedSet(double kg) {
        ObjectNode data = JSON.objectNode()
                .put("session_id", "inside")
                .put("exercise", "bench")
                .put("exercise_id", "barbell-bench-press")
                .put("set_type", "working")
                .put("reps", 1);
        data.putObject("weight").put("value", kg).put("unit", "kg");
        return new NewEvent(
                "set.logged",
                Instant.parse(at(today(), "12:00:00")),
                ZoneOffset.UTC,
                data,
                "inside-" + UUID.randomUUID(),
                JSON.objectNode().put("source", "api").put("agent", "test"),
                Optional.empty());
    }

    private static Projection<?> personalRecords() {
        return server.core().projections().projections().stream()
                .filter(p -> p.name().equals("personal_records"))
                .findFirst()
                .orElseThrow();
    }

    private static String storedRecords(UUID user) {
        return Json.mapper()
                .valueToTree(server.core()
                        .projections()
                        .read(user, personalRecords(), "barbell-bench-press")
                        .orElseThrow())
                .toString();
    }

    @Test
    void aFailureInsideAWhatIfOrARefusingPreconditionLeavesNothingBehind() throws Exception {
        Principal gus = benchLifter("gus");
        List<String> before = dump();
        String records = storedRecords(gus.userId());
        int connections = server.core().database().activeConnections();

        assertThatThrownBy(() -> server.core()
                        .events()
                        .hypothetically(gus.userId(), List.of(proposedSet(200)), log -> {}, applied -> {
                            // inside, the proposed set is folded and read back; then the answer fails
                            assertThat(storedRecords(gus.userId())).contains("\"sessionId\":\"inside\"");
                            throw new IllegalStateException("the answer fails after reading");
                        }))
                .hasMessage("the answer fails after reading");
        assertThat(Hypothetical.active()).isFalse();
        assertThatThrownBy(() -> server.core()
                        .events()
                        .hypothetically(
                                gus.userId(),
                                List.of(proposedSet(210)),
                                log -> {
                                    throw ToolException.conflict("$.events[0]", "refused under the lock");
                                },
                                applied -> applied))
                .isInstanceOfSatisfying(
                        ToolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

        assertThat(dump()).isEqualTo(before);
        assertThat(storedRecords(gus.userId())).isEqualTo(records).doesNotContain("inside");
        assertThat(server.core().database().activeConnections()).isEqualTo(connections);
        // and the person's log goes on where it stood: two workouts of three events each, then this one
        invoke(gus, "log_workout", benchWorkout("gus-w3", today(), 100, 5));
        assertThat(server.core().events().head(gus.userId()))
                .hasValueSatisfying(h -> assertThat(h).startsWith("9:"));
    }

    @Test
    void badInputIsRefusedWithA400NamingTheFieldAndNothingIsStored() {
        long events = server.eventCount();
        String nextWeek = at(today().plusDays(7), "18:00:00");
        String[][] cases = {
            {"[]", "$.events"},
            {"[{\"type\":\"set.lifted\",\"occurred_at\":\"" + nextWeek + "\",\"data\":{}}]", "$.events[0].type"},
            {
                "[{\"type\":\"metric.recorded\",\"occurred_at\":\"" + nextWeek
                        + "\",\"data\":{\"metric\":\"resting_hr\"}," + "\"idempotency_key\":\"k\"}]",
                "$.events[0]",
                "idempotency_key"
            },
            {
                "[{\"type\":\"metric.recorded\",\"occurred_at\":\"" + at(today().plusYears(2), "07:00:00")
                        + "\",\"data\":{\"metric\":\"resting_hr\",\"value\":50,\"unit\":\"bpm\"}}]",
                "$.events[0].occurred_at"
            },
            {
                "[{\"type\":\"note.recorded\",\"occurred_at\":\"" + nextWeek + "\",\"data\":{\"text\":\"ok\"}},"
                        + "{\"type\":\"set.logged\",\"occurred_at\":\"" + nextWeek
                        + "\",\"data\":{\"session_id\":\"s\","
                        + "\"exercise\":\"bench\",\"exercise_id\":\"barbell-bench-press\",\"set_type\":\"working\","
                        + "\"weight\":{\"value\":\"heavy\",\"unit\":\"kg\"},\"reps\":3}}]",
                "$.events[1].data.weight.value"
            },
            {"[{\"type\":\"event.voided\",\"occurred_at\":\"" + nextWeek + "\",\"data\":{}}]", "$.events[0].type"},
        };
        for (String[] c : cases) {
            Http.Answer answer = Http.send(
                    "POST", server.baseUrl() + "/v1/what-if", TestServer.OWNER_KEY, "{\"events\":" + c[0] + "}");
            assertThat(answer.status()).as(c[0] + " -> " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.body().path("path").asText()).as(c[0]).isEqualTo(c[1]);
            if (c.length > 2) {
                assertThat(answer.body().path("detail").asText()).contains(c[2]);
            }
        }
        assertThat(server.eventCount()).isEqualTo(events);
    }

    @Test
    void aCoachWithTrainingReadAsksForTheAthletesBenchButIsRefusedHerRestingHeartRateNamingTheScope() {
        Principal hana = benchLifter("hana");
        Principal ivo = person("ivo");
        invoke(hana, "grant_access", JSON.objectNode().put("grantee", "ivo").put("role", "coach"));
        long events = server.eventCount();

        ObjectNode bench = whatIf(benchSession(today().plusDays(2), "coach-plan", 130, 3));
        bench.put("person", "hana");
        JsonNode answer = invoke(ivo, "what_if", bench);
        assertThat(answer.at("/meta/person/handle").asText()).isEqualTo("hana");
        assertThat(answer.at("/data/changes/records/0/previous/weight/kg").asDouble())
                .isEqualTo(125);

        for (String[] metric : new String[][] {{"resting_hr", "health:read"}, {"body_weight", "metrics:read"}}) {
            ObjectNode reading = whatIf(JSON.arrayNode()
                    .add(run(today(), "coach-run", 1800, 5))
                    .add(event(
                            "metric.recorded",
                            at(today(), "07:00:00"),
                            JSON.objectNode().put("metric", metric[0]).put("value", 60))));
            reading.put("person", "hana");
            assertThatThrownBy(() -> invoke(ivo, "what_if", reading)).isInstanceOfSatisfying(ToolException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                assertThat(e.path()).isEqualTo("$.events[1].type");
                assertThat(e.getMessage()).contains("'" + metric[1] + "'").contains("what_if");
            });
        }
        Http.Answer refused = Http.send(
                "POST",
                server.baseUrl() + "/v1/what-if",
                server.core().accounts().createKey(ivo.userId(), "coach-agent", Set.of("*")),
                "{\"person\":\"hana\",\"events\":[" + restingHr(today(), 60) + "]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("detail").asText()).contains("'health:read'");
        assertThat(server.eventCount()).isEqualTo(events);
    }
}
