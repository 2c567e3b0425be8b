package dev.td.server.imports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What happened to one imported file, as get_import shows it: counts, the events stored by type, exercises created,
 * and the first {@value #MAX_PROBLEMS} problems (rejections, links, skips), each naming the record in the file.
 * Filled in while the import runs; one per import.
 */
final class ImportReport {

    static final int MAX_PROBLEMS = 50;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One record that was not stored as read, and why. */
    record Problem(String kind, String where, String reason, Optional<String> field, Optional<UUID> eventId) {}

    private final UUID importId;
    private final String fileName;
    private final long bytes;
    private final String sha256;
    private final Instant startedAt;
    private String format;
    private String status = "running";
    private String phase = "reading";
    private int read;
    private int stored;
    private int alreadyImported;
    private int linked;
    private int rejected;
    private int skipped;
    private final Map<String, Integer> byType = new TreeMap<>();
    private final List<String> exercisesCreated = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private Optional<String> error = Optional.empty();
    private Optional<Instant> finishedAt = Optional.empty();

    ImportReport(UUID importId, String format, String fileName, long bytes, String sha256, Instant startedAt) {
        this.importId = importId;
        this.format = format;
        this.fileName = fileName;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    UUID importId() {
        return importId;
    }

    String format() {
        return format;
    }

    void format(String recognized) {
        this.format = recognized;
    }

    String fileName() {
        return fileName;
    }

    long bytes() {
        return bytes;
    }

    String sha256() {
        return sha256;
    }

    String status() {
        return status;
    }

    Instant startedAt() {
        return startedAt;
    }

    Optional<Instant> finishedAt() {
        return finishedAt;
    }

    int storedCount() {
        return stored;
    }

    int alreadyImportedCount() {
        return alreadyImported;
    }

    void read(int n) {
        read = n;
    }

    void stored(String type) {
        stored++;
        byType.merge(type, 1, Integer::sum);
    }

    void alreadyImported() {
        alreadyImported++;
    }

    void exerciseCreated(String name) {
        exercisesCreated.add(name);
    }

    void rejected(String where, String reason, Optional<String> field) {
        rejected++;
        problem(new Problem("rejected", where, reason, field, Optional.empty()));
    }

    void linked(String where, String reason, UUID kept) {
        linked++;
        problem(new Problem("linked", where, reason, Optional.empty(), Optional.of(kept)));
    }

    void skipped(String where, String reason) {
        skipped++;
        problem(new Problem("skipped", where, reason, Optional.empty(), Optional.empty()));
    }

    private void problem(Problem p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
    }

    /** Where a running import is: reading (its exercises, first) or storing. */
    void phase(String now) {
        phase = now;
    }

    void done(Instant at) {
        status = "done";
        phase = "done";
        finishedAt = Optional.of(at.truncatedTo(ChronoUnit.MILLIS));
    }

    void refused(String why, Instant at) {
        // the file's events were rolled back with the refusal (exercises created before them stay, and are listed)
        stored = 0;
        byType.clear();
        status = "rejected";
        phase = "done";
        error = Optional.of(why);
        finishedAt = Optional.of(at.truncatedTo(ChronoUnit.MILLIS));
    }

    ObjectNode toJson() {
        ObjectNode out = JSON.objectNode();
        out.put("import_id", importId.toString());
        out.put("status", status);
        out.put("phase", phase);
        out.put("format", format);
        out.putObject("file").put("name", fileName).put("bytes", bytes).put("sha256", sha256);
        out.put("read", read);
        out.put("stored", stored);
        out.put("already_imported", alreadyImported);
        out.put("linked", linked);
        out.put("rejected", rejected);
        out.put("skipped", skipped);
        ObjectNode types = out.putObject("by_type");
        byType.forEach(types::put);
        ArrayNode created = out.putArray("exercises_created");
        exercisesCreated.forEach(created::add);
        ArrayNode list = out.putArray("problems");
        for (Problem p : problems) {
            ObjectNode o = list.addObject()
                    .put("kind", p.kind())
                    .put("where", p.where())
                    .put("reason", p.reason());
            p.field().ifPresent(f -> o.put("field", f));
            p.eventId().ifPresent(id -> o.put("event_id", id.toString()));
        }
        error.ifPresent(e -> out.put("error", e));
        out.put("started_at", startedAt.toString());
        finishedAt.ifPresent(f -> out.put("finished_at", f.toString()));
        return out;
    }
}
