package dev.td.importers.td;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a td export ({@code export_data}) into the drafts of the effective history it holds.
 *
 * <p>Recognised by its {@code manifest.json}, whose {@code format} is {@value #FORMAT}, beside {@code events.jsonl}; a
 * zip cut short (no directory left to list) by its first entry, {@code events.jsonl}, which td writes first.
 *
 * <p>{@code events.jsonl} holds every stored event in sequence order. It is read twice, one line at a time: first to
 * check every line and the file's SHA-256 against the manifest and to find the compensation that counts for each event
 * ({@link Compensations}), then to hand over the drafts. Each original event becomes one draft of its type, with its
 * data, time and zone as last corrected, keyed by its event id; voided events are reported as skipped; corrections and
 * voids themselves are not imported. Nothing reaches the sink before the whole file has been checked.
 *
 * <p>The record id of an event is its id in the td that first stored it: its own event id, or, for an event that td
 * imported from yet another td's export (keyed {@code import:td:<id>}), that id. So an export that travels from one td
 * to another and back is recognised as what it is, and stores nothing twice.
 */
public final class TdExportImporter implements Importer {

    /** What {@code manifest.json} says in {@code format}. */
    public static final String FORMAT = "td-export";
    /** The newest {@code format_version} this importer reads. */
    public static final int FORMAT_VERSION = 1;

    static final String MANIFEST = "manifest.json";
    static final String EVENTS = "events.jsonl";
    private static final int MAX_MANIFEST_BYTES = 1 << 20;

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Override
    public Format format() {
        return Format.TD;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        if (!file.isZip()) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.path().toFile(), StandardCharsets.UTF_8)) {
            return zip.getEntry(EVENTS) != null && manifest(zip).isPresent();
        } catch (IOException | RuntimeException e) {
            // a zip cut short has no directory to list: td's export is the zip that starts with events.jsonl
            return EVENTS.equals(firstEntry(file.head()));
        }
    }

    @Override
    public void read(SourceFile file, ImportOptions options, DraftSink sink) {
        try (ZipFile zip = new ZipFile(file.path().toFile(), StandardCharsets.UTF_8)) {
            JsonNode manifest = manifest(zip)
                    .orElseThrow(() -> ImportException.badFile(file.name() + " has no manifest.json of a td export "
                            + "(format \"" + FORMAT + "\"); import the zip export_data made, unchanged"));
            int version = manifest.path("format_version").asInt(FORMAT_VERSION);
            if (version > FORMAT_VERSION) {
                throw ImportException.badFile(file.name() + " is a td export of format_version " + version
                        + ", newer than this td reads (" + FORMAT_VERSION + "); update td and import it again");
            }
            ZipEntry events = zip.getEntry(EVENTS);
            if (events == null) {
                throw ImportException.badFile(
                        file.name() + " has no events.jsonl: the export is incomplete; export it again");
            }
            Compensations counted = new Compensations();
            String sha256 = eachLine(zip, events, line -> {
                if (line.compensates()) {
                    counted.add(line);
                }
            });
            expectedSha256(manifest).ifPresent(expected -> {
                if (!expected.equalsIgnoreCase(sha256)) {
                    throw ImportException.badFile("events.jsonl does not have the SHA-256 manifest.json gives for it ("
                            + expected + ", the file's is " + sha256
                            + "): the export was changed or damaged; export it again");
                }
            });
            eachLine(zip, events, line -> {
                if (!line.compensates()) {
                    hand(line, counted, sink);
                }
            });
        } catch (IOException e) {
            throw ImportException.badFile(
                    file.name() + " is not a readable zip (" + e.getMessage()
                            + "): the export is damaged or cut short; download it again",
                    e);
        }
    }

    private static void hand(ExportLine line, Compensations counted, DraftSink sink) {
        Optional<Compensations.Counted> c = counted.of(line.eventId());
        if (c.isEmpty()) {
            sink.accept(new Draft(
                    line.type(), line.occurredAt(), Optional.of(line.timeZone()), line.data(), line.origin()));
            return;
        }
        switch (c.get()) {
            case Compensations.Voided v ->
                sink.skipped(
                        "events.jsonl line " + line.line(),
                        "event " + line.eventId() + " (" + line.type() + ") was voided (" + v.reason()
                                + "): not part of the effective history");
            case Compensations.Corrected k ->
                sink.accept(new Draft(
                        line.type(),
                        k.occurredAt(),
                        Optional.of(k.timeZone()),
                        k.data().deepCopy(),
                        line.origin()));
        }
    }

    /**
     * Calls {@code each} with every line of events.jsonl, checked, in order.
     *
     * @return the SHA-256 of the entry's bytes (hex)
     */
    private String eachLine(ZipFile zip, ZipEntry entry, Consumer<ExportLine> each) throws IOException {
        MessageDigest digest = sha256();
        int n = 0;
        try (InputStream raw = new DigestInputStream(zip.getInputStream(entry), digest);
                BufferedReader lines = new BufferedReader(new InputStreamReader(
                        raw,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            long sequence = 0;
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                n++;
                if (text.isBlank()) {
                    continue;
                }
                ExportLine line = ExportLine.of(parse(text, n), n);
                if (line.sequence() <= sequence) {
                    throw ExportLine.bad(
                            n,
                            "has sequence " + line.sequence() + " after " + sequence
                                    + ": events.jsonl must hold the log in sequence order");
                }
                sequence = line.sequence();
                each.accept(line);
            }
            raw.transferTo(OutputStream.nullOutputStream());
        } catch (CharacterCodingException e) {
            throw ExportLine.bad(n + 1, "is not UTF-8 text");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private JsonNode parse(String text, int line) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ExportLine.bad(line, "is not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** The manifest of a td export, if the zip has one that says so. */
    private Optional<JsonNode> manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            return Optional.empty();
        }
        try {
            JsonNode manifest = json.readTree(bytes);
            return manifest != null && FORMAT.equals(manifest.path("format").asText())
                    ? Optional.of(manifest)
                    : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The SHA-256 the manifest gives for events.jsonl, if it gives one. */
    private static Optional<String> expectedSha256(JsonNode manifest) {
        for (JsonNode f : manifest.path("files")) {
            if (EVENTS.equals(f.path("name").asText()) && f.path("sha256").isTextual()) {
                return Optional.of(f.get("sha256").textValue());
            }
        }
        return Optional.empty();
    }

    /** The name of a zip's first entry, from its local header at the start of the file ("" when there is none). */
    static String firstEntry(byte[] head) {
        if (head.length < 30) {
            return "";
        }
        int length = (head[26] & 0xff) | (head[27] & 0xff) << 8;
        return head.length < 30 + length ? "" : new String(head, 30, length, StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
