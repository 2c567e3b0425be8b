package dev.td.bench;

import dev.td.server.faces.HttpServer;
import dev.td.server.wiring.TdCore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * td under load: concurrent writers (log_workout, {@code POST /v1/workouts}) and readers
 * (list_sessions and get_exercise_progression, {@code GET /v1/sessions}, {@code GET /v1/progression})
 * over real HTTP against a real td server on 127.0.0.1, with its embedded PostgreSQL configured as in
 * production (fsync and synchronous commit on). Each scenario runs for a fixed time and stops by
 * itself; the figures are throughput, latency percentiles, errors by status and the server's memory
 * (this JVM plus the PostgreSQL processes). The goal check (issue 9) is computed from the same run:
 * no errors; one person's 16 writers keep 80 % of the single-writer throughput with p99 at most
 * 2 × writers × the single-writer p50; 16 people's writers have p99 within 10× the single-writer p50.
 *
 * <p>Scenarios, after a warm-up as the owner: (a) one writer; (b) all writers as one person; (c) each
 * writer a person of their own; (d) half the writers, each a person, and readers of those people. The
 * one-person scenarios each start with a new person: a workout rewrites the person's growing
 * projection states (the exercise progression holds every session), so a person with more history
 * writes more slowly; the last columns show the history each scenario ended with.
 *
 * <p>Settings, as {@code name=value} arguments or {@code BENCH_LOAD_NAME} environment variables:
 * seconds (per scenario, 20), writers (16), readers (8, in the mixed scenario), warmup (seconds, 5).
 * The pool size is the server's {@code -Dtd.db.pool} (pass it in BENCH_JAVA_OPTS).
 */
public final class LoadBench {

    private static final String OWNER_KEY = "td_bench_owner_key_0123456789abcdefghijklmnop";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** Every workout starts at its own minute after this (sessions never collide). */
    private static final Instant FIRST_WORKOUT = Instant.parse("2020-01-06T07:00:00Z");

    private static final AtomicLong WORKOUTS = new AtomicLong();

    private LoadBench() {}

    /** The settings of one run. */
    record Settings(int seconds, int writers, int readers, int warmupSeconds) {
        Settings {
            if (seconds < 1 || writers < 1 || readers < 0 || warmupSeconds < 0) {
                throw new IllegalArgumentException(
                        "seconds and writers must be at least 1, readers and warmup at least 0");
            }
        }

