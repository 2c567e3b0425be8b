package dev.td.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sealing new events onto a chain, checked with the JDK's SHA-256 directly: each hash is
 * SHA-256(previous hash ‖ UTF-8 canonical text), starting from the head's hash; the canonical text
 * itself is pinned byte for byte by {@link HashChainKnownAnswerTest}.
 */
class SealerTest {

    private static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-000000000007");
    private static final byte[] HEAD_HASH =
            HexFormat.of().parseHex("75f4c5a3f0f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607186411");

    private static NewEvent event(String key, double kg) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("value", kg).put("unit", "kg");
        return new NewEvent(
                "metric.recorded",
                Instant.parse("2026-11-24T06:30:00.123456789Z"),
                ZoneId.of("Europe/Berlin"),
                data,
                key,
                JsonNodeFactory.instance.objectNode().put("agent", "test"),
                Optional.empty());
    }

    private static byte[] sha256(byte[] previous, String text) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(previous);
        md.update(text.getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }

    @Test
    void eachSealedEventTakesTheNextSequenceAndChainsItsHashOnThePreviousOne() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EventChain.Sealer sealer = new EventChain.Sealer(PERSON, new EventChain.Head(41, HEAD_HASH));
        StoredEvent first = sealer.seal(event("k-1", 81.4));
        StoredEvent second = sealer.seal(event("k-2", 81.2));

        assertThat(first.sequence()).isEqualTo(42);
        assertThat(second.sequence()).isEqualTo(43);
        assertThat(first.hash()).isEqualTo(sha256(HEAD_HASH, first.canonical()));
        assertThat(second.hash()).isEqualTo(sha256(first.hash(), second.canonical()));
        assertThat(first.hash()).isNotEqualTo(second.hash());
        // what the next event follows: the last sealed one
        assertThat(sealer.head().sequence()).isEqualTo(43);
        assertThat(sealer.head().hash()).isEqualTo(second.hash());
        assertThat(new EventChain.Sealer(PERSON, new EventChain.Head(41, HEAD_HASH))
                        .head()
                        .sequence())
                .as("before any event: the head it was given")
                .isEqualTo(41);

        // one recording time per call, in microseconds; ids are version 7 of that millisecond
        assertThat(first.recordedAt()).isEqualTo(second.recordedAt());
        assertThat(first.recordedAt()).isBetween(before, Instant.now());
        assertThat(first.recordedAt().truncatedTo(ChronoUnit.MICROS)).isEqualTo(first.recordedAt());
        assertThat(first.eventId().version()).isEqualTo(7);
        assertThat(first.eventId().getMostSignificantBits() >>> 16)
                .isEqualTo(first.recordedAt().toEpochMilli());
        assertThat(first.eventId()).isNotEqualTo(second.eventId());

        // the event's own fields, the occurred time truncated to microseconds in the event's zone
        assertThat(first.userId()).isEqualTo(PERSON);
        assertThat(first.type()).isEqualTo("metric.recorded");
        assertThat(first.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(StoredEvent.iso(first.occurredAt())).isEqualTo("2026-11-24T07:30:00.123456+01:00");
        assertThat(first.idempotencyKey()).isEqualTo("k-1");
        assertThat(first.data().path("value").asDouble()).isEqualTo(81.4);
        assertThat(first.metadata().path("agent").asText()).isEqualTo("test");
        assertThat(first.subject()).isEmpty();
        assertThat(first.replayed()).isFalse();
        assertThat(first.asReplay().replayed()).isTrue();
        assertThat(first.asReplay().hash()).isEqualTo(first.hash());
    }

    @Test
    void theEventAsToolsReturnItCarriesItsHashInHex() {
        StoredEvent e = new EventChain.Sealer(PERSON, new EventChain.Head(0, EventStore.GENESIS)).seal(event("k", 80));
        ObjectNode json = e.toJson();
        assertThat(json.path("hash").asText()).isEqualTo(HexFormat.of().formatHex(e.hash()));
        assertThat(json.path("sequence").asLong()).isEqualTo(1);
        assertThat(json.path("event_id").asText()).isEqualTo(e.eventId().toString());
        assertThat(json.path("occurred_at").asText()).isEqualTo("2026-11-24T07:30:00.123456+01:00");
        assertThat(json.path("idempotency_key").asText()).isEqualTo("k");
        assertThat(json.path("type").asText()).isEqualTo("metric.recorded");
        assertThat(json.path("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(json.path("recorded_at").asText()).isEqualTo(e.recordedAt().toString());
        assertThat(json.path("data").path("unit").asText()).isEqualTo("kg");
        assertThat(json.path("metadata").path("agent").asText()).isEqualTo("test");
    }
}
