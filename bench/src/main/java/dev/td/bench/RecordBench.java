package dev.td.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.faces.HttpServer;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.AthleteDriver;
import dev.td.testkit.AthleteGenerator;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolManifest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The whole record of a five-year athlete with strength and endurance (issue 11): the strength athlete of the test
 * kit (log_workout), about 1,000 runs, rides and swims and five daily readings (log_events, 1,000 events a call),
 * then p50/p99/max of the read tools over HTTP (answered from projections) next to recomputing the projections they
 * read from the log, in the same run. Goal: p99 ≤ 10 ms and a p50 gain of at least 20× per row.
 *
 * <p>{@code p50/p99/max} are measured on the wire by {@link WireClient} (one keep-alive connection, no client-side
 * thread hops: what the server costs, as wrk would see it); {@code JDK p50/p99} are the same requests through
 * {@link HttpClient}, whose selector and executor hand-offs add a millisecond or more on two cores. The column
 * {@code tool p50} is the same call in process (argument validation, the tool, its answer hooks; no HTTP, no
 * authentication, no rendering): the difference to {@code p50} is what HTTP and rendering the answer cost;
 * {@code vthread p50} runs it on a virtual thread of its own, as the HTTP server does (its JDBC waits park). The
 * column {@code readAll p50} reads every stored state of the row's projections (SQL, and JSON parsing of changed rows):
 * what a tool that reads them whole spends on reading, an upper bound for one that reads a range.
 *
 * <p>get_overview keeps its last answer per person while their log's head stays put, so its row measures that; the
 * row {@code get_overview after a write} adds a note (untimed) before every call, so each answer is built anew.
 *
 * <p>The data ends on the day the bench runs (so the tools' default periods, the last weeks, hold data) unless
 * {@code -Dbench.start=YYYY-MM-DD} pins its first day. Other knobs: {@code bench.years} (5), {@code bench.calls}
 * (1000), {@code bench.recomputes} (20), {@code bench.rows} (only the rows whose name contains one of its {@code |}-separated parts, e.g. to profile one).
 */
public final class RecordBench {

    private static final String KEY = "td_bench_owner_key_0123456789abcdefghijklmnop";
    private static final int CALLS = Integer.getInteger("bench.calls", 1000);
    private static final int RECOMPUTES = Integer.getInteger("bench.recomputes", 20);
    private static final int YEARS = Integer.getInteger("bench.years", 5);
    /** Only the rows whose name contains one of these ({@code |} between them; to profile a few), all when empty. */
    private static final List<String> ONLY =
            List.of(java.util.regex.Pattern.compile("|", java.util.regex.Pattern.LITERAL)
                    .split(System.getProperty("bench.rows", ""), -1));

    private static final int WARMUP = 100;
    private static final int BATCH = 1000;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final double GOAL_P99_MS = 10;
    private static final double GOAL_GAIN = 20;

    /**
     * One query of the table: a tool called with arguments (over HTTP at its manifest's REST path, and in process
     * to split the tool's own time from HTTP and rendering), and the projections it reads, which the baseline
     * recomputes from the log.
     *
     * @param arguments the tool's arguments as in a query string, in order
     * @param projections what the tool reads; the baseline folds them all from the log in one pass
     * @param afterWrite  every measured call follows a write (a note, untimed), so no answer kept from the call
     *     before can be reused: the tool builds its answer each time
     */
    record Row(String name, String tool, Map<String, String> arguments, List<String> projections, boolean afterWrite) {
        Row {
            if (projections.isEmpty()) {
                throw new IllegalArgumentException("row " + name + ": name the projections " + tool + " reads");
            }
            arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
            projections = List.copyOf(projections);
        }

        Row(String name, String tool, List<String> projections, String... arguments) {
            this(name, tool, pairs(name, arguments), projections, false);
        }

        Row afterEachWrite() {
            return new Row(name + " after a write", tool, arguments, projections, true);
        }

        private static Map<String, String> pairs(String name, String... arguments) {
            if (arguments.length % 2 != 0) {
                throw new IllegalArgumentException("row " + name + ": arguments come in pairs, name then value");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < arguments.length; i += 2) {
                map.put(arguments[i], arguments[i + 1]);
            }
            return map;
        }
    }

    /** What a row measured. */
    record Result(
            Row row,
            LogEventsOverHttp.Latencies wire,
            LogEventsOverHttp.Latencies http,
            LogEventsOverHttp.Latencies inProcess,
            LogEventsOverHttp.Latencies onVirtual,
            LogEventsOverHttp.Latencies read,
            LogEventsOverHttp.Latencies recompute,
            int bytes) {
        double gain() {
            return recompute.percentile(50) / wire.percentile(50);
        }

        boolean passes() {
            return wire.percentile(99) <= GOAL_P99_MS && gain() >= GOAL_GAIN;
        }
    }

    /** The queries, over data from {@code first} to {@code last}. Add a row here to measure another tool. */
    static List<Row> rows(LocalDate first, LocalDate last) {
        String year = last.minusYears(1).plusDays(1).toString();
        List<String> load = List.of("load_inputs");
        List<String> days = List.of("metric_days");
        String series = "get_metric_series";
        Row overview = new Row(
                "get_overview",
                "get_overview",
                List.of(
                        "load_inputs",
                        "activity_points",
                        "metric_days",
                        "metric_index",
                        "injuries",
                        "programs",
                        "profile"));
        return List.of(
                overview,
                new Row("get_training_load (default 4 wk)", "get_training_load", load),
                new Row("get_training_load 5 years", "get_training_load", load, "from", first.toString()),
                new Row("get_training_load trimp", "get_training_load", load, "method", "trimp"),
                new Row("get_training_load tss", "get_training_load", load, "method", "tss"),
                new Row("get_metric_series weight (12 wk)", series, days, "metric", "body_weight"),
                new Row("get_metric_series weight 1 year", series, days, "metric", "body_weight", "from", year),
                new Row("get_metric_series hrv (12 wk)", series, days, "metric", "hrv"),
                new Row("get_metric_series hrv 1 year", series, days, "metric", "hrv", "from", year),
                new Row("get_metric_series sleep 1 year", series, days, "metric", "sleep_duration", "from", year),
                new Row("get_metric_series (all metrics)", series, List.of("metric_days", "metric_index")),
                new Row("list_activities (default)", "list_activities", List.of("activity_points")),
                new Row(
                        "get_endurance_progression run",
                        "get_endurance_progression",
                        List.of("activity_points", "endurance_weekly"),
                        "sport",
                        "run"),
                // last: its notes add to the log every later row's recompute baseline would fold
                overview.afterEachWrite());
    }

    private RecordBench() {}

    public static void main(String[] args) throws Exception {
        LocalDate first = Optional.ofNullable(System.getProperty("bench.start"))
                .map(LocalDate::parse)
                .orElse(LocalDate.now(ZONE).minusYears(YEARS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        LocalDate last = first.plusYears(YEARS).minusDays(1);
        if (last.isAfter(LocalDate.now(ZONE))) {
            throw new IllegalArgumentException("bench.start " + first + " plus " + YEARS
                    + " years reaches past today; events record what happened. Pick an earlier bench.start");
        }
        Path dir = Files.createTempDirectory("td-record-bench");
        try (TdCore core = TdCore.open(Optional.empty(), dir)) {
            core.accounts().bootstrapOwner(Optional.of(KEY));
            Principal owner = core.accounts().localOwner();
            profile(core, owner);
            long t0 = System.nanoTime();
            AthleteDriver.Played played =
                    new AthleteDriver(core).play(owner, new AthleteGenerator(42, first, YEARS, ZONE).actions());
            double strengthSeconds = (System.nanoTime() - t0) / 1e9;
            List<EnduranceAthlete.Item> items =
                    new EnduranceAthlete(43, first, (int) ChronoUnit.DAYS.between(first, last) + 1, ZONE).items();
            long t1 = System.nanoTime();
            logEvents(core, owner, items);
            double recordSeconds = (System.nanoTime() - t1) / 1e9;
            long events = count(core, "SELECT count(*) FROM events");
            long activities = count(core, "SELECT count(*) FROM events WHERE type = 'activity.logged'");
            long readings = count(core, "SELECT count(*) FROM events WHERE type = 'metric.recorded'");
            try (Connection c = core.database().ownerConnection()) {
                c.createStatement().execute("VACUUM ANALYZE");
            }
            System.out.printf(
                    "td record bench: Java %s, %d-year athlete %s to %s (seeds 42, 43), %d events in the log%n"
                            + "  strength: %d workouts, %d corrections, %d voids through log_workout in %.1f s (%.1f workouts/s)%n"
                            + "  endurance and readings: %d activities, %d readings through log_events (%d a call) in %.1f s (%.0f events/s)%n%n",
                    Runtime.version(),
                    YEARS,
                    first,
                    last,
                    events,
                    played.workouts(),
                    played.corrections(),
                    played.voids(),
                    strengthSeconds,
                    played.workouts() / strengthSeconds,
                    activities,
                    readings,
                    BATCH,
                    recordSeconds,
                    items.size() / recordSeconds);
            List<Result> results = measure(
                    core,
                    owner,
                    rows(first, last).stream()
                            .filter(r -> ONLY.stream().anyMatch(r.name()::contains))
                            .toList());
            System.out.printf("%ngoal (issue 11): p99 <= %.0f ms and p50 gain >= %.0fx%n", GOAL_P99_MS, GOAL_GAIN);
            for (Result r : results) {
                System.out.printf(
                        "  %-36s p99 %6.2f ms %s   gain %6.0fx %s   %s%n",
                        r.row().name(),
                        r.wire().percentile(99),
                        r.wire().percentile(99) <= GOAL_P99_MS ? "PASS" : "FAIL",
                        r.gain(),
                        r.gain() >= GOAL_GAIN ? "PASS" : "FAIL",
                        r.passes() ? "PASS" : "FAIL");
            }
            insights(core, owner);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<Result> measure(TdCore core, Principal owner, List<Row> rows) throws Exception {
        HttpServer http = HttpServer.start(core, new HttpServer.Options("127.0.0.1", 0, List.of(), false, false));
        try {
            String base = "http://127.0.0.1:" + http.port();
            System.out.printf(
                    "%-36s %6s %7s %8s %8s %8s %10s %10s %9s %11s %12s %14s %14s %9s%n",
                    "query",
                    "calls",
                    "bytes",
                    "p50 ms",
                    "p99 ms",
                    "max ms",
                    "JDK p50",
                    "JDK p99",
                    "tool p50",
                    "vthread p50",
                    "readAll p50",
                    "recompute p50",
                    "recompute p99",
                    "p50 gain");
            // a running server is warm: every row's request first, in turn, so the first row measured is not
            // the one that pays for the HTTP path's JIT compilation
            HttpClient warm =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int round = 0; round < WARMUP; round++) {
                for (Row row : rows) {
                    ToolManifest manifest = core.tools().manifests().stream()
                            .filter(m -> m.name().equals(row.tool()))
                            .findFirst()
                            .orElseThrow();
                    expectOk(row, warm.send(request(base, manifest, row), HttpResponse.BodyHandlers.ofString()));
                }
            }
            List<Result> results = new ArrayList<>();
            for (Row row : rows) {
                Result r = row(core, owner, http.port(), base, row);
                System.out.printf(
                        "%-36s %6d %7d %8.2f %8.2f %8.2f %10.2f %10.2f %9.2f %11.2f %12.2f %11.2f ms %11.2f ms %8.0fx%n",
                        row.name(),
                        CALLS,
                        r.bytes(),
                        r.wire().percentile(50),
                        r.wire().percentile(99),
                        r.wire().max(),
                        r.http().percentile(50),
                        r.http().percentile(99),
                        r.inProcess().percentile(50),
                        r.onVirtual().percentile(50),
                        r.read().percentile(50),
                        r.recompute().percentile(50),
                        r.recompute().percentile(99),
                        r.gain());
                results.add(r);
            }
            LogEventsOverHttp.Latencies floor = floor(http.port());
            System.out.printf(
                    "%-36s %6d %7s %8.2f %8.2f %8.2f   (HTTP alone: a 404 of an unknown path, no database)%n",
                    "floor: GET /v1/none", CALLS, "", floor.percentile(50), floor.percentile(99), floor.max());
            return results;
        } finally {
            http.stop();
        }
    }

    /** What HTTP costs by itself on this machine: the wire client asking for a path no route serves. */
    private static LogEventsOverHttp.Latencies floor(int port) throws Exception {
        try (WireClient wire = new WireClient("127.0.0.1", port)) {
            double[] ms = new double[CALLS];
            for (int i = -WARMUP; i < CALLS; i++) {
                long t = System.nanoTime();
                int status = wire.get("/v1/none", "Bearer " + KEY).status();
                if (status != 404) {
                    throw new IllegalStateException("floor: GET /v1/none answered " + status + ", not 404");
                }
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            return LogEventsOverHttp.Latencies.of(ms);
        }
    }

    private static Result row(TdCore core, Principal owner, int port, String base, Row row) throws Exception {
        ToolManifest manifest = core.tools().manifests().stream()
                .filter(m -> m.name().equals(row.tool()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("row " + row.name() + ": no tool " + row.tool()));
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = request(base, manifest, row);
        String target = path(manifest, row);
        Runnable before = row.afterWrite() ? () -> note(core, owner) : () -> {};
        double[] wire = new double[CALLS];
        int bytes = 0;
        try (WireClient socket = new WireClient("127.0.0.1", port)) {
            for (int i = -WARMUP; i < CALLS; i++) {
                before.run();
                long t = System.nanoTime();
                WireClient.Answer answer = socket.get(target, "Bearer " + KEY);
                double ms = (System.nanoTime() - t) / 1e6;
                if (answer.status() != 200) {
                    throw new IllegalStateException(
                            row.name() + ": HTTP " + answer.status() + " for " + target + ": " + answer.body());
                }
                bytes = answer.body().length();
                if (i >= 0) {
                    wire[i] = ms;
                }
            }
        }
        for (int i = 0; i < WARMUP; i++) {
            before.run();
            expectOk(row, client.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        double[] http = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            before.run();
            long t = System.nanoTime();
            expectOk(row, client.send(request, HttpResponse.BodyHandlers.ofString()));
            http[i] = (System.nanoTime() - t) / 1e6;
        }
        ObjectNode arguments = arguments(manifest, row);
        Runnable tool = () -> invoke(core, owner, row.tool(), arguments);
        double[] inProcess = timed(before, tool, WARMUP, CALLS);
        // the same call on a virtual thread of its own, as the HTTP server runs it (JDBC waits park the thread)
        Runnable virtual = () -> {
            try {
                Thread.ofVirtual().start(tool).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        double[] onVirtual = timed(before, virtual, WARMUP, CALLS);
        Recompute recompute = new Recompute(core, owner.userId(), row.projections());
        double[] read = timed(() -> {}, recompute::readAll, WARMUP / 5, Math.max(1, CALLS / 5));
        double[] raw = timed(() -> {}, recompute::run, 1, RECOMPUTES);
        return new Result(
                row,
                LogEventsOverHttp.Latencies.of(wire),
                LogEventsOverHttp.Latencies.of(http),
                LogEventsOverHttp.Latencies.of(inProcess),
                LogEventsOverHttp.Latencies.of(onVirtual),
                LogEventsOverHttp.Latencies.of(read),
                LogEventsOverHttp.Latencies.of(raw),
                bytes);
    }

    private static HttpRequest request(String base, ToolManifest manifest, Row row) {
        return HttpRequest.newBuilder(URI.create(base + path(manifest, row)))
                .header("Authorization", "Bearer " + KEY)
                .build();
    }

    /** Times {@code work}, {@code before} run untimed ahead of each call. */
    private static double[] timed(Runnable before, Runnable work, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            before.run();
            work.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            before.run();
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    /** The manifest's REST path, its {@code {param}} parts filled, the other arguments as the query string. */
    static String path(ToolManifest manifest, Row row) {
        String path = manifest.rest().path();
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (Map.Entry<String, String> a : row.arguments().entrySet()) {
            String value = URLEncoder.encode(a.getValue(), StandardCharsets.UTF_8);
            if (manifest.rest().pathParameters().contains(a.getKey())) {
                path = path.replace("{" + a.getKey() + "}", value);
            } else {
                query.add(a.getKey() + "=" + value);
            }
        }
        return path + query;
    }

    /** The arguments as JSON, numbers and booleans where the input schema says so (as the REST face reads them). */
    static ObjectNode arguments(ToolManifest manifest, Row row) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        row.arguments().forEach((name, value) -> {
            String type = manifest.inputSchema()
                    .path("properties")
                    .path(name)
                    .path("type")
                    .asText("string");
            switch (type) {
                case "integer" -> json.put(name, Long.parseLong(value));
                case "number" -> json.put(name, Double.parseDouble(value));
                case "boolean" -> json.put(name, Boolean.parseBoolean(value));
                default -> json.put(name, value);
            }
        });
        return json;
    }

    private static final java.util.concurrent.atomic.AtomicLong NOTES = new java.util.concurrent.atomic.AtomicLong();

    /** A write that changes nothing an overview shows: a note (it moves the log's head). */
    private static void note(TdCore core, Principal owner) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("idempotency_key", "bench-note-" + NOTES.incrementAndGet());
        n.put("text", "bench: felt fine");
        invoke(core, owner, "add_note", n);
    }

    /** Resting and maximal HR, sex and FTP, so TRIMP and TSS can measure the sessions. */
    private static void profile(TdCore core, Principal owner) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("idempotency_key", "bench-profile");
        p.put("time_zone", ZONE.getId());
        p.put("sex", "male");
        p.put("birth_year", 1988);
        p.put("resting_hr", 50);
        p.put("max_hr", 188);
        p.put("ftp_w", 240);
        invoke(core, owner, "update_profile", p);
    }

    private static void logEvents(TdCore core, Principal owner, List<EnduranceAthlete.Item> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            ObjectNode arguments = JsonNodeFactory.instance.objectNode();
            var events = arguments.putArray("events");
            items.subList(from, Math.min(items.size(), from + BATCH)).forEach(i -> events.add(i.argument()));
            invoke(core, owner, "log_events", arguments);
        }
    }

    /**
     * Statistics kept ready (issue 14), side by side in this run: a background recompute of the person's correlation
     * screen (the worker's time for one person, timed around the same call the worker makes), the same after one
     * more session is logged, get_correlations answered from the stored result, and get_overview with its
     * background context (anomalies and correlations, added by the context hook), interleaved call by call. Goals:
     * recompute ≤ 200 ms of worker time, context ≤ 2 ms at p50: the whole kept overview with its context at p50 bounds
     * what the context adds (an as-of-today overview, the baseline of the first runs, now folds the past instead).
     */
    private static void insights(TdCore core, Principal owner) {
        int runs = Integer.getInteger("bench.recomputes", 20);
        double[] recompute = new double[runs];
        core.recomputeAnalyses(owner.userId());
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            core.recomputeAnalyses(owner.userId());
            recompute[i] = (System.nanoTime() - t) / 1e6;
        }
        ObjectNode session = JsonNodeFactory.instance
                .objectNode()
                .put("idempotency_key", "record-bench-one-more")
                .put("started_at", LocalDate.now(ZONE).minusDays(1) + "T18:00:00");
        session.putArray("exercises")
                .addObject()
                .put("exercise", "bench")
                .put("unit", "kg")
                .putArray("sets")
                .addObject()
                .put("weight", 80)
                .put("reps", 5);
        invoke(core, owner, "log_workout", session);
        double[] afterSession = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            core.recomputeAnalyses(owner.userId());
            afterSession[i] = (System.nanoTime() - t) / 1e6;
        }
        int calls = Integer.getInteger("bench.contextCalls", 500);
        ObjectNode none = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < 50; i++) {
            invoke(core, owner, "get_overview", none);
            invoke(core, owner, "get_correlations", none);
        }
        double[] with = new double[calls];
        double[] correlations = new double[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            invoke(core, owner, "get_overview", none);
            with[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            invoke(core, owner, "get_correlations", none);
            correlations[i] = (System.nanoTime() - t) / 1e6;
        }
        var r = LogEventsOverHttp.Latencies.of(recompute);
        var a = LogEventsOverHttp.Latencies.of(afterSession);
        var w = LogEventsOverHttp.Latencies.of(with);
        var c = LogEventsOverHttp.Latencies.of(correlations);
        System.out.printf("%nstatistics kept ready (issue 14), in process, p50 / p99 ms%n");
        System.out.printf(
                "  %-58s %5d %8.2f %8.2f%n",
                "background recompute, whole last year", runs, r.percentile(50), r.percentile(99));
        System.out.printf(
                "  %-58s %5d %8.2f %8.2f   goal <= 200 ms: %s%n",
                "background recompute after one new session",
                runs,
                a.percentile(50),
                a.percentile(99),
                a.percentile(99) <= 200 ? "PASS" : "FAIL");
        System.out.printf(
                "  %-58s %5d %8.2f %8.2f%n", "get_correlations (stored)", calls, c.percentile(50), c.percentile(99));
        System.out.printf(
                "  %-58s %5d %8.2f %8.2f%n",
                "get_overview kept, with context (anomalies, correlations)", calls, w.percentile(50), w.percentile(99));
        double bound = w.percentile(50);
        System.out.printf(
                "  context adds at most %.2f ms at p50 (the whole answer)   goal <= 2 ms: %s%n",
                bound, bound <= 2 ? "PASS" : "FAIL");
    }

    private static void invoke(TdCore core, Principal owner, String tool, ObjectNode arguments) {
        core.tools()
                .invoke(
                        tool,
                        owner,
                        arguments,
                        new ToolCall.Origin(
                                "api", UUID.randomUUID().toString(), Optional.of("record-bench"), Optional.empty()));
    }

    private static int expectOk(Row row, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    row.name() + ": HTTP " + response.statusCode() + " for " + response.uri() + ": " + response.body());
        }
        return response.body().length();
    }

    private static long count(TdCore core, String sql) throws Exception {
        try (Connection c = core.database().dataSource().getConnection();
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
