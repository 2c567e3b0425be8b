package dev.td.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.server.wiring.ConnectionUrl;
import dev.td.server.wiring.Database;
import dev.td.testkit.TestDatabases;
import dev.td.testkit.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the database keeps of a key: its hash and a display prefix that does not give it away. */
class StoredKeysTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String storedPrefix(Connection c, String agent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT key_prefix FROM api_keys WHERE agent = ?")) {
            ps.setString(1, agent);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a key for agent " + agent).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aPresetOwnerKeyIsListedByItsSha256FingerprintNotByItsCharacters() throws SQLException {
        try (Connection c = server.core().database().ownerConnection()) {
            // printf %s td_test_owner_key_0123456789abcdefghijklmnop | sha256sum
            assertThat(storedPrefix(c, "owner")).isEqualTo("sha256:958338f4");
        }
    }

    @Test
    void aGeneratedKeyIsListedByTdAndFourOfItsFortyRandomCharacters() throws SQLException {
        Accounts accounts = server.core().accounts();
        String key = accounts.createKey(accounts.localOwner().userId(), "generated", Set.of("*"));
        assertThat(key).matches("td_[0-9A-Za-z]{40}");
        try (Connection c = server.core().database().ownerConnection()) {
            assertThat(storedPrefix(c, "generated")).isEqualTo(key.substring(0, 7));
        }
    }

    @Test
    void aWeakPresetOwnerKeyIsRefusedAndNothingIsCreated() throws SQLException {
        String url = TestDatabases.fresh();
        try (Database db = Database.external(url)) {
            db.migrate();
            Accounts accounts = new Accounts(db.dataSource());
            assertThatThrownBy(() -> accounts.bootstrapOwner(Optional.of("x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("it has 1 characters, fewer than 32")
                    .hasMessageContaining("openssl rand -hex 32");
            try (Connection c = db.ownerConnection();
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM api_keys)")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
                assertThat(rs.getLong(2)).isZero();
            }
        }
    }

    @Test
    void theMigrationReplacesPrefixesThatHeldTheKeysFirstCharacters() throws SQLException {
        String url = TestDatabases.fresh();
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        Flyway.configure()
                .dataSource(parsed.jdbcUrl(), parsed.user(), parsed.password())
                .locations("classpath:db/migration")
                .target("3")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(parsed.jdbcUrl(), parsed.user(), parsed.password());
                Statement s = c.createStatement()) {
            // as td stored TD_BOOTSTRAP_API_KEY=short123 before: the whole key in key_prefix
            s.execute("INSERT INTO users (user_id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'owner')");
            s.execute("INSERT INTO api_keys (user_id, key_id, key_hash, key_prefix, agent, scopes) VALUES"
                    + " ('00000000-0000-0000-0000-000000000001', gen_random_uuid(), sha256('short123'::bytea),"
                    + " 'short123', 'owner', '{*}')");
        }
        try (Database db = Database.external(url)) {
            db.migrate();
            try (Connection c = db.ownerConnection()) {
                // printf %s short123 | sha256sum
                assertThat(storedPrefix(c, "owner")).isEqualTo("sha256:ab065bfa");
            }
        }
    }
}
