package dev.td.server.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.projections.Projection;
import dev.td.testkit.TestServer;
import dev.td.tools.ErrorCode;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.ToolException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The projection law on imported histories: a random Strong export imported in one bulk append, then random
 * corrections and voids of its sets through correct_event and void_event, leaves every projection exactly as a fold
 * of the effective log from scratch; and the stored sets carry exactly the file's weight·reps.
 */
class ImportedHistoryPropertyTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final List<String> EXERCISES = List.of(
            "Squat (Barbell)", "Bench Press (Barbell)", "Deadlift (Barbell)", "Pull Up", "Overhead Press (Barbell)");
    private static final DateTimeFormatter STRONG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void anImportedHistoryWithCorrectionsProjectsLikeItsEffectiveLog(int seed) {
        Random random = new Random(seed);
        Principal p = server.person("imported-" + seed);
        History history = History.random(random, 8 + random.nextInt(12));
        assertThat(imported(p, "content_base64", Base64.getEncoder().encodeToString(history.csv())))
                .as("rejected")
                .isZero();
        assertThat(sum(p.userId())).as("weight·reps stored vs in the file").isEqualByComparingTo(history.volume());
        assertProjectionsAreFoldsOfTheLog(p, "after the import (seed " + seed + ")");

        List<UUID> sets = setIds(p.userId());
        int compensations = 1 + random.nextInt(5);
        for (int i = 0; i < compensations && !sets.isEmpty(); i++) {
            UUID target = sets.remove(random.nextInt(sets.size()));
            if (random.nextBoolean()) {
                server.invoke(
                        p,
                        "void_event",
                        "{\"event_id\":\"" + target + "\",\"reason\":\"test\",\"idempotency_key\":\"v" + i + "\"}");
            } else {
                server.invoke(
                        p,
                        "correct_event",
                        "{\"event_id\":\"" + target + "\",\"idempotency_key\":\"c" + i + "\",\"data\":{\"reps\":"
                                + (1 + random.nextInt(12)) + "}}");
            }
        }

        assertProjectionsAreFoldsOfTheLog(p, "after " + compensations + " corrections/voids (seed " + seed + ")");
    }

    @Test
    void aHistoryLongerThanABatchProjectsLikeItsLogWithoutACorrection() throws Exception {
        // 1,400 workouts of about 6 sets (up to 16): twice ImportTools.BATCH drafts and more, so the store writes
        // several
        // batches while the next are read, and the projections keep their states across them
        var accounts = server.core().accounts();
        String key = accounts.createKey(
                accounts.createPerson("imported-long", "imported-long").userId(), "test", Set.of("*"));
        Principal p = accounts.authenticate(key).orElseThrow();
        History history = History.random(new Random(42), 1_400);
        assertThat(imported(p, "upload_id", upload(key, history.csv())))
                .as("rejected")
                .isZero();
        assertThat(count(p.userId())).as("set.logged stored").isGreaterThan(ImportTools.BATCH);
        assertThat(sum(p.userId())).isEqualByComparingTo(history.volume());
        assertProjectionsAreFoldsOfTheLog(p, "after a long import");
    }

    @Test
    void aFileThatBreaksAfterSeveralBatchesStoresNothingAndItsReportSaysSo() throws Exception {
        var accounts = server.core().accounts();
        String key = accounts.createKey(
                accounts.createPerson("imported-broken", "imported-broken").userId(), "test", Set.of("*"));
        Principal p = accounts.authenticate(key).orElseThrow();
        // an Apple Health export (read in one streaming pass) of 12,000 weigh-ins, an hour apart, cut off before its
        // end: the store has taken two batches when the reader meets the end of the file
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <HealthData locale="en_US">
                 <ExportDate value="2024-01-01 10:00:00 +0100"/>
                """);
        DateTimeFormatter apple = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);
        java.time.ZonedDateTime at = java.time.ZonedDateTime.parse("2022-01-01T07:00:00+01:00");
        for (int i = 0; i < 12_000; i++) {
            String when = apple.format(at.plusHours(i));
            xml.append(
                            " <Record type=\"HKQuantityTypeIdentifierBodyMass\" sourceName=\"Scale\" unit=\"kg\" creationDate=\"")
                    .append(when)
                    .append("\" startDate=\"")
                    .append(when)
                    .append("\" endDate=\"")
                    .append(when)
                    .append("\" value=\"")
                    .append(80 + (i % 10) / 10.0)
                    .append("\"/>\n");
        }
        xml.append(" <Record type=\"HKQuantityTypeIdentifierBodyMass\" sourceName=\"Sca");
        String upload = upload(key, xml.toString().getBytes(StandardCharsets.UTF_8), "export.xml");
        assertThatThrownBy(() -> server.invoke(
                        p, "import_file", Json.mapper().createObjectNode().put("upload_id", upload)))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("Nothing of the file was stored");
                });
        assertThat(Long.parseLong(query(p.userId(), "SELECT count(*) FROM events WHERE user_id = ?")
                        .getFirst()))
                .as("events of the person")
                .isZero();
        JsonNode report = server.invoke(p, "get_import", "{}").at("/data/imports/0");
        assertThat(report.get("status").asText()).isEqualTo("rejected");
        assertThat(report.get("read").asInt()).as("read past the first batches").isGreaterThan(ImportTools.BATCH);
        assertThat(report.get("stored").asInt())
                .as("stored, after the rollback")
                .isZero();
        assertThat(report.get("by_type").size()).isZero();
    }

    /** A random Strong export and its Σ weight·reps. */
    private record History(String text, BigDecimal volume) {

        byte[] csv() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        static History random(Random random, int workouts) {
            StringBuilder csv = new StringBuilder(
                    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n");
            BigDecimal volume = BigDecimal.ZERO;
            LocalDateTime day = LocalDateTime.of(2014, 1, 2, 17, 30, 0);
            for (int w = 0; w < workouts; w++) {
                day = day.plusDays(1 + random.nextInt(4)).withMinute(random.nextInt(60));
                String start = STRONG.format(day);
                for (int e = 0; e < 1 + random.nextInt(4); e++) {
                    String exercise = EXERCISES.get(random.nextInt(EXERCISES.size()));
                    for (int s = 1; s <= 1 + random.nextInt(4); s++) {
                        BigDecimal kg = BigDecimal.valueOf(20 + random.nextInt(160))
                                .add(BigDecimal.valueOf(25L * random.nextInt(4), 2));
                        int reps = 1 + random.nextInt(12);
                        csv.append(start)
                                .append(",\"Workout ")
                                .append(w)
                                .append("\",1h 5m,\"")
                                .append(exercise)
                                .append("\",")
                                .append(s)
                                .append(',')
                                .append(kg.toPlainString())
                                .append(',')
                                .append(reps)
                                .append(".0,0,0.0,\n");
                        volume = volume.add(kg.multiply(BigDecimal.valueOf(reps)));
                    }
                }
            }
            return new History(csv.toString(), volume);
        }
    }

    /** import_file of a Strong file in kg, the file given by {@code field}; answers how many records it rejected. */
    private static int imported(Principal p, String field, String file) {
        JsonNode report = server.invoke(
                        p,
                        "import_file",
                        Json.mapper()
                                .createObjectNode()
                                .put("file_name", "strong.csv")
                                .put("weight_unit", "kg")
                                .put(field, file))
                .get("data");
        return report.get("rejected").asInt();
    }

    private static String upload(String key, byte[] bytes) throws Exception {
        return upload(key, bytes, "strong.csv");
    }

    private static String upload(String key, byte[] bytes, String name) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/uploads?name=" + name))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.mapper().readTree(r.body()).at("/data/upload_id").asText();
    }

    private static void assertProjectionsAreFoldsOfTheLog(Principal p, String when) {
        for (Projection<?> projection : server.core().projections().projections()) {
            JsonNode stored =
                    Json.mapper().valueToTree(server.core().projections().readAll(p.userId(), projection));
            JsonNode folded =
                    Json.mapper().valueToTree(server.core().projections().foldFromLog(p.userId(), projection.name()));
            assertThat(stored).as(projection.name() + " " + when).isEqualTo(folded);
        }
    }

    private static long count(UUID user) {
        return Long.parseLong(query(user, "SELECT count(*) FROM events WHERE user_id = ? AND type = 'set.logged'")
                .getFirst());
    }

    private static BigDecimal sum(UUID user) {
        return query(
                        user,
                        "SELECT sum((data->'weight'->>'value')::numeric * (data->>'reps')::numeric) FROM events "
                                + "WHERE user_id = ? AND type = 'set.logged'")
                .stream()
                .map(BigDecimal::new)
                .findFirst()
                .orElseThrow();
    }

    private static List<UUID> setIds(UUID user) {
        List<UUID> ids = new ArrayList<>();
        query(user, "SELECT event_id::text FROM events WHERE user_id = ? AND type = 'set.logged' ORDER BY sequence")
                .forEach(s -> ids.add(UUID.fromString(s)));
        return ids;
    }

    private static List<String> query(UUID user, String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = java.sql.DriverManager.getConnection(server.databaseUrl());
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
