package dev.td.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.faces.HttpServer;
import dev.td.server.wiring.TdCore;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Appended events/s through td's append path ({@code log_events} as an agent's call runs it, minus
 * HTTP: schema validation, idempotency lookup, stream lock, hash chain, NOTIFY) next to a plain JDBC
 * batch insert of the same rows, in the same run on the same embedded PostgreSQL; then the latency
 * of one-event {@code log_events} calls over real HTTP. Goal (issue 2): td reaches half the raw rate.
 */
public final class EventStoreBench {

    private static final long SEED = 42;
    private static final int PEOPLE = 8;
    private static final String METADATA = "{\"source\":\"api\",\"agent\":\"bench\",\"client\":\"td-bench\"}";
    private static final ToolCall.Origin ORIGIN =
            new ToolCall.Origin("api", "bench", Optional.of("td-bench"), Optional.empty());

    private final TdCore core;
    private final Path dataDir;
    private int nextPerson;

    private EventStoreBench(TdCore core, Path dataDir) {
        this.core = core;
        this.dataDir = dataDir;
    }

    /** One person td knows: a user with an API key of all scopes. */
    private record Person(int number, UUID userId, String apiKey, Principal principal) {}

    /** One append call: a batch of one person's readings, starting at their sequence {@code firstSequence}. */
    private record Call(
            Person person, long firstSequence, List<MetricReadings.Reading> readings, ObjectNode arguments) {

        /** The batch with the {@code log_events} arguments an agent would send for it. */
        static Call of(Person person, long firstSequence, List<MetricReadings.Reading> readings) {
            ObjectNode args = JsonNodeFactory.instance.objectNode();
            ArrayNode events = args.putArray("events");
            readings.forEach(r -> events.add(r.toArgument()));
            return new Call(person, firstSequence, readings, args);
        }
    }

