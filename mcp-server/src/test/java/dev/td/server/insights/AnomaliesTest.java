package dev.td.server.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * get_anomalies and get_insights on a real database: planted anomalies are found with the numbers worked out by hand,
 * a declining lift is reported and a progressing one is not, a grant sees only the findings its scopes read, and the
 * ranked list puts an active injury and a fresh anomaly above an old one. The analyses are kept ready by the
 * background workers (short waits here, as in {@link BackgroundAnalysesTest}).
 */
class AnomaliesTest {

    static {
        System.setProperty("td.analysis.debounceMs", "150");
        System.setProperty("td.analysis.maxDelayMs", "1500");
        System.setProperty("td.analysis.leaseMs", "1000");
    }

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    @AfterAll
    static void clearProperties() {
        System.clearProperty("td.analysis.debounceMs");
        System.clearProperty("td.analysis.maxDelayMs");
        System.clearProperty("td.analysis.leaseMs");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
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

    /** One reading a day of {@code metric} for the {@code days} days up to today, the value of day d (0: the first). */
    static void daily(Principal p, String metric, String unit, int days, IntToDoubleFunction value) {
        ObjectNode call = Json.mapper().createObjectNode().put("idempotency_key", metric + "-" + days);
        ArrayNode readings = call.putArray("readings");
        LocalDate first = today().minusDays(days - 1L);
        for (int d = 0; d < days; d++) {
            readings.addObject()
                    .put("metric", metric)
                    .put("value", value.applyAsDouble(d))
                    .put("unit", unit)
                    .put("at", first.plusDays(d) + "T07:00:00Z");
        }
        JsonNode answer = invoke(p, "log_metrics", call);
        assertThat(answer.has("data")).as(answer.toString()).isTrue();
    }

    /**
     * Resting heart rate 52, 53, 54, 55, 56, 52, … bpm (52 + day mod 5: SD √2 ≈ 1.41 bpm) for 40 days, then 69 today.
     */
    static void restingHeartRateSpikeToday(Principal p) {
        daily(p, "resting_hr", "bpm", 41, d -> d == 40 ? 69 : 52 + d % 5);
    }

    /** A field of each item of a list (not of what they nest). */
    private static List<String> top(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.path(field).asText()));
        return values;
    }

    private static long head(UUID user) {
        return server.core()
                .events()
                .head(user)
                .map(h -> Long.parseLong(h.substring(0, h.indexOf(':'))))
                .orElse(0L);
    }

    private static long reflected(UUID user) throws SQLException {
        try (Connection c = server.core().database().ownerConnection();
                PreparedStatement ps = c.prepareStatement("SELECT min(reflects_sequence), count(*) FROM analyses"
                        + " WHERE user_id = ? AND kind IN ('correlations', 'anomalies')")) {
            ps.setObject(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(2) == 2 ? rs.getLong(1) : -1;
            }
        }
    }

    static void awaitCaughtUp(UUID user) throws Exception {
        long start = System.nanoTime();
        long want = head(user);
        while (reflected(user) < want) {
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("background analyses of %s caught up with sequence %d", user, want)
                    .isLessThan(CATCH_UP);
            Thread.sleep(25);
        }
    }

    /**
     * The spike by hand. Its baseline is the 28 days before it, days 12 to 39, whose values 52 + d mod 5 run 54, 55,
     * 56, 52, 53, … : 52 and 53 five times each, 54, 55 and 56 six times each. Sorted, the 14th and 15th of the 28 are
     * 54, so the median is 54; the absolute deviations are 0 six times, 1 eleven times (53 and 55), 2 eleven times (52
     * and 56), so their 14th and 15th are 1: MAD 1, robust SD 1.4826. z = (69 − 54) / 1.4826 = 10.117. Before the
     * spike no day is more than 2 from 54: |z| ≤ 2 / 1.4826 = 1.35, nothing else flagged.
     */
    @Test
    void aPlantedRestingHeartRateSpikeIsFoundWithItsBaselineAndRobustZ() throws Exception {
        Principal ada = person("ada-anomaly");
        restingHeartRateSpikeToday(ada);
        awaitCaughtUp(ada.userId());

        JsonNode answer = invoke(ada, "get_anomalies", "{\"about\":\"resting hr\"}");
        assertThat(answer.at("/meta/cache_hit").asBoolean()).isTrue();
        assertThat(answer.at("/meta/background/stale").asBoolean()).isFalse();
        assertThat(answer.at("/meta/background/reflects_sequence").asLong()).isEqualTo(head(ada.userId()));
        assertThat(answer.at("/meta/background/compute_ms").isNumber()).isTrue();
        assertThat(answer.at("/data/checked").toString()).isEqualTo("[\"resting_hr\"]");
        JsonNode found = answer.at("/data/anomalies");
        assertThat(found).hasSize(1);
        JsonNode spike = found.get(0);
        assertThat(spike.path("kind").asText()).isEqualTo("outlier");
        assertThat(spike.path("about").asText()).isEqualTo("resting_hr");
        assertThat(spike.path("date").asText()).isEqualTo(today().toString());
        assertThat(spike.path("value").asDouble()).isEqualTo(69);
        assertThat(spike.path("direction").asText()).isEqualTo("above");
        assertThat(spike.path("z").asDouble()).isCloseTo(15 / 1.4826, within(0.005));
        assertThat(spike.path("threshold").asDouble()).isEqualTo(5.1);
        assertThat(spike.at("/baseline/median").asDouble()).isEqualTo(54);
        assertThat(spike.at("/baseline/mad").asDouble()).isEqualTo(1);
        assertThat(spike.at("/baseline/n").asInt()).isEqualTo(28);
        assertThat(spike.at("/baseline/from").asText())
                .isEqualTo(today().minusDays(28).toString());
        assertThat(spike.at("/baseline/to").asText())
                .isEqualTo(today().minusDays(1).toString());
        assertThat(spike.path("flagged").asInt()).isEqualTo(1);
        assertThat(spike.path("n").asInt()).isEqualTo(29);
        assertThat(spike.path("points")).hasSize(29);
        assertThat(spike.path("quality").asText()).isEqualTo("sufficient");
        assertThat(spike.path("headline").asText())
                .isEqualTo("resting_hr was 69 bpm on " + today() + ", 10.1 robust SD above its usual 54 (median of"
                        + " the 28 values before).");
        assertThat(spike.has("scope"))
                .as("the scope that decides who sees it stays inside")
                .isFalse();
        assertThat(answer.at("/context/notes").toString()).contains("|robust z| > 5.1");

        // nothing about a metric the person does not have
        assertThat(invoke(ada, "get_anomalies", "{\"about\":\"sleep\"}").at("/data/anomalies"))
                .isEmpty();
    }

    /**
     * Two lifts, a session every third day, 5 reps (Epley: e1RM = load × 7/6). Squat: 12 sessions around 100 kg (99
     * to 102), then 8 falling about 2 kg a session (98, 96.5, 94, 92.5, 90, 88.5, 86, 84.5): the last 8 sessions'
     * Theil–Sen slope is about −2 × 7/6 = −2.3 kg per session, a drop of ~16 kg against a baseline robust SD of
     * 1.4826 × 7/6 ≈ 1.7 kg (×3.5 = 6.1). Bench: 60 kg + 1 kg every session, 20 sessions: a new best each time.
     */
    @Test
    void aLiftDecliningOverEightSessionsIsReportedAndASteadilyProgressingOneIsNot() throws Exception {
        Principal bo = person("bo-anomaly");
        double[] squat = {
            100, 101, 99, 100, 102, 100, 99, 101, 100, 102, 99, 100, 98, 96.5, 94, 92.5, 90, 88.5, 86, 84.5
        };
        LocalDate first = today().minusDays(3L * (squat.length - 1) + 1);
        for (int s = 0; s < squat.length; s++) {
            ObjectNode workout = Json.mapper()
                    .createObjectNode()
                    .put("idempotency_key", "bo-" + s)
                    .put("started_at", first.plusDays(3L * s) + "T17:00:00Z");
            ArrayNode exercises = workout.putArray("exercises");
            exercises
                    .addObject()
                    .put("exercise", "squat")
                    .put("unit", "kg")
                    .putArray("sets")
                    .addObject()
                    .put("weight", squat[s])
                    .put("reps", 5);
            exercises
                    .addObject()
                    .put("exercise", "bench")
                    .put("unit", "kg")
                    .putArray("sets")
                    .addObject()
                    .put("weight", 60 + s)
                    .put("reps", 5);
            invoke(bo, "log_workout", workout);
        }
        awaitCaughtUp(bo.userId());

        JsonNode answer = invoke(bo, "get_anomalies", "{}");
        List<String> lifts = new ArrayList<>();
        answer.at("/data/checked").forEach(c -> lifts.add(c.asText()));
        assertThat(lifts)
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("squat").endsWith("_e1rm"))
                .anySatisfy(l -> assertThat(l).contains("bench"));
        JsonNode decline = Json.mapper().missingNode();
        for (JsonNode f : answer.at("/data/anomalies")) {
            assertThat(f.path("about").asText())
                    .as("a steady progression is not an anomaly")
                    .doesNotContain("bench");
            if (f.path("kind").asText().equals("decline")) {
                decline = f;
            }
        }
        assertThat(decline.isMissingNode())
                .as("the squat's decline in %s", answer.at("/data/anomalies"))
                .isFalse();
        assertThat(decline.path("about").asText()).contains("squat");
        assertThat(decline.path("slope").asDouble()).isCloseTo(-2 * 7 / 6.0, within(0.3));
        assertThat(decline.at("/slope_interval/upper").asDouble()).isNegative();
        assertThat(decline.path("change").asDouble())
                .isLessThan(-3.5 * decline.at("/baseline/robust_sd").asDouble());
        assertThat(decline.at("/baseline/median").asDouble()).isCloseTo(100 * 7 / 6.0, within(0.01));
        assertThat(decline.at("/baseline/n").asInt()).isEqualTo(12);
        assertThat(decline.path("points")).hasSize(20);
        assertThat(decline.path("date").asText()).isEqualTo(first.plusDays(57).toString());
        assertThat(decline.path("headline").asText()).contains("is declining").contains("per session");

        // the context of the reads the manifests declare it for, by the relevance rule: only what the call asks about
        JsonNode squatRead = invoke(bo, "get_exercise_progression", "{\"exercise\":\"squat\"}");
        assertThat(squatRead.at("/context/anomalies/0/kind").asText()).isEqualTo("decline");
        assertThat(squatRead.at("/context/anomalies/0/about").asText()).contains("squat");
        assertThat(squatRead.at("/meta/background/stale").asBoolean()).isFalse();
        JsonNode benchRead = invoke(bo, "get_exercise_progression", "{\"exercise\":\"bench\"}");
        assertThat(benchRead.path("context").has("anomalies"))
                .as("the squat's decline is not about the bench: %s", benchRead.path("context"))
                .isFalse();
        assertThat(invoke(bo, "get_overview", "{}")
                        .at("/context/anomalies/0/about")
                        .asText())
                .as("an overview is about the whole person")
                .contains("squat");
        assertThat(invoke(bo, "get_profile", "{}").path("context").has("anomalies"))
                .as("get_profile's manifest declares no anomalies")
                .isFalse();
    }

    /**
     * A coach whose grant gives training:read and metrics:read but not health:read: the athlete's body weight spike is
     * theirs to see, the HRV drop (a health metric) is not, in get_anomalies as in get_insights.
     */
    @Test
    void aGrantWithoutHealthReadDoesNotSeeHrvAnomalies() throws Exception {
        Principal cy = person("cy-anomaly");
        Principal coach = person("cy-coach");
        daily(cy, "hrv", "ms", 41, d -> d == 40 ? 30 : 60 + d % 5);
        daily(cy, "weight", "kg", 41, d -> d == 40 ? 84 : 80 + 0.1 * (d % 5));
        invoke(cy, "grant_access", """
                {"grantee":"cy-coach","role":"custom","scopes":["training:read","metrics:read"]}""");
        awaitCaughtUp(cy.userId());

        JsonNode own = invoke(cy, "get_anomalies", "{}");
        assertThat(top(own.at("/data/anomalies"), "about")).containsExactlyInAnyOrder("body_weight", "hrv_rmssd");
        JsonNode coached = invoke(coach, "get_anomalies", "{\"person\":\"cy-anomaly\"}");
        assertThat(coached.at("/meta/person/handle").asText()).isEqualTo("cy-anomaly");
        assertThat(top(coached.at("/data/anomalies"), "about")).containsExactly("body_weight");
        assertThat(coached.at("/data/checked").toString()).doesNotContain("hrv");
        JsonNode ranked = invoke(coach, "get_insights", "{\"person\":\"cy-anomaly\"}");
        assertThat(top(ranked.at("/data/insights"), "about")).containsExactly("body_weight");
        JsonNode series =
                invoke(cy, "get_metric_series", "{\"metric\":\"hrv\"}").at("/context/anomalies/0");
        assertThat(series.isTextual())
                .as(
                        "get_metric_series keeps its own check of the readings shown, computed with them, not the background's")
                .isTrue();
        assertThat(series.asText()).contains("hrv_rmssd");
        assertThat(top(
                        invoke(coach, "get_overview", "{\"person\":\"cy-anomaly\"}")
                                .at("/context/anomalies"),
                        "about"))
                .as("the context, too, holds only what the grant gives")
                .containsExactly("body_weight");
    }

    /**
     * Ranked by severity × recency × confidence. Resting HR as above, 69 today: z 10.117, severity min(1, 10.117 /
     * 10.2) = 0.992 (0.5 at the threshold 5.1, 1 at twice it), recency 1, confidence 1 (28 baseline days:
     * sufficient): score 0.992. A moderate knee injury reported today: 0.8 × 1 × 1 = 0.8. Body weight 80.0 to 80.4 kg (80 + 0.1 × day mod 5: median 80.2, MAD 0.1) with 82.5 twelve days ago: z =
     * 2.3 / 0.148 = 15.5, severity 1, but recency 0.5^(12/7) = 0.305: score 0.305.
     */
    @Test
    void anActiveInjuryAndAFreshAnomalyRankAboveAnOldOne() throws Exception {
        Principal dee = person("dee-anomaly");
        restingHeartRateSpikeToday(dee);
        daily(dee, "weight", "kg", 41, d -> d == 28 ? 82.5 : 80 + 0.1 * (d % 5));
        invoke(dee, "report_injury", """
                {"idempotency_key":"knee","body_part":"knee","side":"left","severity":"moderate","pain":4}""");
        awaitCaughtUp(dee.userId());

        JsonNode answer = invoke(dee, "get_insights", "{}");
        JsonNode items = answer.at("/data/insights");
        assertThat(top(items, "kind")).containsExactly("outlier", "injury", "outlier");
        assertThat(top(items, "about")).containsExactly("resting_hr", "knee", "body_weight");
        assertThat(items.get(0).path("score").asDouble()).isCloseTo(15 / 1.4826 / 10.2, within(0.001));
        assertThat(items.get(1).path("score").asDouble()).isEqualTo(0.8);
        assertThat(items.get(2).path("score").asDouble()).isCloseTo(Math.pow(0.5, 12 / 7.0), within(0.001));
        assertThat(items.get(2).path("date").asText())
                .isEqualTo(today().minusDays(12).toString());
        assertThat(items.get(1).path("headline").asText()).startsWith("Active moderate injury: knee (left)");
        assertThat(items.get(1).at("/evidence/injury/severity").asText()).isEqualTo("moderate");
        assertThat(items.get(0).at("/evidence/anomaly/z").asDouble()).isCloseTo(10.12, within(0.005));
        assertThat(items.get(0).at("/evidence/anomaly/points").isMissingNode()).isTrue();
        assertThat(answer.at("/data/considered").asInt()).isEqualTo(3);
        assertThat(answer.at("/meta/background/stale").asBoolean()).isFalse();

        assertThat(top(invoke(dee, "get_insights", "{\"limit\":1}").at("/data/insights"), "about"))
                .containsExactly("resting_hr");
    }
}
