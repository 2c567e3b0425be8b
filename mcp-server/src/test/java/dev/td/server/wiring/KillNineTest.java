package dev.td.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.Main;
import dev.td.testkit.Http;
import dev.td.testkit.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * td-server as a process of its own on an embedded data directory, killed with SIGKILL while it
 * writes: each next start must work the first time, and nothing that was acknowledged may be lost.
 */
class KillNineTest {

    private static final String KEY = "td_kill_nine_owner_key_" + EmbeddedCredentials.randomPassword();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Path dataDir = TestDatabases.tempDir("td-kill9");
    private final Set<String> acknowledgedEvents = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedWorkouts = ConcurrentHashMap.newKeySet();

    private record Server(Process process, String baseUrl, java.util.Queue<String> output) {}

    @Test
    @org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyAcknowledgedWriteSurvivesKillNineAndEachRestartWorksTheFirstTime() throws Exception {
        Server server = start();
        for (int round = 1; round <= 3; round++) {
            boolean alsoThePostmaster = round == 3;
            long postmaster = postmasterPid();
            writeWhileKilling(server, round, alsoThePostmaster ? Optional.of(postmaster) : Optional.empty());
            if (!alsoThePostmaster) {
                assertThat(running(postmaster))
                        .as("kill -9 of td leaves its PostgreSQL running: the case td must clear up")
                        .isTrue();
            }
            server = start();
        }
        assertThat(acknowledgedEvents).as("writes acknowledged").hasSizeGreaterThan(10);

        Set<String> keys = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        readLog(server, keys, sessions);
        assertThat(keys).containsAll(acknowledgedEvents);
        assertThat(sessions).containsAll(acknowledgedWorkouts);

        long postmaster = postmasterPid();
        server.process().destroy(); // SIGTERM: td stops its PostgreSQL before it ends
        assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(running(postmaster)).as("PostgreSQL after SIGTERM to td").isFalse();

        try (TdCore core = TdCore.open(Optional.empty(), dataDir)) {
            Map<String, String> inline = projectionStates(core);
            core.projections().rebuild(List.of());
            assertThat(projectionStates(core)).isEqualTo(inline).isNotEmpty();
        }
    }

    /** Four writers over REST until td is killed (and its postmaster, when given) under them. */
    private void writeWhileKilling(Server server, int round, Optional<Long> postmaster) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; !killed.get(); n++) {
                    String key = "r" + round + "-w" + writer + "-" + n;
                    try {
                        if (writer % 2 == 0) {
                            if (Http.send("POST", server.baseUrl() + "/v1/events", KEY, weight(key, n))
                                                    .status()
                                            / 100
                                    == 2) {
                                acknowledgedEvents.add(key);
                            }
                        } else if (Http.send("POST", server.baseUrl() + "/v1/workouts", KEY, workout(key, round, n))
                                                .status()
                                        / 100
                                == 2) {
                            acknowledgedWorkouts.add(key);
                        }
                    } catch (UncheckedIOException | IllegalStateException e) {
                        return; // td is gone
                    }
                }
            }));
        }
        Thread.sleep(1500);
        postmaster.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        server.process().destroyForcibly();
        killed.set(true);
        assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (Thread t : writers) {
            t.join(30_000);
        }
    }

    private static String weight(String key, int n) {
        return "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-10-01T07:00:00Z\",\"time_zone\":\"UTC\","
                + "\"data\":{\"metric\":\"body_weight\",\"value\":" + (70 + n % 20) + ",\"unit\":\"kg\"},"
                + "\"idempotency_key\":\"" + key + "\"}]}";
    }

    private static String workout(String key, int round, int n) {
        String day = String.format("2026-%02d-%02d", 1 + round, 1 + n % 28);
        return "{\"idempotency_key\":\"" + key + "\",\"session_id\":\"" + key + "\",\"started_at\":\"" + day
                + "T18:00:00Z\",\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\",\"sets\":[{\"weight\":"
                + (60 + n % 40) + ",\"reps\":5,\"count\":2}]}]}";
    }

    private static void readLog(Server server, Set<String> keys, Set<String> sessions) {
        String cursor = "";
        do {
            Http.Answer page =
                    Http.send("GET", server.baseUrl() + "/v1/events?view=log&limit=1000" + cursor, KEY, null);
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            for (JsonNode event : page.body().at("/data/events")) {
                keys.add(event.path("idempotency_key").asText());
                if (event.at("/data/session_id").isTextual()) {
                    sessions.add(event.at("/data/session_id").asText());
                }
            }
            JsonNode next = page.body().at("/data/next_cursor");
            cursor = next.isTextual() ? "&cursor=" + next.asText() : "";
        } while (!cursor.isEmpty());
    }

    private static Map<String, String> projectionStates(TdCore core) throws SQLException {
        Map<String, String> states = new HashMap<>();
        try (Connection c = core.database().ownerConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT user_id, projection, key, state::text FROM projection_states")) {
            while (rs.next()) {
                states.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3), rs.getString(4));
            }
        }
        return states;
    }

    /** Alive and not a zombie (an ended process its parent, here init, has not reaped yet). */
    private static boolean running(long pid) throws IOException {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String line = Files.readString(stat);
        // pid (comm) state ...
        return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .getFirst()
                .strip());
    }

    /** td-server serve on the data directory, as a process; fails the test unless it starts this first time. */
    private Server start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
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
        java.util.Queue<String> output = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofPlatform().daemon().start(() -> lines.lines().forEach(output::add));
                return new Server(process, m.group(1), output);
            }
        }
        Path log = dataDir.resolve("postgres.log");
        throw new AssertionError("td-server did not start on the first attempt:\n" + String.join("\n", output)
                + "\nPostgreSQL's log:\n" + (Files.exists(log) ? Files.readString(log) : "(none)"));
    }
}
