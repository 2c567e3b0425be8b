package dev.td.server.past;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.faces.McpClients;
import dev.td.testkit.Http;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every read tool's {@code as_of} and {@code as_known_at}, over REST, MCP and the database, on a record built for it
 * (Europe/Berlin, days relative to today, d-1 = yesterday). Squat, 5 reps, one set a session: 100 kg on d-40, 110 on
 * d-30, 120 on d-20, 115 on d-10. By hand: as of d-25 the 5-rep record is 110 kg (d-30) and two sessions had
 * happened; as of d-15 it is 120 kg and three; today 120 kg and four. Snapshots are taken every 5 events here (a
 * session is 3 events: started, set, ended), so as-of answers start from a snapshot and fold the tail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordAsItStoodTest {

    static {
        System.setProperty("td.snapshots.every", "5");
    }

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @AfterAll
    static void snapshotsBackToTheirDefault() {
        System.clearProperty("td.snapshots.every");
    }

    private static LocalDate day(int daysAgo) {
        return LocalDate.now(BERLIN).minusDays(daysAgo);
    }

    private static Http.Answer send(String method, String path, @Nullable String body) {
        return Http.send(method, server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    private static JsonNode ok(String method, String path, @Nullable String body) {
        Http.Answer a = send(method, path, body);
        assertThat(a.status()).as(method + " " + path + ": " + a.body()).isEqualTo(200);
        return a.body();
    }

    private static JsonNode squat(String key, int daysAgo, double kg) {
        return ok(
                        "POST",
                        "/v1/workouts",
                        "{\"idempotency_key\":\"" + key + "\",\"started_at\":\"" + day(daysAgo)
                                + "T18:00:00\",\"ended_at\":\"" + day(daysAgo)
                                + "T19:00:00\",\"exercises\":[{\"exercise\":\"squat\",\"sets\":[{\"weight\":" + kg
                                + ",\"unit\":\"kg\",\"reps\":5}]}]}")
                .at("/data/session");
    }

    private static double fiveRepRecord(String query) {
        JsonNode records = ok("GET", "/v1/records?exercise=squat" + query, null).at("/data/exercises/0/by_reps");
        for (JsonNode r : records) {
            if (r.path("record").asText().equals("5rm")) {
                return r.at("/weight/kg").asDouble();
            }
        }
        return Double.NaN;
    }

    /** The weight of a set as get_events shows it (effective view). */
    private static double weightOf(String eventId, String query) {
        for (JsonNode e :
                ok("GET", "/v1/events?types=set.logged&limit=100" + query, null).at("/data/events")) {
            if (e.path("event_id").asText().equals(eventId)) {
                return e.at("/data/weight/value").asDouble();
            }
        }
        return Double.NaN;
    }

    private static int sessions(String query) {
        return ok("GET", "/v1/sessions?limit=50" + query, null)
                .at("/data/sessions")
                .size();
    }

    private static JsonNode fold(JsonNode meta, String projection) {
        for (JsonNode f : meta.at("/as_of/folded")) {
            if (f.path("projection").asText().equals(projection)) {
                return f;
            }
        }
        throw new AssertionError(projection + " was not folded: " + meta);
    }

    private static UUID owner() {
        return server.core().accounts().localOwner().userId();
    }

    private static long snapshotRows() throws Exception {
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM projection_snapshots")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @Order(1)
    void asOfAPastDayAnswersWithWhatHadHappenedByThenFromASnapshotAndTheTail() throws Exception {
        ok("PATCH", "/v1/profile", "{\"idempotency_key\":\"zone\",\"time_zone\":\"Europe/Berlin\"}");
        squat("s40", 40, 100);
        squat("s30", 30, 110);
        squat("s20", 20, 120);
        squat("s10", 10, 115);
        int taken = server.core().projections().takeSnapshots(owner());
        assertThat(taken).as("13 events, a checkpoint every 5: at 5 and 10").isEqualTo(2);
        assertThat(snapshotRows()).as("one row per projection and checkpoint").isPositive();
        assertThat(server.core().projections().takeSnapshots(owner()))
                .as("nothing new: nothing taken")
                .isZero();

        assertThat(fiveRepRecord("&as_of=" + day(25))).isEqualTo(110.0);
        assertThat(sessions("&as_of=" + day(25))).isEqualTo(2);
        assertThat(fiveRepRecord("&as_of=" + day(15))).isEqualTo(120.0);
        assertThat(sessions("&as_of=" + day(15))).isEqualTo(3);
        assertThat(fiveRepRecord("&as_of=" + day(45)))
                .as("before anything: no record")
                .isNaN();
        assertThat(fiveRepRecord("")).isEqualTo(120.0);
        assertThat(sessions("")).isEqualTo(4);

        JsonNode meta =
                ok("GET", "/v1/records?exercise=squat&as_of=" + day(25), null).path("meta");
        assertThat(meta.at("/as_of/today").asText()).isEqualTo(day(25).toString());
        assertThat(meta.at("/as_of/occurred_before").asText()).startsWith(day(24) + "T00:00");
        assertThat(meta.at("/as_of/time_zone").asText()).isEqualTo("Europe/Berlin");
        // events: 1 profile, 2-4 d-40, 5-7 d-30, 8-10 d-20, 11-13 d-10. As of d-25 the snapshot at 5 holds (all in it
        // happened by d-30's start); the one at 10 does not (d-20). The tail after 5 holds 6-13, folded if before d-24:
        // 6 and 7 (d-30's set and end)
        JsonNode records = fold(meta, "personal_records");
        assertThat(records.path("from_snapshot_at").asLong()).isEqualTo(5);
        assertThat(records.path("events_folded").asLong()).isEqualTo(2);
        JsonNode later = fold(
                ok("GET", "/v1/records?exercise=squat&as_of=" + day(5), null).path("meta"), "personal_records");
        assertThat(later.path("from_snapshot_at").asLong()).isEqualTo(10);
        assertThat(later.path("events_folded").asLong()).isEqualTo(3);
    }

    @Test
    @Order(2)
    void aPeriodInWordsCountsBackFromTheDayAskedAbout() {
        // "last 7 days" as of d-18 is d-24..d-18: only the d-20 session
        JsonNode answer = ok("GET", "/v1/sessions?period=last%207%20days&as_of=" + day(18), null);
        assertThat(answer.at("/data/sessions")).hasSize(1);
        assertThat(answer.at("/data/sessions/0/date").asText()).isEqualTo(day(20).toString());
    }

    @Test
    @Order(3)
    void asKnownAtAMomentBeforeACorrectionShowsWhatTdHadBeenToldThen() throws Exception {
        String sessionId = ok("GET", "/v1/sessions?limit=50&as_of=" + day(19), null)
                .at("/data/sessions/0/session_id")
                .asText();
        String setId = ok("GET", "/v1/sessions/" + sessionId, null)
                .at("/data/sets/0/event_id")
                .asText();
        Thread.sleep(20);
        Instant before = Instant.now();
        Thread.sleep(20);
        ok(
                "POST",
                "/v1/events/" + setId + "/corrections",
                "{\"idempotency_key\":\"fix-120\",\"data\":{\"weight\":{\"unit\":\"kg\",\"value\":125}},\"reason\":\"it was 125\"}");
        assertThat(fiveRepRecord("")).as("the correction counts today").isEqualTo(125.0);
        assertThat(fiveRepRecord("&as_known_at=" + before))
                .as("td had been told 120 then")
                .isEqualTo(120.0);
        assertThat(fiveRepRecord("&as_of=" + day(15)))
                .as("as of a day, with everything td knows now: the corrected weight")
                .isEqualTo(125.0);
        assertThat(ok("GET", "/v1/sessions/" + sessionId + "?as_known_at=" + before, null)
                        .at("/data/sets/0/weight/kg")
                        .asDouble())
                .as("get_session reads the log as known then")
                .isEqualTo(120.0);
        assertThat(weightOf(setId, "")).as("the raw log, effective view, today").isEqualTo(125.0);
        assertThat(weightOf(setId, "&as_known_at=" + before))
                .as("get_events as known then: the correction not yet told")
                .isEqualTo(120.0);
        assertThat(ok("GET", "/v1/events?view=log&limit=100&as_known_at=" + before, null)
                        .at("/data/events")
                        .toString())
                .as("nor stored")
                .doesNotContain("event.corrected");
        assertThat(ok("GET", "/v1/events?types=set.logged&limit=100&as_of=" + day(25), null)
                        .at("/data/events")
                        .size())
                .as("two sets had happened by d-25")
                .isEqualTo(2);
        server.core().projections().takeSnapshots(owner());
        assertThat(fiveRepRecord("&as_of=" + day(15)))
                .as("the snapshots the correction touched are taken again")
                .isEqualTo(125.0);
        assertThat(fiveRepRecord("&as_known_at=" + before)).isEqualTo(120.0);
    }

    @Test
    @Order(4)
    void everyAnswerFromASnapshotEqualsTheFoldOfTheWholeLogWithoutOne() throws Exception {
        String[] asked = {
            "/v1/records?exercise=squat", "/v1/sessions?limit=50", "/v1/progression?exercise=squat", "/v1/load"
        };
        Map<String, String> withSnapshots = new java.util.LinkedHashMap<>();
        for (int d = 45; d >= 0; d -= 3) {
            for (String path : asked) {
                String url = path + "&as_of=".replace("&", path.contains("?") ? "&" : "?") + day(d);
                withSnapshots.put(url, ok("GET", url, null).path("data").toString());
            }
        }
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM projection_snapshots");
        }
        for (Map.Entry<String, String> e : withSnapshots.entrySet()) {
            assertThat(ok("GET", e.getKey(), null).path("data").toString())
                    .as(e.getKey() + ": from the start of the log")
                    .isEqualTo(e.getValue());
        }
        server.core().projections().takeSnapshots(owner());
    }

    @Test
    @Order(5)
    void mcpTakesTheSameArgumentsAndAFutureOrUnreadableMomentIsRefusedByName() {
        try (McpSyncClient client = McpClients.owner(server)) {
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(
                    "get_personal_records", Map.of("exercise", "squat", "as_of", day(25).toString())));
            assertThat(result.isError()).as(String.valueOf(result.content())).isFalse();
            JsonNode answer = Json.mapper().valueToTree(result.structuredContent());
            assertThat(answer.at("/data/exercises/0/by_reps/0/weight/kg").asDouble())
                    .isEqualTo(110.0);
            assertThat(answer.at("/meta/as_of/today").asText()).isEqualTo(day(25).toString());
        }
        JsonNode anomalies = ok("GET", "/v1/anomalies?as_of=" + day(25), null);
        assertThat(anomalies.at("/meta/cache_hit").asBoolean())
                .as("an analysis kept ready is today's: as of a past day it is computed for then")
                .isFalse();
        assertThat(anomalies.at("/meta/as_of/today").asText()).isEqualTo(day(25).toString());
        Http.Answer future = send("GET", "/v1/records?as_of=" + day(-2), null);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().toString())
                .contains("$.as_of")
                .contains("future")
                .contains("what_if");
        Http.Answer garbled = send("GET", "/v1/sessions?as_known_at=last-tuesday", null);
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.body().toString()).contains("$.as_known_at").contains("2026-11-01");
        assertThat(send("GET", "/v1/records?as_of=" + day(0), null).status())
                .as("today is not the future")
                .isEqualTo(200);
    }
}
