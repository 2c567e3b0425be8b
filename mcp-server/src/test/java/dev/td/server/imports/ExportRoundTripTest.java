package dev.td.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.faces.McpClients;
import dev.td.testkit.Http;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * export_data end to end and back: a person with a varied record (a workout with a superset and an exercise of their
 * own, a second workout, a run, readings, an injury, a note, a profile, a GPX import, a corrected set, a run moved in
 * time, a voided set) exports over REST, downloads the zip, and a fresh person imports it through the upload route.
 * The expected values are the source person's own rows, read from the database; the zip's hashes are recomputed here
 * and by the README's own verifier.
 */
class ExportRoundTripTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final Path SAMPLES = Path.of("../importers/src/test/resources/samples");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private record Person(UUID id, String key) {}

    /** The exporting person, their export's answer and the zip as downloaded. */
    private static Person source;

    private static JsonNode exported;
    private static byte[] zip;

    private static Person person(String handle) {
        var accounts = server.core().accounts();
        UUID id = accounts.createPerson(handle, handle).userId();
        return new Person(id, accounts.createKey(id, "test", Set.of("*")));
    }

    private static JsonNode call(Person p, String method, String path, @Nullable String body) {
        Http.Answer a = Http.send(method, server.baseUrl() + path, p.key(), body);
        assertThat(a.status()).as(method + " " + path + ": " + a.body()).isEqualTo(200);
        return a.body().get("data");
    }

    @BeforeAll
    static void aVariedRecordIsExported() throws Exception {
        source = person("export-source");
        call(source, "PATCH", "/v1/profile", """
                {"idempotency_key": "p1", "time_zone": "Europe/Berlin", "weight_unit": "kg"}""");
        call(source, "POST", "/v1/workouts", """
                {"idempotency_key": "w1", "started_at": "2026-11-02T18:00:00+01:00", "exercises": [
                  {"exercise": "bench", "unit": "kg", "sets": [{"weight": 100, "reps": 5, "count": 2},
                                                             {"weight": 100, "reps": 5, "rpe": 9}]},
                  {"exercise": "barbell row", "superset": "A", "sets": [{"weight": 70, "unit": "kg", "reps": 8, "count": 2}]},
                  {"exercise": "Quokka sled shuffle", "superset": "A", "create_if_unknown": true,
                   "sets": [{"weight": 40, "unit": "kg", "distance_m": 20, "count": 2}]}]}""");
        call(source, "POST", "/v1/workouts", """
                {"idempotency_key": "w2", "started_at": "2026-11-05T07:30:00+01:00", "exercises": [
                  {"exercise": "squat", "unit": "kg", "sets": [{"weight": 120, "reps": 5, "count": 3}]},
                  {"exercise": "Quokka sled shuffle", "sets": [{"weight": 50, "unit": "kg", "distance_m": 20}]}]}""");
        call(source, "POST", "/v1/activities", """
                {"idempotency_key": "run1", "sport": "run", "started_at": "2026-11-03T08:00:00+01:00",
                 "elapsed": "52:30", "distance": 10, "unit": "km", "avg_hr": 155}""");
        call(source, "POST", "/v1/metrics", """
                {"idempotency_key": "m1", "at": "2026-11-03T07:00:00", "readings": [
                  {"metric": "bodyweight", "value": 81.4, "unit": "kg"}, {"metric": "sleep", "value": 7.5, "unit": "h"}]}""");
        call(source, "POST", "/v1/injuries", """
                {"idempotency_key": "knee", "body_part": "left knee", "severity": "mild", "pain": 3, "since": "2026-11-04"}""");
        call(source, "POST", "/v1/notes", """
                {"idempotency_key": "n1", "text": "slept badly, stressful week", "tags": ["sleep"]}""");
        ObjectNode gpx = Json.mapper()
                .createObjectNode()
                .put("file_name", "run.gpx")
                .put(
                        "content_base64",
                        Base64.getEncoder()
                                .encodeToString(Files.readAllBytes(SAMPLES.resolve("gpx/togeojson/run.gpx"))));
        assertThat(call(source, "POST", "/v1/imports", gpx.toString())
                        .at("/by_type/activity.logged")
                        .asInt())
                .isEqualTo(1);
        List<String> sets = ids(source, "set.logged");
        call(source, "POST", "/v1/events/" + sets.get(0) + "/corrections", """
                {"data": {"weight": {"value": 102.5, "unit": "kg"}}, "reason": "typo", "idempotency_key": "fix1"}""");
        call(source, "POST", "/v1/events/" + sets.get(3) + "/void", """
                {"reason": "logged twice", "idempotency_key": "void1"}""");
        String run = ids(source, "activity.logged").getFirst();
        call(source, "POST", "/v1/events/" + run + "/corrections", """
                {"data": {}, "occurred_at": "2026-11-03T09:15:00+01:00", "reason": "started later",
                 "idempotency_key": "fix-run"}""");

        long started = System.nanoTime();
        exported = call(source, "POST", "/v1/exports", "{}");
        long exportMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        started = System.nanoTime();
        HttpResponse<byte[]> download = get(exported.get("download").asText(), source.key());
        long downloadMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"td-export-");
        zip = download.body();
        System.out.printf(
                "export of %d events (%d in the effective history): %,d bytes zipped, written in %d ms, downloaded in"
                        + " %d ms%n",
                exported.get("events").asLong(),
                count(source, "SELECT count(*) FROM events WHERE user_id = ? AND subject_event_id IS NULL") - 1,
                zip.length,
                exportMs,
                downloadMs);
    }

    @Test
    void theZipHoldsEveryFileTheManifestNamesWithItsHashAndTheWholeLog() throws Exception {
        Map<String, byte[]> files = unzip(zip);
        JsonNode manifest = Json.mapper().readTree(file(files, "manifest.json"));

        assertThat(exported.get("bytes").asLong()).isEqualTo(zip.length);
        assertThat(exported.get("sha256").asText()).isEqualTo(sha256(zip));
        List<String> tables = server.core().projections().projections().stream()
                .map(p -> "projections/" + p.name() + ".csv")
                .toList();
        assertThat(files.keySet())
                .containsAll(tables)
                .contains("events.jsonl", "effective.jsonl", "access_log.jsonl", "README.md", "manifest.json")
                .hasSize(tables.size() + 5);
        assertThat(manifest.get("files")).hasSize(files.size() - 1);
        for (JsonNode f : manifest.get("files")) {
            byte[] content = file(files, f.get("name").asText());
            assertThat(content).as(f.toString()).isNotNull();
            assertThat(sha256(content))
                    .as(f.get("name").asText())
                    .isEqualTo(f.get("sha256").asText());
            assertThat((long) content.length).isEqualTo(f.get("bytes").asLong());
        }
        assertThat(exported.get("files")
                        .get(exported.get("files").size() - 1)
                        .get("sha256")
                        .asText())
                .isEqualTo(sha256(file(files, "manifest.json")));
        assertThat(manifest.get("format").asText()).isEqualTo("td-export");
        assertThat(manifest.get("user_id").asText()).isEqualTo(source.id().toString());
        long events = count(source, "SELECT count(*) FROM events WHERE user_id = ?");
        assertThat(manifest.get("events").asLong()).isEqualTo(events);
        assertThat(exported.get("events").asLong()).isEqualTo(events);
        assertThat(manifest.at("/head/sequence").asLong()).isEqualTo(events);
        assertThat(manifest.at("/head/hash").asText())
                .isEqualTo(text(source, "SELECT encode(last_hash, 'hex') FROM event_streams WHERE user_id = ?"));
        List<JsonNode> log = lines(file(files, "events.jsonl"));
        assertThat(log).extracting(e -> e.get("sequence").asLong()).isSorted().hasSize((int) events);
        assertThat(log)
                .filteredOn(e -> e.get("type").asText().equals("event.voided"))
                .singleElement()
                .satisfies(v -> assertThat(v.get("subject_event_id").asText()).isNotEmpty());
        // the effective history: the 3 compensations and the voided set are not in it
        assertThat(lines(file(files, "effective.jsonl"))).hasSize((int) events - 4);
        assertThat(lines(file(files, "access_log.jsonl")))
                .extracting(e -> e.get("tool").asText())
                .contains("log_workout", "correct_event", "void_event", "import_file");
        String sessions =
                new String(file(files, "projections/" + anyProjectionWithStates() + ".csv"), StandardCharsets.UTF_8);
        assertThat(sessions).startsWith("key,");
    }

    @Test
    void theReadmesVerifierChecksTheFilesAndTheChain() throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 runs the README's verifier");
        Map<String, byte[]> files = unzip(zip);
        String readme = new String(file(files, "README.md"), StandardCharsets.UTF_8);
        Matcher script = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(script.find()).as("the README holds verify_export.py").isTrue();
        Path dir = Files.createTempDirectory("td-export-verify");
        Files.writeString(dir.resolve("verify_export.py"), script.group(1), StandardCharsets.UTF_8);
        Files.write(dir.resolve("export.zip"), zip);

        Process run = new ProcessBuilder("python3", "verify_export.py", "export.zip")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(run.waitFor()).as(out).isZero();
        assertThat(out).contains("files match manifest.json", "events hash and link up to the head");
    }

    @Test
    void anImportedExportRebuildsTheSameProjectionsAndAnIntactChainAndImportingItAgainStoresNothing() throws Exception {
        Person copy = person("export-copy");

        JsonNode report = imported(copy, zip);

        assertThat(report.get("format").asText()).isEqualTo("td");
        assertThat(report.get("rejected").asInt()).as(report.toString()).isZero();
        assertThat(report.get("skipped").asInt()).as("the voided set").isEqualTo(1);
        long effective =
                count(source, "SELECT count(*) FROM events WHERE user_id = ? AND subject_event_id IS NULL") - 1;
        assertThat(report.get("stored").asInt()).isEqualTo((int) effective);
        assertThat(count(copy, "SELECT count(*) FROM events WHERE user_id = ?")).isEqualTo(effective);
        Map<String, String> ids = importedIds(copy);
        ids.put(source.id().toString(), copy.id().toString());
        Map<String, JsonNode> expected = states(source, ids);
        Map<String, JsonNode> actual = states(copy, Map.of());
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, JsonNode> s : expected.entrySet()) {
            assertThat(actual.get(s.getKey())).as(s.getKey()).isEqualTo(s.getValue());
        }
        System.out.printf(
                "round trip: %d projection states of %d projections equal %s; ids that differ between the two"
                        + " people, mapped through import:td:<id>, in: %s%n",
                expected.size(),
                expected.keySet().stream()
                        .map(k -> k.split("\u0000", -1)[0])
                        .distinct()
                        .count(),
                expected.keySet().stream()
                        .map(k -> k.split("\u0000", -1)[0])
                        .collect(java.util.stream.Collectors.groupingBy(
                                k -> k, TreeMap::new, java.util.stream.Collectors.counting())),
                carriers(states(source, Map.of()), ids.keySet()));
        JsonNode chain = call(copy, "GET", "/v1/chain", null);
        assertThat(chain.get("ok").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.get("events_checked").asLong()).isEqualTo(effective);

        JsonNode again = imported(copy, zip);

        assertThat(again.get("stored").asInt()).isZero();
        assertThat(again.get("already_imported").asInt()).isEqualTo((int) effective);
        assertThat(count(copy, "SELECT count(*) FROM events WHERE user_id = ?")).isEqualTo(effective);
    }

    @Test
    void anExportImportedBackIntoTheLogItCameFromStoresNothingEvenByWayOfAnotherPerson() throws Exception {
        long before = count(source, "SELECT count(*) FROM events WHERE user_id = ?");
        long effective =
                count(source, "SELECT count(*) FROM events WHERE user_id = ? AND subject_event_id IS NULL") - 1;

        JsonNode direct = imported(source, zip);

        assertThat(direct.get("stored").asInt()).as(direct.toString()).isZero();
        assertThat(direct.get("already_imported").asInt()).isEqualTo((int) effective);

        Person relay = person("export-relay");
        imported(relay, zip);
        JsonNode relayed = call(relay, "POST", "/v1/exports", "{}");
        byte[] back = get(relayed.get("download").asText(), relay.key()).body();

        JsonNode roundabout = imported(source, back);

        assertThat(roundabout.get("stored").asInt()).as(roundabout.toString()).isZero();
        assertThat(roundabout.get("already_imported").asInt()).isEqualTo((int) effective);
        assertThat(count(source, "SELECT count(*) FROM events WHERE user_id = ?"))
                .isEqualTo(before);
    }

    @Test
    void exportDataOverMcpAnswersItsDownloadWhichAnotherPersonsKeyDoesNotFind() throws Exception {
        Person owner = person("export-mcp");
        call(owner, "POST", "/v1/notes", """
                {"idempotency_key": "n1", "text": "first note"}""");
        JsonNode data;
        try (McpSyncClient client = McpClients.as(server, owner.key())) {
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool("export_data", Map.of()));
            assertThat(result.isError()).as(result.toString()).isFalse();
            data = Json.mapper().valueToTree(result.structuredContent()).get("data");
        }
        String download = data.get("download").asText();
        assertThat(download).isEqualTo("/v1/exports/" + data.get("export_id").asText());
        assertThat(data.get("events").asInt()).isEqualTo(1);

        Person other = person("export-other");
        HttpResponse<byte[]> refused = get(download, other.key());
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(refused.body()).get("path").asText()).isEqualTo("$.export_id");
        assertThat(get(download, "td_not_a_key").statusCode()).isEqualTo(401);
        assertThat(get("/v1/exports/not-an-id", owner.key()).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> own = get(download, owner.key());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(sha256(own.body())).isEqualTo(data.get("sha256").asText());

        // the downloads are in the access log like tool calls: the one found, the one not found
        List<String> downloads = new ArrayList<>();
        for (JsonNode e : call(owner, "GET", "/v1/access-log", null).get("entries")) {
            if (e.get("tool").asText().equals("export_download")) {
                downloads.add(e.get("action").asText() + " " + e.get("outcome").asText() + " "
                        + e.get("face").asText());
            }
        }
        assertThat(downloads).containsExactlyInAnyOrder("read not_found api", "read ok api");
        JsonNode others = call(other, "GET", "/v1/access-log", null).get("entries");
        assertThat(others.findValuesAsText("tool"))
                .as("the other person's refused download, in their own log")
                .contains("export_download");
    }

    @Test
    void aTruncatedExportIsRejectedAndNothingOfItIsStored() throws Exception {
        Person p = person("export-truncated");
        byte[] half = Arrays.copyOf(zip, zip.length / 2);

        Http.Answer a = Http.send(
                "POST",
                server.baseUrl() + "/v1/imports",
                p.key(),
                Json.mapper()
                        .createObjectNode()
                        .put("upload_id", upload(p, half))
                        .toString());

        assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
        assertThat(a.body().get("path").asText()).isEqualTo("$.upload_id");
        assertThat(a.body().get("detail").asText()).contains("is not a readable zip", "Nothing of the file was stored");
        assertThat(count(p, "SELECT count(*) FROM events WHERE user_id = ?")).isZero();
    }

    // --- helpers

    private static JsonNode imported(Person p, byte[] bytes) throws Exception {
        return call(
                p,
                "POST",
                "/v1/imports",
                Json.mapper()
                        .createObjectNode()
                        .put("upload_id", upload(p, bytes))
                        .toString());
    }

    private static String upload(Person p, byte[] bytes) throws Exception {
        HttpResponse<String> r = CLIENT.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/uploads?name=td-export.zip"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .header("Authorization", "Bearer " + p.key())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.mapper().readTree(r.body()).at("/data/upload_id").asText();
    }

    private static HttpResponse<byte[]> get(String path, String key) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .GET()
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] file(Map<String, byte[]> files, String name) {
        byte[] content = files.get(name);
        assertThat(content).as(name + " in the zip").isNotNull();
        return java.util.Objects.requireNonNull(content);
    }

    private static List<JsonNode> lines(byte[] jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(Json.mapper().readTree(line));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static boolean onPath(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version")
                    .redirectErrorStream(true)
                    .start();
            try (InputStream in = p.getInputStream()) {
                in.readAllBytes();
            }
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The source's event ids (in log order) of one type, originals only. */
    private static List<String> ids(Person p, String type) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
                PreparedStatement ps = c.prepareStatement("SELECT event_id FROM events WHERE user_id = ? AND type = ?"
                        + " AND subject_event_id IS NULL ORDER BY sequence")) {
            ps.setObject(1, p.id());
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The imported person's event id of every source event, by the key import_file gave it. */
    private static Map<String, String> importedIds(Person copy) throws SQLException {
        Map<String, String> ids = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
                PreparedStatement ps = c.prepareStatement("SELECT substring(idempotency_key from 11), event_id::text"
                        + " FROM events WHERE user_id = ? AND idempotency_key LIKE 'import:td:%'")) {
            ps.setObject(1, copy.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return ids;
    }

    /**
     * Every projection state of the person, by projection and key, with each id of {@code renamed} replaced by its
     * counterpart (in keys and states alike).
     */
    private static Map<String, JsonNode> states(Person p, Map<String, String> renamed) throws Exception {
        Map<String, JsonNode> states = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
                PreparedStatement ps = c.prepareStatement(
                        "SELECT projection, key, state::text FROM projection_states WHERE user_id = ?")) {
            ps.setObject(1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rename(rs.getString(2), renamed);
                    states.put(
                            rs.getString(1) + "\u0000" + key, Json.mapper().readTree(rename(rs.getString(3), renamed)));
                }
            }
        }
        return states;
    }

    /** Where the states mention one of these ids: "projection key" or "projection.field.path". */
    private static Set<String> carriers(Map<String, JsonNode> states, Set<String> ids) {
        Set<String> where = new java.util.TreeSet<>();
        states.forEach((k, state) -> {
            String[] pk = k.split("\u0000", -1);
            if (ids.stream().anyMatch(pk[1]::contains)) {
                where.add(pk[0] + " key");
            }
            collect(pk[0], state, ids, where);
        });
        return where;
    }

    private static void collect(String path, JsonNode node, Set<String> ids, Set<String> where) {
        if (node.isTextual() && ids.stream().anyMatch(node.textValue()::contains)) {
            where.add(path);
        }
        node.properties().forEach(f -> collect(path + "." + f.getKey(), f.getValue(), ids, where));
        if (node.isArray()) {
            node.forEach(item -> collect(path + "[]", item, ids, where));
        }
    }

    private static String rename(String text, Map<String, String> renamed) {
        String out = text;
        for (Map.Entry<String, String> r : renamed.entrySet()) {
            out = out.replace(r.getKey(), r.getValue());
        }
        return out;
    }

    private static String anyProjectionWithStates() {
        return text(source, "SELECT min(projection) FROM projection_states WHERE user_id = ?");
    }

    private static long count(Person p, String sql) {
        return Long.parseLong(text(p, sql));
    }

    private static String text(Person p, String sql) {
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
