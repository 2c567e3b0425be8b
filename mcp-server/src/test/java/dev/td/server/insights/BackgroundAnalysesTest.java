package dev.td.server.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.TestDatabases;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Statistics kept ready, end to end on a real database: a write queues the person's analyses, a worker woken by the
 * commit's NOTIFY recomputes them after the debounce, get_correlations serves them and says when they lag, two
 * server processes on one database share the work without computing a person twice, and a job whose worker died is
 * taken over once its lease runs out.
 */
class BackgroundAnalysesTest {

    // short waits for the test; the defaults are 2 s debounce, 30 s longest delay, 60 s lease
    static {
        System.setProperty("td.analysis.debounceMs", "150");
        System.setProperty("td.analysis.maxDelayMs", "1500");
        System.setProperty("td.analysis.leaseMs", "1000");
    }

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** The bound the background promises here: longest delay + one worker wake-up (5 s) + compute, rounded up. */
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    @AfterAll
    static void clearProperties() {
        System.clearProperty("td.analysis.debounceMs");
        System.clearProperty("td.analysis.maxDelayMs");
        System.clearProperty("td.analysis.leaseMs");
    }

    private static Principal person(String handle) {
        return server.person(handle);
    }

    private static JsonNode invoke(Principal p, String tool, JsonNode args) {
        return server.invoke(p, tool, args);
    }

    private static JsonNode invoke(Principal p, String tool, String args) {
        return server.invoke(p, tool, args);
    }

    /**
     * 120 nights of sleep and a run every other day whose pace follows the night before: 0.4 s/km slower for every
     * minute under 450 (so a night 40 min short costs 16 s/km), with independent noise of 6 s/km, so the planted
     * correlation of the previous night's sleep with the pace is strongly negative (about −0.9).
     */
    private static void plantSleepAndRuns(Principal p, long seed) {
        Random random = new Random(seed);
        LocalDate first = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(120);
        double[] sleep = nightsOfSleep(p, random, first, "sleep-" + seed);
        for (int d = 1; d <= 120; d += 2) {
            double pace = 330 + 0.4 * (450 - sleep[d - 1]) + 6 * random.nextGaussian();
            double seconds = Math.round(pace * 8);
            invoke(
                    p,
                    "log_activity",
                    Json.mapper()
                            .createObjectNode()
                            .put("idempotency_key", "run-" + seed + "-" + d)
                            .put("sport", "run")
                            .put("started_at", first.plusDays(d) + "T17:00:00Z")
                            .put("elapsed", seconds)
                            .put("distance", 8)
                            .put("unit", "km"));
        }
    }

    /** 121 nights from {@code first}, 450 ± 40 min, logged in two calls; the minutes of each night. */
    private static double[] nightsOfSleep(Principal p, Random random, LocalDate first, String key) {
        double[] sleep = new double[121];
        for (int batch = 0; batch < 2; batch++) {
            ObjectNode call = Json.mapper().createObjectNode().put("idempotency_key", key + "-" + batch);
            ArrayNode readings = call.putArray("readings");
            for (int d = batch * 61; d < Math.min(121, (batch + 1) * 61); d++) {
                sleep[d] = Math.round(450 + 40 * random.nextGaussian());
                readings.addObject()
                        .put("metric", "sleep")
                        .put("value", sleep[d])
                        .put("unit", "min")
                        .put("at", first.plusDays(d) + "T07:00:00Z");
            }
            invoke(p, "log_metrics", call);
        }
        return sleep;
    }

    private static long head(UUID user) {
        return server.core()
                .events()
                .head(user)
                .map(h -> Long.parseLong(h.substring(0, h.indexOf(':'))))
                .orElse(0L);
    }

