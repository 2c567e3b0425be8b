package dev.td.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code td-server keys create|list|revoke} on the database of a running server, keys used over REST. */
class KeysCommandTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static ServerCommandRun keys(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("keys"));
        all.addAll(List.of(args));
        all.addAll(List.of("--database-url", server.databaseUrl()));
        return ServerCommandRun.of(all.toArray(String[]::new));
    }

    private static int status(String method, String key) {
        String body = method.equals("POST")
                ? "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-11-24T07:30:00+01:00\","
                        + "\"time_zone\":\"Europe/Berlin\",\"data\":{\"metric\":\"body_weight\",\"value\":81.4,"
                        + "\"unit\":\"kg\"},\"idempotency_key\":\"" + java.util.UUID.randomUUID() + "\"}]}"
                : null;
        return Http.send(method, server.baseUrl() + "/v1/events", key, body).status();
    }

    /** The key a successful {@code keys create} printed: its only line on stdout. */
    private static String createdKey(ServerCommandRun create) {
        assertThat(create.exit()).as(create.err()).isZero();
        assertThat(create.out()).matches("td_[0-9A-Za-z]{40}\\R");
        return create.out().strip();
    }

    private static String keyIdIn(String message) {
        Matcher id = Pattern.compile("id ([0-9a-f-]{36})").matcher(message);
        assertThat(id.find()).as(message).isTrue();
        return id.group(1);
    }

    /** The REVOKED column of a row of {@code keys list}: KEY ID, PERSON, AGENT, PREFIX, CREATED, REVOKED, SCOPES. */
    private static String revokedColumn(String row) {
        return row.split("\\s+", -1)[5];
    }

    @Test
    void createPrintsANewKeyOnceAndItWorksWithItsScopesAgainstTheRunningServer() {
        ServerCommandRun create = keys("create", "--agent", "coach", "--scope", "events:read");
        String key = createdKey(create);

        assertThat(create.err()).contains("shown once", "'coach'", "events:read", key.substring(0, 7));
        assertThat(create.err()).doesNotContain(key);
        assertThat(status("GET", key)).isEqualTo(200);
        assertThat(status("POST", key)).isEqualTo(403);
    }

    @Test
    void createWithoutScopesMakesAKeyThatMayDoEverything() {
        String key = createdKey(keys("create"));
        assertThat(status("POST", key)).isEqualTo(200);
    }

    @Test
    void listShowsIdsAgentsPrefixesAndScopesButNeverAKeyOrItsHash() throws NoSuchAlgorithmException {
        ServerCommandRun create = keys("create", "--agent", "listed", "--scope", "training:read");
        String key = createdKey(create);
        String keyId = keyIdIn(create.err());

        ServerCommandRun list = keys("list");

        assertThat(list.exit()).as(list.err()).isZero();
        String row = list.out()
                .lines()
                .filter(l -> l.startsWith(keyId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + keyId + " in\n" + list.out()));
        assertThat(row).contains("listed", key.substring(0, 7), "training:read").endsWith("training:read");
        assertThat(revokedColumn(row)).as("revoked column").isEqualTo("-");
        // printf %s td_test_owner_key_0123456789abcdefghijklmnop | sha256sum
        assertThat(list.out()).contains("sha256:958338f4");
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(list.out())
                .doesNotContain(key)
                .doesNotContain(key.substring(0, 8))
                .doesNotContain(hash.substring(0, 16))
                .doesNotContain(TestServer.OWNER_KEY.substring(0, 8))
                .doesNotContain("958338f4fde2");
    }

    @Test
    void revokeByDisplayPrefixRefusesTheKeyFromTheNextRequestAndListShowsWhen() {
        ServerCommandRun create = keys("create", "--agent", "to-revoke");
        String key = createdKey(create);
        assertThat(status("GET", key)).isEqualTo(200);

        ServerCommandRun revoke = keys("revoke", key.substring(0, 7));

        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.err()).contains("revoked key " + keyIdIn(create.err()));
        assertThat(status("GET", key)).isEqualTo(401);
        String row = keys("list")
                .out()
                .lines()
                .filter(l -> l.startsWith(keyIdIn(create.err())))
                .findFirst()
                .orElseThrow();
        assertThat(revokedColumn(row)).as("revoked column").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void revokingTwiceSucceedsAndSaysItWasRevokedAlready() {
        ServerCommandRun create = keys("create", "--agent", "twice");
        createdKey(create);
        String keyId = keyIdIn(create.err());
        assertThat(keys("revoke", keyId).exit()).isZero();

        ServerCommandRun again = keys("revoke", keyId);

        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("already revoked");
    }

    @Test
    void revokingAnUnknownKeyExitsWithNotFound() {
        ServerCommandRun revoke = keys("revoke", "td_none");
        assertThat(revoke.exit()).isEqualTo(3);
        assertThat(revoke.err()).contains("'td_none'", "keys list");
    }

    @Test
    void aDisplayPrefixSharedByTwoKeysIsAUsageErrorNamingTheirIds() throws SQLException {
        try (Connection owner = server.core().database().ownerConnection();
                Statement s = owner.createStatement()) {
            s.execute("INSERT INTO api_keys (user_id, key_id, key_hash, key_prefix, agent, scopes)"
                    + " SELECT user_id, gen_random_uuid(), sha256(convert_to(n::text, 'UTF8')), 'sha256:00000000', 'twin', '{*}'"
                    + " FROM users, generate_series(1, 2) AS n WHERE name = 'owner'");
        }

        ServerCommandRun revoke = keys("revoke", "sha256:00000000");

        assertThat(revoke.exit()).isEqualTo(2);
        assertThat(revoke.err()).contains("2 keys have the display prefix 'sha256:00000000'", "revoke by key id");
    }

    @Test
    void anUnknownScopeIsAUsageErrorNamingTheKnownScopes() {
        ServerCommandRun create = keys("create", "--scope", "events:delete");
        assertThat(create.exit()).isEqualTo(2);
        assertThat(create.out()).isEmpty();
        assertThat(create.err()).contains("unknown --scope 'events:delete'", "events:read", "training:write");
    }
}
