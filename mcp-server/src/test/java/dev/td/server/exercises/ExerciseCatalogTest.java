package dev.td.server.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestDatabases;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The exercise catalog through its tools, over REST and MCP against a real server. */
class ExerciseCatalogTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static Http.Answer send(String method, String path, @Nullable String body) {
        return Http.send(method, server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    private static JsonNode resolve(String name) {
        Http.Answer a =
                send("GET", "/v1/exercises/resolve?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body().path("data");
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bench|barbell-bench-press", "BP|barbell-bench-press", "Bankdrücken|barbell-bench-press",
                        "Bench Press (Barbell)|barbell-bench-press",
                "bankdruecken|barbell-bench-press", "OHP|barbell-overhead-press", "RDL|romanian-deadlift",
                        "Kreuzheben|barbell-deadlift",
                "Klimmzug|pull-up", "Kniebeuge|barbell-back-squat", "plank|plank", "Latzug|lat-pulldown"
            })
    void commonNamesAndAbbreviationsResolveToOneExercise(String name, String id) {
        JsonNode r = resolve(name);
        assertThat(r.at("/match/exercise_id").asText()).as(r.toString()).isEqualTo(id);
        assertThat(r.path("confidence").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(r.path("candidates")).isEmpty();
    }

    @Test
    void exactNamesAreCertainAndAliasesAlmost() {
        assertThat(resolve("Bankdrücken").path("confidence").asDouble()).isEqualTo(1.0);
        assertThat(resolve("Bankdrücken").path("via").asText()).isEqualTo("name");
        assertThat(resolve("BP").path("confidence").asDouble()).isEqualTo(0.95);
        assertThat(resolve("BP").path("via").asText()).isEqualTo("alias");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bent Over Row (Barbell)",
                "Bicep Curl (Barbell)",
                "Bicep Curl (Dumbbell)",
                "Calf Press on Seated Leg Press",
                "Chest Press (Machine)",
                "Glute Kickback (Machine)",
                "Kettlebell Carry",
                "Lat Pulldown (Cable)",
                "Lat Pulldown (Machine)",
                "Leg Extension (Machine)",
                "Leg Press",
                "Pec Deck (Machine)",
                "Pull Up (Assisted)",
                "Seated Leg Curl (Machine)",
                "Seated Row (Cable)",
                "Shoulder Press (Machine)",
                "Squat (Barbell)",
                "Squat (Dumbbell)",
                "Triceps Extension (Cable)",
                "Bench Press (Barbell)",
                "Back Extension (Weighted Hyperextension)",
                "Bayesian Cable Curl",
                "Cable Crossover Ladder",
                "Cable Crunch",
                "Calf Press (Machine)",
                "Chest Supported Incline Row (Dumbbell)",
                "Concentration Curl",
                "Dragon Flag",
                "Hammer Curl (Cable)",
                "Hip Abduction (Machine)",
                "Hip Adduction (Machine)",
                "Incline Bench Press (Dumbbell)",
                "Lateral Raise (Cable)",
                "Leg Press (Machine)",
                "Lunge (Dumbbell)",
                "Pendlay Row (Barbell)",
                "Reverse Fly Single Arm (Cable)",
                "Seated Cable Row - Bar Wide Grip",
                "Shoulder Press (Dumbbell)",
                "Skullcrusher (Barbell)",
                "Triceps Pressdown"
            })
    void exerciseTitlesFromStrongAndHevyExportsResolveExactly(String title) {
        JsonNode r = resolve(title);
        assertThat(r.path("match").isObject()).as(r.toString()).isTrue();
        assertThat(r.path("confidence").asDouble()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aTypoGivesTheMatchOrCandidatesWithConfidence() {
        JsonNode r = resolve("bensch press");
        if (r.path("match").isObject()) {
            assertThat(r.at("/match/exercise_id").asText()).isEqualTo("barbell-bench-press");
            assertThat(r.path("via").asText()).isEqualTo("similarity");
            assertThat(r.path("confidence").asDouble()).isBetween(0.6, 0.95);
        } else {
            assertThat(r.path("candidates").findValuesAsText("exercise_id")).contains("barbell-bench-press");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"curl", "row", "press"})
    void anAmbiguousWordGivesCandidatesNotAGuess(String word) {
        JsonNode r = resolve(word);
        assertThat(r.path("match").isNull()).as(r.toString()).isTrue();
        assertThat(r.path("candidates").size()).isBetween(2, 5);
        r.path("candidates")
                .forEach(c -> assertThat(c.path("confidence").asDouble()).isBetween(0.0, 1.0));
    }

    @Test
    void anUnclearNameBecomesTheSameErrorWithCandidatesForEveryTool() {
        ExerciseCatalog catalog = ExerciseCatalog.open(server.core().database().dataSource());
        ExerciseCatalog.Resolution r = catalog.resolve(ownerId(), "row");
        var error = catalog.unresolved(r, "$.exercises[0].exercise");
        assertThat(error.path()).isEqualTo("$.exercises[0].exercise");
        assertThat(error.details().orElseThrow().path("candidates").size()).isGreaterThan(1);
        assertThat(error.getMessage()).contains("create_exercise");
        assertThat(catalog.require(ownerId(), "barbell-row", "$.x").name()).isEqualTo("Barbell Row");
        assertThat(catalog.require(ownerId(), "Langhantelrudern", "$.x").id()).isEqualTo("barbell-row");
    }

    @Test
    void aPersonalExerciseCreatedOverRestResolvesAndArchivingHidesIt() {
        Http.Answer created = send("POST", "/v1/exercises", """
                {"name": "Sled Push", "names": {"de": "Schlittenschieben"}, "aliases": ["prowler"], "primary_muscles": ["quads", "glutes"],
                 "pattern": "carry", "equipment": "other", "type": "strength", "idempotency_key": "create-sled"}""");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        String id = created.body().at("/data/exercise/exercise_id").asText();
        assertThat(id).isEqualTo("my-sled-push");
        assertThat(created.body().at("/data/exercise/personal").asBoolean()).isTrue();
        assertThat(created.body().at("/data/event/type").asText()).isEqualTo("exercise.created");

        Http.Answer retried = send("POST", "/v1/exercises", """
                {"name": "Sled Push", "names": {"de": "Schlittenschieben"}, "aliases": ["prowler"], "primary_muscles": ["quads", "glutes"],
                 "pattern": "carry", "equipment": "other", "type": "strength", "idempotency_key": "create-sled"}""");
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().at("/data/replayed").asBoolean()).isTrue();
        assertThat(retried.body().at("/data/exercise/exercise_id").asText()).isEqualTo(id);

        assertThat(resolve("Schlittenschieben").at("/match/exercise_id").asText())
                .isEqualTo(id);
        assertThat(resolve("prowler").at("/match/exercise_id").asText()).isEqualTo(id);

        Http.Answer archived = send(
                "POST",
                "/v1/exercises/" + id + "/archive",
                "{\"reason\": \"no sled\", \"idempotency_key\": \"archive-sled\"}");
        assertThat(archived.status()).as(archived.body().toString()).isEqualTo(200);
        assertThat(archived.body().at("/data/exercise/archived").asBoolean()).isTrue();
        assertThat(resolve("Sled Push").path("match").isNull()).isTrue();
        assertThat(send("GET", "/v1/exercises/resolve?name=Sled+Push&include_archived=true", null)
                        .body()
                        .at("/data/match/exercise_id")
                        .asText())
                .isEqualTo(id);
        assertThat(send("GET", "/v1/exercises?query=sled", null)
                        .body()
                        .at("/data/exercises")
                        .findValuesAsText("exercise_id"))
                .contains("leg-press")
                .doesNotContain(id);
        assertThat(send("GET", "/v1/exercises?query=sled&include_archived=true", null)
                        .body()
                        .at("/data/exercises")
                        .findValuesAsText("exercise_id"))
                .contains(id);
    }

    @Test
    void anAliasAddedByUpdateResolvesForThePersonAndCanBeRemoved() {
        Http.Answer updated = send(
                "PATCH",
                "/v1/exercises/barbell-bench-press",
                "{\"add_aliases\": [\"Flachbank Montag\"], \"secondary_muscles\": [\"triceps\"], \"idempotency_key\": \"alias-flachbank\"}");
        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        assertThat(updated.body().at("/data/exercise/aliases").toString()).contains("Flachbank Montag");
        assertThat(updated.body().at("/data/exercise/secondary_muscles").toString())
                .isEqualTo("[\"triceps\"]");
        assertThat(updated.body().at("/data/exercise/personal").asBoolean())
                .as("an override, not a personal exercise")
                .isFalse();
        JsonNode r = resolve("flachbank montag");
        assertThat(r.at("/match/exercise_id").asText()).isEqualTo("barbell-bench-press");
        assertThat(r.path("confidence").asDouble()).isEqualTo(0.95);
        assertThat(resolve("bench").at("/match/exercise_id").asText())
                .as("community aliases still apply")
                .isEqualTo("barbell-bench-press");

        Http.Answer removed = send(
                "PATCH",
                "/v1/exercises/barbell-bench-press",
                "{\"remove_aliases\": [\"Flachbank Montag\"], \"idempotency_key\": \"alias-flachbank-off\"}");
        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(200);
        assertThat(resolve("flachbank montag").at("/match/exercise_id").asText())
                .isNotEqualTo("barbell-bench-press");
    }

    @Test
    void voidingOrCorrectingAnExerciseEventLeavesTheCatalogAsIfLoggedRight() {
        Http.Answer created = send(
                "POST",
                "/v1/exercises",
                "{\"name\": \"Zercher Carry\", \"aliases\": [\"zercher walk\"], \"idempotency_key\": \"create-zercher\"}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        String createdEvent = created.body().at("/data/event/event_id").asText();
        Http.Answer tagged = send(
                "PATCH",
                "/v1/exercises/my-zercher-carry",
                "{\"pattern\": \"carry\", \"idempotency_key\": \"tag-zercher\"}");
        String tagEvent = tagged.body().at("/data/event/event_id").asText();

        Http.Answer corrected = send(
                "POST",
                "/v1/events/" + tagEvent + "/corrections",
                "{\"data\": {\"exercise_id\": \"my-zercher-carry\", \"pattern\": \"squat\"}, \"idempotency_key\": \"fix-zercher-tag\"}");
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        assertThat(resolve("zercher walk").at("/match/pattern").asText()).isEqualTo("squat");

        Http.Answer voided = send(
                "POST",
                "/v1/events/" + createdEvent + "/void",
                "{\"reason\": \"test\", \"idempotency_key\": \"void-zercher\"}");
        assertThat(voided.status()).as(voided.body().toString()).isEqualTo(200);
        assertThat(resolve("zercher walk").path("match").isNull()).isTrue();
        assertThat(send("GET", "/v1/exercises?query=zercher&include_archived=true", null)
                        .body()
                        .at("/data/count")
                        .asInt())
                .isZero();
    }

    @Test
    void theRegionOberkoerperExpandsToUpperBodyMuscles() {
        Http.Answer listed =
                send("GET", "/v1/exercises?region=" + URLEncoder.encode("Oberkörper", StandardCharsets.UTF_8), null);
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        List<String> ids = listed.body().at("/data/exercises").findValuesAsText("exercise_id");
        assertThat(ids)
                .contains("barbell-bench-press", "pull-up", "barbell-curl")
                .doesNotContain("barbell-back-squat", "leg-press");
        assertThat(listed.body().at("/data/muscles").toString()).contains("chest", "lats");

        List<String> legs = send("GET", "/v1/exercises?region=Beine&equipment=machine", null)
                .body()
                .at("/data/exercises")
                .findValuesAsText("exercise_id");
        assertThat(legs)
                .contains("leg-press", "leg-extension")
                .doesNotContain("barbell-back-squat", "machine-chest-press");
        assertThat(send("GET", "/v1/exercises?muscle=triceps&pattern=isolation", null)
                        .body()
                        .at("/data/exercises")
                        .findValuesAsText("exercise_id"))
                .contains("cable-triceps-pushdown")
                .doesNotContain("barbell-bench-press");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown muscle group|POST|/v1/exercises|{\"name\": \"Thing\", \"primary_muscles\": [\"elbows\"], \"idempotency_key\": \"bad-1\"}|$.primary_muscles[0]",
                "empty name|POST|/v1/exercises|{\"name\": \"  \", \"idempotency_key\": \"bad-2\"}|$.name",
                "duplicate name|POST|/v1/exercises|{\"name\": \"Bankdrücken\", \"idempotency_key\": \"bad-3\"}|$.name",
                "alias of another exercise|POST|/v1/exercises|{\"name\": \"My Press\", \"aliases\": [\"OHP\"], \"idempotency_key\": \"bad-4\"}|$.aliases[0]",
                "unknown region|GET|/v1/exercises?region=elbows||$.region",
                "empty name to resolve|GET|/v1/exercises/resolve?name=%20%20||$.name",
                "nothing to update|PATCH|/v1/exercises/barbell-row|{\"idempotency_key\": \"bad-5\"}|$",
                "removing a community alias|PATCH|/v1/exercises/barbell-row|{\"remove_aliases\": [\"BOR\"], \"idempotency_key\": \"bad-6\"}|$.remove_aliases[0]"
            })
    void badInputIsRefusedNamingTheFieldAndStoresNothing(
            String what, String method, String path, @Nullable String body, String field) {
        long before = server.eventCount();
        Http.Answer answer = send(method, path, body == null || body.isEmpty() ? null : body);
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body().path("path").asText()).as(what).isEqualTo(field);
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateNamePointsAtTheExistingExercise() {
        Http.Answer answer = send(
                "POST", "/v1/exercises", "{\"name\": \"Bench Press (Barbell)\", \"idempotency_key\": \"dup-bench\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/details/existing/exercise_id").asText()).isEqualTo("barbell-bench-press");
        assertThat(answer.body().path("detail").asText()).contains("barbell-bench-press", "update_exercise");
    }

    @Test
    void anUnknownExerciseIdIsNotFoundWithAHint() {
        Http.Answer answer = send("POST", "/v1/exercises/bench/archive", "{\"idempotency_key\": \"archive-bench\"}");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("detail").asText()).contains("barbell-bench-press");
    }

    @Test
    void listAndResolveWorkThroughTheMcpSdkClient() {
        var transport = HttpClientStreamableHttpTransport.builder(server.baseUrl())
                .endpoint("/mcp")
                .requestBuilder(java.net.http.HttpRequest.newBuilder()
                        .header("Authorization", "Bearer " + TestServer.OWNER_KEY))
                .build();
        try (McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build()) {
            client.initialize();
            McpSchema.CallToolResult resolved =
                    client.callTool(McpRequests.callTool("resolve_exercise", Map.of("name", "Kreuzheben")));
            assertThat(resolved.isError()).isFalse();
            JsonNode r = Json.mapper().valueToTree(resolved.structuredContent());
            assertThat(r.at("/data/match/exercise_id").asText()).isEqualTo("barbell-deadlift");
            assertThat(r.at("/data/match/names/de").asText()).isEqualTo("Kreuzheben");

            McpSchema.CallToolResult listed =
                    client.callTool(McpRequests.callTool("list_exercises", Map.of("region", "core", "type", "timed")));
            assertThat(listed.isError()).isFalse();
            JsonNode l = Json.mapper().valueToTree(listed.structuredContent());
            assertThat(l.at("/data/exercises").findValuesAsText("exercise_id"))
                    .contains("plank", "side-plank")
                    .doesNotContain("crunch");

            McpSchema.CallToolResult bad = client.callTool(McpRequests.callTool(
                    "create_exercise", Map.of("name", "Thing", "type", "cardio", "idempotency_key", "mcp-bad")));
            assertThat(bad.isError()).isTrue();
        }
    }

    @Test
    void theCliResolvesANameWithAFlag() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = dev.td.cli.Td.run(
                new String[] {
                    "--url", server.baseUrl(), "--api-key", TestServer.OWNER_KEY, "resolve-exercise", "--name", "OHP"
                },
                new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(),
                TestDatabases.tempDir("td-cli-config"),
                TestDatabases.tempDir("td-cli-data"));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Json.mapper()
                        .readTree(out.toString(StandardCharsets.UTF_8))
                        .at("/data/match/exercise_id")
                        .asText())
                .isEqualTo("barbell-overhead-press");
    }

    private static java.util.UUID ownerId() {
        try (var c = server.core().database().dataSource().getConnection();
                var rs = c.createStatement().executeQuery("SELECT user_id FROM users ORDER BY created_at LIMIT 1")) {
            rs.next();
            return rs.getObject(1, java.util.UUID.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
