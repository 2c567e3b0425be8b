package dev.td.server.strength;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.EffectiveLog;
import dev.td.server.events.Fact;
import dev.td.server.profile.Profiles;
import dev.td.server.profile.ZoneInUse;
import dev.td.server.projections.AsOf;
import dev.td.server.projections.ProjectionEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads the strength projections and renders them as JSON in the person's unit. */
final class TrainingViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DataSource db;
    private final ProjectionEngine engine;
    private final SessionSummaryProjection sessions = new SessionSummaryProjection();
    private final PersonalRecordsProjection records = new PersonalRecordsProjection();
    private final Profiles profiles;

    TrainingViews(DataSource db, ProjectionEngine engine, Profiles profiles) {
        this.db = db;
        this.engine = engine;
        this.profiles = profiles;
    }

    PersonalRecordsProjection records() {
        return records;
    }

    /** The records of one exercise as they stand (empty records when nothing was logged). */
    PersonalRecordsProjection.Records recordsOf(UUID user, String exerciseId) {
        return engine.read(user, records, exerciseId).orElseGet(() -> records.empty(exerciseId));
    }

    Optional<SessionSummaryProjection.Summary> session(UUID user, String sessionId) {
        return engine.read(user, sessions, sessionId);
    }

    /** The effective facts of one session, in log order. */
    List<Fact> sessionFacts(UUID user, String sessionId) {
        List<Fact> facts = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            Optional<AsOf.Cut> then = AsOf.of(user); // a session as it stood at a past moment asked for
            new EffectiveLog()
                    .forEachOfSession(
                            c,
                            user,
                            sessionId,
                            then.map(AsOf.Cut::knownUpTo).orElse(Long.MAX_VALUE),
                            then.flatMap(AsOf.Cut::occurredBefore),
                            facts::add);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return facts;
    }

    /** The zone the person's days are counted in, and where it comes from. */
    ZoneInUse zone(UUID user) {
        return profiles.zoneInUse(user);
    }

    Units units(UUID user) {
        return profiles.profile(user).weightUnit().map(Units::new).orElse(Units.KG);
    }

    /** The latest session started within {@code window} before {@code at}. */
    Optional<String> recentSession(UUID user, Instant at, Duration window) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT key FROM projection_states WHERE user_id = ? AND projection = ? AND state ->> 'startedAt' IS NOT NULL"
                                + " AND (state ->> 'startedAt')::timestamptz BETWEEN ? AND ? ORDER BY (state ->> 'startedAt')::timestamptz DESC LIMIT 1")) {
            ps.setObject(1, user);
            ps.setString(2, SessionSummaryProjection.NAME);
            ps.setTimestamp(3, Timestamp.from(at.minus(window)));
            ps.setTimestamp(4, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode summaryJson(SessionSummaryProjection.Summary s, Units units) {
        ObjectNode n = JSON.objectNode();
        n.put("session_id", s.sessionId());
        n.put("name", s.name().orElse(null));
        n.put("date", s.date().orElse(null));
        n.put("started_at", s.startedAt().orElse(null));
        n.put("started_event_id", s.startedEventId().orElse(null));
        n.put("ended_at", s.endedAt().orElse(null));
        if (s.sessionRpe().isPresent()) {
            n.put("session_rpe", s.sessionRpe().getAsDouble());
        } else {
            n.putNull("session_rpe");
        }
        n.put("notes", s.notes().orElse(null));
        n.put("sets", s.sets());
        n.put("working_sets", s.workingSets());
        n.put("hard_sets", s.hardSets());
        n.set("volume", units.load(s.volumeKg()));
        ArrayNode exercises = n.putArray("exercises");
        for (SessionSummaryProjection.ExerciseDone e : s.exercises()) {
            ObjectNode x = exercises.addObject();
            x.put("exercise_id", e.exerciseId());
            x.put("exercise", e.exercise());
            x.put("sets", e.sets());
            x.put("working_sets", e.workingSets());
            x.put("hard_sets", e.hardSets());
            x.put("reps", e.reps());
            x.set("volume", units.load(e.volumeKg()));
            x.set(
                    "top_set",
                    e.topSet()
                            .<com.fasterxml.jackson.databind.JsonNode>map(t -> topSetJson(t, units))
                            .orElse(JSON.nullNode()));
        }
        return n;
    }

    ObjectNode topSetJson(SessionSummaryProjection.TopSet t, Units units) {
        ObjectNode n = JSON.objectNode();
        n.set("weight", units.load(t.weightKg()));
        n.put("reps", t.reps());
        if (t.rpe().isPresent()) {
            n.put("rpe", t.rpe().getAsDouble());
        }
        n.put("event_id", t.eventId());
        return n;
    }

    ObjectNode recordJson(String exerciseId, String kind, PersonalRecordsProjection.Pr pr, Units units) {
        ObjectNode n = JSON.objectNode();
        n.put("exercise_id", exerciseId);
        n.put("record", kind);
        n.set("weight", units.load(pr.weightKg()));
        n.put("reps", pr.reps());
        if (kind.equals("e1rm")) {
            n.set("e1rm", units.load(pr.valueKg()));
        }
        n.put("date", pr.date());
        n.put("event_id", pr.eventId());
        n.put("session_id", pr.sessionId());
        return n;
    }

    /** The records in {@code after} that beat everything in {@code before} for as many reps, with the previous best. */
    List<ObjectNode> newRecords(
            PersonalRecordsProjection.Records before, PersonalRecordsProjection.Records after, Units units) {
        return changesJson(after.exerciseId(), RepRecords.gained(before, after), units);
    }

    /** The records of {@code before} a correction or void took back, each with what holds it now (or null). */
    List<ObjectNode> revisedRecords(
            PersonalRecordsProjection.Records before, PersonalRecordsProjection.Records after, Units units) {
        return changesJson(after.exerciseId(), RepRecords.lost(before, after), units);
    }

    private List<ObjectNode> changesJson(String exerciseId, List<RepRecords.Change> changes, Units units) {
        List<ObjectNode> found = new ArrayList<>();
        for (RepRecords.Change c : changes) {
            ObjectNode n = c.now()
                    .map(pr -> recordJson(exerciseId, c.kind(), pr, units))
                    .orElseGet(() -> JSON.objectNode()
                            .put("exercise_id", exerciseId)
                            .put("record", c.kind())
                            .putNull("weight"));
            n.set(
                    "previous",
                    c.previousKg().isPresent() ? units.load(c.previousKg().getAsDouble()) : JSON.nullNode());
            found.add(n);
        }
        return found;
    }
}
