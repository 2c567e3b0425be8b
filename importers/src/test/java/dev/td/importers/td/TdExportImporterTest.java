package dev.td.importers.td;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.importers.Collected;
import dev.td.importers.Draft;
import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importers;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A td export read back: the effective history of the log it holds (corrections applied, voids dropped, compensations
 * not imported), and every way a damaged export is refused. The exports are written here by hand, line by line, as
 * the export's README describes them.
 */
class TdExportImporterTest {

    @TempDir
    Path dir;

    private static final ImportOptions OPTIONS = new ImportOptions(ZoneOffset.UTC, Optional.empty());

    /** No subject: not a compensation. */
    private static final String NONE = "";

    private static final String SET_1 = "019a0000-0000-7000-8000-000000000001";
    private static final String SET_2 = "019a0000-0000-7000-8000-000000000002";
    private static final String WEIGHT = "019a0000-0000-7000-8000-000000000003";

    /** A log of three events, a correction of the first (weight and time) and a void of the second. */
    private static final List<String> LOG = List.of(
            event(
                    1,
                    SET_1,
                    "set.logged",
                    "2026-11-24T18:00:00+01:00",
                    "Europe/Berlin",
                    "{\"exercise\":\"bench\","
                            + "\"exercise_id\":\"barbell-bench-press\",\"session_id\":\"s1\",\"set_type\":\"working\","
                            + "\"weight\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}",
                    NONE),
            event(
                    2,
                    SET_2,
                    "set.logged",
                    "2026-11-24T18:05:00+01:00",
                    "Europe/Berlin",
                    "{\"exercise\":\"bench\","
                            + "\"exercise_id\":\"barbell-bench-press\",\"session_id\":\"s1\",\"set_type\":\"working\","
                            + "\"reps\":5}",
                    NONE),
            event(
                    3,
                    WEIGHT,
                    "metric.recorded",
                    "2026-11-25T07:00:00-05:00",
                    "America/New_York",
                    "{\"metric\":\"body_weight\",\"value\":80.50,\"unit\":\"kg\"}",
                    NONE),
            event(
                    4,
                    "019a0000-0000-7000-8000-000000000004",
                    "event.corrected",
                    "2026-11-24T19:00:00+01:00",
                    "Europe/Berlin",
                    "{\"event_id\":\"" + SET_1 + "\",\"data\":{\"exercise\":\"bench\","
                            + "\"exercise_id\":\"barbell-bench-press\",\"session_id\":\"s1\",\"set_type\":\"working\","
                            + "\"weight\":{\"value\":102.5,\"unit\":\"kg\"},\"reps\":5},"
                            + "\"occurred_at\":\"2026-11-24T19:00:00+01:00\",\"time_zone\":\"Europe/Berlin\"}",
                    SET_1),
            event(
                    5,
                    "019a0000-0000-7000-8000-000000000005",
                    "event.voided",
                    "2026-11-24T18:05:00+01:00",
                    "Europe/Berlin",
                    "{\"event_id\":\"" + SET_2 + "\",\"reason\":\"logged twice\"}",
                    SET_2),
            event(
                    6,
                    "019a0000-0000-7000-8000-000000000006",
                    "event.corrected",
                    "2026-11-24T18:05:00+01:00",
                    "Europe/Berlin",
                    "{\"event_id\":\"" + SET_2 + "\",\"data\":{\"reps\":6}}",
                    SET_2));

    private static String event(
            long sequence, String id, String type, String at, String zone, String data, String subject) {
        return "{\"event_id\":\"" + id + "\",\"sequence\":" + sequence + ",\"type\":\"" + type
                + "\",\"occurred_at\":\"" + at + "\",\"time_zone\":\"" + zone
                + "\",\"recorded_at\":\"2026-11-26T10:00:00Z\",\"data\":" + data
                + ",\"metadata\":{\"via\":\"mcp\"},\"idempotency_key\":\"k" + sequence + "\",\"hash\":\""
                + "ab".repeat(32) + "\",\"prev_hash\":\"" + "cd".repeat(32) + "\",\"subject_event_id\":"
                + (subject.isEmpty() ? "null" : "\"" + subject + "\"") + "}";
    }

