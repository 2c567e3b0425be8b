package dev.td.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.access.Accounts;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person manages their own keys, one per agent: create (shown once, idempotent by key, never stronger than the
 * key that makes it), relabel, rotate, revoke, expire. Refused keys get a 401 that says why, with an RFC 6750
 * {@code invalid_token} challenge on REST and MCP alike.
 */
class KeyToolsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String kim = "";
    private static UUID kimId = new UUID(0, 0);

    @BeforeAll
    static void aPerson() {
        Accounts accounts = server.core().accounts();
        kimId = accounts.createPerson("kim", "Kim").userId();
        kim = accounts.createKey(kimId, "claude-desktop", Set.of("*"));
    }

    private static Http.Answer rest(String method, String path, String key, @Nullable String body) {
        return Http.send(method, server.baseUrl() + path, key, body);
    }

    private static JsonNode ok(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isBetween(200, 201);
        return answer.body();
    }

    private static JsonNode create(String key, String body) {
        return ok(rest("POST", "/v1/keys", key, body)).at("/data/created");
    }

    @Test
    void aNewKeyIsShownOnceWorksWithinItsScopesAndARetryWithTheSameIdempotencyKeyCreatesNothing() {
        JsonNode created =
                create(kim, "{\"agent\":\"telegram-bot\",\"scopes\":[\"training:read\"],\"idempotency_key\":\"tg-1\"}");
        String bot = created.path("key").asText();
        assertThat(bot).startsWith("td_").hasSize(43);
        assertThat(created.path("display").asText()).isEqualTo(bot.substring(0, 7));

        assertThat(rest("GET", "/v1/sessions", bot, null).status()).isEqualTo(200);
        Http.Answer write = rest("POST", "/v1/notes", bot, "{\"idempotency_key\":\"n\",\"text\":\"x\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.body().path("detail").asText()).contains("'notes:write'");

        Http.Answer again = rest(
                "POST",
                "/v1/keys",
                kim,
                "{\"agent\":\"telegram-bot\",\"scopes\":[\"training:read\"],\"idempotency_key\":\"tg-1\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("detail").asText())
                .contains(created.path("key_id").asText())
                .contains("cannot show it again")
                .doesNotContain(bot);
        JsonNode listed = ok(rest("GET", "/v1/keys", kim, null)).at("/data");
        assertThat(listed.path("me").path("handle").asText()).isEqualTo("kim");
        assertThat(listed.path("keys").findValuesAsText("agent")).containsOnlyOnce("telegram-bot");
        assertThat(listed.toString()).as("a listing never holds a key").doesNotContain(bot);
    }

    @Test
    void aKeyNeverMakesAStrongerKeyAndANarrowKeyCannotManageKeysAtAll() {
        String narrow = create(
                        kim,
                        "{\"agent\":\"narrow\",\"scopes\":[\"training:read\",\"account:write\"],\"idempotency_key\":\"narrow\"}")
                .path("key")
                .asText();
        Http.Answer star =
                rest("POST", "/v1/keys", narrow, "{\"agent\":\"x\",\"scopes\":[\"*\"],\"idempotency_key\":\"s\"}");
        assertThat(star.status()).isEqualTo(403);
        assertThat(star.body().path("path").asText()).isEqualTo("$.scopes[0]");
        Http.Answer metrics = rest(
                "POST",
                "/v1/keys",
                narrow,
                "{\"agent\":\"x\",\"scopes\":[\"metrics:read\"],\"idempotency_key\":\"m\"}");
        assertThat(metrics.status()).isEqualTo(403);
        Http.Answer unknown = rest(
                "POST", "/v1/keys", kim, "{\"agent\":\"x\",\"scopes\":[\"sleep:read\"],\"idempotency_key\":\"u\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("detail").asText()).contains("unknown scope 'sleep:read'");

        String reader = create(kim, "{\"agent\":\"reader\",\"scopes\":[\"training:read\"],\"idempotency_key\":\"r\"}")
                .path("key")
                .asText();
        Http.Answer manage = rest("GET", "/v1/keys", reader, null);
        assertThat(manage.status()).isEqualTo(403);
        assertThat(manage.body().path("detail").asText()).contains("'account:read'");
    }

    @Test
    void aRotatedKeyStopsWorkingAndItsReplacementWorksWithTheSameAgentAndScopes() throws Exception {
        JsonNode old =
                create(kim, "{\"agent\":\"watch\",\"scopes\":[\"training:read\"],\"idempotency_key\":\"watch\"}");
        String oldKey = old.path("key").asText();

        JsonNode rotated = ok(rest("POST", "/v1/keys/" + old.path("key_id").asText() + "/rotate", kim, "{}"))
                .at("/data");
        String newKey = rotated.at("/created/key").asText();
        assertThat(rotated.at("/created/agent").asText()).isEqualTo("watch");
        assertThat(rotated.at("/created/scopes").toString()).isEqualTo("[\"training:read\"]");
        assertThat(rotated.at("/revoked/revoked_at").isTextual()).isTrue();

        assertThat(rest("GET", "/v1/sessions", newKey, null).status()).isEqualTo(200);
        Http.Answer refused = rest("GET", "/v1/sessions", oldKey, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().path("detail").asText()).contains("was revoked at");

        Http.Answer twice = rest("POST", "/v1/keys/" + old.path("key_id").asText() + "/rotate", kim, "{}");
        assertThat(twice.status()).isEqualTo(409);

        HttpResponse<String> mcp = mcpInitialize(oldKey);
        assertThat(mcp.statusCode()).isEqualTo(401);
        assertThat(mcp.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer error=\"invalid_token\"")
                .contains("revoked");
    }

    @Test
    void aKeyPastItsExpiryIsRefusedAndSaysSoAndAnExpiryInThePastIsRefusedAtCreation() throws Exception {
        Http.Answer past = rest(
                "POST", "/v1/keys", kim, "{\"agent\":\"x\",\"expires\":\"2020-01-01\",\"idempotency_key\":\"past\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().path("path").asText()).isEqualTo("$.expires");

        JsonNode soon = create(kim, "{\"agent\":\"trial\",\"expires\":\"2099-12-31\",\"idempotency_key\":\"trial\"}");
        assertThat(soon.path("expires_at").asText()).startsWith("2100-01-01T");
        String trial = soon.path("key").asText();
        assertThat(rest("GET", "/v1/sessions", trial, null).status()).isEqualTo(200);

        try (Connection c = server.core().database().ownerConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE key_id = ?")) {
            ps.setObject(1, UUID.fromString(soon.path("key_id").asText()));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        Http.Answer expired = rest("GET", "/v1/sessions", trial, null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().path("detail").asText()).contains("expired at");
    }

    @Test
    void keysAreRelabelledAndRevokedOnlyByTheirOwnPerson() {
        JsonNode bot = create(kim, "{\"agent\":\"bot\",\"idempotency_key\":\"bot\"}");
        String keyId = bot.path("key_id").asText();
        JsonNode relabelled = ok(rest("PATCH", "/v1/keys/" + keyId, kim, "{\"agent\":\"coach-bot\"}"));
        assertThat(relabelled.at("/data/key/agent").asText()).isEqualTo("coach-bot");
        assertThat(relabelled.at("/data/key/this_key").asBoolean()).isFalse();

        Accounts accounts = server.core().accounts();
        UUID otherId = accounts.createPerson("lou", "Lou").userId();
        String lou = accounts.createKey(otherId, "lou-agent", Set.of("*"));
        Http.Answer foreign = rest("DELETE", "/v1/keys/" + keyId, lou, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(rest("GET", "/v1/sessions", bot.path("key").asText(), null).status())
                .isEqualTo(200);

        assertThat(ok(rest("DELETE", "/v1/keys/" + keyId, kim, null))
                        .at("/data/changed")
                        .asBoolean())
                .isTrue();
        assertThat(ok(rest("DELETE", "/v1/keys/" + keyId, kim, null))
                        .at("/data/changed")
                        .asBoolean())
                .isFalse();
        assertThat(rest("GET", "/v1/sessions", bot.path("key").asText(), null).status())
                .isEqualTo(401);
    }

    @Test
    void aMissingKeyGetsABareChallengeAndAWrongOneAnInvalidTokenChallengeOnRestAndMcp() throws Exception {
        HttpResponse<String> none = send("GET", "/v1/sessions", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"td\"");
        HttpResponse<String> wrong = send("GET", "/v1/sessions", "td_Q3xZ7kLm9PqR2sT4vW6yB8nC1dF5gH0jK2mN4pQ6", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
        assertThat(wrong.body()).contains("unknown to this server");

        assertThat(mcpInitialize(null).headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        HttpResponse<String> mcpWrong = mcpInitialize("td_Z9yX7kLm9PqR2sT4vW6yB8nC1dF5gH0jK2mN4pQ6");
        assertThat(mcpWrong.statusCode()).isEqualTo(401);
        assertThat(mcpWrong.headers().firstValue("WWW-Authenticate").orElse(""))
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"this API key is unknown to this"
                        + " server; check TD_API_KEY or td config\"");
    }

    private static HttpResponse<String> mcpInitialize(@Nullable String key) throws Exception {
        return send(
                "POST",
                "/mcp",
                key,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}");
    }

    private static HttpResponse<String> send(String method, String path, @Nullable String key, @Nullable String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
