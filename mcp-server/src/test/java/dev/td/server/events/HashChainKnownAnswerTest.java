package dev.td.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hash chain against answers worked out without td: three fixed events, their canonical text
 * typed by hand from the recipe in README ("Checking the hash chain yourself"), and their hashes
 * computed with coreutils and xxd, not with td's code:
 *
 * <pre>
 * h1=$( { head -c 32 /dev/zero; printf '%s' "$c1"; } | sha256sum )
 * h2=$( { printf '%s' "$h1" | xxd -r -p; printf '%s' "$c2"; } | sha256sum )     # and so on
 * </pre>
 *
 * Then every hashed field is changed in turn: each change must change the hash, so a field that
 * falls out of the chain (or stops reaching it) fails here by name.
 */
class HashChainKnownAnswerTest {

    private static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID FIRST = UUID.fromString("0190a000-0000-7000-8000-000000000001");

    // The canonical texts, typed by hand: keys sorted, no whitespace, 100.0 -> 100, 80.50 -> 80.5,
    // a newline as backslash-u-000a, non-ASCII as itself, instants as java.time.Instant prints them.
    private static final String C1 =
            "{\"data\":{\"exercise\":\"bench\",\"exercise_id\":\"barbell-bench-press\",\"reps\":5,"
                    + "\"session_id\":\"s-1\",\"set_type\":\"working\",\"weight\":{\"unit\":\"kg\",\"value\":100}},"
                    + "\"event_id\":\"0190a000-0000-7000-8000-000000000001\",\"idempotency_key\":\"w1/bench/1\","
                    + "\"metadata\":{\"agent\":\"claude-desktop\",\"source\":\"mcp\"},\"occurred_at\":\"2026-11-24T17:05:00Z\","
                    + "\"recorded_at\":\"2026-11-24T17:06:00.123456Z\",\"sequence\":1,\"subject_event_id\":null,"
                    + "\"time_zone\":\"Europe/Berlin\",\"type\":\"set.logged\",\"user_id\":\"00000000-0000-4000-8000-000000000001\"}";
    private static final String C2 =
            "{\"data\":{\"metric\":\"body_weight\",\"note\":\"nach dem Bankdrücken \\\"schwer\\\"\\u000aok\","
                    + "\"unit\":\"kg\",\"value\":80.5},\"event_id\":\"0190a000-0000-7000-8000-000000000002\","
                    + "\"idempotency_key\":\"bw-2026-11-25\",\"metadata\":{\"agent\":\"td\",\"source\":\"cli\"},"
                    + "\"occurred_at\":\"2026-11-25T06:30:00Z\",\"recorded_at\":\"2026-11-25T06:31:00Z\",\"sequence\":2,"
                    + "\"subject_event_id\":null,\"time_zone\":\"Europe/Berlin\",\"type\":\"metric.recorded\","
                    + "\"user_id\":\"00000000-0000-4000-8000-000000000001\"}";
    private static final String C3 =
            "{\"data\":{\"event_id\":\"0190a000-0000-7000-8000-000000000001\",\"reason\":\"wrong exercise\"},"
                    + "\"event_id\":\"0190a000-0000-7000-8000-000000000003\",\"idempotency_key\":\"void-1\","
                    + "\"metadata\":{\"agent\":\"coach-bot\",\"source\":\"api\"},\"occurred_at\":\"2026-11-24T17:05:00Z\","
                    + "\"recorded_at\":\"2026-11-26T08:00:00.500Z\",\"sequence\":3,"
                    + "\"subject_event_id\":\"0190a000-0000-7000-8000-000000000001\",\"time_zone\":\"Europe/Berlin\","
                    + "\"type\":\"event.voided\",\"user_id\":\"00000000-0000-4000-8000-000000000001\"}";

    // sha256sum over (previous hash bytes || UTF-8 canonical text), starting from 32 zero bytes.
    private static final String H1 = "75f4c59ef50e04d225f6326678721552b48d969d9f68f34f085515a667a76411";
    private static final String H2 = "dcea238322ca726ae60c2338fa9a080afc9c0b5a8152c53350ca29dae83def27";
    private static final String H3 = "4dc6b6174b3ac59eff8592e267258bd2d46c27e7a309f1ca90417b73976f3d9b";

    /** One event's hashed fields, as the store seals them, by their name in the canonical text. */
    private record Fields(Map<String, Object> values) {

        static Fields of(
                UUID user,
                UUID id,
                long sequence,
                String type,
                Instant occurredAt,
                String zone,
                Instant recordedAt,
                ObjectNode data,
                ObjectNode metadata,
                String key,
                Optional<UUID> subject) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("user_id", user);
            v.put("event_id", id);
            v.put("sequence", sequence);
            v.put("type", type);
            v.put("occurred_at", occurredAt);
            v.put("time_zone", zone);
            v.put("recorded_at", recordedAt);
            v.put("data", data);
            v.put("metadata", metadata);
            v.put("idempotency_key", key);
            v.put("subject_event_id", subject);
            return new Fields(v);
        }

        /** The same event with one field changed. */
        Fields with(String field, Object value) {
            Map<String, Object> v = new LinkedHashMap<>(values);
            if (v.put(field, value) == null) {
                throw new IllegalArgumentException("no hashed field " + field);
            }
            return new Fields(v);
        }

        private <T> T get(String field, Class<T> type) {
            return type.cast(Objects.requireNonNull(values.get(field), field));
        }

