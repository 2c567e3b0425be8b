package dev.td.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.access.Accounts;
import dev.td.server.faces.McpClients;
import dev.td.testkit.CliRun;
import dev.td.testkit.Http;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two people sharing, end to end over MCP, REST and the CLI: Anna grants Ben a coach role and Dora a doctor role;
 * each reads what the role gives, is refused (403 naming the missing scope) for the rest, and Ben's note lands in
 * Anna's log marked as his. A revoked grant is refused on the next request.
 */
class SharingEndToEndTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String anna = "";
    private static String ben = "";
    private static String dora = "";
    private static UUID annaId = new UUID(0, 0);
    private static UUID benId = new UUID(0, 0);

    @BeforeAll
    static void twoPeopleAndTheirData() {
        Accounts accounts = server.core().accounts();
        annaId = accounts.createPerson("anna", "Anna").userId();
        benId = accounts.createPerson("ben", "Ben Coach").userId();
        UUID doraId = accounts.createPerson("dora", "Dr. Dora").userId();
        anna = accounts.createKey(annaId, "claude-desktop", Set.of("*"));
        ben = accounts.createKey(benId, "coach-assistant", Set.of("*"));
        dora = accounts.createKey(doraId, "clinic-agent", Set.of("*"));
        ok(rest("POST", "/v1/workouts", anna, """
                {"idempotency_key":"w1","started_at":"2026-11-24T18:00:00+01:00",
                 "exercises":[{"exercise":"bench","unit":"kg","sets":[{"weight":100,"reps":5}]}]}"""));
        ok(rest("POST", "/v1/metrics", anna, """
                {"idempotency_key":"m1","at":"2026-11-24T07:30:00+01:00",
                 "readings":[{"metric":"sleep","value":7.5,"unit":"h"}]}"""));
        ok(rest("POST", "/v1/injuries", anna, """
                {"idempotency_key":"i1","body_part":"left knee","severity":"moderate","since":"2026-11-20"}"""));
    }

    private static Http.Answer rest(String method, String path, String key, @Nullable String body) {
        return Http.send(method, server.baseUrl() + path, key, body);
    }

    private static JsonNode ok(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isBetween(200, 201);
        return answer.body();
    }

    private static JsonNode call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(tool, arguments));
        assertThat(result.isError()).as(result.content().toString()).isFalse();
        return Json.mapper().valueToTree(result.structuredContent());
    }

    private static void grantOverMcp(String grantee, String role) {
        try (McpSyncClient client = McpClients.as(server, anna)) {
            JsonNode first = call(client, "grant_access", Map.of("grantee", grantee, "role", role));
            assertThat(first.at("/data/grant/grantee/handle").asText()).isEqualTo(grantee);
            assertThat(first.at("/data/grant/active").asBoolean()).isTrue();
            JsonNode again = call(client, "grant_access", Map.of("grantee", grantee, "role", role));
            assertThat(again.at("/data/changed").asBoolean())
                    .as("granting the same again stores nothing")
                    .isFalse();
            assertThat(again.at("/data/grant/grant_id").asText())
                    .isEqualTo(first.at("/data/grant/grant_id").asText());
        }
    }

    @Test
    void aCoachReadsTrainingOfThePersonWhoGrantedItOverRestMcpAndCliButNotTheirSleep() {
        grantOverMcp("ben", "coach");

        JsonNode sessions = ok(rest("GET", "/v1/sessions?person=anna&from=2026-11-24&to=2026-11-24", ben, null));
        assertThat(sessions.at("/data/sessions")).hasSize(1);
        assertThat(sessions.at("/meta/person/handle").asText()).isEqualTo("anna");
        assertThat(sessions.at("/meta/person/self").asBoolean()).isFalse();
        assertThat(sessions.at("/meta/person/role").asText()).isEqualTo("coach");
        // his own data, without person: none, and the answer says it is his
        JsonNode own = ok(rest("GET", "/v1/sessions?from=2026-11-24&to=2026-11-24", ben, null));
        assertThat(own.at("/data/sessions")).isEmpty();
        assertThat(own.at("/meta/person/self").asBoolean()).isTrue();
        assertThat(own.at("/meta/person/id").asText()).isEqualTo(benId.toString());

        Http.Answer sleep = rest("GET", "/v1/metrics?person=anna&metric=sleep", ben, null);
        assertThat(sleep.status()).isEqualTo(403);
        assertThat(sleep.body().path("detail").asText())
                .contains("'metrics:read'")
                .contains("coach grant")
                .contains("ask anna");

        try (McpSyncClient client = McpClients.as(server, ben)) {
            JsonNode injuries = call(client, "get_injuries", Map.of("person", "anna"));
            assertThat(injuries.toString()).contains("left knee");
            McpSchema.CallToolResult refused =
                    client.callTool(McpRequests.callTool("get_metric_series", Map.of("person", "anna")));
            assertThat(refused.isError()).isTrue();
            assertThat(refused.content().toString()).contains("metrics:read");
        }

        CliRun cli = CliRun.as(server, ben, "", "list-sessions", "--person", "anna", "--from", "2026-11-24");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.json().at("/data/sessions")).hasSize(1);
    }

    @Test
    void aCoachsNoteLandsInTheAthletesLogMarkedAsTheCoachsButNoGrantLetsAnyoneLogAnothersSets() throws SQLException {
        grantOverMcp("ben", "coach");

        JsonNode note = ok(rest("POST", "/v1/notes", ben, """
                {"idempotency_key":"coach-note-1","text":"deload next week","person":"anna"}"""));
        assertThat(note.at("/meta/person/handle").asText()).isEqualTo("anna");

        try (Connection c = server.core().database().ownerConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT user_id, metadata ->> 'actor_id', metadata ->> 'role', metadata ->> 'agent'"
                                + " FROM events WHERE idempotency_key = 'coach-note-1'")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, UUID.class)).as("in Anna's log").isEqualTo(annaId);
                assertThat(rs.getString(2)).as("written by Ben").isEqualTo(benId.toString());
                assertThat(rs.getString(3)).isEqualTo("coach");
                assertThat(rs.getString(4)).isEqualTo("coach-assistant");
                assertThat(rs.next()).as("one event only").isFalse();
            }
        }

        long before = server.eventCount();
        Http.Answer sets = rest("POST", "/v1/workouts", ben, """
                {"idempotency_key":"w-by-coach","started_at":"2026-11-25T18:00:00+01:00","person":"anna",
                 "exercises":[{"exercise":"bench","unit":"kg","sets":[{"weight":120,"reps":5}]}]}""");
        assertThat(sets.status()).isEqualTo(400);
        assertThat(sets.body().path("path").asText()).isEqualTo("$.person");
        assertThat(sets.body().path("detail").asText()).contains("works on your own data only");
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void aDoctorReadsInjuriesAndMetricsButNotTrainingOverRestMcpAndCli() {
        grantOverMcp("dora", "doctor");

        JsonNode injuries = ok(rest("GET", "/v1/injuries?person=anna", dora, null));
        assertThat(injuries.toString()).contains("left knee");
        JsonNode sleep = ok(rest("GET", "/v1/metrics?person=anna&metric=sleep", dora, null));
        // 7.5 h logged, kept in minutes: 450
        assertThat(sleep.at("/data/rows/0/1").asInt()).isEqualTo(450);

        Http.Answer sessions = rest("GET", "/v1/sessions?person=anna", dora, null);
        assertThat(sessions.status()).isEqualTo(403);
        assertThat(sessions.body().path("detail").asText()).contains("'training:read'");

        try (McpSyncClient client = McpClients.as(server, dora)) {
            JsonNode overMcp = call(client, "get_metric_series", Map.of("person", "anna", "metric", "sleep"));
            assertThat(overMcp.at("/data/rows/0/1").asInt()).isEqualTo(450);
            assertThat(overMcp.at("/meta/person/role").asText()).isEqualTo("doctor");
        }
        CliRun cli = CliRun.as(server, dora, "", "get-injuries", "--person", "anna");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("left knee");
        CliRun refused = CliRun.as(server, dora, "", "list-sessions", "--person", "anna");
        assertThat(refused.exit()).as("forbidden: exit code 4").isEqualTo(4);
        assertThat(refused.err()).contains("training:read");
        CliRun keys = CliRun.as(server, dora, "", "keys", "list");
        assertThat(keys.exit()).as(keys.err()).isZero();
        assertThat(keys.json().at("/data/me/handle").asText()).isEqualTo("dora");
    }

    @Test
    void aRevokedGrantIsRefusedOnTheNextRequestAndAPersonWhoNeverGrantedLooksTheSameAsNobody() {
        Accounts accounts = server.core().accounts();
        UUID eveId = accounts.createPerson("eve", "Eve").userId();
        String eve = accounts.createKey(eveId, "eve-agent", Set.of("*"));
        String grantId;
        try (McpSyncClient client = McpClients.as(server, anna)) {
            grantId = call(client, "grant_access", Map.of("grantee", "eve", "role", "coach"))
                    .at("/data/grant/grant_id")
                    .asText();
        }
        ok(rest("GET", "/v1/sessions?person=anna", eve, null));

        JsonNode revoked = ok(rest("DELETE", "/v1/grants/" + grantId, anna, null));
        assertThat(revoked.at("/data/changed").asBoolean()).isTrue();
        assertThat(revoked.at("/data/grant/active").asBoolean()).isFalse();

        Http.Answer after = rest("GET", "/v1/sessions?person=anna", eve, null);
        assertThat(after.status()).isEqualTo(403);
        Http.Answer neverGranted = rest("GET", "/v1/sessions?person=ben", eve, null);
        Http.Answer nobody = rest("GET", "/v1/sessions?person=nobody-here", eve, null);
        assertThat(neverGranted.status()).isEqualTo(403);
        assertThat(nobody.status()).isEqualTo(403);
        assertThat(neverGranted.body().path("detail").asText().replace("ben", "X"))
                .isEqualTo(nobody.body().path("detail").asText().replace("nobody-here", "X"));
        assertThat(ok(rest("DELETE", "/v1/grants/" + grantId, anna, null))
                        .at("/data/changed")
                        .asBoolean())
                .as("revoking again changes nothing")
                .isFalse();
    }

    @Test
    void aTrainingOnlyGrantShowsNeitherSleepNorInjuriesInTheOverviewOrInAnyAnswersContext() {
        Accounts accounts = server.core().accounts();
        UUID fayId = accounts.createPerson("fay", "Fay").userId();
        String fay = accounts.createKey(fayId, "fay-agent", Set.of("*"));
        ok(rest(
                "POST",
                "/v1/grants",
                anna,
                "{\"grantee\":\"fay\",\"role\":\"custom\",\"scopes\":[\"training:read\"]}"));
        // Anna herself sees all of it
        JsonNode own = ok(rest("GET", "/v1/overview", anna, null));
        assertThat(own.at("/data/injuries")).isNotEmpty();
        assertThat(own.at("/data/metrics").toString()).contains("sleep");

        JsonNode overview = ok(rest("GET", "/v1/overview?person=anna", fay, null));
        assertThat(overview.at("/data/injuries")).isEmpty();
        assertThat(overview.at("/data/metrics")).isEmpty();
        assertThat(overview.at("/data/program").isNull()).isTrue();
        assertThat(overview.toString()).doesNotContain("knee").doesNotContain("sleep");
        JsonNode sessions = ok(rest("GET", "/v1/sessions?person=anna&from=2026-11-24&to=2026-11-24", fay, null));
        assertThat(sessions.at("/data/sessions")).hasSize(1);
        assertThat(sessions.path("context").toString()).doesNotContain("knee");
        JsonNode load = ok(rest("GET", "/v1/load?person=anna", fay, null));
        assertThat(load.path("context").toString()).doesNotContain("knee");
    }

    @Test
    void aGrantNeverGivesMoreThanTheGrantingKeyHasNorAccountScopes() {
        Accounts accounts = server.core().accounts();
        String narrow = accounts.createKey(annaId, "narrow", Set.of("training:read", "account:write"));

        Http.Answer coach = rest("POST", "/v1/grants", narrow, "{\"grantee\":\"ben\",\"role\":\"coach\"}");
        assertThat(coach.status()).isEqualTo(403);
        assertThat(coach.body().path("detail").asText()).contains("does not have itself");

        Http.Answer account = rest(
                "POST", "/v1/grants", anna, "{\"grantee\":\"ben\",\"role\":\"custom\",\"scopes\":[\"account:write\"]}");
        assertThat(account.status()).isEqualTo(400);
        assertThat(account.body().path("path").asText()).isEqualTo("$.scopes");

        Http.Answer self = rest("POST", "/v1/grants", anna, "{\"grantee\":\"anna\",\"role\":\"coach\"}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body().path("path").asText()).isEqualTo("$.grantee");
    }
}
