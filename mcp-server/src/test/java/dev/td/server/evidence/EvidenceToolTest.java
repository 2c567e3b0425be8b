package dev.td.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.CliRun;
import dev.td.testkit.Http;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.ArgumentValidator;
import dev.td.tools.Json;
import dev.td.tools.ToolManifest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * get_evidence through the real server, on the bench history of {@link EvidenceHistory}: which sets bear a claim
 * out, worked out by hand from that table; when a set is flagged backfilled; what a bad claim is told.
 */
class EvidenceToolTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static List<String> ids(JsonNode events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.path("event_id").asText()));
        return ids;
    }

    private static void passesTheExactSchema(JsonNode data) {
        ToolManifest manifest = server.core().tools().manifests().stream()
                .filter(m -> m.name().equals("get_evidence"))
                .findFirst()
                .orElseThrow();
        assertThat(ArgumentValidator.of(manifest.outputSchema(), "get_evidence").violations(data))
                .isEmpty();
    }

    @Test
    void benchAtLeast120BeforeMarchIsBorneOutByTheCorrectedTheLateEveningAndTheFirstSetButNotTheVoidedOne() {
        EvidenceHistory h = EvidenceHistory.log(server, "known answer");

        JsonNode data = h.evidence(Map.of("exercise", "bench", "at_least", 120, "before", "2026-03-01"));

        passesTheExactSchema(data);
        assertThat(data.path("satisfied").asBoolean()).isTrue();
        assertThat(data.path("exercise_id").asText()).isEqualTo("barbell-bench-press");
        // C 122.5 (corrected from 100), F 121, A 120; all recorded in November, so the order is by value.
        // Not B (voided), D and G (March in Berlin), E (warm-up), H (squat).
        assertThat(ids(data.path("events"))).containsExactly(h.id("C"), h.id("F"), h.id("A"));
        List<Double> kg = new ArrayList<>();
        data.path("events").forEach(e -> kg.add(e.at("/value/kg").asDouble()));
        assertThat(kg).containsExactly(122.5, 121.0, 120.0);
        assertThat(data.path("events_total").asInt()).isEqualTo(3);
        assertThat(data.path("events_backfilled").asInt()).isEqualTo(3);
        assertThat(data.path("closest").isNull()).isTrue();
        assertThat(ids(data.path("not_counted"))).containsExactly(h.id("B"));
        assertThat(data.at("/not_counted/0/voided/event_id").asText())
                .isEqualTo(h.voiding().path("event_id").asText());
        assertThat(data.at("/not_counted/0/voided/reason").asText()).isEqualTo("was a squat");
        assertThat(data.path("claim").asText())
                .isEqualTo(
                        "a set of Barbell Bench Press with at least 120 kg, before 2026-03-01 (days in Europe/Berlin)");
        assertThat(data.at("/window/before").asText()).isEqualTo("2026-03-01T00:00:00+01:00");

        JsonNode c = data.at("/events/0");
        assertThat(c.path("corrected").asBoolean()).isTrue();
        assertThat(c.at("/original_value/kg").asDouble()).isEqualTo(100.0);
        assertThat(c.at("/corrections/0/event_id").asText())
                .isEqualTo(h.correction().path("event_id").asText());
        assertThat(c.path("value_recorded_at").asText())
                .as("the corrected value was learned from the correction")
                .isEqualTo(h.correction().path("recorded_at").asText());
        assertThat(c.path("hash").asText()).isEqualTo(h.set("C").path("hash").asText());
        assertThat(c.path("prev_hash").asText())
                .as("C (sequence 4) links to B (sequence 3)")
                .isEqualTo(h.set("B").path("hash").asText());
        assertThat(c.path("metadata").path("agent").asText()).isEqualTo(EvidenceHistory.AGENT);
        assertThat(c.path("metadata").path("source").asText()).isEqualTo("api");
        assertThat(c.at("/path/from_sequence").asLong()).isEqualTo(4);
        assertThat(c.at("/path/to_sequence").asLong()).isEqualTo(11);
        assertThat(c.at("/path/links").asLong()).isEqualTo(8);
        JsonNode f = data.at("/events/1");
        assertThat(f.path("occurred_at").asText()).isEqualTo("2026-02-28T23:30:00+01:00");
        assertThat(f.path("corrected").asBoolean()).isFalse();
        assertThat(f.path("value_recorded_at").asText())
                .isEqualTo(f.path("recorded_at").asText());

        JsonNode chain = data.path("chain");
        assertThat(chain.at("/head/sequence").asLong()).isEqualTo(11);
        assertThat(chain.at("/head/hash").asText())
                .isEqualTo(h.correction().path("hash").asText());
        assertThat(chain.path("from_sequence").asLong())
                .as("A, the earliest listed, is sequence 2")
                .isEqualTo(2);
        assertThat(chain.path("links_total").asLong()).isEqualTo(10);
        assertThat(chain.path("truncated").asBoolean()).isFalse();
        assertThat(chain.path("links").get(0).asText())
                .isEqualTo(h.set("A").path("hash").asText());
        assertThat(chain.path("links").get(9).asText())
                .isEqualTo(h.correction().path("hash").asText());
        assertThat(data.path("summary").asText()).contains("Yes", "backfilled", "1 voided set");
    }

    @Test
    void anE1rmClaimCountsEpleyEstimatesOfTheSetsAsCorrected() {
        EvidenceHistory h = EvidenceHistory.log(server, "e1rm");

        JsonNode data = h.evidence(
                Map.of("exercise", "barbell-bench-press", "measure", "e1rm", "at_least", 130, "before", "2026-03-01"));

        passesTheExactSchema(data);
        // Epley (1985) w × (1 + reps/30), w at 1 rep: C 122.5 × 35/30 = 142.9167, A 120 × 1.1 = 132; F 121 and the
        // voided B 125 stay under 130
        assertThat(ids(data.path("events"))).containsExactly(h.id("C"), h.id("A"));
        assertThat(data.at("/events/0/value/kg").asDouble()).isCloseTo(142.92, within(0.005));
        assertThat(data.at("/events/0/value/method").asText()).isEqualTo("epley");
        assertThat(data.at("/events/0/original_value/kg").asDouble())
                .as("100 × 35/30 as first logged")
                .isCloseTo(116.67, within(0.005));
        assertThat(data.at("/events/1/value/kg").asDouble()).isEqualTo(132.0);
        assertThat(data.path("not_counted")).isEmpty();
    }

    @Test
    void aClaimNoSetReachesIsNotSatisfiedAndNamesTheBestCountedSetOfTheWindow() {
        EvidenceHistory h = EvidenceHistory.log(server, "closest");

        JsonNode data = h.evidence(Map.of("exercise", "bench", "at_least", 130, "before", "2026-03-01"));

        passesTheExactSchema(data);
        assertThat(data.path("satisfied").asBoolean()).isFalse();
        assertThat(data.path("events")).isEmpty();
        assertThat(data.path("events_total").asInt()).isZero();
        // the heaviest counted set before March: C at 122.5 (B's 125 is voided, E's 125 a warm-up, G's 150 in March)
        assertThat(data.at("/closest/event_id").asText()).isEqualTo(h.id("C"));
        assertThat(data.at("/closest/value/kg").asDouble()).isEqualTo(122.5);
        assertThat(data.path("not_counted"))
                .as("B's 125 would not have reached 130 either")
                .isEmpty();
        assertThat(data.path("summary").asText()).startsWith("No:").contains("the best was 122.5 kg × 5 on 2026-02-25");
        assertThat(data.at("/chain/from_sequence").asLong()).isEqualTo(4);
    }

    @Test
    void aClaimInPoundsConvertsTheThresholdAndShowsLoadsInPounds() {
        EvidenceHistory h = EvidenceHistory.log(server, "pounds");

        JsonNode data = h.evidence(Map.of("exercise", "bench", "at_least", 265, "unit", "lb", "before", "2026-03-01"));

        // 265 lb × 0.45359237 = 120.202 kg: C (122.5 kg = 270.07 lb) and F (121 kg = 266.76 lb), not A (120 kg)
        assertThat(ids(data.path("events"))).containsExactly(h.id("C"), h.id("F"));
        assertThat(data.at("/threshold/value").asDouble()).isEqualTo(265.0);
        assertThat(data.at("/threshold/kg").asDouble()).isEqualTo(120.2);
        assertThat(data.at("/events/0/value/value").asDouble()).isEqualTo(270.07);
        assertThat(data.at("/events/0/value/unit").asText()).isEqualTo("lb");
        assertThat(data.at("/events/1/value/value").asDouble()).isEqualTo(266.76);
    }

    @Test
    void theWindowIncludesAfterAndExcludesBefore() {
        EvidenceHistory h = EvidenceHistory.log(server, "window");

        JsonNode data = h.evidence(Map.of(
                "exercise", "bench", "at_least", 100, "after", "2026-02-28T23:30:00+01:00", "before", "2026-03-05"));

        // F at exactly after, G on March 1; D (March 5, 18:00) is not before March 5
        assertThat(ids(data.path("events"))).containsExactlyInAnyOrder(h.id("F"), h.id("G"));
        assertThat(data.at("/events/0/event_id").asText()).as("heaviest first").isEqualTo(h.id("G"));
    }

    @Test
    void aRepsClaimWithALoadCountsOnlySetsAtThatLoad() {
        EvidenceHistory h = EvidenceHistory.log(server, "reps");

        JsonNode data = h.evidence(Map.of(
                "exercise", "bench", "measure", "reps", "at_least", 3, "load_at_least", 120, "before", "2026-03-01"));

        passesTheExactSchema(data);
        // C 122.5 × 5 and A 120 × 3; F has 1 rep, E is a warm-up, B is voided
        assertThat(ids(data.path("events"))).containsExactly(h.id("C"), h.id("A"));
        assertThat(data.at("/events/0/value/value").asInt()).isEqualTo(5);
        assertThat(data.at("/events/0/value/unit").asText()).isEqualTo("reps");
        assertThat(data.path("claim").asText()).contains("at least 3 reps", "with at least 120 kg");
    }

    @Test
    void aSetLoggedTodayForADayBeforeTheClaimIsBackfilledAndOneLoggedAsItHappenedIsNot() {
        EvidenceHistory h = EvidenceHistory.log(server, "backfill");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        OffsetDateTime anHourAgo = OffsetDateTime.now(berlin).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        JsonNode fresh = EvidenceHistory.ok(Http.send(
                        "POST",
                        server.baseUrl() + "/v1/events",
                        h.key(),
                        "{\"events\":[{\"type\":\"set.logged\",\"occurred_at\":\""
                                + anHourAgo.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                + "\",\"data\":{\"session_id\":\"today\",\"exercise\":\"bench\",\"exercise_id\":"
                                + "\"barbell-bench-press\",\"weight\":{\"value\":140,\"unit\":\"kg\"},\"reps\":1,"
                                + "\"set_type\":\"working\"},\"idempotency_key\":\"today\"}]}"))
                .at("/data/events/0");
        // a correction that leaves value and time alone does not make td learn the set later
        EvidenceHistory.ok(Http.send(
                "POST",
                server.baseUrl() + "/v1/events/" + fresh.path("event_id").asText() + "/corrections",
                h.key(),
                "{\"data\":{\"rpe\":9},\"idempotency_key\":\"today-rpe\"}"));
        String tomorrow = LocalDate.now(berlin).plusDays(1).toString();

        JsonNode onTime = h.evidence(Map.of("exercise", "bench", "at_least", 120, "before", tomorrow, "limit", 10));

        JsonNode first = onTime.at("/events/0");
        assertThat(first.path("event_id").asText())
                .as("recorded at the time, so first however heavy the backfilled ones")
                .isEqualTo(fresh.path("event_id").asText());
        assertThat(first.path("backfilled").asBoolean()).isFalse();
        assertThat(first.path("backfill").isNull()).isTrue();
        assertThat(first.path("corrected").asBoolean()).isTrue();
        assertThat(first.path("value_recorded_at").asText())
                .isEqualTo(fresh.path("recorded_at").asText());
        // A, C, F of February and D, G of March: all recorded months later
        assertThat(onTime.path("events_total").asInt()).isEqualTo(6);
        assertThat(onTime.path("events_backfilled").asInt()).isEqualTo(5);
        assertThat(onTime.path("summary").asText()).contains("1 recorded at the time");

        JsonNode a = onTime.at("/events").findParents("event_id").stream()
                .filter(e -> e.path("event_id").asText().equals(h.id("A")))
                .findFirst()
                .orElseThrow();
        assertThat(a.path("backfilled").asBoolean()).isTrue();
        assertThat(a.path("backfill").asText())
                .startsWith("Recorded on " + LocalDate.now(berlin))
                .contains("days after it happened")
                .doesNotContain("claim's date");

        JsonNode corrected = h.evidence(Map.of("exercise", "bench", "at_least", 122, "before", "2026-03-01"))
                .at("/events/0");
        assertThat(corrected.path("event_id").asText()).isEqualTo(h.id("C"));
        assertThat(corrected.path("backfill").asText())
                .startsWith("Its value and time as they count now were recorded by a correction on")
                .contains("after the claim's date (before 2026-03-01)");

        String halfAnHourAgo = anHourAgo.plusMinutes(30).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String justBefore = anHourAgo.minusMinutes(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        JsonNode late =
                h.evidence(Map.of("exercise", "bench", "at_least", 140, "after", justBefore, "before", halfAnHourAgo));
        assertThat(ids(late.path("events")))
                .containsExactly(fresh.path("event_id").asText());
        assertThat(late.at("/events/0/backfilled").asBoolean())
                .as("recorded after the moment the claim names, though within the day")
                .isTrue();
        assertThat(late.at("/events/0/backfill").asText())
                .contains("after the claim's date (before " + halfAnHourAgo + ")")
                .doesNotContain("after it happened");
        assertThat(late.path("summary").asText()).startsWith("Yes by the log, but only through backfilled sets");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an unknown exercise         | exercise=zqxv wobble&at_least=100                        | $.exercise",
                "a threshold of 0            | exercise=bench&at_least=0                                | $.at_least",
                "a negative threshold        | exercise=bench&at_least=-5                               | $.at_least",
                "half a rep                  | exercise=bench&measure=reps&at_least=7.5                 | $.at_least",
                "a load with measure weight  | exercise=bench&at_least=100&load_at_least=60             | $.load_at_least",
                "a window ending as it opens | exercise=bench&at_least=100&after=2026-03-01&before=2026-03-01 | $.before",
                "a window ending before it opens | exercise=bench&at_least=100&after=2026-03-02&before=2026-03-01 | $.before",
                "a date in words             | exercise=bench&at_least=100&before=March                 | $.before",
                "an unknown unit             | exercise=bench&at_least=100&unit=stone                   | $.unit",
                "an unknown measure          | exercise=bench&at_least=100&measure=volume               | $.measure",
                "no threshold                | exercise=bench                                           | $.at_least",
            })
    void aBadClaimIsRefusedNamingTheArgument(String what, String query, String path) {
        Http.Answer answer = Http.send(
                "GET", server.baseUrl() + "/v1/evidence?" + query.replace(" ", "%20"), TestServer.OWNER_KEY, null);

        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).as(what).isEqualTo("invalid_argument");
        assertThat(answer.body().path("path").asText()).as(what).isEqualTo(path);
    }

    @Test
    void anAmbiguousExerciseIsRefusedWithTheCandidatesGetPersonalRecordsGives() {
        Http.Answer answer = Http.send(
                "GET", server.baseUrl() + "/v1/evidence?exercise=curl&at_least=20", TestServer.OWNER_KEY, null);
        Http.Answer records =
                Http.send("GET", server.baseUrl() + "/v1/records?exercise=curl", TestServer.OWNER_KEY, null);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("path").asText()).isEqualTo("$.exercise");
        assertThat(answer.body().at("/details/candidates").size()).isGreaterThan(1);
        assertThat(answer.body().at("/details/candidates"))
                .isEqualTo(records.body().at("/details/candidates"));
    }

    @Test
    void theToolAnswersOverMcpAndTheCli() {
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUrl())
                        .endpoint("/mcp/x/log")
                        .requestBuilder(java.net.http.HttpRequest.newBuilder()
                                .header("Authorization", "Bearer " + TestServer.OWNER_KEY))
                        .build())
                .requestTimeout(java.time.Duration.ofSeconds(60))
                .build()) {
            client.initialize();
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .contains("get_evidence");
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(
                    "get_evidence", Map.of("exercise", "bench", "at_least", 100, "before", "2026-03-01")));
            assertThat(result.isError()).as(result.toString()).isFalse();
            JsonNode data =
                    Json.mapper().valueToTree(result.structuredContent()).path("data");
            passesTheExactSchema(data);
            assertThat(data.path("satisfied").asBoolean()).isFalse();
            assertThat(data.path("summary").asText()).startsWith("No: no counted set of Barbell Bench Press");
            McpSchema.CallToolResult refused =
                    client.callTool(McpRequests.callTool("get_evidence", Map.of("exercise", "bench", "at_least", 0)));
            assertThat(refused.isError()).isTrue();
        }

        CliRun cli = CliRun.against(server, "", "evidence", "--exercise", "bench", "--at-least", "100");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.json().at("/data/measure").asText()).isEqualTo("weight");
        CliRun bad = CliRun.against(server, "", "evidence", "--exercise", "bench", "--at-least", "0");
        assertThat(bad.exit()).as("usage error").isEqualTo(2);
        assertThat(bad.err()).contains("at_least");
    }

    @Test
    void thePersonsOwnUnitIsTheDefault() {
        EvidenceHistory h = EvidenceHistory.log(server, "unit");
        EvidenceHistory.ok(Http.send(
                "PATCH",
                server.baseUrl() + "/v1/profile",
                h.key(),
                "{\"idempotency_key\":\"lb\",\"weight_unit\":\"lb\"}"));

        JsonNode data = h.evidence(Map.of("exercise", "bench", "at_least", 265, "before", "2026-03-01"));

        assertThat(data.at("/threshold/unit").asText()).isEqualTo("lb");
        assertThat(ids(data.path("events"))).containsExactly(h.id("C"), h.id("F"));
        assertThat(OffsetDateTime.parse(data.at("/window/before").asText()).toInstant())
                .isEqualTo(OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1))
                        .toInstant());
    }
}