        static Settings of(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("argument '" + arg
                            + "': expected name=value, e.g. seconds=20 writers=16 readers=8 warmup=5");
                }
                given.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
            Settings s = new Settings(
                    setting(given, "seconds", 20),
                    setting(given, "writers", 16),
                    setting(given, "readers", 8),
                    setting(given, "warmup", 5));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException(
                        "unknown settings " + given.keySet() + "; known: seconds, writers, readers, warmup");
            }
            return s;
        }

        private static int setting(Map<String, String> given, String name, int fallback) {
            String value = given.remove(name);
            if (value == null) {
                value = System.getenv("BENCH_LOAD_" + name.toUpperCase(Locale.ROOT));
            }
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }

    /** A person the clients act as, and their API key. */
    record Person(UUID id, String key) {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.of(args);
        Path dir = Files.createTempDirectory("td-load-bench");
        try (TdCore core = TdCore.open(Optional.empty(), dir)) {
            core.accounts().bootstrapOwner(Optional.of(OWNER_KEY));
            Person owner = new Person(core.accounts().localOwner().userId(), OWNER_KEY);
            // a fresh person for each one-person scenario, so both start with no history
            Person alone = person(core, "single writer");
            Person shared = person(core, "shared by the writers");
            List<Person> people = new ArrayList<>();
            for (int i = 0; i < settings.writers(); i++) {
                people.add(person(core, "load person " + i));
            }
            HttpServer http = HttpServer.start(core, new HttpServer.Options("127.0.0.1", 0, List.of(), false, false));
            try {
                String base = "http://127.0.0.1:" + http.port();
                ServerMemory memory = ServerMemory.of(dir.resolve("postgres"));
                System.out.printf(
                        "td load bench: Java %s, %d cores, %d s per scenario, embedded PostgreSQL (fsync on) at %s, pool %s%n",
                        Runtime.version(),
                        Runtime.getRuntime().availableProcessors(),
                        settings.seconds(),
                        core.database().jdbcUrl().replaceAll("\\?.*", ""),
                        Integer.getInteger("td.db.pool", 16));
                System.out.printf(
                        "a workout: 3 exercises, 9 sets (11 events); reads alternate GET /v1/sessions and GET /v1/progression?exercise=bench%n");
                if (settings.warmupSeconds() > 0) {
                    Scenario warmup =
                            new Scenario("warm-up", settings.warmupSeconds(), repeat(owner, 4), List.of(owner));
                    warmup.run(base, memory);
                    System.out.printf(
                            "warm-up: %d workouts, %d reads%n%n", warmup.writes.count(), warmup.reads.count());
                }
                Scenario single = new Scenario("a) 1 writer, 1 person", settings.seconds(), List.of(alone), List.of());
                Scenario samePerson = new Scenario(
                        "b) " + settings.writers() + " writers, 1 person",
                        settings.seconds(),
                        repeat(shared, settings.writers()),
                        List.of());
                Scenario manyPeople = new Scenario(
                        "c) " + settings.writers() + " writers, " + settings.writers() + " people",
                        settings.seconds(),
                        people,
                        List.of());
                int mixedWriters = Math.max(1, settings.writers() / 2);
                Scenario mixed = new Scenario(
                        "d) " + mixedWriters + " writers + " + settings.readers() + " readers, " + mixedWriters
                                + " people",
                        settings.seconds(),
                        people.subList(0, mixedWriters),
                        cycle(people.subList(0, mixedWriters), settings.readers()));
                List<Scenario> all = List.of(single, samePerson, manyPeople, mixed);
                Scenario.printHeader();
                for (Scenario s : all) {
                    s.run(base, memory);
                    s.print(History.of(core, s));
                }
                System.out.println();
                for (Scenario s : all) {
                    s.printErrors();
                }
                goals(settings, single, samePerson, manyPeople, all);
            } finally {
                http.stop();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void goals(
            Settings settings, Scenario single, Scenario samePerson, Scenario manyPeople, List<Scenario> all) {
        long errors = all.stream().mapToLong(Scenario::errorCount).sum();
        double p50 = single.writes.percentile(50);
        double keep = samePerson.writesPerSecond() / single.writesPerSecond();
        double samePersonBound = 2.0 * settings.writers() * p50;
        double manyPeopleBound = 10 * p50;
        System.out.printf(
                "%ngoal check (issue 9), against the single writer's %.1f workouts/s and p50 %.1f ms:%n",
                single.writesPerSecond(), p50);
        check(errors == 0, "no errors", errors + " errors");
        check(
                keep >= 0.8,
                "1 person, " + settings.writers() + " writers keep >= 80 % of the single-writer throughput",
                String.format(Locale.ROOT, "%.0f %% (%.1f workouts/s)", 100 * keep, samePerson.writesPerSecond()));
        check(
                samePerson.writes.percentile(99) <= samePersonBound,
                "1 person, " + settings.writers() + " writers: p99 <= 2 x " + settings.writers() + " x single p50 = "
                        + String.format(Locale.ROOT, "%.0f ms", samePersonBound),
                String.format(Locale.ROOT, "p99 %.0f ms", samePerson.writes.percentile(99)));
        check(
                manyPeople.writes.percentile(99) <= manyPeopleBound,
                settings.writers() + " people: p99 <= 10 x single p50 = "
                        + String.format(Locale.ROOT, "%.0f ms", manyPeopleBound),
                String.format(Locale.ROOT, "p99 %.0f ms", manyPeople.writes.percentile(99)));
    }

    private static void check(boolean met, String goal, String measured) {
        System.out.printf("  %-4s %s: %s%n", met ? "met" : "MISS", goal, measured);
    }

    private static Person person(TdCore core, String name) {
        UUID id = core.accounts().createUser(name);
        return new Person(id, core.accounts().createKey(id, "td-bench", Set.of("*")));
    }

    /** How much the scenario's people have stored by its end: sessions per person, the largest projection state. */
    record History(long maxSessions, long largestStateKb) {
        static History of(TdCore core, Scenario s) throws java.sql.SQLException {
            Object[] ids = s.writers.stream().map(Person::id).distinct().toArray();
            try (java.sql.Connection c = core.database().dataSource().getConnection();
                    java.sql.PreparedStatement ps = c.prepareStatement(
                            "SELECT"
                                    + " (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM events"
                                    + "   WHERE user_id = ANY (?) AND type = 'session.started' GROUP BY user_id) x),"
                                    + " (SELECT coalesce(max(octet_length(state::text)), 0) FROM projection_states WHERE user_id = ANY (?))")) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("uuid", ids));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new History(rs.getLong(1), rs.getLong(2) / 1024);
                }
            }
        }
    }

    private static List<Person> repeat(Person p, int n) {
        List<Person> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(p);
        }
        return list;
    }

    private static List<Person> cycle(List<Person> people, int n) {
        List<Person> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(people.get(i % people.size()));
        }
        return list;
    }

    /** Latencies in milliseconds, collected by one client and merged per scenario. */
    static final class Samples {
        private double[] ms = new double[1024];
        private int n;

        void add(double value) {
            if (n == ms.length) {
                ms = Arrays.copyOf(ms, n * 2);
            }
            ms[n++] = value;
        }

        void addAll(Samples other) {
            for (int i = 0; i < other.n; i++) {
                add(other.ms[i]);
            }
        }

        int count() {
            return n;
        }

        double percentile(double p) {
            if (n == 0) {
                return Double.NaN;
            }
            double[] sorted = Arrays.copyOf(ms, n);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100 * n) - 1;
            return sorted[Math.max(0, Math.min(n - 1, index))];
        }
    }

    /** One client on its own kept-alive HTTP/1.1 connection, calling until the deadline. */
    private static final class Client implements Runnable {
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final String base;
        private final Person person;
        private final boolean writer;
        private final long deadline;
        final Samples ok = new Samples();
        final Map<String, Integer> errors = new TreeMap<>();
        final Map<String, String> firstError = new TreeMap<>();
        private int calls;

        Client(String base, Person person, boolean writer, long deadline) {
            this.base = base;
            this.person = person;
            this.writer = writer;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            while (System.nanoTime() < deadline) {
                HttpRequest request = writer ? workout() : read();
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (response.statusCode() == 200
                            && (!writer || response.body().contains("\"replayed\":false"))) {
                        ok.add(ms);
                    } else {
                        failed("HTTP " + response.statusCode(), response.body());
                    }
                } catch (IOException e) {
                    failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                calls++;
            }
        }

        private void failed(String what, String detail) {
            errors.merge(what, 1, Integer::sum);
            firstError.putIfAbsent(what, detail.length() > 300 ? detail.substring(0, 300) + "…" : detail);
        }

        private HttpRequest workout() {
            long n = WORKOUTS.getAndIncrement();
            String started = FIRST_WORKOUT.plus(Duration.ofMinutes(n)).toString();
            int load = 60 + (int) (n % 40);
            String body = "{\"idempotency_key\":\"load-" + n + "\",\"started_at\":\"" + started
                    + "\",\"unit\":\"kg\",\"session_rpe\":8,\"exercises\":["
                    + "{\"exercise\":\"bench\",\"sets\":[{\"weight\":" + load + ",\"reps\":5,\"count\":2},{\"weight\":"
                    + load
                    + ",\"reps\":5,\"rpe\":9}]},"
                    + "{\"exercise\":\"squat\",\"sets\":[{\"weight\":" + (load + 40) + ",\"reps\":5,\"count\":3}]},"
                    + "{\"exercise\":\"barbell row\",\"sets\":[{\"weight\":" + (load - 10)
                    + ",\"reps\":8,\"count\":3}]}]}";
            return HttpRequest.newBuilder(URI.create(base + "/v1/workouts"))
                    .timeout(CALL_TIMEOUT)
                    .header("Authorization", "Bearer " + person.key())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "td-bench")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        private HttpRequest read() {
            String path = calls % 2 == 0 ? "/v1/sessions" : "/v1/progression?exercise=bench";
            return HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(CALL_TIMEOUT)
                    .header("Authorization", "Bearer " + person.key())
                    .header("User-Agent", "td-bench")
                    .GET()
                    .build();
        }
    }

    /** Writers and readers running together for a fixed time. */
    static final class Scenario {
        private final String name;
        private final int seconds;
        private final List<Person> writers;
        private final List<Person> readers;
        final Samples writes = new Samples();
        final Samples reads = new Samples();
        final Map<String, Integer> writeErrors = new TreeMap<>();
        final Map<String, Integer> readErrors = new TreeMap<>();
        final Map<String, String> firstErrors = new TreeMap<>();
        private double elapsedSeconds;
        private ServerMemory.Sample peak = ServerMemory.Sample.NONE;

        Scenario(String name, int seconds, List<Person> writers, List<Person> readers) {
            this.name = name;
            this.seconds = seconds;
            this.writers = writers;
            this.readers = readers;
        }

        void run(String base, ServerMemory memory) throws InterruptedException {
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            List<Client> clients = new ArrayList<>();
            writers.forEach(p -> clients.add(new Client(base, p, true, deadline)));
            readers.forEach(p -> clients.add(new Client(base, p, false, deadline)));
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                threads.add(Thread.ofPlatform().name("load-client-" + i).start(clients.get(i)));
            }
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                peak = peak.max(memory.sample());
            }
            for (Thread t : threads) {
                t.join(CALL_TIMEOUT.toMillis() + 5000);
                if (t.isAlive()) {
                    throw new IllegalStateException(t.getName() + " did not stop after the deadline; the server hangs");
                }
            }
            elapsedSeconds = (System.nanoTime() - start) / 1e9;
            for (Client c : clients) {
                (c.writer ? writes : reads).addAll(c.ok);
                c.errors.forEach((k, v) -> (c.writer ? writeErrors : readErrors).merge(k, v, Integer::sum));
                c.firstError.forEach((k, v) -> firstErrors.putIfAbsent((c.writer ? "write " : "read ") + k, v));
            }
        }

        double writesPerSecond() {
            return writes.count() / elapsedSeconds;
        }

        long errorCount() {
            return writeErrors.values().stream().mapToLong(Integer::longValue).sum()
                    + readErrors.values().stream().mapToLong(Integer::longValue).sum();
        }

        static void printHeader() {
            System.out.printf(
                    "%-36s %9s %8s %8s %8s %8s | %8s %8s %8s %8s | %6s | %9s %9s %9s | %8s %8s%n",
                    "scenario",
                    "workouts",
                    "/s",
                    "p50 ms",
                    "p99 ms",
                    "p999 ms",
                    "reads/s",
                    "p50 ms",
                    "p99 ms",
                    "p999 ms",
                    "errors",
                    "JVM MB",
                    "PG RSS MB",
                    "PG PSS MB",
                    "sessions",
                    "state kB");
        }

        void print(History history) {
            System.out.printf(
                    "%-36s %9d %8.1f %8.1f %8.1f %8.1f | %8s %8s %8s %8s | %6d | %9.0f %9.0f %9.0f | %8d %8d%n",
                    name,
                    writes.count(),
                    writesPerSecond(),
                    writes.percentile(50),
                    writes.percentile(99),
                    writes.percentile(99.9),
                    readers.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", reads.count() / elapsedSeconds),
                    readers.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", reads.percentile(50)),
                    readers.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", reads.percentile(99)),
                    readers.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", reads.percentile(99.9)),
                    errorCount(),
                    peak.jvmRssKb() / 1024.0,
                    peak.postgresRssKb() / 1024.0,
                    peak.postgresPssKb() / 1024.0,
                    history.maxSessions(),
                    history.largestStateKb());
        }

        void printErrors() {
            if (errorCount() == 0) {
                return;
            }
            System.out.printf("errors in %s: writes %s, reads %s%n", name, writeErrors, readErrors);
            firstErrors.forEach((k, v) -> System.out.printf("  first %s: %s%n", k, v));
        }
    }

    /** The server's memory: this JVM's resident set, and the PostgreSQL processes' resident and proportional sets. */
    static final class ServerMemory {
        private final long postmaster;

        private ServerMemory(long postmaster) {
            this.postmaster = postmaster;
        }

        /** Finds the postmaster serving {@code dataDir} (its command line names the directory). */
        static ServerMemory of(Path dataDir) throws IOException {
            String dir = dataDir.toRealPath().toString();
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .toList()) {
                    try {
                        String cmdline = new String(
                                        Files.readAllBytes(p.resolve("cmdline")),
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .replace('\0', ' ');
                        if (cmdline.contains("postgres") && cmdline.contains(dir)) {
                            return new ServerMemory(
                                    Long.parseLong(p.getFileName().toString()));
                        }
                    } catch (IOException vanished) {
                        // the process ended while listing
                    }
                }
            }
            throw new IllegalStateException("no PostgreSQL process found for " + dir);
        }

        /** Memory now (kB); zero where /proc cannot tell. */
        record Sample(long jvmRssKb, long postgresRssKb, long postgresPssKb) {
            static final Sample NONE = new Sample(0, 0, 0);

            Sample max(Sample o) {
                return new Sample(
                        Math.max(jvmRssKb, o.jvmRssKb),
                        Math.max(postgresRssKb, o.postgresRssKb),
                        Math.max(postgresPssKb, o.postgresPssKb));
            }
        }

        Sample sample() {
            long rss = 0;
            long pss = 0;
            List<Long> pids = new ArrayList<>();
            pids.add(postmaster);
            ProcessHandle.of(postmaster).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
            for (long pid : pids) {
                rss += kb(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
                pss += kb(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
            }
            return new Sample(kb(Path.of("/proc/self/status"), "VmRSS:"), rss, pss);
        }

        private static long kb(Path file, String field) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(
                                line.substring(field.length()).replace("kB", "").trim());
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended, or the file is not readable: count nothing
            }
            return 0;
        }
    }
}
