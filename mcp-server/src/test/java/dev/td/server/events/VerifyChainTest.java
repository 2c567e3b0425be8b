package dev.td.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.CliRun;
import dev.td.testkit.Http;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestDatabases;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * verify_chain through the real server: events logged over REST, then the database changed behind
 * td's back as its owner (the append-only triggers switched off for that session), and the tool must
 * name what was changed. The expected kind, event and hashes come from what the test logged and
 * tampered with; get_events' hashes are re-verified with SHA-256 and a canonical form written here
 * from the README recipe, not with td's code.
 */
class VerifyChainTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final String GENESIS_HEX = "0".repeat(64);

    /** A person of their own per test, so one test's tampering never shows in another's chain. */
    private record Person(UUID id, String key) {}

    private static Person person(String name) {
        UUID id = server.core().accounts().createUser(name);
        return new Person(id, server.core().accounts().createKey(id, "test", Set.of("events:read", "events:write")));
    }

    private static final String THREE_EVENTS = "{\"events\":["
            + "{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-11-24T07:30:00+01:00\",\"time_zone\":\"Europe/Berlin\","
            + "\"data\":{\"metric\":\"body_weight\",\"value\":81.40,\"unit\":\"kg\"},\"idempotency_key\":\"c-1\"},"
            + "{\"type\":\"note.recorded\",\"occurred_at\":\"2026-11-24T21:00:00+01:00\","
            + "\"data\":{\"text\":\"slept well\"},\"idempotency_key\":\"c-2\"},"
            + "{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-11-25T07:00:00Z\","
            + "\"data\":{\"metric\":\"hrv\",\"value\":55,\"unit\":\"ms\"},\"idempotency_key\":\"c-3\"}]}";

    /** The three events as log_events returned them, in sequence order. */
    private static List<JsonNode> logThree(Person p) {
        Http.Answer logged = Http.send("POST", server.baseUrl() + "/v1/events", p.key(), THREE_EVENTS);
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        logged.body().at("/data/events").forEach(events::add);
        assertThat(events).extracting(e -> e.path("sequence").asLong()).containsExactly(1L, 2L, 3L);
        return events;
    }

    private static JsonNode verifyChain(Person p) {
        Http.Answer answer = Http.send("GET", server.baseUrl() + "/v1/chain", p.key(), null);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().path("data");
    }

    private static List<JsonNode> log(Person p) {
        Http.Answer read = Http.send("GET", server.baseUrl() + "/v1/events?view=log&limit=1000", p.key(), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().at("/data/user_id").asText()).isEqualTo(p.id().toString());
        List<JsonNode> events = new ArrayList<>();
        read.body().at("/data/events").forEach(events::add);
        events.sort(Comparator.comparingLong(e -> e.path("sequence").asLong()));
        return events;
    }

    /** SQL as the database owner with the append-only triggers off, as someone with the server's disk would. */
    private static void tamper(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
                Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                assertThat(ps.executeUpdate()).as("rows changed by " + sql).isEqualTo(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUntouchedLogVerifiesWithEveryEventCountedAndTheLastHashAsHead() {
        Person p = person("intact");
        List<JsonNode> logged = logThree(p);

        JsonNode result = verifyChain(p);

        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("events_checked").asLong()).isEqualTo(3);
        assertThat(result.at("/head/sequence").asLong()).isEqualTo(3);
        assertThat(result.at("/head/hash").asText())
                .isEqualTo(logged.get(2).path("hash").asText());
        assertThat(result.path("stored_head")).isEqualTo(result.path("head"));
        assertThat(result.path("problem").isNull()).isTrue();
        assertThat(result.path("summary").asText()).contains("All 3 events verify");
    }

    @Test
    void aPersonWhoNeverLoggedHasAnEmptyChainThatVerifies() {
        JsonNode result = verifyChain(person("new"));
        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("events_checked").asLong()).isZero();
        assertThat(result.at("/head/hash").asText()).isEqualTo(GENESIS_HEX);
    }

    @Test
    void oneByteChangedInAStoredEventsDataNamesExactlyThatEventAsAltered() {
        Person p = person("altered");
        List<JsonNode> logged = logThree(p);
        JsonNode second = logged.get(1);

        // "slept well" -> "slept wall": one byte of the second event's data
        tamper(
                "UPDATE events SET data = jsonb_set(data, '{text}', '\"slept wall\"') WHERE user_id = ? AND sequence = 2",
                p.id());

        JsonNode result = verifyChain(p);
        assertThat(result.path("ok").asBoolean()).isFalse();
        JsonNode problem = result.path("problem");
        assertThat(problem.path("kind").asText()).isEqualTo("altered");
        assertThat(problem.path("event_id").asText())
                .isEqualTo(second.path("event_id").asText());
        assertThat(problem.path("sequence").asLong()).isEqualTo(2);
        assertThat(problem.path("expected_hash").asText())
                .isEqualTo(second.path("hash").asText());
        JsonNode tampered = log(p).get(1);
        assertThat(tampered.at("/data/text").asText()).isEqualTo("slept wall");
        assertThat(problem.path("found_hash").asText())
                .as("SHA-256 of the changed content, computed here")
                .isEqualTo(hashOf(tampered, p.id()));
        assertThat(problem.path("message").asText())
                .contains(second.path("event_id").asText(), "restore");
        assertThat(result.path("events_checked").asLong()).isEqualTo(1);
        assertThat(result.at("/head/hash").asText())
                .isEqualTo(logged.get(0).path("hash").asText());
        assertThat(result.at("/stored_head/hash").asText())
                .isEqualTo(logged.get(2).path("hash").asText());
    }

    @Test
    void aRowInsertedWithAMadeUpHashIsNamed() {
        Person p = person("inserted");
        List<JsonNode> logged = logThree(p);
        UUID forged = UUID.fromString("0190a000-0000-7000-8000-00000000f00d");
        byte[] madeUp = HexFormat.of().parseHex("ab".repeat(32));

        tamper(
                "INSERT INTO events (user_id, sequence, event_id, type, occurred_at, time_zone, recorded_at, data, metadata,"
                        + " idempotency_key, subject_event_id, prev_hash, hash) VALUES (?, 4, ?, 'note.recorded', now(), 'UTC',"
                        + " now(), '{\"text\":\"never happened\"}', '{\"source\":\"api\",\"agent\":\"test\"}', 'forged-1', NULL, ?, ?)",
                p.id(),
                forged,
                HexFormat.of().parseHex(logged.get(2).path("hash").asText()),
                madeUp);

        JsonNode result = verifyChain(p);
        assertThat(result.path("ok").asBoolean()).isFalse();
        JsonNode problem = result.path("problem");
        assertThat(problem.path("kind").asText()).isEqualTo("inserted");
        assertThat(problem.path("event_id").asText()).isEqualTo(forged.toString());
        assertThat(problem.path("sequence").asLong()).isEqualTo(4);
        assertThat(problem.path("found_hash").asText()).isEqualTo("ab".repeat(32));
        assertThat(problem.path("expected_hash").asText())
                .isEqualTo(logged.get(2).path("hash").asText());
        assertThat(result.path("events_checked").asLong()).isEqualTo(3);
    }

    @Test
    void aDeletedMiddleEventIsNamedAsMissing() {
        Person p = person("deleted");
        List<JsonNode> logged = logThree(p);

        tamper("DELETE FROM events WHERE user_id = ? AND sequence = 2", p.id());

        JsonNode result = verifyChain(p);
        assertThat(result.path("ok").asBoolean()).isFalse();
        JsonNode problem = result.path("problem");
        assertThat(problem.path("kind").asText()).isEqualTo("missing");
        assertThat(problem.path("sequence").asLong()).isEqualTo(2);
        assertThat(problem.path("event_id").isNull()).isTrue();
        assertThat(problem.path("expected_hash").asText())
                .isEqualTo(logged.get(0).path("hash").asText());
        assertThat(problem.path("found_hash").asText())
                .as("the third event still links to the deleted one")
                .isEqualTo(logged.get(1).path("hash").asText());
        assertThat(problem.path("message").asText())
                .contains(logged.get(2).path("event_id").asText());
    }

    @Test
    void getEventsHashesReVerifyWithSha256ComputedIndependently() {
        Person p = person("third party");
        List<JsonNode> logged = logThree(p);
        Http.Answer note = Http.send(
                "POST",
                server.baseUrl() + "/v1/events",
                p.key(),
                "{\"events\":[{\"type\":\"note.recorded\",\"occurred_at\":\"2026-11-26T08:00:00.5+01:00\","
                        + "\"data\":{\"text\":\"nach dem Bankdrücken \\\"schwer\\\"\\nok\",\"tags\":[\"gym\"]},"
                        + "\"idempotency_key\":\"c-4\"}]}");
        assertThat(note.status()).isEqualTo(200);
        String first = logged.get(0).path("event_id").asText();
        Http.Answer corrected = Http.send(
                "POST",
                server.baseUrl() + "/v1/events/" + first + "/corrections",
                p.key(),
                "{\"data\":{\"metric\":\"body_weight\",\"value\":81.5,\"unit\":\"kg\"},\"idempotency_key\":\"c-5\"}");
        assertThat(corrected.status()).isEqualTo(200);

        List<JsonNode> events = log(p);

        assertThat(events).hasSize(5);
        String previous = GENESIS_HEX;
        for (JsonNode e : events) {
            String at = "event " + e.path("sequence").asLong();
            assertThat(e.path("prev_hash").asText())
                    .as(at + " links to the one before")
                    .isEqualTo(previous);
            assertThat(e.path("hash").asText()).as(at + " hash").isEqualTo(hashOf(e, p.id()));
            previous = e.path("hash").asText();
        }
        assertThat(events.get(4).path("subject_event_id").asText()).isEqualTo(first);
        assertThat(verifyChain(p).at("/head/hash").asText()).isEqualTo(previous);
    }

    @Test
    void verifyChainAnswersOverMcpAndTheCli() {
        Person p = person("faces");
        List<JsonNode> logged = logThree(p);
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUrl())
                        .endpoint("/mcp")
                        .requestBuilder(
                                java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + p.key()))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .build()) {
            client.initialize();
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool("verify_chain", Map.of()));
            assertThat(result.isError()).isFalse();
            JsonNode data =
                    Json.mapper().valueToTree(result.structuredContent()).path("data");
            assertThat(data.path("ok").asBoolean()).isTrue();
            assertThat(data.path("events_checked").asLong()).isEqualTo(3);
            assertThat(data.at("/head/hash").asText())
                    .isEqualTo(logged.get(2).path("hash").asText());
        }

        CliRun cli = CliRun.against(server, "", "verify-chain");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.json().at("/data/ok").asBoolean()).isTrue();
    }

    @Test
    void aServerStartingOnATamperedLogWarnsNamingThePersonAndTheEventAndStartsAnyway() throws Exception {
        Person p = person("startup");
        List<JsonNode> logged = logThree(p);
        tamper("UPDATE events SET data = jsonb_set(data, '{value}', '56') WHERE user_id = ? AND sequence = 3", p.id());

        Logger logger = Logger.getLogger(ChainVerifier.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(capture);
        List<ChainVerifier.Report> broken;
        try (TdCore second = TdCore.open(Optional.of(server.databaseUrl()), TestDatabases.tempDir("td-chain"))) {
            assertThat(second.tools().manifests()).isNotEmpty();
            broken = second.chainCheckAtStart().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            logger.removeHandler(capture);
        }

        String eventId = logged.get(2).path("event_id").asText();
        assertThat(records)
                .filteredOn(r -> r.getLevel().equals(Level.WARNING))
                .extracting(LogRecord::getMessage)
                .anySatisfy(m -> assertThat(m).contains(p.id().toString(), eventId, "altered", "sequence 3"));
        assertThat(broken)
                .anySatisfy(r -> assertThat(r.userId()).isEqualTo(p.id()))
                .allSatisfy(r -> assertThat(r.ok()).isFalse());
    }

    // --- re-verification as a third party would do it, from the README recipe

    /** SHA-256(prev_hash bytes || UTF-8 canonical text) of one event as get_events returned it. */
    private static String hashOf(JsonNode e, UUID person) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("user_id", person.toString());
        c.put("event_id", e.path("event_id").asText());
        c.put("sequence", e.path("sequence").asLong());
        c.put("type", e.path("type").asText());
        c.put(
                "occurred_at",
                OffsetDateTime.parse(e.path("occurred_at").asText()).toInstant().toString());
        c.put("time_zone", e.path("time_zone").asText());
        c.put("recorded_at", e.path("recorded_at").asText());
        c.set("data", e.path("data"));
        c.set("metadata", e.path("metadata"));
        c.put("idempotency_key", e.path("idempotency_key").asText());
        c.set("subject_event_id", e.path("subject_event_id"));
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(HexFormat.of().parseHex(e.path("prev_hash").asText()));
            return HexFormat.of().formatHex(md.digest(canonical(c).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Keys sorted, no whitespace, numbers as plain decimals without trailing zeros, minimal escaping. */
    private static String canonical(JsonNode n) {
        StringBuilder out = new StringBuilder();
        write(n, out);
        return out.toString();
    }

    private static void write(JsonNode n, StringBuilder out) {
        if (n.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            n.properties().forEach(f -> sorted.put(f.getKey(), f.getValue()));
            out.append('{');
            String comma = "";
            for (Map.Entry<String, JsonNode> f : sorted.entrySet()) {
                out.append(comma);
                quote(f.getKey(), out);
                out.append(':');
                write(f.getValue(), out);
                comma = ",";
            }
            out.append('}');
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(n.get(i), out);
            }
            out.append(']');
        } else if (n.isTextual()) {
            quote(n.textValue(), out);
        } else if (n.isNumber()) {
            out.append(n.decimalValue().stripTrailingZeros().toPlainString());
        } else if (n.isBoolean()) {
            out.append(n.booleanValue());
        } else {
            out.append("null");
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        out.append('"');
    }
}
