package dev.td.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.access.Accounts;
import dev.td.server.access.Grants;
import dev.td.server.wiring.PrincipalScope;
import dev.td.testkit.TestServer;
import dev.td.tools.CallScope;
import dev.td.tools.ErrorCode;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolManifest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One person's keys never reach another person's data beyond a grant: every tool played with the other person's ids,
 * and with every role and every single grantable scope, reads and writes nothing it may not; and PostgreSQL's
 * row-level security alone stops a read and a write when the code's check of the grant is skipped.
 */
class CrossPersonTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static Principal mia = new Principal(new UUID(0, 1), new UUID(0, 1), "x", Set.of());
    private static Principal noah = new Principal(new UUID(0, 2), new UUID(0, 2), "x", Set.of());
    private static final Map<String, String> NOAH_IDS = new LinkedHashMap<>();

    @BeforeAll
    static void twoPeopleWithData() {
        Accounts accounts = server.core().accounts();
        mia = principal(accounts, accounts.createPerson("mia", "Mia").userId());
        noah = principal(accounts, accounts.createPerson("noah", "Noah").userId());
        JsonNode workout = invoke(noah, "log_workout", """
                {"idempotency_key":"n-w1","started_at":"2026-11-24T18:00:00+01:00",
                 "exercises":[{"exercise":"bench","unit":"kg","sets":[{"weight":100,"reps":5}]}]}""");
        NOAH_IDS.put("session_id", workout.at("/data/session/session_id").asText());
        JsonNode run = invoke(noah, "log_activity", """
                {"idempotency_key":"n-r1","sport":"run","started_at":"2026-11-22T09:00:00+01:00",
                 "elapsed":"50:00","distance":10,"unit":"km"}""");
        NOAH_IDS.put("activity_id", run.at("/data/activity/activity_id").asText());
        NOAH_IDS.put("event_id", run.at("/data/activity/event_id").asText());
        invoke(noah, "log_metrics", """
                {"idempotency_key":"n-m1","at":"2026-11-24T07:30:00+01:00","readings":[{"metric":"sleep","value":7,"unit":"h"}]}""");
        invoke(noah, "report_injury", """
                {"idempotency_key":"n-i1","body_part":"right shoulder","severity":"mild","since":"2026-11-20",
                 "notes":"noahs-private-marker"}""");
        assertThat(NOAH_IDS.get("session_id")).startsWith("s-");
        assertThat(NOAH_IDS.get("event_id")).hasSize(36);
        assertThat(NOAH_IDS.get("activity_id")).startsWith("a-");
    }

    private static Principal principal(Accounts accounts, UUID person) {
        String key = accounts.createKey(person, "agent", Set.of("*"));
        return accounts.authenticate(key).orElseThrow();
    }

    private static JsonNode invoke(Principal p, String tool, String arguments) {
        try {
            return server.core()
                    .tools()
                    .invoke(tool, p, Json.mapper().readTree(arguments), origin())
                    .toJson();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ToolCall.Origin origin() {
        return new ToolCall.Origin("api", UUID.randomUUID().toString(), Optional.empty(), Optional.empty());
    }

    /** Noah's rows, counted as the owner (no row-level security): events, projections, catalog rows, grants. */
    private static long rowsOf(UUID person) {
        try (Connection c = server.core().database().ownerConnection();
                PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM events WHERE user_id = ?)"
                        + " + (SELECT count(*) FROM projection_states WHERE user_id = ?)"
                        + " + (SELECT count(*) FROM exercises WHERE user_id = ?)")) {
            for (int i = 1; i <= 3; i++) {
                ps.setObject(i, person);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every tool's first example, with Noah's ids wherever the example names an id of the same kind. */
    private static ObjectNode withNoahsIds(ToolManifest tool) {
        ObjectNode args = tool.examples().isEmpty()
                ? Json.mapper().createObjectNode()
                : (ObjectNode) tool.examples().get(0).arguments().deepCopy();
        NOAH_IDS.forEach((field, id) -> {
            if (args.has(field)
                    || tool.inputSchema().path("required").toString().contains("\"" + field + "\"")) {
                args.put(field, id);
            }
        });
        if (args.has("idempotency_key")) {
            args.put("idempotency_key", "cross-" + UUID.randomUUID());
        }
        return args;
    }

    @Test
    void miasKeyWithNoahsIdsAndWithoutAGrantReadsAndWritesNothingOfNoahs() {
        long noahsRows = rowsOf(noah.userId());
        List<String> leaks = new ArrayList<>();
        for (ToolManifest tool : server.core().tools().manifests()) {
            if (tool.scope().startsWith("account:")) {
                continue;
            }
            ObjectNode args = withNoahsIds(tool);
            try {
                JsonNode answer = server.core()
                        .tools()
                        .invoke(tool.name(), mia, args, origin())
                        .toJson();
                String text = answer.path("data").toString();
                // Noah's data never shows up in Mia's answers: his ids, his knee, his 100 kg bench
                for (String id : NOAH_IDS.values()) {
                    if (text.contains(id) && !args.toString().contains(id)) {
                        leaks.add(tool.name() + " answered with Noah's " + id);
                    }
                }
                if (text.contains("noahs-private-marker")) {
                    leaks.add(tool.name() + " answered with Noah's injury: " + text);
                }
            } catch (ToolException e) {
                // refused, not found, invalid: all fine as long as nothing of Noah's was touched
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(rowsOf(noah.userId())).as("Noah's rows").isEqualTo(noahsRows);
    }

    @Test
    void everyRoleAndEveryGrantableScopeReachesExactlyWhatItGrants() {
        Grants grants = new Grants(server.core().database().dataSource());
        Set<String> grantable = new TreeSet<>();
        for (ToolManifest tool : server.core().tools().manifests()) {
            for (String scope : tool.scopes()) {
                if (Roles.grantable(scope)) {
                    grantable.add(scope);
                }
                if (scope.endsWith(":write") && Roles.grantable(scope.replace(":write", ":read"))) {
                    grantable.add(scope.replace(":write", ":read"));
                }
            }
        }
        assertThat(grantable).contains("metrics:read", "health:read", "training:read", "notes:write");
        List<Set<String>> grantSets = new ArrayList<>();
        for (String role : List.of("coach", "physio", "doctor")) {
            grantSets.add(Roles.preset(role));
        }
        grantable.forEach(s -> grantSets.add(Set.of(s)));
        List<String> wrong = new ArrayList<>();
        for (Set<String> scopes : grantSets) {
            UUID grantId = bindAs(
                            noah, () -> grants.grant(noah.userId(), mia.userId(), "custom", scopes, Optional.empty()))
                    .grantId();
            for (ToolManifest tool : server.core().tools().manifests()) {
                if (!tool.inputSchema().path("properties").has("person")) {
                    continue;
                }
                ObjectNode args = withNoahsIds(tool);
                args.put("person", "noah");
                long noahsRows = rowsOf(noah.userId());
                long miasRows = rowsOf(mia.userId());
                boolean allowed = tool.scopes().stream().anyMatch(scope -> Principal.allows(scopes, scope));
                // a tool served in parts (metrics: body under metrics:read, health under health:read) may refuse
                // the part the example asks for, naming the scope of that part
                List<String> lacking = tool.scopes().stream()
                        .filter(scope -> !Principal.allows(scopes, scope))
                        .toList();
                try {
                    JsonNode answer = server.core()
                            .tools()
                            .invoke(tool.name(), mia, args, origin())
                            .toJson();
                    if (!allowed) {
                        wrong.add(scopes + " let " + tool.name() + " through");
                    }
                    if (!answer.at("/meta/person/id")
                            .asText()
                            .equals(noah.userId().toString())) {
                        wrong.add(tool.name() + " did not say the answer is Noah's: " + answer.path("meta"));
                    }
                } catch (ToolException e) {
                    String message = String.valueOf(e.getMessage());
                    if (!allowed && (e.code() != ErrorCode.FORBIDDEN || !message.contains(tool.scope()))) {
                        wrong.add(scopes + " refused " + tool.name() + " without naming " + tool.scope() + ": "
                                + e.getMessage());
                    }
                    if (allowed
                            && e.code() == ErrorCode.FORBIDDEN
                            && lacking.stream().noneMatch(message::contains)) {
                        wrong.add(scopes + " refused " + tool.name() + ": " + e.getMessage());
                    }
                }
                if (!allowed && rowsOf(noah.userId()) != noahsRows) {
                    wrong.add(scopes + ": " + tool.name() + " changed Noah's rows");
                }
                if (rowsOf(mia.userId()) != miasRows) {
                    wrong.add(scopes + ": " + tool.name() + " with person noah wrote into Mia's own record");
                }
            }
            bindAs(noah, () -> grants.revoke(noah.userId(), grantId));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void bodyMetricsAndHealthMetricsAreGrantedApartAndARefusalNamesTheMissingScope() {
        invoke(noah, "log_metrics", """
                {"idempotency_key":"n-m2","at":"2026-11-24T07:35:00+01:00","readings":[{"metric":"weight","value":81.5,"unit":"kg"}]}""");
        Grants grants = new Grants(server.core().database().dataSource());
        UUID body = bindAs(
                        noah,
                        () -> grants.grant(
                                noah.userId(), mia.userId(), "custom", Set.of("metrics:read"), Optional.empty()))
                .grantId();
        try {
            // a body-metrics grant: weight yes, sleep a 403 that names health:read; the list leaves sleep out
            JsonNode weight = invoke(mia, "get_metric_series", """
                    {"person":"noah","metric":"weight","from":"2026-11-20","to":"2026-11-26","aggregate":"day"}""");
            assertThat(weight.at("/data/rows/0/1").asDouble()).isEqualTo(81.5);
            assertThatThrownBy(() -> invoke(mia, "get_metric_series", """
                            {"person":"noah","metric":"Schlaf","from":"2026-11-20","to":"2026-11-26"}"""))
                    .isInstanceOfSatisfying(ToolException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                        assertThat(e.getMessage())
                                .contains("does not include the scope 'health:read' that get_metric_series needs");
                    });
            JsonNode list = invoke(mia, "get_metric_series", "{\"person\":\"noah\",\"to\":\"2026-11-26\"}");
            assertThat(list.at("/data/metrics").toString())
                    .contains("body_weight")
                    .doesNotContain("sleep");
        } finally {
            bindAs(noah, () -> grants.revoke(noah.userId(), body));
        }
        UUID health = bindAs(
                        noah,
                        () -> grants.grant(
                                noah.userId(),
                                mia.userId(),
                                "custom",
                                Set.of("health:read", "training:read"),
                                Optional.empty()))
                .grantId();
        try {
            // a health grant: sleep yes (7 h = 420 min), weight a 403 that names metrics:read
            JsonNode sleep = invoke(mia, "get_metric_series", """
                    {"person":"noah","metric":"sleep","from":"2026-11-20","to":"2026-11-26","aggregate":"day"}""");
            assertThat(sleep.at("/data/metric").asText()).isEqualTo("sleep_duration");
            assertThat(sleep.at("/data/rows")).hasSize(1);
            assertThatThrownBy(() -> invoke(mia, "get_metric_series", """
                            {"person":"noah","metric":"weight"}"""))
                    .isInstanceOfSatisfying(
                            ToolException.class,
                            e -> assertThat(e.getMessage()).contains("does not include the scope 'metrics:read'"));
            JsonNode list = invoke(mia, "get_metric_series", "{\"person\":\"noah\",\"to\":\"2026-11-26\"}");
            assertThat(list.at("/data/metrics").toString())
                    .contains("sleep_duration")
                    .doesNotContain("body_weight");
            // the overview shows the health metric and not the body one
            JsonNode overview = invoke(mia, "get_overview", "{\"person\":\"noah\"}");
            assertThat(overview.at("/data").toString()).doesNotContain("body_weight");
        } finally {
            bindAs(noah, () -> grants.revoke(noah.userId(), health));
        }
        // a key of Noah's own for body metrics only (a scale's) cannot write his sleep
        String scaleKey = server.core().accounts().createKey(noah.userId(), "scale", Set.of("metrics:write"));
        Principal scale = server.core().accounts().authenticate(scaleKey).orElseThrow();
        long before = rowsOf(noah.userId());
        assertThatThrownBy(() -> invoke(scale, "log_metrics", """
                        {"idempotency_key":"scale-1","at":"2026-11-25T07:30:00+01:00",
                         "readings":[{"metric":"weight","value":81.4,"unit":"kg"},{"metric":"HRV","value":60}]}""")).isInstanceOfSatisfying(ToolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(e.path()).isEqualTo("$.readings[1].metric");
            assertThat(e.getMessage()).contains("'health:write'");
        });
        assertThat(rowsOf(noah.userId()))
                .as("nothing stored, not even the weight")
                .isEqualTo(before);
    }

    @Test
    void grantingEventsReadSaysThatItReadsTheWholeLogAndAGrantWithoutItSaysNothing() {
        JsonNode whole = invoke(noah, "grant_access", """
                {"grantee":"mia","role":"custom","scopes":["training:read","events:read"]}""");
        assertThat(whole.at("/context/notes/0").asText()).contains("reads the whole raw log");
        JsonNode narrow = invoke(noah, "grant_access", """
                {"grantee":"mia","role":"custom","scopes":["endurance:read"]}""");
        assertThat(narrow.path("context").path("notes").isMissingNode()).isTrue();
        for (JsonNode g : List.of(whole, narrow)) {
            invoke(
                    noah,
                    "revoke_grant",
                    "{\"grant_id\":\"" + g.at("/data/grant/grant_id").asText() + "\"}");
        }
    }

    @Test
    void rowLevelSecurityAloneStopsAReadAndAWriteWhenTheGrantCheckIsSkipped() throws SQLException {
        // a principal as Grants.actAs would make it, but made here without any grant: the code's check skipped
        Principal forged = mia.delegatedTo(
                noah.userId(),
                new Principal.Delegation(mia.userId(), UUID.randomUUID(), "coach", "noah", Set.of("training:read")));
        // Noah has a session that day; through the registry, as the forged principal, the database shows none
        JsonNode sessions = invoke(forged, "list_sessions", "{\"from\":\"2026-11-24\",\"to\":\"2026-11-24\"}");
        assertThat(sessions.at("/data/sessions")).isEmpty();
        JsonNode mine = invoke(noah, "list_sessions", "{\"from\":\"2026-11-24\",\"to\":\"2026-11-24\"}");
        assertThat(mine.at("/data/sessions")).hasSize(1);

        // and plain SQL on the connections td's code gets, bound to the forged principal
        CallScope.Binding bound = new PrincipalScope().bind(forged);
        try (Connection c = server.core().database().dataSource().getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM events"))
                    .as(rows(
                            c,
                            "SELECT current_user, current_setting('td.actor', true), current_setting('td.person',"
                                    + " true), (SELECT string_agg(user_id || ' ' || type, ', ') FROM events)"))
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM projection_states")).isZero();
            assertThat(count(c, "SELECT count(*) FROM api_keys"))
                    .as("Mia's keys only")
                    .isPositive();
            assertThat(count(c, "SELECT count(*) FROM api_keys WHERE user_id = '" + noah.userId() + "'"))
                    .isZero();
            assertThatThrownBy(() -> c.createStatement()
                            .execute("INSERT INTO events (user_id, sequence, event_id, type, occurred_at, time_zone,"
                                    + " recorded_at, data, metadata, idempotency_key, prev_hash, hash) VALUES ('"
                                    + noah.userId() + "', 999, gen_random_uuid(), 'note.recorded', now(), 'UTC',"
                                    + " now(), '{}', '{}', 'forged', '\\x00', '\\x00')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
        } finally {
            bound.close();
        }
        // with no principal bound the code's connection is the owner's (start-up work); td_app alone sees nothing
        try (Connection app = server.core().database().appDataSource().getConnection()) {
            assertThat(count(app, "SELECT count(*) FROM events")).isZero();
            assertThat(count(app, "SELECT count(*) FROM users")).isZero();
        }
    }

    private static String rows(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static <T> T bindAs(Principal p, java.util.function.Supplier<T> work) {
        CallScope.Binding bound = new PrincipalScope().bind(p);
        try {
            return work.get();
        } finally {
            bound.close();
        }
    }
}
