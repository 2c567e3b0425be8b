package dev.td.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.server.faces.HttpServer;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.Http;
import dev.td.testkit.TestDatabases;
import dev.td.testkit.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A revoked key is refused from the very next request on, by every server on the database. */
class RevocationTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static int status(String baseUrl, String key) {
        return Http.send("GET", baseUrl + "/v1/events", key, null).status();
    }

    private static String newKey(String agent) {
        Accounts accounts = server.core().accounts();
        return accounts.createKey(accounts.localOwner().userId(), agent, Set.of("events:read"));
    }

    private static void revokeInTheDatabase(String key) throws SQLException {
        try (Connection owner = server.core().database().ownerConnection();
                PreparedStatement ps = owner.prepareStatement(
                        "UPDATE api_keys SET revoked_at = now() WHERE key_hash = sha256(convert_to(?, 'UTF8'))")) {
            ps.setString(1, key);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static String keyIdOf(String agent) throws SQLException {
        try (Connection owner = server.core().database().ownerConnection();
                PreparedStatement ps = owner.prepareStatement("SELECT key_id FROM api_keys WHERE agent = ?")) {
            ps.setString(1, agent);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a key for agent " + agent).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aKeyRevokedInTheDatabaseIsRefusedOnTheVeryNextRequest() throws SQLException {
        String key = newKey("revoked-in-sql");
        assertThat(status(server.baseUrl(), key)).isEqualTo(200);
        assertThat(status(server.baseUrl(), key)).isEqualTo(200);

        revokeInTheDatabase(key);

        assertThat(status(server.baseUrl(), key)).isEqualTo(401);
    }

    @Test
    void aKeyRevokedWithTheKeysCommandIsRefusedOnTheVeryNextRequest() throws SQLException {
        String key = newKey("revoked-by-command");
        assertThat(status(server.baseUrl(), key)).isEqualTo(200);
        String keyId = keyIdOf("revoked-by-command");

        ServerCommandRun revoke = ServerCommandRun.of("keys", "revoke", keyId, "--database-url", server.databaseUrl());

        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(status(server.baseUrl(), key)).isEqualTo(401);
    }

    @Test
    void aRevocationHoldsForEveryServerOnTheDatabase() throws SQLException {
        String key = newKey("two-servers");
        try (TdCore otherCore =
                TdCore.open(Optional.of(server.databaseUrl()), TestDatabases.tempDir("td-second-server"))) {
            HttpServer other =
                    HttpServer.start(otherCore, new HttpServer.Options("127.0.0.1", 0, List.of(), false, false));
            try {
                String otherUrl = "http://127.0.0.1:" + other.port();
                assertThat(status(server.baseUrl(), key)).isEqualTo(200);
                assertThat(status(otherUrl, key)).isEqualTo(200);

                revokeInTheDatabase(key);

                assertThat(status(otherUrl, key)).isEqualTo(401);
                assertThat(status(server.baseUrl(), key)).isEqualTo(401);
            } finally {
                other.stop();
            }
        }
    }

    @Test
    void otherKeysKeepWorkingAfterARevocation() throws SQLException {
        String revoked = newKey("revoked-neighbour");
        String kept = newKey("kept-neighbour");
        revokeInTheDatabase(revoked);
        assertThat(status(server.baseUrl(), kept)).isEqualTo(200);
        assertThat(status(server.baseUrl(), TestServer.OWNER_KEY)).isEqualTo(200);
    }
}
