package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.faces.HttpServer;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RestFaceTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final String KEY = TestServer.OWNER_KEY;

    private static Http.Answer post(String path, String body) {
        return Http.send("POST", server.baseUrl() + path, KEY, body);
    }

    private static String weight(String key, double value) {
        return "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-11-24T07:30:00+01:00\",\"time_zone\":\"Europe/Berlin\","
                + "\"data\":{\"metric\":\"body_weight\",\"value\":" + value + ",\"unit\":\"kg\"},\"idempotency_key\":\""
                + key + "\"}]}";
    }

    @Test
    void loggedEventsComeBackAsAnEnvelopeAndCanBeReadAgain() {
        Http.Answer logged = post("/v1/events", weight("rest-1", 81.4));
        assertThat(logged.status()).isEqualTo(200);
        JsonNode event = logged.body().at("/data/events/0");
        assertThat(event.path("occurred_at").asText()).isEqualTo("2026-11-24T07:30:00+01:00");
        assertThat(event.at("/metadata/source").asText()).isEqualTo("api");
        assertThat(logged.body().at("/meta/request_id").asText()).isNotEmpty();
        assertThat(logged.body().at("/meta/statistical_quality").isNull()).isTrue();

        Http.Answer read = Http.send(
                "GET", server.baseUrl() + "/v1/events?types=metric.recorded&from=2026-11-24&to=2026-11-25", KEY, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().at("/data/events").findValuesAsText("idempotency_key"))
                .contains("rest-1");
    }

    @Test
    void aRetriedCallIsAReplayNotADuplicate() {
        post("/v1/events", weight("rest-retry", 80));
        long before = server.eventCount();
        Http.Answer again = post("/v1/events", weight("rest-retry", 80));
        assertThat(again.body().at("/data/replayed").asInt()).isEqualTo(1);
        assertThat(again.body().at("/data/events/0/replayed").asBoolean()).isTrue();
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void aCorrectionChangesTheEffectiveViewAndKeepsTheOriginal() {
        // 18.4 kg is below the plausible body weight: a typo the person confirmed (as td asks) before it is fixed
        String id = post(
                        "/v1/events",
                        weight("rest-wrong", 18.4)
                                .replace("\"unit\":\"kg\"", "\"unit\":\"kg\",\"unusual_confirmed\":true"))
                .body()
                .at("/data/events/0/event_id")
                .asText();
        Http.Answer corrected = post(
                "/v1/events/" + id + "/corrections",
                "{\"data\":{\"metric\":\"body_weight\",\"value\":81.4,\"unit\":\"kg\"},\"reason\":\"typo\",\"idempotency_key\":\"fix-rest-wrong\"}");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().at("/data/corrected/data/value").asDouble()).isEqualTo(81.4);
        assertThat(corrected.body().at("/data/corrected/original_data/value").asDouble())
                .isEqualTo(18.4);

        JsonNode effective = Http.send("GET", server.baseUrl() + "/v1/events?types=metric.recorded", KEY, null)
                .body()
                .at("/data/events");
        JsonNode shown = find(effective, id);
        assertThat(shown.at("/data/value").asDouble()).isEqualTo(81.4);
        assertThat(shown.path("corrected_by")).hasSize(1);

        JsonNode log = Http.send("GET", server.baseUrl() + "/v1/events?view=log&limit=1000", KEY, null)
                .body()
                .at("/data/events");
        assertThat(find(log, id).at("/data/value").asDouble()).isEqualTo(18.4);
        assertThat(log.findValuesAsText("type")).contains("event.corrected");
    }

    @Test
    void aVoidedEventLeavesTheEffectiveViewAndCannotBeCorrected() {
        String id = post("/v1/events", weight("rest-dup", 80))
                .body()
                .at("/data/events/0/event_id")
                .asText();
        assertThat(post("/v1/events/" + id + "/void", "{\"reason\":\"logged twice\",\"idempotency_key\":\"void-dup\"}")
                        .status())
                .isEqualTo(200);
        assertThat(post("/v1/events/" + id + "/void", "{\"reason\":\"logged twice\",\"idempotency_key\":\"void-dup\"}")
                        .status())
                .as("a retry of the same void is a replay")
                .isEqualTo(200);
        JsonNode effective = Http.send("GET", server.baseUrl() + "/v1/events?limit=1000", KEY, null)
                .body()
                .at("/data/events");
        assertThat(effective.findValuesAsText("event_id")).doesNotContain(id);

        Http.Answer correct = post(
                "/v1/events/" + id + "/corrections",
                "{\"data\":{\"metric\":\"body_weight\",\"value\":81},\"idempotency_key\":\"fix-voided\"}");
        assertThat(correct.status()).isEqualTo(409);
        assertThat(correct.body().path("detail").asText()).contains("was voided");
        Http.Answer voidAgain =
                post("/v1/events/" + id + "/void", "{\"reason\":\"again\",\"idempotency_key\":\"void-again\"}");
        assertThat(voidAgain.status()).isEqualTo(409);
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 25; i++) {
            events.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"note.recorded\",\"occurred_at\":\"2026-10-01T08:")
                    .append(String.format("%02d", i))
                    .append(":00Z\",\"data\":{\"text\":\"note ")
                    .append(i)
                    .append("\"},\"idempotency_key\":\"page-")
                    .append(i)
                    .append("\"}");
        }
        post("/v1/events", events.append("]}").toString());
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String url = server.baseUrl() + "/v1/events?types=note.recorded&limit=10"
                    + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = Http.send("GET", url, KEY, null).body().path("data");
            page.path("events").forEach(e -> seen.add(e.at("/data/text").asText()));
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asText();
        } while (cursor != null);
        assertThat(seen)
                .hasSize(25)
                .doesNotHaveDuplicates()
                .startsWith("note 0", "note 1")
                .endsWith("note 24");
    }

    static List<Object[]> badCalls() {
        String ok =
                "\"occurred_at\":\"2026-11-24T07:30:00Z\",\"data\":{\"metric\":\"hrv\",\"value\":50},\"idempotency_key\":\"bad\"";
        return List.of(
                new Object[] {
                    "reps as text",
                    "POST",
                    "/v1/events",
                    "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-11-24T07:30:00Z\",\"data\":{\"metric\":\"hrv\",\"value\":\"fifty\"},\"idempotency_key\":\"b1\"}]}",
                    400,
                    "$.events[0].data.value"
                },
                new Object[] {
                    "missing field",
                    "POST",
                    "/v1/events",
                    "{\"events\":[{\"type\":\"metric.recorded\",\"data\":{},\"idempotency_key\":\"b2\"}]}",
                    400,
                    "$.events[0].occurred_at"
                },
                new Object[] {
                    "unknown field",
                    "POST",
                    "/v1/events",
                    "{\"events\":[{\"type\":\"metric.recorded\"," + ok + ",\"colour\":\"red\"}]}",
                    400,
                    "$.events[0]"
                },
                new Object[] {
                    "unknown type",
                    "POST",
                    "/v1/events",
                    "{\"events\":[{\"type\":\"sleep.logged\"," + ok + "}]}",
                    400,
                    "$.events[0].type"
                },
                new Object[] {
                    "td's own type",
                    "POST",
                    "/v1/events",
                    "{\"events\":[{\"type\":\"event.voided\"," + ok + "}]}",
                    400,
                    "$.events[0].type"
                },
                new Object[] {
                    "invalid time zone",
                    "POST",
                    "/v1/events",
                    "{\"events\":[{\"type\":\"metric.recorded\",\"time_zone\":\"Europe/Atlantis\"," + ok + "}]}",
                    400,
                    "$.events[0].time_zone"
                },
                new Object[] {
                    "not a date-time",
                    "POST",
                    "/v1/events",
                    "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"yesterday morning\",\"data\":{\"metric\":\"hrv\",\"value\":1},\"idempotency_key\":\"b3\"}]}",
                    400,
                    "$.events[0].occurred_at"
                },
                new Object[] {
                    "in the future",
                    "POST",
                    "/v1/events",
                    "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2099-01-01T00:00:00Z\",\"data\":{\"metric\":\"hrv\",\"value\":1},\"idempotency_key\":\"b4\"}]}",
                    400,
                    "$.events[0].occurred_at"
                },
                new Object[] {"malformed JSON", "POST", "/v1/events", "{\"events\":[", 400, "$"},
                new Object[] {"not an object", "POST", "/v1/events", "[1,2]", 400, "$"},
                new Object[] {"empty events", "POST", "/v1/events", "{\"events\":[]}", 400, "$.events"},
                new Object[] {"unknown tool", "POST", "/v1/tools/delete_everything", "{}", 404, "$"},
                new Object[] {
                    "unknown event to correct",
                    "POST",
                    "/v1/events/019a8f3e-5c2b-7c1e-9d4a-3b2f1e0d9c8b/corrections",
                    "{\"data\":{},\"idempotency_key\":\"c\"}",
                    404,
                    "$.event_id"
                },
                new Object[] {
                    "event id not a uuid",
                    "POST",
                    "/v1/events/not-a-uuid/void",
                    "{\"reason\":\"x\",\"idempotency_key\":\"v\"}",
                    400,
                    "$.event_id"
                },
                new Object[] {"limit as text", "GET", "/v1/events?limit=many", null, 400, "$.limit"},
                new Object[] {"unknown query parameter", "GET", "/v1/events?colour=red", null, 400, "$.colour"},
                new Object[] {"bad cursor", "GET", "/v1/events?cursor=abc", null, 400, "$.cursor"},
                new Object[] {"range backwards", "GET", "/v1/events?from=2026-11-02&to=2026-11-01", null, 400, "$.to"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badInputGetsAProblemThatNamesTheFieldAndStoresNothing(
            String what, String method, String path, String body, int status, String field) {
        long before = server.eventCount();
        Http.Answer answer = Http.send(method, server.baseUrl() + path, KEY, body);
        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("path").asText()).as(what).isEqualTo(field);
        assertThat(answer.body().path("detail").asText()).as(what).isNotBlank();
        assertThat(server.eventCount()).as(what + " stores nothing").isEqualTo(before);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String big =
                "{\"events\":[{\"type\":\"note.recorded\",\"occurred_at\":\"2026-11-24T07:30:00Z\",\"data\":{\"text\":\""
                        + "x".repeat(HttpServer.MAX_BODY_BYTES) + "\"},\"idempotency_key\":\"big\"}]}";
        long before = server.eventCount();
        Http.Answer answer = post("/v1/events", big);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void aMissingOrUnknownKeyIsRefusedWith401() {
        Http.Answer none = Http.send("GET", server.baseUrl() + "/v1/events", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().path("code").asText()).isEqualTo("unauthenticated");
        assertThat(Http.send("GET", server.baseUrl() + "/v1/events", "td_wrong", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aKeyWithoutTheWriteScopeMayReadButNotWrite() {
        String reader = server.core()
                .accounts()
                .createKey(server.core().accounts().localOwner().userId(), "coach", java.util.Set.of("events:read"));
        assertThat(Http.send("GET", server.baseUrl() + "/v1/events", reader, null)
                        .status())
                .isEqualTo(200);
        Http.Answer write = Http.send("POST", server.baseUrl() + "/v1/events", reader, weight("coach-write", 80));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.body().path("detail").asText()).contains("events:write");
    }

    @Test
    void theGenericToolRouteAndHealthAnswer() {
        assertThat(post("/v1/tools/get_event_types", "{}")
                        .body()
                        .at("/data/event_types")
                        .findValuesAsText("type"))
                .contains("metric.recorded", "note.recorded");
        assertThat(Http.send("GET", server.baseUrl() + "/health", null, null)
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("ok");
    }

    @Test
    void theOpenApiDocumentListsEveryTool() {
        JsonNode doc =
                Http.send("GET", server.baseUrl() + "/openapi.json", null, null).body();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        List<String> operations = doc.path("paths").findValuesAsText("operationId");
        server.core().tools().manifests().forEach(m -> assertThat(operations).contains(m.name()));
    }

    private static JsonNode find(JsonNode events, String id) {
        for (JsonNode e : events) {
            if (e.path("event_id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("event " + id + " not in " + events);
    }
}
