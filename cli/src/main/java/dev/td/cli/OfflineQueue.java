package dev.td.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Idempotent writes made while the server was unreachable, one JSON object per line in
 * {@code <dataDir>/queue.jsonl}, sent in order by {@code td queue flush}. Replaying is safe
 * because every queued call carries its idempotency keys. A lock file serialises td processes.
 */
final class OfflineQueue {

    /** One queued tool call. */
    record QueuedCall(String tool, ObjectNode arguments, Instant queuedAt, String url) {
        QueuedCall {
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(arguments, "arguments");
            Objects.requireNonNull(queuedAt, "queuedAt");
            Objects.requireNonNull(url, "url");
        }

        ObjectNode toJson() {
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("tool", tool);
            json.set("arguments", arguments);
            json.put("queued_at", queuedAt.toString());
            json.put("url", url);
            return json;
        }

        static QueuedCall fromJson(JsonNode json) {
            if (!json.path("arguments").isObject()) {
                throw new IllegalArgumentException("arguments must be an object");
            }
            return new QueuedCall(
                    json.path("tool").asText(),
                    (ObjectNode) json.get("arguments"),
                    Instant.parse(json.path("queued_at").asText()),
                    json.path("url").asText());
        }
    }

    /** What to do with a queued call after trying to send it. */
    enum Outcome {
        /** It got a definitive answer (success or a rejection): drop it. */
        DONE,
        /** It could not be delivered for now: keep it and everything after it, stop. */
        KEEP_AND_STOP
    }

    private final Path file;
    private final Path lockFile;

    OfflineQueue(Path dataDir) {
        this.file = dataDir.resolve("queue.jsonl");
        this.lockFile = dataDir.resolve("queue.lock");
    }

    Path path() {
        return file;
    }

    void append(QueuedCall call) {
        locked(() -> {
            if (!Files.exists(file)) {
                Files.createFile(file, ConfigFile.ownerOnly("rw-------"));
            }
            return Files.writeString(
                    file,
                    line(call),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        });
    }

    List<QueuedCall> list() {
        if (!Files.exists(file)) {
            return List.of();
        }
        return locked(this::readAll);
    }

    /**
     * Offers each queued call, oldest first, to {@code send}; drops those it answers {@link Outcome#DONE},
     * and stops at the first {@link Outcome#KEEP_AND_STOP}, keeping that call and the rest in order.
     *
     * @return the calls still queued
     */
    List<QueuedCall> flush(Function<QueuedCall, Outcome> send) {
        if (!Files.exists(file)) {
            return List.of();
        }
        return locked(() -> {
            List<QueuedCall> calls = readAll();
            int done = 0;
            while (done < calls.size() && send.apply(calls.get(done)) == Outcome.DONE) {
                done++;
            }
            List<QueuedCall> remaining = List.copyOf(calls.subList(done, calls.size()));
            rewrite(remaining);
            return remaining;
        });
    }

    private List<QueuedCall> readAll() throws IOException {
        List<QueuedCall> calls = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                calls.add(QueuedCall.fromJson(Json.mapper().readTree(lines.get(i))));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(
                        "line " + (i + 1) + " of the offline queue " + file + " is damaged (" + e.getMessage()
                                + "); fix or delete that line, then run `td queue flush` again",
                        e);
            }
        }
        return calls;
    }

    private void rewrite(List<QueuedCall> calls) throws IOException {
        if (calls.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Path temp = Files.createTempFile(file.getParent(), "queue", ".tmp", ConfigFile.ownerOnly("rw-------"));
        StringBuilder text = new StringBuilder();
        for (QueuedCall call : calls) {
            text.append(line(call));
        }
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String line(QueuedCall call) throws JsonProcessingException {
        return Json.mapper().writeValueAsString(call.toJson()) + "\n";
    }

    private interface Action<T> {
        T run() throws IOException;
    }

    private <T> T locked(Action<T> action) {
        try {
            Files.createDirectories(file.getParent(), ConfigFile.ownerOnly("rwx------"));
            try (FileChannel channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return action.run();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the offline queue " + file + ": " + e.getMessage(), e);
        }
    }
}
