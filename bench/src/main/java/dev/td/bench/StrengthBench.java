package dev.td.bench;

import dev.td.server.faces.HttpServer;
import dev.td.server.projections.ProjectionEngine;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.AthleteDriver;
import dev.td.testkit.AthleteGenerator;
import dev.td.tools.Principal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Strength queries for a five-year athlete: p50/p99 of get_exercise_progression, get_volume and
 * get_personal_records over HTTP (answered from projections), next to computing the same
 * projection from the raw effective events in process (no HTTP, no rendering — the baseline is
 * given every advantage), and the full projection rebuild rate. Goal (issue 4): p99 under 10 ms
 * and at least 20× faster than recomputing.
 */
public final class StrengthBench {

    private static final String KEY = "td_bench_owner_key_0123456789abcdefghijklmnop";
    private static final int CALLS = Integer.getInteger("bench.calls", 500);
    private static final int RECOMPUTES = Integer.getInteger("bench.recomputes", 20);
    private static final int YEARS = Integer.getInteger("bench.years", 5);

    private StrengthBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("td-strength-bench");
        try (TdCore core = TdCore.open(Optional.empty(), dir)) {
            core.accounts().bootstrapOwner(Optional.of(KEY));
            Principal owner = core.accounts().localOwner();
            List<AthleteGenerator.Action> actions =
                    new AthleteGenerator(42, LocalDate.of(2021, 1, 4), YEARS, ZoneId.of("Europe/Berlin")).actions();
            long t0 = System.nanoTime();
            AthleteDriver.Played played = new AthleteDriver(core).play(owner, actions);
            double logSeconds = (System.nanoTime() - t0) / 1e9;
            long events = count(core, "SELECT count(*) FROM events");
            try (Connection c = core.database().ownerConnection()) {
                c.createStatement().execute("VACUUM ANALYZE");
            }
            System.out.printf(
                    "td strength bench: Java %s, %d-year athlete (seed 42): %d workouts, %d corrections, %d voids -> %d events; logged through log_workout in %.1f s (%.1f workouts/s)%n%n",
                    Runtime.version(),
                    YEARS,
                    played.workouts(),
                    played.corrections(),
                    played.voids(),
                    events,
                    logSeconds,
                    played.workouts() / logSeconds);

            HttpServer http = HttpServer.start(core, new HttpServer.Options("127.0.0.1", 0, List.of(), false, false));
            try {
                String base = "http://127.0.0.1:" + http.port();
                System.out.printf(
                        "%-26s %7s %8s %8s %8s %14s %14s %9s%n",
                        "query", "calls", "p50 ms", "p99 ms", "max ms", "recompute p50", "recompute p99", "p50 gain");
                row(
                        core,
                        owner,
                        base,
                        "get_exercise_progression",
                        "/v1/progression?exercise=bench",
                        "exercise_progression");
                row(
                        core,
                        owner,
                        base,
                        "get_exercise_progression 5y",
                        "/v1/progression?exercise=bench&from=2021-01-01",
                        "exercise_progression");
                row(core, owner, base, "get_volume (default 12 wk)", "/v1/volume", "weekly_volume");
                row(core, owner, base, "get_volume (all 5 years)", "/v1/volume?from=2021-01-01", "weekly_volume");
                row(
                        core,
                        owner,
                        base,
                        "get_volume (12 weeks)",
                        "/v1/volume?from=2025-10-06&to=2025-12-28",
                        "weekly_volume");
                row(core, owner, base, "get_personal_records", "/v1/records", "personal_records");
            } finally {
                http.stop();
            }
            ProjectionEngine.RebuildReport rebuild = core.projections().rebuild(List.of());
            System.out.printf(
                    "%nfull projection rebuild (%d projections): %d events in %.2f s = %.0f events/s%n",
                    core.projections().projections().size(),
                    rebuild.events(),
                    rebuild.seconds(),
                    rebuild.events() / rebuild.seconds());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void row(TdCore core, Principal owner, String base, String name, String path, String projection)
            throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + KEY)
                .build();
        for (int i = 0; i < 100; i++) {
            expectOk(client.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        double[] http = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t = System.nanoTime();
            expectOk(client.send(request, HttpResponse.BodyHandlers.ofString()));
            http[i] = (System.nanoTime() - t) / 1e6;
        }
        Runnable recompute = () -> core.projections().foldFromLog(owner.userId(), projection);
        recompute.run();
        double[] raw = new double[RECOMPUTES];
        for (int i = 0; i < RECOMPUTES; i++) {
            long t = System.nanoTime();
            recompute.run();
            raw[i] = (System.nanoTime() - t) / 1e6;
        }
        LogEventsOverHttp.Latencies h = LogEventsOverHttp.Latencies.of(http);
        LogEventsOverHttp.Latencies r = LogEventsOverHttp.Latencies.of(raw);
        System.out.printf(
                "%-26s %7d %8.2f %8.2f %8.2f %11.2f ms %11.2f ms %8.0fx%n",
                name,
                CALLS,
                h.percentile(50),
                h.percentile(99),
                h.max(),
                r.percentile(50),
                r.percentile(99),
                r.percentile(50) / h.percentile(50));
    }

    private static void expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private static long count(TdCore core, String sql) throws Exception {
        try (Connection c = core.database().dataSource().getConnection();
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
