package dev.td.server.imports;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.Importers;
import dev.td.importers.SourceFile;
import dev.td.server.events.EventMetadata;
import dev.td.server.events.EventStore;
import dev.td.server.events.JsonFields;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.server.profile.Profiles;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.Progress;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** import_file and get_import. */
final class ImportTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int LATEST = 10;
    /**
     * Drafts checked and written at a time. The store writes a batch while the next one is read and checked, so two
     * are in memory; smaller batches overlap more of the two, larger ones pay less per statement (bin/bench import: a
     * Strong history as fast with 2,000 as with 5,000, slower with 10,000).
     */
    static final int BATCH = 5_000;
    /** Sample points (and drafts) a batch holds at most: a batch of long activities is flushed early. */
    static final long BATCH_POINTS = 100_000;

    private final Profiles profiles;
    private final DraftEvents drafts;
    private final ImportLedger ledger;
    private final EventStore store;
    private final Uploads uploads;

    ImportTools(Profiles profiles, DraftEvents drafts, ImportLedger ledger, EventStore store, Uploads uploads) {
        this.profiles = profiles;
        this.drafts = drafts;
        this.ledger = ledger;
        this.store = store;
        this.uploads = uploads;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("import_file", this::importFile).handle("get_import", this::getImport);
    }

    /** The file a call names, on disk: where, under which name, from which argument, and whether to delete it after. */
    private record Incoming(Path path, String name, String field, boolean temporary, Optional<UUID> upload) {}

    private Envelope importFile(ToolCall call) {
        UUID user = call.principal().userId();
        ObjectNode a = call.arguments();
        Incoming in = incoming(user, a);
        try {
            return importFrom(call, user, a, in);
        } finally {
            if (in.temporary()) {
                try {
                    Files.deleteIfExists(in.path());
                } catch (IOException e) {
                    // the temporary folder's own cleanup takes it
                }
            }
        }
    }

    private Envelope importFrom(ToolCall call, UUID user, ObjectNode a, Incoming in) {
        SourceFile file = SourceFile.of(in.path(), in.name());
        Importer importer = importerFor(a, file);
        Instant started = Instant.now();
        ImportReport report = new ImportReport(
                UUID.randomUUID(), importer.format().id(), in.name(), size(in.path()), sha256(in.path()), started);
        ledger.start(user, report);
        Thread heartbeat = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Thread.sleep(ImportLedger.HEARTBEAT);
                    ledger.heartbeat(user, report.importId());
                }
            } catch (InterruptedException e) {
                // the import ended
            } catch (RuntimeException e) {
                // a missed heartbeat only makes a reader call the import interrupted early
            }
        });
        try {
            return read(call, user, a, in, file, importer, report);
        } finally {
            heartbeat.interrupt();
        }
    }

    private Envelope read(
            ToolCall call,
            UUID user,
            ObjectNode a,
            Incoming in,
            SourceFile file,
            Importer importer,
            ImportReport report) {
        Optional<String> unit = JsonFields.text(a, "weight_unit")
                .or(() -> profiles.profile(user).weightUnit());
        ImportOptions options = new ImportOptions(profiles.timeZoneOf(user), unit);
        ObjectNode metadata = EventMetadata.of(call, Optional.empty());
        metadata.put("via", call.origin().source());
        metadata.put("source", "import");
        metadata.putObject("import")
                .put("import_id", report.importId().toString())
                .put("format", importer.format().id())
                .put("file", in.name());
        DraftEvents.Plan plan = new DraftEvents.Plan(
                options.zone(),
                metadata,
                a.path("confirm_unusual").asBoolean(false),
                !"keep".equals(a.path("duplicates").asText("link")));
        Format format = importer.format();
        Progress.report(0, 0, "reading " + in.name() + " as " + format.id());
        try {
            Map<String, String> exerciseIds = Map.of();
            if (DraftEvents.namesExercises(format)) {
                List<Draft> about = new ArrayList<>();
                importer.read(file, options, sink(about::add, (where, why) -> {}));
                exerciseIds = drafts.exercises(user, format, about, plan, report);
            }
            report.phase("storing");
            ledger.save(user, report);
            Map<String, String> ids = exerciseIds;
            store.appendInOne(user, batches -> {
                Batch batch = new Batch(user, format, plan, report, ids, batches, in.name());
                importer.read(file, options, sink(batch::add, report::skipped));
                batch.flush();
                return batch;
            });
        } catch (ImportException e) {
            throw refuse(
                    user,
                    report,
                    e.callerMustChoose() ? "$.weight_unit" : "$." + in.field(),
                    String.valueOf(e.getMessage()));
        } catch (ToolException e) {
            report.refused(String.valueOf(e.getMessage()), Instant.now());
            ledger.save(user, report);
            throw e;
        } catch (RuntimeException e) {
            throw refuse(
                    user,
                    report,
                    "$." + in.field(),
                    "td could not read " + in.name() + " as "
                            + format.id() + " (" + e + "). If the file "
                            + "opens in the app it came from, this is a td bug: report it with the file");
        }
        report.done(Instant.now());
        ledger.save(user, report);
        Progress.report(
                report.storedCount(),
                report.storedCount(),
                "imported " + in.name() + ": " + report.storedCount() + " new events");
        in.upload().ifPresent(id -> uploads.discard(user, id));
        return Envelope.of(report.toJson(), Meta.now(call.origin().requestId()));
    }

    private static DraftSink sink(Consumer<Draft> drafts, BiConsumer<String, String> skips) {
        return new DraftSink() {
            @Override
            public void accept(Draft draft) {
                drafts.accept(draft);
            }

            @Override
            public void skipped(String where, String reason) {
                skips.accept(where, reason);
            }
        };
    }

    /**
     * The drafts of a file on their way into its one transaction: checked and written {@value #BATCH} at a time (fewer
     * when they carry many samples), so an import holds one batch in memory, not the file.
     */
    private final class Batch {
        private final UUID user;
        private final Format format;
        private final DraftEvents.Plan plan;
        private final ImportReport report;
        private final Map<String, String> exerciseIds;
        private final EventStore.Batches batches;
        private final String name;
        private final Set<String> seen = new HashSet<>();
        private final List<Draft> pending = new ArrayList<>();
        private long weight;
        private int read;

        Batch(
                UUID user,
                Format format,
                DraftEvents.Plan plan,
                ImportReport report,
                Map<String, String> exerciseIds,
                EventStore.Batches batches,
                String name) {
            this.user = user;
            this.format = format;
            this.plan = plan;
            this.report = report;
            this.exerciseIds = exerciseIds;
            this.batches = batches;
            this.name = name;
        }

        void add(Draft draft) {
            pending.add(draft);
            read++;
            weight += 1 + draft.data().path("samples").path("time_s").size();
            if (pending.size() >= BATCH || weight >= BATCH_POINTS) {
                flush();
            }
        }

        void flush() {
            report.read(read);
            List<NewEvent> events = drafts.prepare(user, format, pending, plan, report, exerciseIds, seen);
            for (StoredEvent e : batches.append(events)) {
                report.stored(e.type());
            }
            pending.clear();
            weight = 0;
            Progress.report(report.storedCount(), 0, "stored " + report.storedCount() + " new events of " + name);
        }
    }

    private ToolException refuse(UUID user, ImportReport report, String field, String why) {
        report.refused(why, Instant.now());
        ledger.save(user, report);
        String said = why.strip();
        String end = said.endsWith(".") || said.endsWith(")") ? " " : ". ";
        return ToolException.invalid(
                field, said + end + "Nothing of the file was stored (import " + report.importId() + ").");
    }

    private static Importer importerFor(ObjectNode a, SourceFile file) {
        Optional<String> asked = JsonFields.text(a, "format");
        if (asked.isPresent()) {
            Format format = Format.byId(asked.get()).orElseThrow();
            return Importers.of(format)
                    .orElseThrow(() -> ToolException.invalid(
                            "$.format",
                            "td cannot import " + format.id() + " files yet; formats it reads: " + known()));
        }
        return Importers.detect(file)
                .orElseThrow(() -> ToolException.invalid(
                        "$.file_name",
                        "td does not recognize " + file.name() + " as a file it imports (" + known()
                                + "); if it is one of them, say which with format"));
    }

    private static String known() {
        return Importers.all().stream().map(i -> i.format().id()).collect(Collectors.joining(", "));
    }

    private Incoming incoming(UUID user, ObjectNode a) {
        int given = (a.has("content_base64") ? 1 : 0) + (a.has("upload_id") ? 1 : 0) + (a.has("path") ? 1 : 0);
        if (given != 1) {
            throw ToolException.invalid(
                    "$",
                    given == 0
                            ? "give the file: content_base64 with file_name (small files), upload_id (PUT /v1/uploads),"
                                    + " or path (a file on the server)"
                            : "give the file one way only: content_base64, upload_id or path");
        }
        if (a.has("content_base64")) {
            String name = JsonFields.text(a, "file_name")
                    .orElseThrow(() -> ToolException.invalid(
                            "$.file_name", "name the file (e.g. run.fit): the name helps tell its format"));
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(a.get("content_base64").asText());
            } catch (IllegalArgumentException e) {
                throw ToolException.invalid(
                        "$.content_base64",
                        "content_base64 is not base64 (" + e.getMessage() + "); encode the file's bytes");
            }
            try {
                Path tmp = Files.createTempFile("td-import", ".bin");
                Files.write(tmp, bytes);
                return new Incoming(tmp, name, "content_base64", true, Optional.empty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (a.has("upload_id")) {
            UUID id = UUID.fromString(a.get("upload_id").asText());
            Uploads.Upload upload = uploads.find(user, id)
                    .orElseThrow(() -> ToolException.notFound(
                            "$.upload_id",
                            "no upload " + id + " of yours (uploads are kept a day, until imported); upload the file "
                                    + "again with PUT /v1/uploads"));
            String name = JsonFields.text(a, "file_name").orElse(upload.name());
            return new Incoming(uploads.pathOf(user, id), name, "upload_id", false, Optional.of(id));
        }
        Path path = uploads.readable(a.get("path").asText());
        String name = JsonFields.text(a, "file_name").orElse(path.getFileName().toString());
        return new Incoming(path, name, "path", false, Optional.empty());
    }

    private Envelope getImport(ToolCall call) {
        UUID user = call.principal().userId();
        ObjectNode data = JSON.objectNode();
        var list = data.putArray("imports");
        Optional<String> id = JsonFields.text(call.arguments(), "import_id");
        if (id.isPresent()) {
            list.add(ledger.find(user, UUID.fromString(id.get()))
                    .orElseThrow(() -> ToolException.notFound(
                            "$.import_id",
                            "no import " + id.get() + " of yours; get_import without an id lists the latest")));
        } else {
            ledger.latest(user, LATEST).forEach(list::add);
        }
        return Envelope.of(data, Meta.now(call.origin().requestId()));
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
