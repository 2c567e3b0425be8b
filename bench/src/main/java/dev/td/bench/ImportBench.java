package dev.td.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.faces.HttpServer;
import dev.td.server.wiring.TdCore;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Imports (issue 15), each next to its baseline in the same run.
 *
 * <ol>
 *   <li>A five-year Strong history ({@link StrongHistory}, about 18,000 events) into an in-process td over HTTP:
 *       five persons A1…A5 ({@code bench.imports}) in turn upload the CSV ({@code PUT /v1/uploads}) and import it ({@code
 *       import_file}), each timed end to end, the median being the import's time; person B logs the same workouts
 *       through {@code log_workout}, one call a workout over one keep-alive connection ({@link WireClient}: the
 *       leanest client, so the baseline pays for nothing but td). Then A1 imports the file again (nothing new to
 *       store), and A1's and B's {@code set.logged} events are counted in the database. Two other persons warm the
 *       server's paths up first, untimed (each imports the whole file: the JIT needs that many events), and the
 *       database is vacuumed and checkpointed before each timed row ({@link #settle}). Goal: the import at least 20×
 *       faster than log_workout.
 *   <li>A generated Apple Health {@code export.xml} of about 1 GB ({@link AppleHealthImport}): a bare StAX pass over it
 *       in this JVM, then the upload and import through a td started as a child JVM with {@code -Xmx256m} and its own
 *       embedded PostgreSQL, whose GC log tells the heap it used. Goals: imported in under 60 s (upload and import
 *       together) with a heap of at most 256 MB; the times are also given as multiples of the bare StAX pass.
 * </ol>
 *
 * <p>The CPU columns say where a row's time went: {@code JVM cpu s} is the server's JVM (for the Strong rows the
 * bench's own, which hosts the server and its client), {@code PG cpu s} its PostgreSQL; wall time beyond their sum
 * is waiting (disk, locks, or other processes on the machine).
 *
 * <p>Knobs: {@code bench.years} (5), {@code bench.seed} (42), {@code bench.appleBytes} (1 GiB), {@code
 * bench.appleHeap} ("256m"), {@code bench.appleLargerHeap} ("1g", the second td when the first runs out of heap; ""
 * for none), {@code bench.parts} ("strength,apple": name one to run only it).
 */
public final class ImportBench {

    private static final String KEY = "td_bench_owner_key_0123456789abcdefghijklmnop";
    private static final int YEARS = Integer.getInteger("bench.years", 5);
    private static final long SEED = Long.getLong("bench.seed", 42);
    private static final long APPLE_BYTES = Long.getLong("bench.appleBytes", 1L << 30);
    private static final String APPLE_HEAP = System.getProperty("bench.appleHeap", "256m");
    private static final String APPLE_LARGER_HEAP = System.getProperty("bench.appleLargerHeap", "1g");
    private static final List<String> PARTS =
            List.of(System.getProperty("bench.parts", "strength,apple").split(",", -1));

    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int WARMUP_WORKOUTS = 40;
    /** Persons who import the file, timed: the median of their times is the import's. */
    private static final int IMPORTS = Integer.getInteger("bench.imports", 5);

    private static final double GOAL_GAIN = 20;
    private static final double GOAL_SECONDS = 60;
    private static final double GOAL_HEAP_MB = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the Strong comparison found. */
    record StrengthResult(double gain, long setsA, long setsB) {}

    private ImportBench() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                "td import bench: Java %s, %d cores (MB = 2^20 bytes)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        Optional<StrengthResult> strength = PARTS.contains("strength") ? Optional.of(strength()) : Optional.empty();
        Optional<AppleHealthImport.Result> apple = PARTS.contains("apple")
                ? new AppleHealthImport(APPLE_BYTES, SEED, APPLE_HEAP, APPLE_LARGER_HEAP).run()
                : Optional.empty();
        System.out.printf("%ngoal (issue 15)%n");
        strength.ifPresent(s -> {
            goal(
                    String.format(
                            Locale.ROOT,
                            "%d-year Strong history imported >= %.0fx faster than log_workout",
                            YEARS,
                            GOAL_GAIN),
                    String.format(Locale.ROOT, "%.1fx", s.gain()),
                    s.gain() >= GOAL_GAIN);
            goal("the same set.logged for both persons", s.setsA() + " / " + s.setsB(), s.setsA() == s.setsB());
        });
        if (PARTS.contains("apple")) {
            appleGoals(apple);
        }
    }

    private static void appleGoals(Optional<AppleHealthImport.Result> apple) {
        String time = String.format(
                Locale.ROOT,
                "%.0f MB export.xml imported (upload + import) in < %.0f s",
                APPLE_BYTES / AppleHealthImport.MB,
                GOAL_SECONDS);
        String heap = String.format(Locale.ROOT, "td's heap <= %.0f MB (-Xmx%s)", GOAL_HEAP_MB, APPLE_HEAP);
        if (apple.isEmpty()) {
            System.out.printf("  %-66s not measured (disk)%n  %-66s not measured (disk)%n", time, heap);
            return;
        }
        AppleHealthImport.Run capped = apple.get().capped();
        if (capped.failure().isEmpty()) {
            goal(time, String.format(Locale.ROOT, "%.1f s", capped.seconds()), capped.seconds() < GOAL_SECONDS);
            goal(heap, String.format(Locale.ROOT, "peak %.0f MB", capped.gc().peakUsedMb()), true);
            return;
        }
        Optional<AppleHealthImport.Run> larger =
                apple.get().larger().filter(r -> r.failure().isEmpty());
        goal(
                time,
                larger.map(r -> String.format(
                                Locale.ROOT,
                                "%.1f s with -Xmx%s (out of heap at -Xmx%s)",
                                r.seconds(),
                                r.heap(),
                                APPLE_HEAP))
                        .orElse("not finished"),
                larger.isPresent() && larger.get().seconds() < GOAL_SECONDS);
        goal(
                heap,
                "out of heap after " + Math.round(capped.importSeconds()) + " s"
                        + larger.map(r -> String.format(
                                        Locale.ROOT,
                                        "; at -Xmx%s in use after a GC <= %.0f MB, peak %.0f MB",
                                        r.heap(),
                                        r.gc().maxLiveMb(),
                                        r.gc().peakUsedMb()))
                                .orElse(""),
                false);
    }

    private static void goal(String what, String measured, boolean passes) {
        System.out.printf("  %-66s %-12s %s%n", what, passes ? "PASS" : "FAIL", measured);
    }

    // ---- Strong: import_file vs log_workout ------------------------------------------------------------------------

    private static StrengthResult strength() throws Exception {
        List<StrongHistory.Workout> workouts = StrongHistory.generate(SEED, FIRST_DAY, YEARS);
        byte[] csv = StrongHistory.csv(workouts).getBytes(StandardCharsets.UTF_8);
        int sets = workouts.stream().mapToInt(StrongHistory.Workout::sets).sum();
        int events = workouts.stream().mapToInt(StrongHistory.Workout::events).sum();
        System.out.printf(
                "%nStrong CSV, %d years from %s (seed %d, %s): %d workouts, %d sets -> %d events, %.1f MB%n",
                YEARS, FIRST_DAY, SEED, ZONE, workouts.size(), sets, events, csv.length / AppleHealthImport.MB);
        Path dir = Files.createTempDirectory("td-import-bench");
        try (TdCore core = TdCore.open(Optional.empty(), dir)) {
            core.accounts().bootstrapOwner(Optional.of(KEY));
            UUID a = core.accounts().localOwner().userId();
            String keyB = person(core, "bench-b");
            List<String> keysA = new ArrayList<>(List.of(KEY));
            for (int i = 2; i <= IMPORTS; i++) {
                keysA.add(person(core, "bench-a" + i));
            }
            List<String> keysWarm = List.of(person(core, "bench-warm-up-1"), person(core, "bench-warm-up-2"));
            UUID b = core.accounts().authenticate(keyB).orElseThrow().userId();
            for (String key : Stream.of(keysA, List.of(keyB), keysWarm)
                    .flatMap(List::stream)
                    .toList()) {
                timeZone(core, core.accounts().authenticate(key).orElseThrow());
            }
            HttpServer http = HttpServer.start(core, new HttpServer.Options("127.0.0.1", 0, List.of(), false, false));
            try {
                String base = "http://127.0.0.1:" + http.port();
                warmUp(base, http.port(), keysWarm, workouts);
                long self = ProcessHandle.current().pid();
                double gain = compare(
                        keysA.stream().map(k -> new ImportCalls(base, k)).toList(),
                        () -> settle(core),
                        http.port(),
                        keyB,
                        workouts,
                        csv,
                        () -> CpuTime.of(self, dir));
                long setsA = count(core, a, "set.logged");
                long setsB = count(core, b, "set.logged");
                System.out.printf(
                        "in the log: set.logged A %d, B %d (%s); all events A %d, B %d%n",
                        setsA,
                        setsB,
                        setsA == setsB ? "the same" : "DIFFERENT",
                        count(core, a, "%"),
                        count(core, b, "%"));
                return new StrengthResult(gain, setsA, setsB);
            } finally {
                http.stop();
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * Untimed, so that both paths run compiled code when timed: two other persons import the whole file (the JIT
     * compiles an import's per-event code only after thousands of events, and keeps compiling during the next import
     * of that size), and the first of them logs some workouts with log_workout (B's 720 calls warm that path further
     * themselves).
     */
    private static void warmUp(String base, int port, List<String> keys, List<StrongHistory.Workout> all)
            throws Exception {
        byte[] csv = StrongHistory.csv(all).getBytes(StandardCharsets.UTF_8);
        for (String key : keys) {
            ImportCalls calls = new ImportCalls(base, key);
            calls.importFile(strong(calls.upload("warm-up.csv", HttpRequest.BodyPublishers.ofByteArray(csv))));
        }
        logWorkouts(port, keys.getFirst(), "warm-up", all.subList(0, WARMUP_WORKOUTS));
        System.out.printf(
                "warm-up (untimed, %d other persons): the file imported %d times, %d workouts logged with log_workout%n%n",
                keys.size(), keys.size(), WARMUP_WORKOUTS);
    }

    /**
     * The file imported by each A person in turn (the median of their times is the import's), B's log_workout calls,
     * then the first A's second import; answers how much faster the import was.
     */
    private static double compare(
            List<ImportCalls> as,
            Runnable settle,
            int port,
            String keyB,
            List<StrongHistory.Workout> workouts,
            byte[] csv,
            Supplier<CpuTime> cpu)
            throws Exception {
        int events = workouts.stream().mapToInt(StrongHistory.Workout::events).sum();
        System.out.printf(
                "%-40s %8s %8s %9s %9s %9s %9s%n",
                "path", "workouts", "events", "seconds", "events/s", "JVM cpu s", "PG cpu s");
        double[] seconds = new double[as.size()];
        for (int i = 0; i < as.size(); i++) {
            ImportCalls a = as.get(i);
            settle.run();
            CpuTime c0 = cpu.get();
            long t0 = System.nanoTime();
            String id = a.upload("strong.csv", HttpRequest.BodyPublishers.ofByteArray(csv));
            long t1 = System.nanoTime();
            JsonNode report = a.importFile(strong(id));
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            long stored = report.path("stored").asLong();
            row(
                    "A" + (i + 1) + ": upload + import_file",
                    workouts.size(),
                    stored,
                    seconds[i],
                    cpu.get().minus(c0));
            System.out.printf("%-40s %8s %8s %9.2f%n", "   of which the upload", "", "", (t1 - t0) / 1e9);
            if (stored != events) {
                System.out.printf("   (expected %d events; the import report: %s)%n", events, report);
            }
        }
        double importSeconds = median(seconds);
        System.out.printf("%-40s %8s %8s %9.2f%n", "A: the median import", "", "", importSeconds);
        ImportCalls a = as.getFirst();
        settle.run();
        CpuTime c1 = cpu.get();
        long t2 = System.nanoTime();
        logWorkouts(port, keyB, "b", workouts);
        double logSeconds = (System.nanoTime() - t2) / 1e9;
        row(
                "B: log_workout, a call a workout",
                workouts.size(),
                events,
                logSeconds,
                cpu.get().minus(c1));
        CpuTime c2 = cpu.get();
        long t3 = System.nanoTime();
        JsonNode again = a.importFile(strong(a.upload("strong.csv", HttpRequest.BodyPublishers.ofByteArray(csv))));
        double againSeconds = (System.nanoTime() - t3) / 1e9;
        row(
                "A1 again: same file, nothing new",
                workouts.size(),
                again.path("stored").asLong(),
                againSeconds,
                cpu.get().minus(c2));
        double gain = logSeconds / importSeconds;
        System.out.printf(
                "%nimport_file is %.1fx faster than log_workout; the second import found %d events already imported%n",
                gain, again.path("already_imported").asLong());
        return gain;
    }

    /**
     * Untimed, before each timed row, as pgbench does before its runs: VACUUM ANALYZE and a CHECKPOINT, so that the
     * autovacuum and checkpoint debt the rows before it left (the warm-up alone writes 36,000 events) is not paid
     * inside the next row's time.
     */
    private static void settle(TdCore core) {
        try (Connection c = core.database().ownerConnection();
                Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("VACUUM/CHECKPOINT between the rows failed: " + e.getMessage(), e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void row(String name, int workouts, long events, double seconds, CpuTime cpu) {
        System.out.printf(
                "%-40s %8d %8d %9.2f %9.0f %9.2f %9.2f%n",
                name, workouts, events, seconds, events / seconds, cpu.jvmSeconds(), cpu.postgresSeconds());
    }

    /** import_file's arguments for an uploaded Strong file: its weights are kg. */
    private static ObjectNode strong(String uploadId) {
        return JsonNodeFactory.instance.objectNode().put("upload_id", uploadId).put("weight_unit", "kg");
    }

    /** Each workout through {@code POST /v1/workouts}, one after the other on one connection. */
    private static void logWorkouts(int port, String key, String tag, List<StrongHistory.Workout> workouts)
            throws IOException {
        try (WireClient wire = new WireClient("127.0.0.1", port)) {
            int n = 0;
            for (StrongHistory.Workout w : workouts) {
                ObjectNode arguments = StrongHistory.logWorkoutArguments(w, "bench-" + tag + "-" + n++, ZONE);
                WireClient.Answer answer =
                        wire.post("/v1/workouts", "Bearer " + key, JSON.writeValueAsBytes(arguments));
                if (answer.status() != 200) {
                    throw new IllegalStateException("log_workout answered " + answer.status() + ": " + answer.body());
                }
            }
        }
    }

    /** A person with an API key of all scopes. */
    private static String person(TdCore core, String name) {
        UUID id = core.accounts().createUser(name);
        return core.accounts().createKey(id, "td-bench", Set.of("*"));
    }

    /** The person's time zone, which the Strong file's local times are read in. */
    private static void timeZone(TdCore core, Principal person) {
        core.tools()
                .invoke(
                        "update_profile",
                        person,
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("idempotency_key", "bench-profile")
                                .put("time_zone", ZONE.getId()),
                        new ToolCall.Origin(
                                "api", UUID.randomUUID().toString(), Optional.of("import-bench"), Optional.empty()));
    }

    /** The person's events of a type (a LIKE pattern), counted in the database. */
    private static long count(TdCore core, UUID user, String type) throws Exception {
        try (Connection c = core.database().ownerConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM events WHERE user_id = ? AND type LIKE ?")) {
            s.setObject(1, user);
            s.setString(2, type);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
