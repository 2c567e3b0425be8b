package dev.td.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.wiring.TdCore;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolInvoker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Plays an {@link AthleteGenerator}'s actions through the real tools, the way an agent would:
 * log_workout for each session, correct_event for typos, void_event for workouts logged twice.
 */
public final class AthleteDriver {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ToolInvoker tools;
    private final DataSource db;

    public AthleteDriver(TdCore core) {
        this.tools = core.tools();
        this.db = core.database().dataSource();
    }

    /** What was played: calls made, by kind. */
    public record Played(int workouts, int corrections, int voids) {}

    public Played play(Principal person, List<AthleteGenerator.Action> actions) {
        int workouts = 0;
        int corrections = 0;
        int voids = 0;
        for (AthleteGenerator.Action action : actions) {
            switch (action) {
                case AthleteGenerator.LogWorkout w -> {
                    call("log_workout", person, w.arguments());
                    workouts++;
                }
                case AthleteGenerator.CorrectSet c -> {
                    correct(person, c);
                    corrections++;
                }
                case AthleteGenerator.VoidWorkout v -> {
                    for (UUID id : idsWithKeyPrefix(person.userId(), v.workoutKey() + "/")) {
                        call(
                                "void_event",
                                person,
                                JSON.objectNode()
                                        .put("event_id", id.toString())
                                        .put("reason", v.reason())
                                        .put("idempotency_key", "void-" + id));
                    }
                    voids++;
                }
            }
        }
        return new Played(workouts, corrections, voids);
    }

    private void correct(Principal person, AthleteGenerator.CorrectSet c) {
        UUID id = idsWithKeyPrefix(person.userId(), c.setKey()).getFirst();
        ObjectNode data = storedData(person.userId(), id);
        data.putObject("weight").put("value", c.weight()).put("unit", c.unit());
        call(
                "correct_event",
                person,
                JSON.objectNode()
                        .put("event_id", id.toString())
                        .put("reason", "typo: one zero too many")
                        .put("idempotency_key", "fix-" + id)
                        .set("data", data));
    }

    private void call(String tool, Principal person, ObjectNode arguments) {
        tools.invoke(
                tool,
                person,
                arguments,
                new ToolCall.Origin(
                        "api", UUID.randomUUID().toString(), Optional.of("athlete-driver"), Optional.empty()));
    }

    private List<UUID> idsWithKeyPrefix(UUID user, String prefix) {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT event_id FROM events WHERE user_id = ? AND idempotency_key LIKE ? ORDER BY sequence")) {
            ps.setObject(1, user);
            ps.setString(2, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no events stored under " + prefix);
        }
        return ids;
    }

    private ObjectNode storedData(UUID user, UUID id) {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT data::text FROM events WHERE user_id = ? AND event_id = ?")) {
            ps.setObject(1, user);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (ObjectNode) dev.td.tools.Json.mapper().readTree(rs.getString(1));
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
