package dev.td.server.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.td.TdExportImporter;
import dev.td.server.access.AccessLogStore;
import dev.td.server.events.EffectiveLog;
import dev.td.server.events.EventQuery;
import dev.td.server.events.Fact;
import dev.td.server.events.StoredEvent;
import dev.td.server.projections.Projection;
import dev.td.server.projections.ProjectionEngine;
import dev.td.tools.Json;
import dev.td.tools.TdVersion;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes one person's export zip from one snapshot of the database (a read-only repeatable-read transaction), every
 * file streamed: the log page by page, the projections and the access log row by row. The files, in this order:
 * {@value #EVENTS}, {@value #EFFECTIVE}, {@code projections/<name>.csv}, {@value #ACCESS_LOG}, {@value #README} and
 * {@value #MANIFEST} (last, since it names the SHA-256 of every other file). The format is the README's
 * ({@code td/exports/README.md}).
 */
final class ExportWriter {

    static final String EVENTS = "events.jsonl";
    static final String EFFECTIVE = "effective.jsonl";
    static final String PROJECTIONS = "projections/";
    static final String ACCESS_LOG = "access_log.jsonl";
    static final String README = "README.md";
    static final String MANIFEST = "manifest.json";
    private static final String GENESIS = "0".repeat(64);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DataSource db;
    private final EventQuery queries;
    private final ProjectionEngine projections;
    private final AccessLogStore accessLog;
    private final EffectiveLog effective = new EffectiveLog();
    private final ProjectionTables tables = new ProjectionTables();
    private final ObjectMapper json = Json.mapper();

    ExportWriter(DataSource db, EventQuery queries, ProjectionEngine projections, AccessLogStore accessLog) {
        this.db = db;
        this.queries = queries;
        this.projections = projections;
        this.accessLog = accessLog;
    }

    /**
     * What was written: the zip's size and SHA-256, its files, and the log's length and head.
     *
     * @param files every file of the zip, the manifest last
     */
    record Written(
            long bytes,
            String sha256,
            long events,
            long headSequence,
            String headHash,
            List<DigestedZip.Entry> files) {}

    /** Writes the person's export to {@code file}, which must not exist yet. */
    Written write(UUID user, UUID exportId, Instant exportedAt, Path file) {
        MessageDigest whole = DigestedZip.sha256();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Counts counts;
                List<DigestedZip.Entry> files;
                try (DigestOutputStream out = new DigestOutputStream(
                                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), whole);
                        DigestedZip zip = new DigestedZip(new BufferedOutputStream(out, 1 << 16))) {
                    counts = contents(c, user, zip);
                    ObjectNode manifest = manifest(user, exportId, exportedAt, counts, zip.entries());
                    zip.add(MANIFEST, o -> json.writerWithDefaultPrettyPrinter().writeValue(o, manifest));
                    files = zip.entries();
                }
                return new Written(
                        Files.size(file),
                        HexFormat.of().formatHex(whole.digest()),
                        counts.events,
                        counts.sequence,
                        counts.hash,
                        files);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export " + exportId + " could not read the log: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("export " + exportId + " could not be written", e);
        }
    }

    /** Every file but the manifest, read on {@code c}; what they hold, counted. */
    private Counts contents(Connection c, UUID user, DigestedZip zip) throws IOException, SQLException {
        Counts counts = new Counts();
        zip.add(
                EVENTS,
                o -> queries.forEachInLog(c, user, e -> {
                    line(o, e);
                    counts.event(e);
                }));
        zip.add(
                EFFECTIVE,
                o -> effective.forEach(c, user, Long.MAX_VALUE, Optional.empty(), f -> {
                    line(o, fact(f));
                    counts.facts++;
                }));
        for (Projection<?> p : projections.projections()) {
            String name = PROJECTIONS + p.name() + ".csv";
            zip.add(
                    name,
                    o -> counts.tables
                            .addObject()
                            .put("name", p.name())
                            .put("version", p.version())
                            .put("states", tables.write(c, user, p.name(), o))
                            .put("file", name));
        }
        zip.add(
                ACCESS_LOG,
                o -> accessLog.forEachAbout(c, user, e -> {
                    line(o, e.toJson());
                    counts.accesses++;
                }));
        zip.add(README, o -> o.write(readme()));
        return counts;
    }

    private static ObjectNode manifest(
            UUID user, UUID exportId, Instant exportedAt, Counts counts, List<DigestedZip.Entry> files) {
        ObjectNode manifest = JSON.objectNode()
                .put("format", TdExportImporter.FORMAT)
                .put("format_version", TdExportImporter.FORMAT_VERSION)
                .put("td_version", TdVersion.CURRENT)
                .put("export_id", exportId.toString())
                .put("user_id", user.toString())
                .put("exported_at", exportedAt.toString())
                .put("events", counts.events)
                .put("effective_events", counts.facts)
                .put("access_log_entries", counts.accesses);
        manifest.putObject("head").put("sequence", counts.sequence).put("hash", counts.hash);
        manifest.set("projections", counts.tables);
        ArrayNode listed = manifest.putArray("files");
        files.forEach(f ->
                listed.addObject().put("name", f.name()).put("bytes", f.bytes()).put("sha256", f.sha256()));
        return manifest;
    }

    /** One JSON value on a line of its own. */
    private void line(OutputStream out, JsonNode value) {
        try {
            out.write(json.writeValueAsBytes(value));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode fact(Fact f) {
        ObjectNode e = JSON.objectNode();
        e.put("event_id", f.eventId().toString());
        e.put("sequence", f.sequence());
        e.put("type", f.type());
        e.put("occurred_at", StoredEvent.iso(f.occurredAt()));
        e.set("data", f.data());
        return e;
    }

    private static byte[] readme() throws IOException {
        try (InputStream in = ExportWriter.class.getClassLoader().getResourceAsStream("td/exports/README.md")) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource td/exports/README.md");
            }
            return in.readAllBytes();
        }
    }

    /** What the files hold as they are written: the log's length and head, and the other files' rows. */
    private static final class Counts {
        long events;
        long sequence;
        String hash = GENESIS;
        long facts;
        long accesses;
        final ArrayNode tables = JSON.arrayNode();

        void event(JsonNode event) {
            events++;
            sequence = event.path("sequence").asLong();
            hash = event.path("hash").asText();
        }
    }
}
