package dev.td.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.access.Accounts;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The access log: a person sees who read or wrote their data (their own agents, a coach through a grant, the
 * refusals too), a grantee sees only their own calls, and nobody changes an entry, not even the owner role.
 */
class AccessLogTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static Http.Answer rest(String method, String path, String key, @Nullable String body) {
        return Http.send(method, server.baseUrl() + path, key, body);
    }

    private static List<String> lines(JsonNode log) {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : log.at("/data/entries")) {
            lines.add(e.path("actor").asText() + " " + e.path("tool").asText() + " "
                    + e.path("action").asText()
                    + " " + e.path("outcome").asText() + " " + e.path("face").asText() + " "
                    + (e.path("grant_id").isNull() ? "own" : "grant"));
        }
        return lines;
    }

    @Test
    void thePersonSeesTheirCoachsReadsAndRefusalsAndTheCoachSeesOnlyHisOwnCalls() throws SQLException {
        Accounts accounts = server.core().accounts();
        UUID idaId = accounts.createPerson("ida", "Ida").userId();
        UUID olafId = accounts.createPerson("olaf", "Olaf").userId();
        String ida = accounts.createKey(idaId, "ida-agent", Set.of("*"));
        String olaf = accounts.createKey(olafId, "olaf-agent", Set.of("*"));
        assertThat(rest("POST", "/v1/notes", ida, "{\"idempotency_key\":\"n1\",\"text\":\"slept badly\"}")
                        .status())
                .isEqualTo(200);
        assertThat(rest("POST", "/v1/grants", ida, "{\"grantee\":\"olaf\",\"role\":\"coach\"}")
                        .status())
                .isEqualTo(200);
        assertThat(rest("GET", "/v1/sessions?person=ida", olaf, null).status()).isEqualTo(200);
        assertThat(rest("GET", "/v1/metrics?person=ida", olaf, null).status()).isEqualTo(403);
        assertThat(rest("GET", "/v1/sessions", olaf, null).status()).isEqualTo(200);

        JsonNode idas = rest("GET", "/v1/access-log", ida, null).body();
        assertThat(lines(idas))
                .containsExactly(
                        "olaf get_metric_series read forbidden api grant",
                        "olaf list_sessions read ok api grant",
                        "ida grant_access write ok api own",
                        "ida add_note write ok api own");
        assertThat(idas.at("/data/entries/0/person").asText()).isEqualTo("ida");
        assertThat(idas.at("/data/entries/0/self").asBoolean()).isFalse();
        assertThat(idas.at("/data/entries/3/self").asBoolean()).isTrue();

        JsonNode olafsData = rest("GET", "/v1/access-log", olaf, null).body();
        assertThat(lines(olafsData)).containsExactly("olaf list_sessions read ok api own");
        JsonNode olafsCalls =
                rest("GET", "/v1/access-log?about=my_calls", olaf, null).body();
        assertThat(lines(olafsCalls))
                .as("reading the log is a call too: his read of his own log is there")
                .containsExactly(
                        "olaf get_access_log read ok api own",
                        "olaf list_sessions read ok api own",
                        "olaf get_metric_series read forbidden api grant",
                        "olaf list_sessions read ok api grant");

        // append-only for the application role and for the owner alike
        try (Connection owner = server.core().database().ownerConnection()) {
            assertThatThrownBy(() -> owner.createStatement().execute("UPDATE access_log SET outcome = 'ok'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> owner.createStatement().execute("DELETE FROM access_log"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        try (Connection app = server.core().database().appDataSource().getConnection()) {
            assertThatThrownBy(() -> app.createStatement().execute("UPDATE access_log SET outcome = 'ok'"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }
}
