package dev.td.importers.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One workout of a strength app's export written as td events: {@code session.started}, a {@code set.logged} per set,
 * {@code superset.started}/{@code superset.ended} around a superset's sets, and {@code session.ended}. Every event but
 * the end carries the workout's start. Sets are numbered in file order ({@code set_index} counts the session's sets, so
 * an app's per-exercise set number is kept only in the record id). Record ids are the workout's prefix (source, start,
 * name hash) and the event's kind: {@code session.started}, {@code set:<exercise>#<set number>} (with {@code #2}… when
 * an exercise's set number recurs in the workout), {@code superset.started:<id>}.
 */
final class Workout {

    private final String sessionId;
    private final Instant start;
    private final String recordPrefix;
    private final DraftSink sink;
    private final Map<String, Integer> setKeys = new HashMap<>();
    private int nextSetIndex;

    /**
     * @param recordPrefix what every record id of the workout starts with, e.g. {@code strong:20241128T173608|1a2b3c4d|}
     */
    Workout(String sessionId, Instant start, String recordPrefix, DraftSink sink) {
        this.sessionId = sessionId;
        this.start = start;
        this.recordPrefix = recordPrefix;
        this.sink = sink;
    }

    String sessionId() {
        return sessionId;
    }

    void started(Optional<String> name, Optional<String> notes, String where) {
        ObjectNode data = EventData.object().put("session_id", sessionId);
        name.ifPresent(n -> EventData.putText(data, "name", n, 200, sink, where));
        notes.ifPresent(n -> EventData.putText(data, "notes", n, 5000, sink, where));
        emit("session.started", start, data, "session.started");
    }

    /** A new set's data with its session, exercise and type; the caller adds what the row has, then {@link #log}s it. */
    ObjectNode set(String exercise, String setType, String where) {
        ObjectNode data = EventData.object().put("session_id", sessionId);
        EventData.putText(data, "exercise", exercise, 200, sink, where);
        return data.put("set_type", setType);
    }

    /** Numbers the set and hands it to the sink; {@code setNumber} is the app's own (per exercise) set order. */
    void log(ObjectNode set, String exercise, String setNumber) {
        set.put("set_index", nextSetIndex++);
        String key = exercise + "#" + setNumber;
        int seen = setKeys.merge(key, 1, Integer::sum);
        emit("set.logged", start, set, "set:" + (seen == 1 ? key : key + "#" + seen));
    }

    void supersetStarted(String supersetId, String sourceId) {
        ObjectNode data = EventData.object().put("session_id", sessionId).put("superset_id", supersetId);
        emit("superset.started", start, data, "superset.started:" + sourceId);
    }

    void supersetEnded(String supersetId, String sourceId) {
        ObjectNode data = EventData.object().put("session_id", sessionId).put("superset_id", supersetId);
        emit("superset.ended", start, data, "superset.ended:" + sourceId);
    }

    void ended(Instant end) {
        emit("session.ended", end, EventData.object().put("session_id", sessionId), "session.ended");
    }

    private void emit(String type, Instant at, ObjectNode data, String kind) {
        sink.accept(new Draft(type, at, Optional.empty(), data, RecordKey.fit(recordPrefix, kind)));
    }
}