    /** A measured row of the table. */
    private record Result(String path, int batch, int events, double seconds) {
        double rate() {
            return events / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("td-bench-events");
        try (TdCore core = TdCore.open(Optional.empty(), dir)) {
            new EventStoreBench(core, dir).run();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run() throws Exception {
        System.out.println(environment());
        // a second td on the same database whose driver rewrites batches into multi-row INSERTs
        String rewritingUrl = core.database().jdbcUrl() + "&reWriteBatchedInserts=true";
        try (TdCore rewriting = TdCore.open(Optional.of(rewritingUrl), dataDir);
                Connection raw = core.database().ownerConnection();
                Connection rewritingOwner = rewriting.database().ownerConnection()) {
            PlainEventTable plain = PlainEventTable.plain(raw, METADATA);
            PlainEventTable plainRewriting = PlainEventTable.plain(rewritingOwner, METADATA);
            PlainEventTable tdTable = PlainEventTable.tdEvents(raw, METADATA);

            Appender td = throughTd(core);
            Appender tdRewriting = throughTd(rewriting);
            // warm-up: the JIT, the pools, the statement caches; same paths, other people. As long as a
            // measurement: with a shorter one the td path (much more code than a raw insert) was still
            // being compiled during its first measured calls (2.5 s against 1.6-1.9 s for the same run repeated)
            for (int batch : new int[] {100, 1}) {
                int perPerson = batch == 100 ? 6_250 : 500;
                for (Appender appender : List.of(td, tdRewriting, raw(plain), raw(plainRewriting), raw(tdTable))) {
                    measure("warm-up", batch, calls(perPerson, batch), appender);
                }
            }

            // steady state: autovacuum would have analyzed by now (without statistics the planner looks
            // idempotency keys up by scanning the person's whole log), and must not start mid-measurement
            try (Connection owner = core.database().ownerConnection();
                    Statement s = owner.createStatement()) {
                s.execute("VACUUM ANALYZE events, " + PlainEventTable.PLAIN);
            }

            List<Result[]> rows = new ArrayList<>();
            for (int batch : new int[] {100, 1}) {
                int perPerson = batch == 100 ? 6_250 : 500;
                Result rawPlain = measureSettled("raw JDBC, plain table", batch, calls(perPerson, batch), raw(plain));
                Result tdPath = measureSettled("td log_events", batch, calls(perPerson, batch), td);
                Result rawEvents =
                        measureSettled("raw JDBC into td's events table", batch, calls(perPerson, batch), raw(tdTable));
                rows.add(new Result[] {tdPath, rawPlain});
                rows.add(new Result[] {rawPlain, rawPlain});
                rows.add(new Result[] {rawEvents, rawPlain});
                if (batch == 100) {
                    Result rawRewriting = measureSettled(
                            "raw JDBC, plain table +rewrite", batch, calls(perPerson, batch), raw(plainRewriting));
                    Result tdPathRewriting =
                            measureSettled("td log_events +rewrite", batch, calls(perPerson, batch), tdRewriting);
                    rows.add(new Result[] {tdPathRewriting, rawRewriting});
                    rows.add(new Result[] {rawRewriting, rawRewriting});
                }
            }
            printAppendTable(rows);
        }
        measureHttp();
    }

    /** Creates the people and cuts their readings into calls, interleaved person by person. */
    private List<Call> calls(int perPerson, int batch) {
        List<List<Call>> byPerson = new ArrayList<>();
        for (int p = 0; p < PEOPLE; p++) {
            Person person = newPerson();
            List<MetricReadings.Reading> readings = MetricReadings.of(person.number(), perPerson, SEED);
            List<Call> calls = new ArrayList<>();
            for (int from = 0; from < readings.size(); from += batch) {
                calls.add(Call.of(person, from + 1, readings.subList(from, Math.min(readings.size(), from + batch))));
            }
            byPerson.add(calls);
        }
        List<Call> interleaved = new ArrayList<>();
        for (int i = 0; i < byPerson.getFirst().size(); i++) {
            for (List<Call> calls : byPerson) {
                interleaved.add(calls.get(i));
            }
        }
        return interleaved;
    }

    private Person newPerson() {
        int number = nextPerson++;
        UUID id = core.accounts().createUser("bench-" + number);
        String key = core.accounts().createKey(id, "bench", Set.of("*"));
        Principal principal = core.accounts().authenticate(key).orElseThrow();
        return new Person(number, id, key, principal);
    }

    /** Writes one call's events; what is timed. */
    @FunctionalInterface
    private interface Appender {
        int append(Call call) throws SQLException;
    }

    /**
     * Measures after a checkpoint, so that no path pays for writing out the pages and WAL of the path
     * measured before it (with 2 cores, that background work otherwise lands on whoever runs next).
     */
    private Result measureSettled(String path, int batch, List<Call> calls, Appender appender) throws SQLException {
        try (Connection owner = core.database().ownerConnection();
                Statement s = owner.createStatement()) {
            s.execute("CHECKPOINT");
        }
        return measure(path, batch, calls, appender);
    }

    /** Times the appends only: the people, readings and arguments are made before the clock starts. */
    private static Result measure(String path, int batch, List<Call> calls, Appender appender) throws SQLException {
        int expected = calls.stream().mapToInt(c -> c.readings().size()).sum();
        long start = System.nanoTime();
        int written = 0;
        for (Call call : calls) {
            written += appender.append(call);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (written != expected) {
            throw new IllegalStateException(path + " wrote " + written + " of " + expected + " events");
        }
        return new Result(path, batch, written, seconds);
    }

    private static Appender throughTd(TdCore td) {
        return call -> td.tools()
                .invoke("log_events", call.person().principal(), call.arguments(), ORIGIN)
                .data()
                .get("stored")
                .asInt();
    }

    private static Appender raw(PlainEventTable table) {
        return call -> {
            table.insertBatch(call.person().userId(), call.firstSequence(), call.readings());
            return call.readings().size();
        };
    }

    private static void printAppendTable(List<Result[]> rows) {
        System.out.println();
        System.out.println("Append, 1 client thread, " + PEOPLE + " people interleaved, one transaction per batch");
        System.out.printf("%-34s %6s %8s %8s %10s %8s%n", "path", "batch", "events", "seconds", "events/s", "vs raw");
        for (Result[] row : rows) {
            Result r = row[0];
            System.out.printf(
                    "%-34s %6d %8d %8.2f %10.0f %7.2fx%n",
                    r.path(), r.batch(), r.events(), r.seconds(), r.rate(), r.rate() / row[1].rate());
        }
        System.out.println(
                "goal: td log_events >= 0.50x raw JDBC, plain table; tables vacuumed and analyzed after warm-up");
    }

    private void measureHttp() throws Exception {
        HttpServer http = HttpServer.start(core, new HttpServer.Options("127.0.0.1", 0, List.of(), false, false));
        try {
            String base = "http://127.0.0.1:" + http.port();
            Person single = newPerson();
            LogEventsOverHttp client =
                    new LogEventsOverHttp(base, single.apiKey(), MetricReadings.of(single.number(), 3_000, SEED));
            client.run(800);
            LogEventsOverHttp.Latencies sequential = client.run(2_000);

            int clients = 8;
            List<LogEventsOverHttp> concurrent = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Person p = newPerson();
                concurrent.add(new LogEventsOverHttp(base, p.apiKey(), MetricReadings.of(p.number(), 12_000, SEED)));
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                runAll(pool, concurrent, System.nanoTime() + 2_000_000_000L);
                long start = System.nanoTime();
                List<LogEventsOverHttp.Latencies> each = runAll(pool, concurrent, start + 10_000_000_000L);
                double seconds = (System.nanoTime() - start) / 1e9;
                LogEventsOverHttp.Latencies all = LogEventsOverHttp.Latencies.of(each.stream()
                        .flatMapToDouble(l -> java.util.Arrays.stream(l.sortedMs()))
                        .toArray());
                System.out.println();
                System.out.println("log_events over HTTP (POST /v1/events, 1 event per call, keep-alive, 127.0.0.1)");
                System.out.printf(
                        "%-26s %7s %8s %8s %8s %8s %9s%n",
                        "clients", "calls", "p50 ms", "p90 ms", "p99 ms", "max ms", "calls/s");
                printLatencies("1 sequential (after 800)", sequential, Optional.empty());
                printLatencies(
                        clients + " concurrent, " + Math.round(seconds) + " s",
                        all,
                        Optional.of(all.count() / seconds));
            }
        } finally {
            http.stop();
        }
    }

    private static List<LogEventsOverHttp.Latencies> runAll(
            ExecutorService pool, List<LogEventsOverHttp> clients, long deadline) throws Exception {
        List<Future<LogEventsOverHttp.Latencies>> futures = new ArrayList<>();
        for (LogEventsOverHttp c : clients) {
            futures.add(pool.submit(() -> c.runUntil(deadline)));
        }
        List<LogEventsOverHttp.Latencies> results = new ArrayList<>();
        for (Future<LogEventsOverHttp.Latencies> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    private static void printLatencies(String label, LogEventsOverHttp.Latencies l, Optional<Double> perSecond) {
        System.out.printf(
                "%-26s %7d %8.2f %8.2f %8.2f %8.2f %9s%n",
                label,
                l.count(),
                l.percentile(50),
                l.percentile(90),
                l.percentile(99),
                l.max(),
                perSecond.map(r -> String.format("%.0f", r)).orElse("-"));
    }

    private String environment() throws SQLException {
        try (Connection c = core.database().ownerConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')")) {
            rs.next();
            return "td event store bench: Java " + Runtime.version() + ", PostgreSQL " + rs.getString(1)
                    + " (embedded, fsync="
                    + rs.getString(2) + ", synchronous_commit=" + rs.getString(3) + "), "
                    + Runtime.getRuntime().availableProcessors()
                    + " cores, seed " + SEED;
        }
    }
}
