package dev.td.server.endurance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * The law of every projection, for activities: logging a history with mistakes and then correcting or voiding them
 * leaves every projection exactly as if the history had been logged right. Each seed generates months of runs, rides,
 * swims and walks (and a sport td does not know) in km, mi, m and yd, elevations in m and ft, laps, heart rates,
 * sample streams with gaps and glitches, some late at night and some on trips in another zone; logs them in random batches; corrects some (new distances,
 * units and times, some moved by a day across week and month boundaries) and voids others; and compares the stored
 * states of every projection with a pure fold of the intended history.
 */
class EnduranceReplayPropertyTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> SPORTS = List.of("run", "run", "ride", "swim", "walk", "kayak");
    private static final List<String> UNITS = List.of("km", "mi", "m", "yd");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static TdCore core;

    @BeforeAll
    static void open() {
        core = TdCore.open(Optional.of(TestDatabases.fresh()), TestDatabases.tempDir("td-endurance-prop"));
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void correctedActivityHistoryProjectsLikeAHistoryLoggedRight(int seed) {
        Random random = new Random(seed);
        UUID person = core.accounts().createUser("endurance-prop-" + seed);
        Map<String, NewEvent> intended = new LinkedHashMap<>();
        Map<String, UUID> ids = new HashMap<>();
        List<NewEvent> pending = new ArrayList<>();
        // late January: the history crosses month ends, ISO weeks and the switch to summer time (29 March)
        Instant day = Instant.parse("2026-01-26T06:00:00Z");
        int compensations = 0;
        for (int i = 0; i < 25 + random.nextInt(15); i++) {
            day = day.plus(1 + random.nextInt(3), ChronoUnit.DAYS);
            // mostly mornings; now and then 23:00-23:59 Berlin time, an hour before a new day, week or month
            Instant at = random.nextInt(5) == 0
                    ? day.plus(16, ChronoUnit.HOURS).plusSeconds(random.nextInt(3600))
                    : day.plusSeconds(random.nextInt(4 * 3600));
            ZoneId zone = random.nextInt(6) == 0 ? NEW_YORK : BERLIN;
            String key = "activity-" + seed + "-" + i;
            pending.add(new NewEvent(
                    "activity.logged",
                    at,
                    zone,
                    activity(random, "a" + seed + "-" + i),
                    key,
                    meta(),
                    Optional.empty()));
            if (random.nextInt(8) == 0) {
                pending.add(new NewEvent(
                        "profile.updated",
                        at,
                        zone,
                        JSON.objectNode().put("weight_unit", random.nextBoolean() ? "kg" : "lb"),
                        "profile-" + seed + "-" + i,
                        meta(),
                        Optional.empty()));
            }
            if (random.nextInt(3) == 0) {
                compensations += flush(random, person, pending, intended, ids);
            }
        }
        compensations += flush(random, person, pending, intended, ids);

        Map<String, Map<String, Object>> expected = foldIntended(intended, ids);
        for (Projection<?> p : core.projections().projections()) {
            JsonNode stored = Json.mapper().valueToTree(core.projections().readAll(person, p));
            JsonNode replayed = Json.mapper().valueToTree(expected.get(p.name()));
            assertThat(stored)
                    .as(p.name() + " after " + compensations + " corrections/voids (seed " + seed + ")")
                    .isEqualTo(replayed);
        }
        assertThat(intended.values().stream().filter(e -> e.type().equals("activity.logged")))
                .as("the history still holds activities")
                .isNotEmpty();
        assertThat(Json.mapper()
                        .valueToTree(core.projections().readAll(person, new BestEffortsProjection()))
                        .findValuesAsText("source"))
                .as("the history holds best efforts from samples")
                .contains("samples");
    }

    /** Appends what is pending, then corrects or voids a few stored activities; returns the compensations. */
    private static int flush(
            Random random, UUID person, List<NewEvent> pending, Map<String, NewEvent> intended, Map<String, UUID> ids) {
        for (StoredEvent e : core.events().append(person, pending)) {
            ids.put(e.idempotencyKey(), e.eventId());
        }
        pending.forEach(e -> intended.put(e.idempotencyKey(), e));
        pending.clear();
        int done = 0;
        for (int i = 0; i < random.nextInt(4); i++) {
            List<String> activities = intended.keySet().stream()
                    .filter(k -> k.startsWith("activity-"))
                    .toList();
            if (activities.isEmpty()) {
                break;
            }
            String key = activities.get(random.nextInt(activities.size()));
            NewEvent original = Objects.requireNonNull(intended.get(key));
            UUID id = Objects.requireNonNull(ids.get(key));
            String compensationKey = "fix-" + key + "-" + random.nextInt(1_000_000);
            if (random.nextInt(3) == 0) {
                core.events()
                        .append(
                                person,
                                List.of(new NewEvent(
                                        "event.voided",
                                        original.occurredAt(),
                                        original.timeZone(),
                                        JSON.objectNode()
                                                .put("event_id", id.toString())
                                                .put("reason", "test"),
                                        compensationKey,
                                        meta(),
                                        Optional.of(id))));
                intended.remove(key);
            } else {
                ObjectNode corrected =
                        activity(random, original.data().get("activity_id").asText());
                Instant when = random.nextBoolean()
                        ? original.occurredAt()
                        : original.occurredAt().plus(random.nextInt(3) - 1, ChronoUnit.DAYS);
                ObjectNode data = JSON.objectNode().put("event_id", id.toString());
                data.set("data", corrected);
                if (!when.equals(original.occurredAt())) {
                    data.put(
                            "occurred_at",
                            StoredEvent.iso(when.atZone(original.timeZone()).toOffsetDateTime()));
                    data.put("time_zone", original.timeZone().getId());
                }
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

    /** activity.logged data for a random activity: lengths in any unit, optional times, heart rate, laps. */
    private static ObjectNode activity(Random random, String activityId) {
        String sport = SPORTS.get(random.nextInt(SPORTS.size()));
        String unit = UNITS.get(random.nextInt(UNITS.size()));
        ObjectNode d = JSON.objectNode().put("activity_id", activityId).put("sport", sport);
        double km = 2 + random.nextInt(400) / 10.0;
        double value = switch (unit) {
            case "mi" -> Math.round(km / 1.609344 * 100) / 100.0;
            case "m" -> Math.round(km * 1000);
            case "yd" -> Math.round(km * 1000 / 0.9144);
            default -> km;
        };
        d.putObject("distance").put("value", value).put("unit", unit);
        int moving = 600 + random.nextInt(3 * 3600);
        if (random.nextInt(4) != 0) {
            d.put("moving_s", moving);
        }
        if (random.nextInt(3) != 0) {
            d.put("elapsed_s", moving + random.nextInt(600));
        }
        if (random.nextBoolean()) {
            boolean feet = random.nextBoolean();
            d.putObject("elevation_gain").put("value", random.nextInt(800)).put("unit", feet ? "ft" : "m");
        }
        if (random.nextBoolean()) {
            int avg = 110 + random.nextInt(60);
            d.put("avg_hr", avg).put("max_hr", avg + random.nextInt(30));
        }
        if (random.nextInt(4) == 0) {
            d.put("normalized_power_w", 150 + random.nextInt(150)).put("rpe", random.nextInt(11));
        }
        if (random.nextInt(4) == 0) {
            ArrayNode laps = d.putArray("laps");
            for (int l = 0; l < 1 + random.nextInt(4); l++) {
                ObjectNode lap = laps.addObject();
                lap.putObject("distance").put("value", 1).put("unit", unit);
                lap.put("elapsed_s", 200 + random.nextInt(400));
            }
        }
        if (random.nextInt(4) == 0) {
            samples(random, d.putObject("samples"));
        }
        return d;
    }

    /**
     * Time and distance streams as a watch records them, up to about 44 km (every best-effort distance but the
     * marathon now and then), with gaps (null) and GPS glitches that go back in distance.
     */
    private static void samples(Random random, ObjectNode samples) {
        ArrayNode time = samples.putArray("time_s");
        ArrayNode metres = samples.putArray("distance_m");
        int t = 0;
        int m = 0;
        for (int i = 0; i < 20 + random.nextInt(200); i++) {
            time.add(t);
            if (random.nextInt(30) == 0) {
                metres.addNull();
            } else {
                metres.add(m);
            }
            t += 5 + random.nextInt(60);
            m = Math.max(0, m + random.nextInt(200) - (random.nextInt(20) == 0 ? 300 : 0));
        }
    }

    private static ObjectNode meta() {
        return JSON.objectNode().put("source", "api").put("agent", "endurance-property-test");
    }
}