        @SuppressWarnings("unchecked")
        String canonical() {
            return StoredEvent.canonical(
                    get("user_id", UUID.class),
                    get("event_id", UUID.class),
                    get("sequence", Long.class),
                    get("type", String.class),
                    get("occurred_at", Instant.class),
                    get("time_zone", String.class),
                    get("recorded_at", Instant.class),
                    get("data", ObjectNode.class),
                    get("metadata", ObjectNode.class),
                    get("idempotency_key", String.class),
                    (Optional<UUID>) get("subject_event_id", Optional.class));
        }
    }

    /** Data as an agent sends it: keys in any order, 100.0 with its trailing zero. */
    private static Fields firstSet() {
        return Fields.of(
                PERSON,
                FIRST,
                1,
                "set.logged",
                Instant.parse("2026-11-24T17:05:00Z"),
                "Europe/Berlin",
                Instant.parse("2026-11-24T17:06:00.123456Z"),
                json("{\"session_id\":\"s-1\",\"exercise\":\"bench\",\"exercise_id\":\"barbell-bench-press\","
                        + "\"weight\":{\"value\":100.0,\"unit\":\"kg\"},\"reps\":5,\"set_type\":\"working\"}"),
                json("{\"source\":\"mcp\",\"agent\":\"claude-desktop\"}"),
                "w1/bench/1",
                Optional.empty());
    }

    private static Fields bodyWeight() {
        return Fields.of(
                PERSON,
                UUID.fromString("0190a000-0000-7000-8000-000000000002"),
                2,
                "metric.recorded",
                Instant.parse("2026-11-25T06:30:00Z"),
                "Europe/Berlin",
                Instant.parse("2026-11-25T06:31:00Z"),
                json(
                        "{\"metric\":\"body_weight\",\"value\":80.50,\"unit\":\"kg\",\"note\":\"nach dem Bankdrücken \\\"schwer\\\"\\nok\"}"),
                json("{\"source\":\"cli\",\"agent\":\"td\"}"),
                "bw-2026-11-25",
                Optional.empty());
    }

    private static Fields voidOfFirst() {
        return Fields.of(
                PERSON,
                UUID.fromString("0190a000-0000-7000-8000-000000000003"),
                3,
                "event.voided",
                Instant.parse("2026-11-24T17:05:00Z"),
                "Europe/Berlin",
                Instant.parse("2026-11-26T08:00:00.5Z"),
                json("{\"event_id\":\"0190a000-0000-7000-8000-000000000001\",\"reason\":\"wrong exercise\"}"),
                json("{\"source\":\"api\",\"agent\":\"coach-bot\"}"),
                "void-1",
                Optional.of(FIRST));
    }

    @Test
    void theCanonicalTextOfEachEventIsTheOneTypedFromTheRecipe() {
        assertThat(firstSet().canonical()).isEqualTo(C1);
        assertThat(bodyWeight().canonical()).isEqualTo(C2);
        assertThat(voidOfFirst().canonical()).isEqualTo(C3);
    }

    @Test
    void theChainOverThreeEventsHasTheHashesSha256sumGives() {
        byte[] h1 = EventChain.sha256(EventStore.GENESIS, firstSet().canonical());
        byte[] h2 = EventChain.sha256(h1, bodyWeight().canonical());
        byte[] h3 = EventChain.sha256(h2, voidOfFirst().canonical());
        assertThat(hex(h1)).isEqualTo(H1);
        assertThat(hex(h2)).isEqualTo(H2);
        assertThat(hex(h3)).isEqualTo(H3);
    }

    @Test
    void theSameTextIsUtf8Bytes() {
        // the umlaut is two bytes (c3 bc) in what is hashed: the recipe hashes UTF-8, not UTF-16 or Latin-1
        assertThat(C2.getBytes(StandardCharsets.UTF_8)).hasSize(446);
    }

    /** Each hashed field, changed once: the new value. */
    private static Map<String, Object> tampering() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("user_id", UUID.fromString("00000000-0000-4000-8000-000000000002"));
        t.put("event_id", UUID.fromString("0190a000-0000-7000-8000-0000000000ff"));
        t.put("sequence", 2L);
        t.put("type", "custom.set");
        t.put("occurred_at", Instant.parse("2026-11-24T17:05:01Z"));
        t.put("time_zone", "Europe/Vienna");
        t.put("recorded_at", Instant.parse("2026-11-24T17:06:00.123457Z"));
        t.put(
                "data",
                json("{\"session_id\":\"s-1\",\"exercise\":\"bench\",\"exercise_id\":\"barbell-bench-press\","
                        + "\"weight\":{\"value\":100.5,\"unit\":\"kg\"},\"reps\":5,\"set_type\":\"working\"}"));
        t.put("metadata", json("{\"source\":\"mcp\",\"agent\":\"someone-else\"}"));
        t.put("idempotency_key", "w1/bench/2");
        t.put("subject_event_id", Optional.of(FIRST));
        return t;
    }

    static java.util.stream.Stream<String> hashedFields() {
        return tampering().keySet().stream();
    }

    @ParameterizedTest(name = "changing {0} changes the hash")
    @MethodSource("hashedFields")
    void changingAnyHashedFieldChangesTheHash(String field) {
        // compared with the untouched event's hash from the same code, so a field that never reaches
        // the canonical text leaves the two equal and fails here, whatever else changed
        Fields tampered =
                firstSet().with(field, Objects.requireNonNull(tampering().get(field)));
        assertThat(hex(EventChain.sha256(EventStore.GENESIS, tampered.canonical())))
                .as("hash after changing " + field)
                .isNotEqualTo(
                        hex(EventChain.sha256(EventStore.GENESIS, firstSet().canonical())));
    }

    @Test
    void changingThePreviousHashChangesTheHash() {
        byte[] otherPrevious = new byte[32];
        otherPrevious[31] = 1;
        assertThat(hex(EventChain.sha256(otherPrevious, C1))).isNotEqualTo(H1);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