    /** The sequence the stored correlations reflect, read as the owner (no row-level security); -1 when none. */
    private static long reflected(UUID user) throws SQLException {
        try (Connection c = server.core().database().ownerConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT reflects_sequence FROM analyses WHERE user_id = ? AND kind = 'correlations'")) {
            ps.setObject(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static Duration awaitCaughtUp(UUID user) throws Exception {
        long start = System.nanoTime();
        long want = head(user);
        while (reflected(user) < want) {
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("background analyses of %s caught up with sequence %d", user, want)
                    .isLessThan(CATCH_UP);
            Thread.sleep(25);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aPlantedRelationOfSleepWithTheNextDaysPaceIsFoundInTheBackgroundAndServed() throws Exception {
        Principal anna = person("anna-bg");
        plantSleepAndRuns(anna, 11);
        Duration took = awaitCaughtUp(anna.userId());
        System.out.println("background analyses caught up " + took.toMillis() + " ms after the last write");

        JsonNode answer = invoke(anna, "get_correlations", "{\"about\":\"sleep\"}");
        assertThat(answer.at("/meta/background/stale").asBoolean()).isFalse();
        assertThat(answer.at("/meta/cache_hit").asBoolean()).isTrue();
        assertThat(answer.at("/meta/background/reflects_sequence").asLong()).isEqualTo(head(anna.userId()));
        JsonNode found = answer.at("/data/correlations");
        assertThat(found).isNotEmpty();
        JsonNode best = found.get(0);
        assertThat(best.path("predictor").asText()).isEqualTo("sleep_duration");
        assertThat(best.path("outcome").asText()).isEqualTo("run_pace");
        assertThat(best.path("lag_days").asInt()).as("the night before the run").isEqualTo(1);
        assertThat(best.path("r").asDouble()).isLessThan(-0.6);
        assertThat(best.path("adjusted_p").asDouble()).isLessThanOrEqualTo(0.05);
        // one predictor (sleep), one outcome (run pace), lags 0..3
        assertThat(answer.at("/data/tested").asInt()).isEqualTo(4);
        assertThat(answer.at("/data/fdr").asDouble()).isEqualTo(0.05);

        // "what should I know about this person?": the overview carries it in its context
        JsonNode overview = invoke(anna, "get_overview", "{}");
        assertThat(overview.at("/context/correlations/0/predictor").asText()).isEqualTo("sleep_duration");
        assertThat(overview.at("/context/correlations/0/lag_days").asInt()).isEqualTo(1);
    }

    /**
     * "Is my sleep affecting my squat?": 120 nights of sleep and a squat session every other day, 5 reps at a load
     * that rises 0.1 kg a day and is 0.15 kg heavier for every minute slept above 450 the night before, with noise
     * of 1 kg (loads to 0.5 kg): the best e1RM (Epley, w × (1 + 5/30)) follows the night before.
     */
    @Test
    void aPlantedRelationOfSleepWithTheNextDaysSquatIsFoundAmongTheLifts() throws Exception {
        Principal eve = person("eve-bg");
        Random random = new Random(13);
        LocalDate first = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(120);
        double[] sleep = nightsOfSleep(eve, random, first, "eve-sleep");
        for (int d = 1; d <= 120; d += 2) {
            double load = 120 + 0.1 * d + 0.15 * (sleep[d - 1] - 450) + random.nextGaussian();
            ObjectNode workout = Json.mapper()
                    .createObjectNode()
                    .put("idempotency_key", "eve-squat-" + d)
                    .put("started_at", first.plusDays(d) + "T17:00:00Z");
            workout.putArray("exercises")
                    .addObject()
                    .put("exercise", "squat")
                    .put("unit", "kg")
                    .putArray("sets")
                    .addObject()
                    .put("weight", Math.round(load * 2) / 2.0)
                    .put("reps", 5);
            invoke(eve, "log_workout", workout);
        }
        awaitCaughtUp(eve.userId());
        JsonNode answer = invoke(eve, "get_correlations", "{\"about\":\"squat\"}");
        JsonNode best = answer.at("/data/correlations/0");
        assertThat(best.path("predictor").asText()).isEqualTo("sleep_duration");
        assertThat(best.path("outcome").asText()).contains("squat").endsWith("_e1rm");
        assertThat(best.path("lag_days").asInt()).isEqualTo(1);
        assertThat(best.path("r").asDouble()).isGreaterThan(0.5);
        assertThat(best.path("discovery").asBoolean()).isTrue();
    }

    @Test
    void anAnswerRightAfterAWriteSaysTheAnalysesLagAndTheNextOneThatTheyCaughtUp() throws Exception {
        Principal ben = person("ben-bg");
        plantSleepAndRuns(ben, 12);
        awaitCaughtUp(ben.userId());
        invoke(ben, "log_metrics", """
                {"idempotency_key":"late","readings":[{"metric":"sleep","value":430,"unit":"min"}]}""");
        JsonNode lagging = invoke(ben, "get_correlations", "{}");
        assertThat(lagging.at("/meta/background/stale").asBoolean()).isTrue();
        assertThat(lagging.at("/meta/background/head_sequence").asLong())
                .isEqualTo(lagging.at("/meta/background/reflects_sequence").asLong() + 1);
        assertThat(lagging.at("/context/notes").toString()).contains("1 newer events are not reflected yet");
        awaitCaughtUp(ben.userId());
        JsonNode fresh = invoke(ben, "get_correlations", "{}");
        assertThat(fresh.at("/meta/background/stale").asBoolean()).isFalse();
    }

    @Test
    void pureNoiseIsReportedAsNothingReliableAndTheTestedPairsAreListedOnRequest() throws Exception {
        Principal cleo = person("cleo-bg");
        Random random = new Random(5);
        LocalDate first = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(60);
        ObjectNode call = Json.mapper().createObjectNode().put("idempotency_key", "noise");
        ArrayNode readings = call.putArray("readings");
        for (int d = 0; d < 60; d++) {
            readings.addObject()
                    .put("metric", "HRV")
                    .put("value", Math.round(60 + 8 * random.nextGaussian()))
                    .put("at", first.plusDays(d) + "T07:00:00Z");
        }
        invoke(cleo, "log_metrics", call);
        for (int d = 0; d < 60; d += 3) {
            invoke(
                    cleo,
                    "log_activity",
                    Json.mapper()
                            .createObjectNode()
                            .put("idempotency_key", "ride-" + d)
                            .put("sport", "ride")
                            .put("started_at", first.plusDays(d) + "T17:00:00Z")
                            .put("elapsed", Math.round(3600 + 200 * random.nextGaussian()))
                            .put("distance", 30)
                            .put("unit", "km"));
        }
        awaitCaughtUp(cleo.userId());
        JsonNode answer = invoke(cleo, "get_correlations", "{}");
        assertThat(answer.at("/data/correlations")).isEmpty();
        assertThat(answer.at("/context/notes/0").asText()).contains("no pair reached the 5.0 % false discovery rate");
        JsonNode all = invoke(cleo, "get_correlations", "{\"include\":\"all\"}");
        assertThat(all.at("/data/correlations")).hasSize(4);
        assertThat(all.at("/data/correlations").findValuesAsText("outcome")).containsOnly("ride_speed");
    }

    @Test
    void twoServerProcessesOnOneDatabaseComputeEachPersonOnceAndLeaveNoJob() throws Exception {
        // a second td on the same database: its own worker, LISTEN connection and pools, as another process has
        TdCore second = TdCore.open(Optional.of(server.databaseUrl()), TestDatabases.tempDir("td-second"));
        try {
            List<Principal> people = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                people.add(person("two-" + i));
            }
            for (int i = 0; i < people.size(); i++) {
                ObjectNode call = Json.mapper().createObjectNode().put("idempotency_key", "one-append");
                ArrayNode readings = call.putArray("readings");
                LocalDate first = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30);
                for (int d = 0; d < 20; d++) {
                    readings.addObject()
                            .put("metric", "weight")
                            .put("value", 80 + (d * 7 + i) % 5)
                            .put("unit", "kg")
                            .put("at", first.plusDays(d) + "T07:00:00Z");
                }
                invoke(people.get(i), "log_metrics", call);
            }
            for (Principal p : people) {
                awaitCaughtUp(p.userId());
            }
            try (Connection c = server.core().database().ownerConnection();
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT count(*) FROM analysis_jobs WHERE user_id IN (SELECT user_id FROM"
                                    + " users WHERE handle LIKE 'two-%')")) {
                rs.next();
                assertThat(rs.getLong(1)).as("jobs left").isZero();
            }
            // each person's one append is one job: computed once, by one of the two processes
            try (Connection c = server.core().database().ownerConnection();
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT sum(runs) FROM analyses WHERE kind = 'correlations' AND user_id IN"
                                    + " (SELECT user_id FROM users WHERE handle LIKE 'two-%')")) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("computations of the six people across both processes")
                        .isEqualTo(6);
            }
        } finally {
            second.close();
        }
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverWhenItsLeaseRunsOut() throws Exception {
        Principal dora = person("dora-bg");
        invoke(dora, "log_metrics", """
                {"idempotency_key":"w","readings":[{"metric":"weight","value":70,"unit":"kg"}]}""");
        // a worker that claimed the job and died: the lease holds for a second, then another worker takes it
        try (Connection c = server.core().database().ownerConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE analysis_jobs SET claimed_until = now() +"
                        + " interval '1 second', not_before = now() - interval '1 second' WHERE user_id = ?")) {
            ps.setObject(1, dora.userId());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        long claimedAt = System.nanoTime();
        Thread.sleep(500);
        assertThat(reflected(dora.userId()))
                .as("untouched while the lease holds")
                .isEqualTo(-1);
        awaitCaughtUp(dora.userId());
        assertThat(Duration.ofNanos(System.nanoTime() - claimedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
}
