package dev.td.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.Main;
import dev.td.testkit.Http;
import dev.td.testkit.TestDatabases;
import dev.td.tools.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * td-server as a process of its own, killed with SIGKILL in the middle of a big import: after the restart nothing of
 * the file is stored (an import is one transaction), get_import calls it interrupted, and importing the file again
 * stores all of it.
 */
class ImportKillNineTest {

    private static final String KEY =
            "td_import_kill_owner_key_" + java.util.UUID.randomUUID().toString().replace("-", "");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final int WORKOUTS = 1_500;
    private static final int SETS_PER_WORKOUT = 20;

    private final Path dataDir = TestDatabases.tempDir("td-import-kill9");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void anImportKilledWhileItStoresLeavesNothingAndRunsAgainWhole() throws Exception {
        Path csv = strongHistory();
        Process server = null;
        try {
            server = start();
            String first = baseUrl(server);
            Thread importing = Thread.ofPlatform().start(() -> {
                try {
                    importFile(first, csv);
                } catch (RuntimeException e) {
                    // td is killed under it
                }
            });
            String phase = "";
            JsonNode seen = Json.mapper().nullNode();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!phase.equals("storing") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                JsonNode latest =
                        Http.send("GET", first + "/v1/imports", KEY, null).body();
                phase = latest.at("/data/imports/0/phase").asText();
                seen = latest;
                assertThat(latest.at("/data/imports/0/status").asText()).isNotEqualTo("done");
            }
            assertThat(phase).as("the import reached its one append: " + seen).isEqualTo("storing");
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            importing.join(30_000);

            server = start();
            String base = baseUrl(server);
            assertThat(sets(base)).as("sets stored by the killed import").isZero();
            Thread.sleep(4_000); // past td.imports.stale-after
            JsonNode interrupted =
                    Http.send("GET", base + "/v1/imports", KEY, null).body();
            assertThat(interrupted.at("/data/imports/0/status").asText()).isEqualTo("interrupted");
            assertThat(interrupted.at("/data/imports/0/error").asText()).contains("import the file again");

            JsonNode again = importFile(base, csv);
            assertThat(again.at("/data/by_type/set.logged").asInt())
                    .as(again.toString())
                    .isEqualTo(WORKOUTS * SETS_PER_WORKOUT);
            assertThat(sets(base)).isEqualTo(WORKOUTS * SETS_PER_WORKOUT);
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(60, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(csv);
        }
    }

    /** A Strong export of {@value #WORKOUTS} workouts of {@value #SETS_PER_WORKOUT} sets. */
    private static Path strongHistory() throws IOException {
        Path csv = Files.createTempFile("strong", ".csv");
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        LocalDateTime day = LocalDateTime.of(2010, 1, 4, 18, 0, 0);
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n");
            for (int w = 0; w < WORKOUTS; w++) {
                String start = f.format(day.plusDays(w * 2L));
                for (int s = 0; s < SETS_PER_WORKOUT; s++) {
                    String exercise = s < 10 ? "Squat (Barbell)" : "Bench Press (Barbell)";
                    out.write(start + ",\"Strength\",1h 5m,\"" + exercise + "\"," + (s % 10 + 1) + "," + (60 + (w % 40))
                            + ".0,5.0,0,0.0,\n");
                }
            }
        }
        return csv;
    }

    private static JsonNode importFile(String base, Path csv) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> up = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/uploads?name=strong.csv"))
                            .PUT(HttpRequest.BodyPublishers.ofFile(csv))
                            .header("Authorization", "Bearer " + KEY)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String upload =
                    Json.mapper().readTree(up.body()).at("/data/upload_id").asText();
            HttpResponse<String> imported = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/imports"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"upload_id\":\"" + upload + "\",\"weight_unit\":\"kg\"}"))
                            .header("Authorization", "Bearer " + KEY)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofMinutes(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.mapper().readTree(imported.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sets in the owner's log, read page by page. */
    private static long sets(String base) {
        long n = 0;
        String cursor = "";
        do {
            JsonNode page = Http.send(
                            "GET", base + "/v1/events?view=log&types=set.logged&limit=1000" + cursor, KEY, null)
                    .body();
            n += page.at("/data/events").size();
            JsonNode next = page.at("/data/next_cursor");
            cursor = next.isTextual() ? "&cursor=" + next.asText() : "";
        } while (!cursor.isEmpty());
        return n;
    }

    private static String baseUrl(Process p) {
        return java.util.Objects.requireNonNull(BASES.get(p.pid()), "the server's address");
    }

    /** Each started server's address, by process id. */
    private static final java.util.Map<Long, String> BASES = new java.util.concurrent.ConcurrentHashMap<>();

    /** td-server serve on the data directory, as a process, with imports going stale after 3 s. */
    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Dtd.imports.stale-after=PT3S",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "serve",
                        "--port",
                        "0",
                        "--data-dir",
                        dataDir.toString())
                .redirectErrorStream(true);
        builder.environment().put("TD_BOOTSTRAP_API_KEY", KEY);
        Process process = builder.start();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder output = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                BASES.put(process.pid(), m.group(1));
                Thread.ofPlatform().daemon().start(() -> lines.lines().forEach(l -> {}));
                return process;
            }
        }
        throw new AssertionError("td-server did not start:\n" + output);
    }
}
