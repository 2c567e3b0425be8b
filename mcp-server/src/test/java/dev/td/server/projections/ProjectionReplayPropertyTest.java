package dev.td.server.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.Fact;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TrainingEvent;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.TestDatabases;
import dev.td.tools.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The law every projection obeys: logging a history with mistakes and then correcting or voiding
 * them leaves every projection exactly as if the history had been logged right in the first place.
 * Each seed generates a random history (sessions, sets in kg and lb, warm-ups, RPE/RIR, profile
 * changes), logs it in random batches with random corrections and voids in between, and compares
 * the stored projection states with a pure fold of the intended history.
 */
class ProjectionReplayPropertyTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> EXERCISES =
            List.of("barbell-bench-press", "barbell-back-squat", "conventional-deadlift", "pull-up");
    private static TdCore core;

    @BeforeAll
    static void open() throws Exception {
        core = TdCore.open(Optional.of(TestDatabases.fresh()), TestDatabases.tempDir("td-prop"));
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void correctedHistoryProjectsLikeAHistoryLoggedRight(int seed) {
        Random random = new Random(seed);
        UUID person = core.accounts().createUser("prop-" + seed);
        Map<String, NewEvent> intended = new LinkedHashMap<>();
        Map<String, UUID> ids = new HashMap<>();
        List<NewEvent> pending = new ArrayList<>();
        Instant day = Instant.parse("2025-01-06T17:00:00Z");
        int compensations = 0;
        for (int session = 0; session < 12 + random.nextInt(10); session++) {
            day = day.plus(1 + random.nextInt(4), ChronoUnit.DAYS);
            String sessionId = "s" + seed + "-" + session;
            pending.add(event(
                    "session.started", day, JSON.objectNode().put("session_id", sessionId), "start-" + sessionId));
            for (int set = 0; set < 3 + random.nextInt(8); set++) {
                pending.add(event(
                        "set.logged",
                        day.plusSeconds(set * 180L),
                        set(random, sessionId),
                        "set-" + sessionId + "-" + set));
            }
            if (random.nextInt(5) == 0) {
                pending.add(event(
                        "profile.updated",
                        day,
                        JSON.objectNode().put("weight_unit", random.nextBoolean() ? "kg" : "lb"),
                        "profile-" + session));
            }
            if (random.nextInt(3) == 0) {
                ObjectNode health = health(random, null);
                pending.add(event(health.remove("type").asText(), day, health, "health-" + sessionId));
            }
            pending.add(event(
                    "session.ended",
                    day.plusSeconds(3600),
                    JSON.objectNode().put("session_id", sessionId).put("session_rpe", 1 + random.nextInt(10)),
                    "end-" + sessionId));
            if (random.nextInt(3) == 0 || session % 4 == 3) {
                for (StoredEvent e : core.events().append(person, pending)) {
                    ids.put(e.idempotencyKey(), e.eventId());
                }
                pending.forEach(e -> intended.put(e.idempotencyKey(), e));
                pending.clear();
                compensations += compensate(random, person, intended, ids);
            }
        }
        for (StoredEvent e : core.events().append(person, pending)) {
            ids.put(e.idempotencyKey(), e.eventId());
        }
        pending.forEach(e -> intended.put(e.idempotencyKey(), e));
        compensations += compensate(random, person, intended, ids);

        Map<String, Map<String, Object>> expected = foldIntended(intended, ids);
        for (Projection<?> p : core.projections().projections()) {
            JsonNode stored = Json.mapper().valueToTree(core.projections().readAll(person, p));
            JsonNode replayed = Json.mapper().valueToTree(expected.get(p.name()));
            assertThat(stored)
                    .as(p.name() + " after " + compensations + " corrections/voids (seed " + seed + ")")
                    .isEqualTo(replayed);
        }
    }

    /** Corrects or voids a few stored sets; returns how many compensations were appended. */
    private static int compensate(Random random, UUID person, Map<String, NewEvent> intended, Map<String, UUID> ids) {
        List<String> sets = compensable(intended);
        int done = 0;
        for (int i = 0; i < random.nextInt(3) && !sets.isEmpty(); i++) {
            String key = sets.get(random.nextInt(sets.size()));
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
                ObjectNode corrected = key.startsWith("health-")
                        ? health(random, original.type())
                        : set(random, original.data().get("session_id").asText());
                corrected.remove("type");
                Instant when = random.nextBoolean()
                        ? original.occurredAt()
                        : original.occurredAt().plus(random.nextInt(3) - 1, ChronoUnit.DAYS);
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
            sets = compensable(intended);
            done++;
        }
        return done;
    }

    /** The events a history's compensations pick from: sets and health events. */
    private static List<String> compensable(Map<String, NewEvent> intended) {
        return intended.keySet().stream()
                .filter(k -> k.startsWith("set-") || k.startsWith("health-"))
                .toList();
    }

    /**
     * An injury report or resolution, or a program start or phase change, about one of a few ids (so that
     * reports update, resolutions close and reopenings happen); of {@code type} when given, with a "type" field
     * the caller removes.
     */
    private static ObjectNode health(Random random, @org.jspecify.annotations.Nullable String type) {
        List<String> types = List.of("injury.reported", "injury.resolved", "program.started", "program.phase_changed");
        String t = type != null ? type : types.get(random.nextInt(types.size()));
        ObjectNode d = JSON.objectNode().put("type", t);
        switch (t) {
            case "injury.reported" -> {
                d.put("injury_id", "inj-" + random.nextInt(3));
                d.put("body_part", List.of("knee", "lower_back", "shoulder").get(random.nextInt(3)));
                d.put("side", List.of("left", "right", "none").get(random.nextInt(3)));
                d.put("severity", List.of("mild", "moderate", "severe").get(random.nextInt(3)));
                if (random.nextBoolean()) {
                    d.put("since", "2025-01-0" + (1 + random.nextInt(5)));
                }
                if (random.nextBoolean()) {
                    d.putArray("patterns").add("squat");
                }
            }
            case "injury.resolved" -> d.put("injury_id", "inj-" + random.nextInt(3));
            case "program.started" -> {
                d.put("program_id", "prog-" + random.nextInt(2)).put("name", "plan " + random.nextInt(5));
                if (random.nextBoolean()) {
                    d.put("phase", "base").put("week", 1 + random.nextInt(4));
                }
            }
            default -> {
                d.put("program_id", "prog-" + random.nextInt(2));
                d.put("phase", List.of("build", "peak", "taper").get(random.nextInt(3)));
                if (random.nextBoolean()) {
                    d.put("sessions_per_week", random.nextInt(7));
                }
            }
        }
        return d;
    }

    /** The pure fold of the history as meant, in log order. */
    private static Map<String, Map<String, Object>> foldIntended(
            Map<String, NewEvent> intended, Map<String, UUID> ids) {
        Map<String, Map<String, Object>> states = new HashMap<>();
        core.projections().projections().forEach(p -> states.put(p.name(), new java.util.TreeMap<>()));
        List<Map.Entry<String, NewEvent>> ordered = new ArrayList<>(intended.entrySet());
        Map<UUID, Long> sequence = sequences(ids);
        ordered.sort(java.util.Comparator.comparingLong(
                e -> Objects.requireNonNull(sequence.get(Objects.requireNonNull(ids.get(e.getKey()))))));
        for (Map.Entry<String, NewEvent> e : ordered) {
            NewEvent n = e.getValue();
            UUID id = Objects.requireNonNull(ids.get(e.getKey()));
            long seq = Objects.requireNonNull(sequence.get(id));
            Fact fact = new Fact(
                    id, seq, n.type(), n.occurredAt().atZone(n.timeZone()).toOffsetDateTime(), n.data());
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

    private static ObjectNode set(Random random, String sessionId) {
        ObjectNode d = JSON.objectNode().put("session_id", sessionId);
        String exercise = EXERCISES.get(random.nextInt(EXERCISES.size()));
        d.put("exercise", exercise).put("exercise_id", exercise);
        if (!exercise.equals("pull-up") || random.nextBoolean()) {
            boolean lb = random.nextInt(4) == 0;
            d.putObject("weight")
                    .put("value", (lb ? 95 : 40) + 2.5 * random.nextInt(40))
                    .put("unit", lb ? "lb" : "kg");
        }
        d.put("reps", 1 + random.nextInt(15));
        switch (random.nextInt(3)) {
            case 0 -> d.put("rpe", 6 + 0.5 * random.nextInt(9));
            case 1 -> d.put("rir", random.nextInt(5));
            default -> {}
        }
        d.put(
                "set_type",
                List.of("warmup", "working", "working", "working", "amrap", "failure", "drop")
                        .get(random.nextInt(7)));
        return d;
    }

    private static NewEvent event(String type, Instant at, ObjectNode data, String key) {
        return new NewEvent(type, at, ZoneId.of("Europe/Berlin"), data, key, meta(), Optional.empty());
    }

    private static ObjectNode meta() {
        return JSON.objectNode().put("source", "api").put("agent", "property-test");
    }
}
