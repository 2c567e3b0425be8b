package dev.td.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.Fact;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.Projection;
import dev.td.server.projections.ProjectionEngine;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.TestDatabases;
import dev.td.tools.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The projection law for metrics: a history of readings with mistakes, corrected (another value, unit, metric or
 * day, across month ends and time zones) or voided, projects exactly like the history logged right. Each seed
 * logs random readings (registry metrics by name and alias in several units, labels, custom metrics in units
 * that convert and in ones that do not) in random batches with corrections and voids in between, then compares
 * every stored projection state with a pure fold of the intended history.
 */
class MetricsReplayPropertyTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<ZoneId> ZONES =
            List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));
    private static TdCore core;

    @BeforeAll
    static void open() {
        core = TdCore.open(Optional.of(TestDatabases.fresh()), TestDatabases.tempDir("td-metrics-prop"));
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void correctedReadingsProjectLikeReadingsLoggedRight(int seed) {
        Random random = new Random(seed);
        UUID person = core.accounts().createUser("metrics-prop-" + seed);
        Map<String, NewEvent> intended = new LinkedHashMap<>();
        Map<String, UUID> ids = new HashMap<>();
        List<NewEvent> pending = new ArrayList<>();
        // late January into February: readings cross a month end, in three zones
        Instant day = Instant.parse("2025-01-20T06:00:00Z");
        int compensations = 0;
        int readings = 40 + random.nextInt(40);
        for (int i = 0; i < readings; i++) {
            day = day.plus(random.nextInt(3) == 0 ? 1 : 0, ChronoUnit.DAYS);
            Instant at = day.plus(random.nextInt(20 * 60), ChronoUnit.MINUTES);
            pending.add(new NewEvent(
                    "metric.recorded",
                    at,
                    ZONES.get(random.nextInt(ZONES.size())),
                    reading(random),
                    "r-" + i,
                    meta(),
                    Optional.empty()));
            if (random.nextInt(6) == 0 || i == readings - 1) {
                for (StoredEvent e : core.events().append(person, pending)) {
                    ids.put(e.idempotencyKey(), e.eventId());
                }
                pending.forEach(e -> intended.put(e.idempotencyKey(), e));
                pending.clear();
                compensations += compensate(random, person, intended, ids);
            }
        }
        Map<String, Map<String, Object>> expected = foldIntended(intended, ids);
        for (Projection<?> p : core.projections().projections()) {
            JsonNode stored =
                    Json.mapper().valueToTree(new TreeMap<>(core.projections().readAll(person, p)));
            JsonNode replayed = Json.mapper().valueToTree(expected.get(p.name()));
            assertThat(stored)
                    .as(p.name() + " after " + compensations + " corrections/voids (seed " + seed + ")")
                    .isEqualTo(replayed);
        }
        assertThat(core.projections().readAll(person, new MetricDaysProjection(MetricRegistry.bundled())))
                .as("the history has readings")
                .isNotEmpty();
    }

    /** A random reading as metric.recorded data: a registry metric (name or alias, any accepted unit), a label, or a custom one. */
    private static ObjectNode reading(Random random) {
        ObjectNode d = JSON.objectNode();
        switch (random.nextInt(9)) {
            case 0 ->
                value(
                        d,
                        random.nextBoolean() ? "body_weight" : "weight",
                        70 + random.nextInt(200) / 10.0,
                        random.nextBoolean() ? "kg" : "lb");
            case 1 -> value(d, "steps", 1000 + random.nextInt(15000), "");
            case 2 ->
                value(
                        d,
                        "sleep_duration",
                        random.nextBoolean() ? 380 + random.nextInt(120) : 6 + random.nextInt(30) / 10.0,
                        random.nextBoolean() ? "min" : "");
            case 3 -> value(d, random.nextBoolean() ? "resting_hr" : "ruhepuls", 45 + random.nextInt(20), "bpm");
            case 4 -> value(d, "hrv", 40 + random.nextInt(50), random.nextInt(4) == 0 ? "s" : "ms");
            case 5 ->
                d.put("metric", "menstrual_phase")
                        .put(
                                "label",
                                List.of("period", "follicular", "ovulating", "luteal")
                                        .get(random.nextInt(4)));
            case 6 -> value(d, "grip_strength", 40 + random.nextInt(20), random.nextBoolean() ? "kg" : "lb");
            case 7 -> value(d, "water_glasses", 2 + random.nextInt(8), random.nextInt(5) == 0 ? "cups" : "glasses");
            default -> value(d, "focus", 1 + random.nextInt(10), "");
        }
        return d;
    }

    /** A numeric reading; {@code unit} empty: none given. */
    private static void value(ObjectNode d, String metric, double value, String unit) {
        d.put("metric", metric);
        d.set("value", JSON.numberNode(BigDecimal.valueOf(value)));
        if (!unit.isEmpty()) {
            d.put("unit", unit);
        }
    }

    /** Corrects or voids a few stored readings; returns how many compensations were appended. */
    private static int compensate(Random random, UUID person, Map<String, NewEvent> intended, Map<String, UUID> ids) {
        int done = 0;
        for (int i = 0; i < random.nextInt(4) && !intended.isEmpty(); i++) {
            List<String> keys = new ArrayList<>(intended.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            NewEvent original = Objects.requireNonNull(intended.get(key));
            UUID id = Objects.requireNonNull(ids.get(key));
            String compensationKey = "fix-" + key + "-" + random.nextInt(1_000_000);
            if (random.nextInt(3) == 0) {
                ObjectNode data =
                        JSON.objectNode().put("event_id", id.toString()).put("reason", "test");
                core.events()
                        .append(
                                person,
                                List.of(new NewEvent(
                                        "event.voided",
                                        original.occurredAt(),
                                        original.timeZone(),
                                        data,
                                        compensationKey,
                                        meta(),
                                        Optional.of(id))));
                intended.remove(key);
            } else {
                ObjectNode corrected = reading(random);
                // sometimes a day or two later or earlier: across a day, a month end, or the zone's midnight
                Instant when = random.nextBoolean()
                        ? original.occurredAt()
                        : original.occurredAt().plus(random.nextInt(5) - 2, ChronoUnit.DAYS);
                ObjectNode data = JSON.objectNode().put("event_id", id.toString());
                data.set("data", corrected);
                core.events()
                        .append(
                                person,
                                List.of(new NewEvent(
                                        "event.corrected",
                                        when,
                                        original.timeZone(),
                                        data,
                                        compensationKey,
                                        meta(),
                                        Optional.of(id))));
                intended.put(
                        key,
                        new NewEvent(
                                original.type(),
                                when,
                                original.timeZone(),
                                corrected,
                                key,
                                original.metadata(),
                                Optional.empty()));
            }
            done++;
        }
        return done;
    }

    /** The pure fold of the history as meant, in log order. */
    private static Map<String, Map<String, Object>> foldIntended(
            Map<String, NewEvent> intended, Map<String, UUID> ids) {
        Map<String, Map<String, Object>> states = new HashMap<>();
        core.projections().projections().forEach(p -> states.put(p.name(), new TreeMap<>()));
        Map<UUID, Long> sequence = sequences(ids);
        List<Map.Entry<String, NewEvent>> ordered = new ArrayList<>(intended.entrySet());
        ordered.sort(Comparator.comparingLong(
                e -> Objects.requireNonNull(sequence.get(Objects.requireNonNull(ids.get(e.getKey()))))));
        for (Map.Entry<String, NewEvent> e : ordered) {
            NewEvent n = e.getValue();
            UUID id = Objects.requireNonNull(ids.get(e.getKey()));
            Fact fact = new Fact(
                    id,
                    Objects.requireNonNull(sequence.get(id)),
                    n.type(),
                    n.occurredAt().atZone(n.timeZone()).toOffsetDateTime(),
                    n.data());
            TrainingEvent.of(fact)
                    .ifPresent(t -> core.projections()
                            .projections()
                            .forEach(p -> ProjectionEngine.fold(p, Objects.requireNonNull(states.get(p.name())), t)));
        }
        return states;
    }

    private static Map<UUID, Long> sequences(Map<String, UUID> ids) {
        Map<UUID, Long> sequence = new HashMap<>();
        try (var c = core.database().dataSource().getConnection();
                var ps = c.prepareStatement("SELECT event_id, sequence FROM events WHERE event_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.values().toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    sequence.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return sequence;
    }

    private static ObjectNode meta() {
        return JSON.objectNode().put("source", "api").put("agent", "property-test");
    }
}
