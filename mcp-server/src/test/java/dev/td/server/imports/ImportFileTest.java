package dev.td.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.faces.McpClients;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * import_file and get_import end to end: real sample files (importers/src/test/resources/samples, with their
 * licences) over REST, MCP and the upload route, on a real database read directly. Each test imports into a person
 * of its own. Expected values come from the samples' provenance (their README and derived_facts.json, the upstream
 * tests named there), never from td's output.
 */
class ImportFileTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final Path SAMPLES = Path.of("../importers/src/test/resources/samples");

    /** A person of their own and a key with every scope. */
    private record Person(UUID id, String key) {}

    private static Person person(String handle) {
        var accounts = server.core().accounts();
        UUID id = accounts.createPerson(handle, handle).userId();
        return new Person(id, accounts.createKey(id, "test", Set.of("*")));
    }

    private static String base64(String sample) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(SAMPLES.resolve(sample)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Http.Answer post(Person p, String path, ObjectNode body) {
        return Http.send("POST", server.baseUrl() + path, p.key(), body.toString());
    }

    private static JsonNode imported(Person p, ObjectNode body) {
        Http.Answer a = post(p, "/v1/imports", body);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body().get("data");
    }

    private static ObjectNode file(String sample) {
        return Json.mapper()
                .createObjectNode()
                .put("file_name", Path.of(sample).getFileName().toString())
                .put("content_base64", base64(sample));
    }

    private static long count(Person p, String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(server.databaseUrl());
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal number(Person p, String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(server.databaseUrl());
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long events(Person p) {
        return count(p, "SELECT count(*) FROM events WHERE user_id = ?");
    }

    @Test
    void aStrongExportImportsEveryWorkoutAndImportingItAgainStoresNothing() {
        Person p = person("strong");
        JsonNode report = imported(
                p, file("strength_csv/strong-statistics/sample_strong.csv").put("weight_unit", "kg"));
        // samples README / derived_facts.json: 250 sets in 15 workouts, 19 exercises all in td's catalog
        assertThat(report.get("status").asText()).isEqualTo("done");
        assertThat(report.get("format").asText()).isEqualTo("strong");
        assertThat(report.at("/by_type/set.logged").asInt()).isEqualTo(250);
        assertThat(report.at("/by_type/session.started").asInt()).isEqualTo(15);
        assertThat(report.get("rejected").asInt()).as(report.toString()).isZero();
        assertThat(report.get("exercises_created")).isEmpty();
        assertThat(count(p, "SELECT count(*) FROM events WHERE user_id = ? AND type = 'set.logged'"))
                .isEqualTo(250);
        // Σ weight·reps = 49237.4 (derived_facts.json), summed here from the stored events
        assertThat(number(
                        p,
                        "SELECT sum((data->'weight'->>'value')::numeric * (data->>'reps')::numeric) FROM events "
                                + "WHERE user_id = ? AND type = 'set.logged' AND data->'weight' IS NOT NULL"))
                .isEqualByComparingTo("49237.4");
        long before = events(p);

        JsonNode again = imported(
                p, file("strength_csv/strong-statistics/sample_strong.csv").put("weight_unit", "kg"));

        assertThat(again.get("stored").asInt()).isZero();
        assertThat(again.get("already_imported").asInt())
                .isEqualTo(report.get("stored").asInt());
        assertThat(events(p)).isEqualTo(before);
        // the sessions are the projections' too, not only rows in the log
        JsonNode sessions = Http.send("GET", server.baseUrl() + "/v1/sessions?from=2020-01-01&limit=50", p.key(), null)
                .body();
        assertThat(sessions.at("/data/sessions")).as(sessions.toString()).hasSize(15);
    }

    @Test
    void aStrongExportWithoutAUnitIsRefusedAtWeightUnitAndNothingIsStored() {
        Person p = person("strong-unitless");
        long before = events(p);

        Http.Answer a = post(p, "/v1/imports", file("strength_csv/strong-statistics/sample_strong.csv"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("path").asText()).isEqualTo("$.weight_unit");
        assertThat(a.body().get("detail").asText()).contains("weight_unit");
        assertThat(events(p)).isEqualTo(before);
    }

    @Test
    void aHevyExportImportsOverMcpWithItsSetTypesAndSuperset() {
        Person p = person("hevy");
        try (McpSyncClient client = McpClients.as(server, p.key())) {
            McpSchema.CallToolResult result = client.callTool(dev.td.testkit.McpRequests.callTool(
                    "import_file",
                    Map.of(
                            "file_name",
                            "hevy.csv",
                            "content_base64",
                            base64("strength_csv/strong-statistics/sample_hevy.first5workouts.csv"))));
            assertThat(result.isError()).as(result.toString()).isFalse();
            JsonNode report =
                    Json.mapper().valueToTree(result.structuredContent()).get("data");
            // samples README: 124 sets in 5 workouts; survey §3: warmup 41, normal 50, failure 33; one superset
            assertThat(report.at("/by_type/set.logged").asInt())
                    .as(report.toString())
                    .isEqualTo(124);
            assertThat(report.at("/by_type/session.started").asInt()).isEqualTo(5);
            assertThat(report.at("/by_type/superset.started").asInt()).isEqualTo(1);
        }
        assertThat(count(p, "SELECT count(*) FROM events WHERE user_id = ? AND data->>'set_type' = 'warmup'"))
                .isEqualTo(41);
        assertThat(count(p, "SELECT count(*) FROM events WHERE user_id = ? AND data->>'set_type' = 'failure'"))
                .isEqualTo(33);
        // Σ weight_kg·reps = 62949.5 (derived_facts.json)
        assertThat(number(
                        p,
                        "SELECT sum((data->'weight'->>'value')::numeric * (data->>'reps')::numeric) FROM events "
                                + "WHERE user_id = ? AND type = 'set.logged' AND data->'weight' IS NOT NULL"))
                .isEqualByComparingTo("62949.5");
    }

    @Test
    void aFileTooBigForTheArgumentsGoesThroughAnUploadAndKeepsItsProvenance() throws Exception {
        Person p = person("tcx");
        byte[] bytes = Files.readAllBytes(SAMPLES.resolve("tcx/python-tcxparser/test.tcx"));
        assertThat(bytes.length).as("bigger than content_base64 takes").isGreaterThan(75_000);
        HttpResponse<String> upload = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/uploads?name="
                                        + URLEncoder.encode("morning run.tcx", StandardCharsets.UTF_8)))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .header("Authorization", "Bearer " + p.key())
                                .header("Content-Type", "application/octet-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        JsonNode uploaded = Json.mapper().readTree(upload.body()).get("data");
        assertThat(uploaded.get("bytes").asLong()).isEqualTo(bytes.length);

        JsonNode report = imported(
                p,
                Json.mapper()
                        .createObjectNode()
                        .put("upload_id", uploaded.get("upload_id").asText()));

        assertThat(report.at("/file/name").asText()).isEqualTo("morning run.tcx");
        assertThat(report.at("/by_type/activity.logged").asInt()).isEqualTo(1);
        // python-tcxparser tests/test_tcxparser.py: distance 4686.31103516 m, calories 379, duration 1992.78 s
        assertThat(number(
                        p,
                        "SELECT (data->'distance'->>'value')::numeric FROM events WHERE user_id = ? "
                                + "AND type = 'activity.logged'"))
                .isEqualByComparingTo("4686.31103516");
        assertThat(number(
                        p,
                        "SELECT (data->>'calories')::numeric FROM events WHERE user_id = ? "
                                + "AND type = 'activity.logged'"))
                .isEqualByComparingTo("379");
        assertThat(count(
                        p,
                        "SELECT count(*) FROM events WHERE user_id = ? AND metadata->>'source' = 'import' "
                                + "AND metadata->'import'->>'format' = 'tcx' "
                                + "AND metadata->'import'->>'file' = 'morning run.tcx' "
                                + "AND metadata->'import'->>'record' LIKE 'tcx:%' AND metadata->>'via' = 'api'"))
                .isEqualTo(1);
        // the upload is gone once imported
        Http.Answer reused = post(
                p,
                "/v1/imports",
                Json.mapper()
                        .createObjectNode()
                        .put("upload_id", uploaded.get("upload_id").asText()));
        assertThat(reused.status()).isEqualTo(404);
        assertThat(reused.body().get("path").asText()).isEqualTo("$.upload_id");
    }

    @Test
    void theSameRunFromASecondSourceIsLinkedNotCountedTwiceUnlessThePersonKeepsIt() {
        Person p = person("linked");
        JsonNode gpx = imported(p, file("gpx/togeojson/run.gpx"));
        assertThat(gpx.at("/by_type/activity.logged").asInt()).isEqualTo(1);
        // the same run as logged by hand: start of run.gpx's track (2012-10-24T23:29:40Z, togeojson fixture),
        // about its length (3098.5 m by haversine, survey §4) and duration
        Http.Answer logged = post(p, "/v1/activities", (ObjectNode) Json.mapper()
                .valueToTree(Map.of(
                        "idempotency_key", "by-hand",
                        "sport", "other",
                        "started_at", "2012-10-24T23:29:40Z",
                        "elapsed", "20:00",
                        "distance", 3.1,
                        "unit", "km")));
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
        long before = events(p);

        Http.Answer byHandFirst = post(p, "/v1/imports", file("gpx/togeojson/run.gpx"));
        assertThat(byHandFirst.body().at("/data/already_imported").asInt()).isEqualTo(1);

        Person q = person("linked-2");
        Http.Answer byHand = post(q, "/v1/activities", (ObjectNode) Json.mapper()
                .valueToTree(Map.of(
                        "idempotency_key", "by-hand",
                        "sport", "other",
                        "started_at", "2012-10-24T23:29:40Z",
                        "elapsed", "20:00",
                        "distance", 3.1,
                        "unit", "km")));
        assertThat(byHand.status()).as(byHand.body().toString()).isEqualTo(200);
        JsonNode linked = imported(q, file("gpx/togeojson/run.gpx"));
        assertThat(linked.get("linked").asInt()).as(linked.toString()).isEqualTo(1);
        assertThat(linked.get("stored").asInt()).isZero();
        assertThat(linked.at("/problems/0/kind").asText()).isEqualTo("linked");
        assertThat(linked.at("/problems/0/event_id").asText()).isNotEmpty();

        JsonNode kept = imported(q, file("gpx/togeojson/run.gpx").put("duplicates", "keep"));
        assertThat(kept.get("stored").asInt()).isEqualTo(1);
        assertThat(events(p)).isEqualTo(before);
    }

    @Test
    void aTruncatedFileIsRejectedNamingWhereAndNothingOfItIsStored() throws Exception {
        Person p = person("truncated");
        byte[] whole = Files.readAllBytes(SAMPLES.resolve("tcx/python-tcxparser/no_hr.tcx"));
        byte[] half = Arrays.copyOf(whole, 60_000);
        long before = events(p);

        Http.Answer a = post(
                p,
                "/v1/imports",
                Json.mapper()
                        .createObjectNode()
                        .put("file_name", "no_hr.tcx")
                        .put("content_base64", Base64.getEncoder().encodeToString(half)));

        assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
        assertThat(a.body().get("path").asText()).isEqualTo("$.content_base64");
        assertThat(a.body().get("detail").asText()).contains("line").contains("Nothing of the file was stored");
        assertThat(events(p)).isEqualTo(before);
        JsonNode latest = Http.send("GET", server.baseUrl() + "/v1/imports", p.key(), null)
                .body();
        assertThat(latest.at("/data/imports/0/status").asText()).isEqualTo("rejected");
        assertThat(latest.at("/data/imports/0/error").asText()).contains("line");
    }

    @Test
    void aFileTdDoesNotReadIsRefusedNamingTheFormatsItDoes() {
        Person p = person("unknown");
        Http.Answer a = post(
                p,
                "/v1/imports",
                Json.mapper()
                        .createObjectNode()
                        .put("file_name", "notes.txt")
                        .put(
                                "content_base64",
                                Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8))));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("path").asText()).isEqualTo("$.file_name");
        assertThat(a.body().get("detail").asText()).contains("gpx", "strong", "format");
    }

    @Test
    void importingByPathIsOffUnlessTheOperatorOpensAFolder() {
        Person p = person("path");
        Http.Answer a = post(p, "/v1/imports", Json.mapper().createObjectNode().put("path", "/etc/passwd"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("path").asText()).isEqualTo("$.path");
        assertThat(a.body().get("detail").asText()).contains("td.import.paths");
    }

    @Test
    void aStravaExportImportsItsActivitiesInMetres() {
        Person p = person("strava");
        JsonNode report = imported(p, file("strava_export/strava-insights/activities.csv"));
        // samples README: 112 activities (Run 89, Walk 9, Ride 7, Yoga 5, Workout 2)
        assertThat(report.at("/by_type/activity.logged").asInt())
                .as(report.toString())
                .isEqualTo(112);
        assertThat(count(p, "SELECT count(*) FROM events WHERE user_id = ? AND data->>'sport' = 'run'"))
                .isEqualTo(89);
        JsonNode again = imported(p, file("strava_export/strava-insights/activities.csv"));
        assertThat(again.get("already_imported").asInt()).isEqualTo(112);
        assertThat(again.get("stored").asInt()).isZero();
    }

    @Test
    void getImportAnswersByIdAndRefusesAnotherPersonsImport() {
        Person p = person("by-id");
        JsonNode report = imported(p, file("gpx/togeojson/missing_hr.gpx"));
        String id = report.get("import_id").asText();
        JsonNode byId = Http.send("GET", server.baseUrl() + "/v1/imports?import_id=" + id, p.key(), null)
                .body();
        assertThat(byId.at("/data/imports/0/import_id").asText()).isEqualTo(id);
        assertThat(byId.at("/data/imports/0/status").asText()).isEqualTo("done");

        Person other = person("by-id-other");
        Http.Answer refused = Http.send("GET", server.baseUrl() + "/v1/imports?import_id=" + id, other.key(), null);
        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void aFitRideImportsWithItsDistanceAndHeartRate() {
        Person p = person("fit");
        JsonNode report = imported(p, file("fit/python-fitparse/garmin-fenix-5-bike.fit"));
        assertThat(report.get("format").asText()).isEqualTo("fit");
        assertThat(report.at("/by_type/activity.logged").asInt()).isEqualTo(1);
        // garmin-fenix-5-bike-records.csv (Garmin's own dump, asserted by python-fitparse tests/test.py): 19 records
        assertThat(count(
                        p,
                        "SELECT jsonb_array_length(data->'samples'->'time_s') FROM events WHERE user_id = ? "
                                + "AND type = 'activity.logged'"))
                .isEqualTo(19);
        assertThat(count(p, "SELECT count(*) FROM events WHERE user_id = ? AND data->>'sport' = 'ride'"))
                .isEqualTo(1);
    }

    @Test
    void aFitFileWithABadCrcIsRefusedOverMcpAndNothingIsStored() {
        Person p = person("crc");
        long before = events(p);
        try (McpSyncClient client = McpClients.as(server, p.key())) {
            McpSchema.CallToolResult result = client.callTool(dev.td.testkit.McpRequests.callTool(
                    "import_file",
                    Map.of(
                            "file_name",
                            "activity.fit",
                            "content_base64",
                            base64("fit/python-fitparse/activity-filecrc.fit"))));
            assertThat(result.isError()).isTrue();
            // python-fitparse tests/test.py l.324: this file fails its CRC check
            assertThat(result.content().toString()).contains("CRC").contains("$.content_base64");
        }
        assertThat(events(p)).isEqualTo(before);
    }

    @Test
    void anImportOverMcpSendsProgressToAClientThatAsked() {
        Person p = person("progress");
        java.util.List<McpSchema.ProgressNotification> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (McpSyncClient client = McpClients.withProgress(server, p.key(), heard::add)) {
            McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("import_file")
                    .arguments(Map.of(
                            "file_name",
                            "activities.csv",
                            "content_base64",
                            base64("strava_export/strava-insights/activities.csv")))
                    .progressToken("strava-1")
                    .build());
            assertThat(result.isError()).as(result.toString()).isFalse();
        }
        assertThat(heard)
                .extracting(McpSchema.ProgressNotification::progressToken)
                .containsOnly("strava-1");
        assertThat(heard)
                .extracting(McpSchema.ProgressNotification::message)
                .anySatisfy(m -> assertThat(m).startsWith("reading activities.csv"))
                .anySatisfy(m -> assertThat(m).startsWith("stored 112 new events"))
                .anySatisfy(m -> assertThat(m).startsWith("imported activities.csv: 112 new events"));
        assertThat(heard.getLast().progress()).isEqualTo(112.0);
        assertThat(heard.getLast().total()).isEqualTo(112.0);
        assertThat(heard).extracting(McpSchema.ProgressNotification::progress).isSorted();
    }

    @Test
    void anAppleHealthExportZipImportsItsWorkoutReadingsAndRings() throws Exception {
        Person p = person("apple");
        Path zip = Files.createTempFile("export", ".zip");
        Path root = SAMPLES.resolve("apple_health/healthkit-to-sqlite/zip_contents");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
                var files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new java.util.zip.ZipEntry(root.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        JsonNode report = imported(
                p,
                Json.mapper()
                        .createObjectNode()
                        .put("file_name", "export.zip")
                        .put("content_base64", Base64.getEncoder().encodeToString(Files.readAllBytes(zip))));
        Files.delete(zip);
        assertThat(report.get("format").asText()).isEqualTo("apple_health");
        // healthkit-to-sqlite tests/test_healthkit_to_sqlite.py: one running workout of 0.4971749504535062 mi and
        // 48.74499999999999 kcal; BodyMassIndex 22.5312; HeartRate 72; rings 590.252 and 323.513 kcal
        assertThat(number(
                        p,
                        "SELECT (data->'distance'->>'value')::numeric FROM events WHERE user_id = ? "
                                + "AND type = 'activity.logged' AND data->'distance'->>'unit' = 'mi'"))
                .isEqualByComparingTo("0.4971749504535062");
        assertThat(number(
                        p,
                        "SELECT (data->>'calories')::numeric FROM events WHERE user_id = ? "
                                + "AND type = 'activity.logged'"))
                .isEqualByComparingTo("48.74499999999999");
        assertThat(number(
                        p,
                        "SELECT (data->>'value')::numeric FROM events WHERE user_id = ? "
                                + "AND data->>'metric' = 'body_mass_index'"))
                .isEqualByComparingTo("22.5312");
        assertThat(number(
                        p,
                        "SELECT (data->>'value')::numeric FROM events WHERE user_id = ? "
                                + "AND data->>'metric' = 'heart_rate'"))
                .isEqualByComparingTo("72");
        assertThat(number(
                        p,
                        "SELECT sum((data->>'value')::numeric) FROM events WHERE user_id = ? "
                                + "AND data->>'metric' = 'active_energy'"))
                .isEqualByComparingTo("913.765");
    }

    @Test
    void aWhoopCyclesFileImportsOverRestAndAnOuraExportOverMcp() {
        Person p = person("wearables");
        JsonNode whoop = imported(p, file("wearables/whoop/my_whoop_data/physiological_cycles.csv"));
        assertThat(whoop.get("format").asText()).isEqualTo("whoop");
        // the fixture's first cycle: wake onset 2024-06-24 06:12:40 at UTC-04:00, resting heart rate 52
        assertThat(number(
                        p,
                        "SELECT (data->>'value')::numeric FROM events WHERE user_id = ? "
                                + "AND data->>'metric' = 'resting_hr' AND occurred_at = '2024-06-24T10:12:40Z'"))
                .isEqualByComparingTo("52");
        try (McpSyncClient client = McpClients.as(server, p.key())) {
            McpSchema.CallToolResult result = client.callTool(dev.td.testkit.McpRequests.callTool(
                    "import_file",
                    Map.of("file_name", "oura_data.json", "content_base64", base64("wearables/oura/oura_data.json"))));
            assertThat(result.isError()).as(result.toString()).isFalse();
        }
        // the fixture's long sleep ending 2024-03-11: lowest heart rate 48, average HRV 61
        assertThat(number(
                        p,
                        "SELECT (data->>'value')::numeric FROM events WHERE user_id = ? "
                                + "AND data->>'metric' = 'hrv_rmssd' AND data->>'source' = 'oura' "
                                + "AND occurred_at = '2024-03-10T23:00:00Z'"))
                .isEqualByComparingTo("61");
    }
}