    private Path zip(String name, Map<String, byte[]> files) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }

    /** A td export of these lines, events.jsonl first and the manifest last, as export_data writes it. */
    private Path export(List<String> lines) throws IOException {
        byte[] events = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("events.jsonl", events);
        files.put("manifest.json", manifest(sha256(events)));
        return zip("td-export.zip", files);
    }

    private static byte[] manifest(String eventsSha256) {
        return ("{\"format\":\"td-export\",\"format_version\":1,\"files\":[{\"name\":\"events.jsonl\",\"sha256\":\""
                        + eventsSha256 + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Collected read(Path zip) {
        Collected sink = new Collected();
        new TdExportImporter().read(SourceFile.of(zip), OPTIONS, sink);
        return sink;
    }

    @Test
    void theEffectiveHistoryIsImportedWithCorrectionsAppliedAndVoidedEventsLeftOut() throws IOException {
        Collected sink = read(export(LOG));

        assertThat(sink.drafts).extracting(Draft::recordId).containsExactly(SET_1, WEIGHT);
        Draft corrected = sink.drafts.getFirst();
        assertThat(corrected.type()).isEqualTo("set.logged");
        assertThat(corrected.data().at("/weight/value").decimalValue()).isEqualByComparingTo("102.5");
        assertThat(corrected.data().get("exercise_id").asText()).isEqualTo("barbell-bench-press");
        // the correction's own time and zone: 19:00 in Berlin
        assertThat(corrected.occurredAt()).isEqualTo(Instant.parse("2026-11-24T18:00:00Z"));
        assertThat(corrected.timeZone()).contains(ZoneId.of("Europe/Berlin"));
        Draft weight = sink.drafts.get(1);
        assertThat(weight.occurredAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(weight.timeZone()).contains(ZoneId.of("America/New_York"));
        assertThat(weight.data().get("value").decimalValue()).isEqualByComparingTo("80.50");
        // the void wins over the correction after it, and says why the event is not imported
        assertThat(sink.skipped()).singleElement().asString().contains("line 2", SET_2, "logged twice");
    }

    @Test
    void anEventATdImportedFromAnotherTdKeepsTheIdOfItsFirstTd() throws IOException {
        String first = "019a0000-0000-7000-8000-0000000000ff";
        List<String> lines = new ArrayList<>(LOG);
        lines.set(
                2, LOG.get(2).replace("\"idempotency_key\":\"k3\"", "\"idempotency_key\":\"import:td:" + first + "\""));

        Collected sink = read(export(lines));

        assertThat(sink.drafts).extracting(Draft::recordId).containsExactly(SET_1, first);
    }

    @Test
    void aTdExportIsRecognizedBeforeAnyOtherFormatAndAZipWithoutItsManifestIsNot() throws IOException {
        assertThat(Importers.detect(SourceFile.of(export(LOG))).map(i -> i.format()))
                .contains(Format.TD);
        Path other = zip("other.zip", Map.of("events.jsonl", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(new TdExportImporter().recognizes(SourceFile.of(other))).isFalse();
        Path foreign = zip(
                "foreign.zip",
                Map.of(
                        "events.jsonl", "{}".getBytes(StandardCharsets.UTF_8),
                        "manifest.json", "{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(new TdExportImporter().recognizes(SourceFile.of(foreign))).isFalse();
    }

    @Test
    void aTruncatedExportIsRecognizedAndRefusedAsCutShort() throws IOException {
        byte[] whole = Files.readAllBytes(export(LOG));
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        SourceFile file = SourceFile.of(cut);

        assertThat(Importers.detect(file).map(i -> i.format())).contains(Format.TD);
        assertThatThrownBy(() -> new TdExportImporter().read(file, OPTIONS, new Collected()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("cut.zip is not a readable zip")
                .hasMessageContaining("download it again");
    }

    @Test
    void aLineThatIsNotJsonIsRefusedByItsNumberAndNothingIsHandedOver() throws IOException {
        List<String> lines = new ArrayList<>(LOG);
        lines.set(2, "{\"event_id\": oops");
        Collected sink = new Collected();

        assertThatThrownBy(() -> new TdExportImporter().read(SourceFile.of(export(lines)), OPTIONS, sink))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("events.jsonl line 3 is not JSON");
        assertThat(sink.drafts).isEmpty();
    }

    @Test
    void eventsOutOfSequenceOrderAreRefused() throws IOException {
        List<String> lines = new ArrayList<>(LOG);
        lines.set(0, LOG.get(1));
        lines.set(1, LOG.get(0));

        assertThatThrownBy(() -> read(export(lines)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("events.jsonl line 2 has sequence 1 after 2");
    }

    @Test
    void anEventsFileThatDoesNotMatchTheManifestIsRefused() throws IOException {
        byte[] events = (String.join("\n", LOG) + "\n").getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("events.jsonl", events);
        files.put("manifest.json", manifest("00".repeat(32)));

        assertThatThrownBy(() -> read(zip("changed.zip", files)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("does not have the SHA-256 manifest.json gives");
    }

    @Test
    void anExportWithoutItsEventsIsRefusedWhenTheCallerNamesTheFormat() throws IOException {
        Path noEvents = zip("no-events.zip", Map.of("manifest.json", manifest("00".repeat(32))));

        assertThatThrownBy(() -> read(noEvents))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("has no events.jsonl");
    }

    @Test
    void aLineWithoutTheFieldsOfAnEventIsRefusedByItsNumber() throws IOException {
        List<String> lines = new ArrayList<>(LOG);
        lines.set(1, LOG.get(1).replace("\"time_zone\":\"Europe/Berlin\"", "\"time_zone\":\"Mars/Olympus\""));

        assertThatThrownBy(() -> read(export(lines)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("events.jsonl line 2 has a time_zone that is no time zone: Mars/Olympus");
    }
}
