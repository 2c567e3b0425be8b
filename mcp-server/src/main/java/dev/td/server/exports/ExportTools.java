package dev.td.server.exports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** export_data: the calling person's record as a zip, kept a day for {@code GET /v1/exports/{id}}. */
final class ExportTools {

    /** Where an export is downloaded, its id appended. */
    static final String DOWNLOAD = "/v1/exports/";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ExportWriter writer;
    private final Exports exports;

    ExportTools(ExportWriter writer, Exports exports) {
        this.writer = writer;
        this.exports = exports;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("export_data", this::export);
    }

    private Envelope export(ToolCall call) {
        UUID user = call.principal().userId();
        UUID id = UUID.randomUUID();
        Path part = exports.reserve(user, id);
        ExportWriter.Written written;
        try {
            written = writer.write(user, id, Instant.now().truncatedTo(ChronoUnit.MILLIS), part);
        } catch (RuntimeException e) {
            exports.discard(part);
            throw e;
        }
        Exports.Export export = exports.publish(user, id, part);
        ObjectNode data = JSON.objectNode();
        data.put("export_id", id.toString());
        data.put("bytes", written.bytes());
        data.put("sha256", written.sha256());
        data.put("events", written.events());
        ArrayNode files = data.putArray("files");
        written.files()
                .forEach(f -> files.addObject()
                        .put("name", f.name())
                        .put("bytes", f.bytes())
                        .put("sha256", f.sha256()));
        data.put("download", DOWNLOAD + id);
        data.put(
                "expires_at", export.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
        return Envelope.of(data, Meta.now(call.origin().requestId()));
    }
}
