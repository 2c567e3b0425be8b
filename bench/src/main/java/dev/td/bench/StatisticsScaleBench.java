package dev.td.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.faces.HttpServer;
import dev.td.server.wiring.TdCore;
import dev.td.statistics.correlation.Correlation;
import dev.td.statistics.correlation.KendallCorrelation;
import dev.td.statistics.correlation.LaggedCorrelation;
import dev.td.statistics.correlation.PearsonCorrelation;
import dev.td.statistics.correlation.SpearmanCorrelation;
import dev.td.statistics.descriptive.Descriptive;
import dev.td.tools.ArgumentValidator;
import dev.td.tools.InputLimits;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolManifest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * stats_describe and stats_correlate on long series (issue "Statistics that stay honest", Speed): for n = 5,000
 * and 50,000, p50/p99 over real HTTP to a real td server, the same request split in process, next to NumPy/SciPy
 * doing the same on the same request bodies ({@link ScipyReference}). Goal: td's wire p50 within 3× of the
 * reference's at 50,000 points.
 *
 * <p>Columns, in ms. td: {@code wire} the HTTP round trip ({@link WireClient}, one kept-alive connection);
 * {@code parse} the body to a JSON tree; {@code limits} {@link InputLimits#check}; {@code schema} the input schema;
 * {@code invoke} the tool call in process (limits, schema, the tool, its answer; no HTTP, no parsing, no
 * rendering); {@code stats} the statistics functions alone on arrays made beforehand (for describe the decimal
 * path the tool takes). Reference: {@code ref full} is {@code json.loads} of the very bytes td receives, {@code
 * numpy.asarray}, the computation and {@code json.dumps} of the answer — what td does between request and answer
 * bytes except HTTP (td's HTTP floor is printed under the tables); {@code ref comp} the computation alone on float64
 * arrays. The computation is the equivalent of td's: for describe {@code numpy.mean/std/median/percentile}, the MAD,
 * {@code scipy.stats.describe}, the lag-1 autocorrelation and the t interval of the mean widened for AR(1) persistence as td widens it; for correlate {@code
 * scipy.stats.pearsonr/spearmanr} per lag plus td's time-series inference (lag-1 autocorrelations, Bartlett's
 * effective n over up to 50 lags, t test and Fisher-z interval with it); Kendall is {@code scipy.stats.kendalltau}
 * (td's tools do not offer it, so that row is in process only). {@code max |Δ|} is the larger relative difference
 * of td's headline value (mean or coefficient) and effective n from the reference's.
 *
 * <p>Data: two correlated daily series (trend, weekly cycle, AR(1) noise; {@link StatisticsBench#series}) written
 * with {@code bench.decimals} (2) decimals; both are autocorrelated, so the effective-n path is taken. Knobs:
 * {@code bench.sizes} (5000,50000), {@code bench.calls} (100), {@code bench.warmup} (20 calls, and at least 2 s of
 * them), {@code bench.budget} (seconds per measurement, 15: a slow one stops early, after at least 5 calls), {@code
 * bench.python} (python3; empty for none), {@code bench.rows} (only rows whose name contains one of its
 * {@code |}-separated parts).
 */
public final class StatisticsScaleBench {

    private static final String KEY = "td_bench_owner_key_0123456789abcdefghijklmnop";
    private static final int CALLS = Integer.getInteger("bench.calls", 100);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final double BUDGET_SECONDS = Double.parseDouble(System.getProperty("bench.budget", "15"));
    private static final double WARMUP_SECONDS = 2;
    private static final int DECIMALS = Integer.getInteger("bench.decimals", 2);
    private static final List<String> ONLY =
            List.of(Pattern.compile("|", Pattern.LITERAL).split(System.getProperty("bench.rows", ""), -1));
    private static final double GOAL_RATIO = 3;
    private static final int GOAL_N = 50_000;

    /**
     * ref full p50 (ms) at n = 50,000 with Python 3.11.7, NumPy 2.4.6 and SciPy 1.17.1 (one BLAS thread) on the two
     * shared cores this bench was written on (load 3–5), stated when no python3 with NumPy and SciPy is at hand.
     */
    private static final Map<String, Double> STATED = Map.of(
            "stats_describe", 24.0,
            "stats_correlate pearson", 37.0,
            "stats_correlate spearman", 52.0,
            "stats_correlate pearson lag 7", 38.0,
            "stats_correlate pearson max_lag 7", 58.0,
            "stats_correlate pearson max_lag 60", 230.0,
            "kendall (in process)", 43.0);

    /** A timed piece of work; its result is kept so the work is not optimised away. */
    @FunctionalInterface
    interface Work {
        Object run() throws Exception;
    }

    /**
     * One row of a table.
     *
     * @param tool       the tool called over HTTP and in process; empty for a row measured in process only
     * @param arguments  the request body
     * @param statistics the statistics functions the tool runs, on arrays parsed beforehand
     */
    record Row(
            String name, Optional<String> tool, ObjectNode arguments, ScipyReference.Spec reference, Work statistics) {}

    /** What a row measured; a part the row does not have, or that failed, is empty. */
    record Result(
            Row row,
            int requestBytes,
            Optional<LogEventsOverHttp.Latencies> wire,
            Optional<LogEventsOverHttp.Latencies> parse,
            Optional<LogEventsOverHttp.Latencies> limits,
            Optional<LogEventsOverHttp.Latencies> schema,
            Optional<LogEventsOverHttp.Latencies> invoke,
            Optional<LogEventsOverHttp.Latencies> statistics,
            double headline,
            double effectiveN,
            Optional<ScipyReference.Timing> reference,
            Optional<String> failure) {

        /** The larger relative difference of the headline and effective n from the reference's. */
        Optional<Double> difference() {
            return reference.map(r -> Math.max(relative(headline, r.headline()), relative(effectiveN, r.effectiveN())));
        }

        private static double relative(double value, double reference) {
            return Double.isFinite(value) && Double.isFinite(reference) && reference != 0
                    ? Math.abs(value - reference) / Math.abs(reference)
                    : 0;
        }
    }

    private static int sink;

    private StatisticsScaleBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("td-statistics-scale-bench");
        Optional<ScipyReference> reference = ScipyReference.start(System.getProperty("bench.python", "python3"), dir);
        System.out.printf(
                "td statistics at scale: Java %s, %d cores; reference %s%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                reference
                        .map(ScipyReference::description)
                        .orElse("absent: NumPy/SciPy figures are stated from the machine this bench was written on"));
        try (TdCore core = TdCore.open(Optional.empty(), dir.resolve("td"))) {
            core.accounts().bootstrapOwner(Optional.of(KEY));
            Principal owner = core.accounts().localOwner();
            HttpServer http = HttpServer.start(core, new HttpServer.Options("127.0.0.1", 0, List.of(), false, false));
            try {
                int[] sizes = Pattern.compile(",")
                        .splitAsStream(System.getProperty("bench.sizes", "5000,50000"))
                        .mapToInt(size -> Integer.parseInt(size.strip()))
                        .toArray();
                for (int n : sizes) {
                    header(n, reference.isPresent());
                    List<Result> results = new java.util.ArrayList<>();
                    for (Row row : rows(n)) {
                        if (ONLY.stream().anyMatch(row.name()::contains)) {
                            Result r = measure(core, owner, http.port(), row, reference);
                            print(r, n);
                            results.add(r);
                        }
                    }
                    footer(n, results);
                }
                LogEventsOverHttp.Latencies floor = floor(http.port());
                System.out.printf(
                        "%nHTTP floor here (GET of an unknown path, 404): p50 %.2f ms, p99 %.2f ms (checksum %08x)%n",
                        floor.percentile(50), floor.percentile(99), sink);
            } finally {
                http.stop();
                if (reference.isPresent()) {
                    reference.get().close();
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The rows for series of length {@code n}. */
    static List<Row> rows(int n) {
        double[][] series = StatisticsBench.series(n, 42);
        ArrayNode xs = numbers(series[0]);
        ArrayNode ys = numbers(series[1]);
        double[] x = doubles(xs);
        double[] y = doubles(ys);
        BigDecimal[] exact = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            exact[i] = xs.get(i).decimalValue();
        }
        ObjectNode values = JsonNodeFactory.instance.objectNode().set("values", xs);
        ObjectNode pair = JsonNodeFactory.instance.objectNode();
        pair.set("x", xs);
        pair.set("y", ys);
        PearsonCorrelation pearson = PearsonCorrelation.withDefaults().forTimeSeries();
        LaggedCorrelation lagged = LaggedCorrelation.withDefaults();
        Optional<String> correlate = Optional.of("stats_correlate");
        return List.of(
                new Row(
                        "stats_describe",
                        Optional.of("stats_describe"),
                        values,
                        new ScipyReference.Spec("describe", "", 0, 0),
                        () -> Descriptive.withDefaults().describe(exact)),
                new Row(
                        "stats_correlate pearson",
                        correlate,
                        pair,
                        new ScipyReference.Spec("correlate", "pearson", 0, 0),
                        () -> pearson.test(x, y)),
                new Row(
                        "stats_correlate spearman",
                        correlate,
                        pair.deepCopy().put("method", "spearman"),
                        new ScipyReference.Spec("correlate", "spearman", 0, 0),
                        () -> SpearmanCorrelation.withDefaults().forTimeSeries().test(x, y)),
                new Row(
                        "stats_correlate pearson lag 7",
                        correlate,
                        pair.deepCopy().put("lag", 7),
                        new ScipyReference.Spec("correlate", "pearson", 7, 0),
                        () -> lagged.at(x, y, 7)),
                new Row(
                        "stats_correlate pearson max_lag 7",
                        correlate,
                        pair.deepCopy().put("max_lag", 7),
                        new ScipyReference.Spec("correlate", "pearson", 0, 7),
                        () -> strongest(lagged, x, y, 7)),
                new Row(
                        "stats_correlate pearson max_lag 60",
                        correlate,
                        pair.deepCopy().put("max_lag", 60),
                        new ScipyReference.Spec("correlate", "pearson", 0, 60),
                        () -> strongest(lagged, x, y, 60)),
                new Row(
                        "kendall (in process)",
                        Optional.empty(),
                        pair,
                        new ScipyReference.Spec("correlate", "kendall", 0, 0),
                        () -> KendallCorrelation.withDefaults().test(x, y)));
    }

    /** What a max_lag scan computes: the correlation at every lag 0..maxLag; the strongest |r|. */
    private static double strongest(LaggedCorrelation lagged, double[] x, double[] y, int maxLag) {
        double best = 0;
        for (int k = 0; k <= maxLag; k++) {
            best = Math.max(best, Math.abs(lagged.at(x, y, k).coefficient()));
        }
        return best;
    }

    /** The values as JSON numbers with {@link #DECIMALS} decimals, as a client would write measurements. */
    private static ArrayNode numbers(double[] values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(values.length);
        for (double v : values) {
            array.add(BigDecimal.valueOf(v).setScale(DECIMALS, RoundingMode.HALF_EVEN));
        }
        return array;
    }

    private static double[] doubles(ArrayNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).doubleValue();
        }
        return values;
    }

    private static Result measure(TdCore core, Principal owner, int port, Row row, Optional<ScipyReference> python)
            throws Exception {
        byte[] body = Json.mapper().writeValueAsBytes(row.arguments());
        Optional<LogEventsOverHttp.Latencies> statistics = Optional.empty();
        Optional<String> failure = Optional.empty();
        double headline = Double.NaN;
        try {
            statistics = Optional.of(timed(row.statistics()));
            if (row.statistics().run() instanceof Correlation c) {
                headline = c.coefficient();
            }
        } catch (IllegalArgumentException e) {
            failure = Optional.of("the statistics alone failed: " + e.getMessage());
        }
        Optional<ScipyReference.Timing> reference = Optional.empty();
        if (python.isPresent()) {
            reference = Optional.of(python.get().run(row.name(), row.reference(), body, CALLS, WARMUP));
        }
        if (row.tool().isEmpty()) {
            Optional<LogEventsOverHttp.Latencies> none = Optional.empty();
            return new Result(
                    row,
                    body.length,
                    none,
                    none,
                    none,
                    none,
                    none,
                    statistics,
                    headline,
                    Double.NaN,
                    reference,
                    failure);
        }
        String tool = row.tool().get();
        ToolManifest manifest = core.tools().manifests().stream()
                .filter(m -> m.name().equals(tool))
                .findFirst()
                .orElseThrow();
        JsonNode[] answer = new JsonNode[1];
        LogEventsOverHttp.Latencies wire;
        try (WireClient client = new WireClient("127.0.0.1", port)) {
            wire = timed(() -> {
                WireClient.Answer a = client.post(manifest.rest().path(), "Bearer " + KEY, body);
                if (a.status() != 200) {
                    throw new IllegalStateException(row.name() + ": HTTP " + a.status() + ": " + a.body());
                }
                answer[0] = Json.mapper().readTree(a.body());
                return a.body().length();
            });
        }
        JsonNode arguments = Json.mapper().readTree(body);
        ArgumentValidator validator = ArgumentValidator.of(manifest.inputSchema(), "arguments of " + tool);
        LogEventsOverHttp.Latencies parse = timed(() -> Json.mapper().readTree(body));
        LogEventsOverHttp.Latencies limits = timed(() -> {
            InputLimits.check(arguments);
            return arguments;
        });
        LogEventsOverHttp.Latencies schema = timed(() -> {
            validator.validate(arguments);
            return arguments;
        });
        LogEventsOverHttp.Latencies invoke = timed(() -> core.tools()
                .invoke(
                        tool,
                        owner,
                        arguments,
                        new ToolCall.Origin(
                                "api", UUID.randomUUID().toString(), Optional.of("bench"), Optional.empty())));
        JsonNode data = answer[0].path("data");
        JsonNode main = data.has("correlation") ? data.path("correlation") : data;
        return new Result(
                row,
                body.length,
                Optional.of(wire),
                Optional.of(parse),
                Optional.of(limits),
                Optional.of(schema),
                Optional.of(invoke),
                statistics,
                main.path(data.has("correlation") ? "coefficient" : "mean").asDouble(),
                main.path("effective_n").asDouble(),
                reference,
                failure);
    }

    /**
     * {@link #WARMUP} calls and at least {@link #WARMUP_SECONDS} of them (so the JIT has compiled what runs), then up
     * to {@link #CALLS} timed ones, fewer (at least 5) past the time budget.
     */
    private static LogEventsOverHttp.Latencies timed(Work work) throws Exception {
        long start = System.nanoTime();
        long warmEnd = start + (long) (BUDGET_SECONDS * 1e9);
        long warmEnough = start + (long) (WARMUP_SECONDS * 1e9);
        for (int i = 0; (i < WARMUP || System.nanoTime() < warmEnough) && System.nanoTime() < warmEnd; i++) {
            sink += System.identityHashCode(work.run());
        }
        double[] ms = new double[CALLS];
        long end = System.nanoTime() + (long) (BUDGET_SECONDS * 1e9);
        int done = 0;
        while (done < CALLS && (done < 5 || System.nanoTime() < end)) {
            long t = System.nanoTime();
            Object result = work.run();
            ms[done++] = (System.nanoTime() - t) / 1e6;
            sink += System.identityHashCode(result);
        }
        return LogEventsOverHttp.Latencies.of(Arrays.copyOf(ms, done));
    }

    private static void header(int n, boolean measured) {
        System.out.printf(
                "%nn = %,d, values with %d decimals; ms (see the class comment for what each column holds)%n",
                n, DECIMALS);
        System.out.printf(
                "%-34s %5s %8s %8s %7s %7s %7s %7s %7s | %8s %8s %8s | %8s %9s %7s%n",
                "row",
                "KB",
                "wire p50",
                "wire p99",
                "parse",
                "limits",
                "schema",
                "invoke",
                "stats",
                measured ? "ref full" : "stated",
                "ref p99",
                "ref comp",
                "wire/ref",
                "stats/ref",
                "max |Δ|");
    }

    private static void print(Result r, int n) {
        double refFull = refFull(r, n);
        System.out.printf(
                "%-34s %5.0f %8s %8s %7s %7s %7s %7s %7s | %8.2f %8s %8s | %8s %9s %7s%n",
                r.row().name(),
                r.requestBytes() / 1024.0,
                p50(r.wire()),
                r.wire().map(w -> String.format("%.2f", w.percentile(99))).orElse("-"),
                p50(r.parse()),
                p50(r.limits()),
                p50(r.schema()),
                p50(r.invoke()),
                p50(r.statistics()),
                refFull,
                r.reference()
                        .map(x -> String.format("%.2f", x.full().percentile(99)))
                        .orElse("-"),
                r.reference()
                        .map(x -> String.format("%.2f", x.compute().percentile(50)))
                        .orElse("-"),
                r.wire()
                        .map(w -> String.format("%.1fx", w.percentile(50) / refFull))
                        .orElse("-"),
                r.reference()
                        .flatMap(x -> r.statistics()
                                .map(s -> String.format(
                                        "%.1fx", s.percentile(50) / x.compute().percentile(50))))
                        .orElse("-"),
                r.difference().map(d -> String.format("%.0e", d)).orElse("-"));
    }

    private static void footer(int n, List<Result> results) {
        results.forEach(r -> r.failure()
                .ifPresent(f -> System.out.printf("  %s: %s%n", r.row().name(), f)));
        if (n != GOAL_N) {
            return;
        }
        System.out.printf("goal at n = %,d: td wire p50 <= %.0fx the reference's full p50%n", n, GOAL_RATIO);
        for (Result r : results) {
            if (r.wire().isPresent()) {
                double ratio = r.wire().get().percentile(50) / refFull(r, n);
                System.out.printf("  %-34s %6.1fx  %s%n", r.row().name(), ratio, ratio <= GOAL_RATIO ? "PASS" : "FAIL");
            }
        }
    }

    /** The reference's full p50 as measured, else as stated for n = 50,000 (NaN for other sizes). */
    private static double refFull(Result r, int n) {
        return r.reference()
                .map(x -> x.full().percentile(50))
                .orElse(n == GOAL_N ? STATED.getOrDefault(r.row().name(), Double.NaN) : Double.NaN);
    }

    private static String p50(Optional<LogEventsOverHttp.Latencies> latencies) {
        return latencies.map(l -> String.format("%.2f", l.percentile(50))).orElse("-");
    }

    /** What HTTP costs by itself here: the wire client asking for a path no route serves. */
    private static LogEventsOverHttp.Latencies floor(int port) throws Exception {
        try (WireClient wire = new WireClient("127.0.0.1", port)) {
            return timed(() -> {
                int status = wire.get("/v1/none", "Bearer " + KEY).status();
                if (status != 404) {
                    throw new IllegalStateException("floor: GET /v1/none answered " + status + ", not 404");
                }
                return status;
            });
        }
    }
}
