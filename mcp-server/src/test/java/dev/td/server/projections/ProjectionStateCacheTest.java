package dev.td.server.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.EventStore;
import dev.td.server.events.StoredEvent;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.TestDatabases;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine keeps the states it saves parsed, so a person's next append does not read them back;
 * a state saved by a transaction that then rolled back must never be folded into or read.
 */
class ProjectionStateCacheTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static TdCore core;
    private static String url;

    @BeforeAll
    static void open() {
        url = TestDatabases.fresh();
        core = TdCore.open(Optional.of(url), TestDatabases.tempDir("td-state-cache"));
        // after the projections (installed first): fails the append of any workout keyed "fail-…"
        core.events().addListener(new EventStore.AppendListener() {
            @Override
            public void appended(Connection tx, UUID userId, List<StoredEvent> events) {
                if (events.stream().anyMatch(e -> e.idempotencyKey().startsWith("fail-"))) {
                    throw new IllegalStateException("the append fails after its projections were written");
                }
            }
        });
    }

    @AfterAll
    static void close() {
        core.close();
    }

    private static void logBench(Principal person, String key, String startedAt, double kg) {
        ObjectNode args = JSON.objectNode().put("idempotency_key", key).put("started_at", startedAt);
        ObjectNode bench =
                args.putArray("exercises").addObject().put("exercise", "bench").put("unit", "kg");
        bench.putArray("sets").addObject().put("weight", kg).put("reps", 5);
        core.tools()
                .invoke(
                        "log_workout",
                        person,
                        args,
                        new ToolCall.Origin(
                                "api", UUID.randomUUID().toString(), Optional.of("test"), Optional.empty()));
    }

    /** The stored bench progression as JSON, read through the engine (and its cache). */
    private static JsonNode storedProgression(UUID user) {
        Projection<?> progression = core.projections().projections().stream()
                .filter(p -> p.name().equals("exercise_progression"))
                .findFirst()
                .orElseThrow();
        return Json.mapper()
                .valueToTree(core.projections()
                        .read(user, progression, "barbell-bench-press")
                        .orElseThrow());
    }

    private static JsonNode foldedFromLog(UUID user) {
        return Json.mapper()
                .valueToTree(core.projections()
                        .foldFromLog(user, "exercise_progression")
                        .get("barbell-bench-press"));
    }

    @Test
    void anAppendRolledBackAfterItsProjectionsWereSavedLeavesNoTraceInLaterStatesOrReads() {
        UUID user = core.accounts().createUser("rolled back");
        Principal person = new Principal(user, UUID.randomUUID(), "test", Set.of("*"));
        logBench(person, "w1", "2026-11-02T18:00:00+01:00", 100);

        assertThatThrownBy(() -> logBench(person, "fail-w2", "2026-11-04T18:00:00+01:00", 140))
                .hasMessageContaining("internal error in log_workout; nothing was stored");
        // no read in between: a read compares stamps and would replace a stale cached state itself
        logBench(person, "w3", "2026-11-06T18:00:00+01:00", 102.5);
        JsonNode sessions = storedProgression(user).get("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).get("date").asText()).isEqualTo("2026-11-02");
        assertThat(sessions.get(1).get("date").asText()).isEqualTo("2026-11-06");
        assertThat(storedProgression(user)).isEqualTo(foldedFromLog(user));
    }

    @Test
    void aPersonsAppendsFoldIntoWhatTheyLastSavedAsARecomputationFromTheLogWould() {
        UUID user = core.accounts().createUser("many workouts");
        Principal person = new Principal(user, UUID.randomUUID(), "test", Set.of("*"));
        for (int day = 1; day <= 9; day++) {
            logBench(person, "w" + day, "2026-10-0" + day + "T18:00:00+02:00", 90 + day);
        }
        JsonNode sessions = storedProgression(user).get("sessions");
        assertThat(sessions).hasSize(9);
        assertThat(sessions.get(8).get("date").asText()).isEqualTo("2026-10-09");
        assertThat(storedProgression(user)).isEqualTo(foldedFromLog(user));
    }

    @Test
    void aRangeReadSeesEveryWriteEvenAnotherProcesssAndAFailedOneNever() {
        UUID user = core.accounts().createUser("range reads");
        Principal person = new Principal(user, UUID.randomUUID(), "test", Set.of("*"));
        logBench(person, "r1", "2026-09-01T18:00:00+02:00", 100);
        logBench(person, "r2", "2026-10-01T18:00:00+02:00", 101);
        assertThat(sessionMonths(core, user)).containsExactly("2026-09", "2026-10");
        assertThat(sessionMonths(core, user))
                .as("read again: from the parsed states")
                .containsExactly("2026-09", "2026-10");

        assertThatThrownBy(() -> logBench(person, "fail-r3", "2026-11-01T18:00:00+01:00", 150))
                .hasMessageContaining("nothing was stored");
        assertThat(sessionMonths(core, user)).containsExactly("2026-09", "2026-10");

        // a second td process on the same database writes; this one's cached states must not hide it
        try (TdCore other = TdCore.open(Optional.of(url), TestDatabases.tempDir("td-state-cache-2"))) {
            other.tools()
                    .invoke(
                            "log_workout",
                            person,
                            JSON.objectNode()
                                    .put("idempotency_key", "r4")
                                    .put("started_at", "2026-10-02T18:00:00+02:00")
                                    .set("exercises", bench(103)),
                            new ToolCall.Origin(
                                    "api", UUID.randomUUID().toString(), Optional.of("test"), Optional.empty()));
        }
        java.util.Map<String, ?> months = core.projections().readRange(user, loadInputs(), "2026-09", "2026-10");
        assertThat(Json.mapper().valueToTree(months.get("2026-10")).toString())
                .as("the month the other process wrote to, read anew")
                .contains("2026-10-02");
        JsonNode read = Json.mapper().valueToTree(months);
        JsonNode folded = Json.mapper().valueToTree(core.projections().foldFromLog(user, "load_inputs"));
        assertThat(read).isEqualTo(folded);
    }

    @Test
    void aStateAWhatIfFoldedIsNeverReadBackEvenWhenALaterRowTakesItsStamp() throws Exception {
        UUID user = core.accounts().createUser("what if");
        Principal person = new Principal(user, UUID.randomUUID(), "test", Set.of("*"));
        logBench(person, "h1", "2026-11-02T18:00:00+01:00", 100);
        JsonNode committed = storedProgression(user);
        ObjectNode set = JSON.objectNode()
                .put("session_id", "proposed")
                .put("exercise", "bench")
                .put("exercise_id", "barbell-bench-press")
                .put("set_type", "working")
                .put("reps", 5);
        set.putObject("weight").put("value", 140).put("unit", "kg");
        Object[] stamp = new Object[2];
        JsonNode inside = core.events()
                .hypothetically(
                        user,
                        List.of(new dev.td.server.events.NewEvent(
                                "set.logged",
                                java.time.Instant.parse("2026-11-04T17:00:00Z"),
                                java.time.ZoneId.of("Europe/Berlin"),
                                set,
                                "proposed-1",
                                JSON.objectNode().put("source", "api"),
                                Optional.empty())),
                        log -> {},
                        applied -> {
                            try (Connection c = core.database().dataSource().getConnection();
                                    java.sql.ResultSet rs = c.createStatement()
                                            .executeQuery("SELECT last_sequence, updated_at FROM projection_states"
                                                    + " WHERE user_id = '" + user + "' AND projection ="
                                                    + " 'exercise_progression' AND key = 'barbell-bench-press'")) {
                                rs.next();
                                stamp[0] = rs.getLong(1);
                                stamp[1] = rs.getTimestamp(2);
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                            return storedProgression(user);
                        });
        assertThat(inside.get("sessions"))
                .as("inside, the proposed session is folded in")
                .hasSize(2);

        // a later write that happens to leave the row with the what-if's stamp (same sequence, same time): the engine
        // must read the row, not a state it kept from the what-if
        try (Connection owner = core.database().ownerConnection();
                java.sql.PreparedStatement ps = owner.prepareStatement(
                        "UPDATE projection_states SET last_sequence = ?, updated_at = ? WHERE user_id = ? AND"
                                + " projection = 'exercise_progression' AND key = 'barbell-bench-press'")) {
            ps.setLong(1, (Long) stamp[0]);
            ps.setTimestamp(2, (java.sql.Timestamp) stamp[1]);
            ps.setObject(3, user);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(storedProgression(user)).isEqualTo(committed);
        assertThat(storedProgression(user).get("sessions")).hasSize(1);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode bench(double kg) {
        com.fasterxml.jackson.databind.node.ArrayNode exercises = JSON.arrayNode();
        ObjectNode bench = exercises.addObject().put("exercise", "bench").put("unit", "kg");
        bench.putArray("sets").addObject().put("weight", kg).put("reps", 5);
        return exercises;
    }

    private static Projection<?> loadInputs() {
        return core.projections().projections().stream()
                .filter(p -> p.name().equals("load_inputs"))
                .findFirst()
                .orElseThrow();
    }

    private static java.util.List<String> sessionMonths(TdCore td, UUID user) {
        return java.util.List.copyOf(
                td.projections().readAll(user, loadInputs()).keySet());
    }
}
