package dev.td.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.wiring.TdCore;
import dev.td.tools.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Reads as of a past day for a five-year athlete ({@link BenchAthlete}): p50/p99/max in process of read tools asked
 * {@code as_of} a random day of the five years (seeded: every call a different day, so nothing is answered from the
 * memory of the call before), next to two baselines in the same run: the same tool without {@code as_of} (today's
 * answer, from the stored projections) and the same as-of calls with the snapshots deleted (the whole effective log
 * folded per call, what answering without snapshots costs). Also: what taking the snapshots cost, and one
 * {@code as_known_at} row. Goal: as-of p99 ≤ 100 ms.
 *
 * <p>Knobs: {@code bench.years} (5), {@code bench.calls} (200), {@code bench.full} (20: calls without snapshots).
 */
public final class AsOfBench {

    private static final String KEY = "td_bench_owner_key_0123456789abcdefghijklmnop";
    private static final int CALLS = Integer.getInteger("bench.calls", 200);
    private static final int FULL = Integer.getInteger("bench.full", 20);
    private static final int YEARS = Integer.getInteger("bench.years", 5);
    private static final int WARMUP = 20;
    private static final double GOAL_P99_MS = 100;

    /** A read tool and its arguments without the moment ({@code {}} or {@code {"exercise":"bench"}}). */
    record Row(String tool, String arguments) {}

    private AsOfBench() {}

    public static void main(String[] args) throws Exception {
        // no background workers: the bench takes the snapshots itself, and measures that
        System.setProperty("td.analysis.workers", "0");
        Path dir = Files.createTempDirectory("td-asof-bench");
        try (TdCore core = TdCore.open(Optional.empty(), dir)) {
            core.accounts().bootstrapOwner(Optional.of(KEY));
            Principal owner = core.accounts().localOwner();
            BenchAthlete athlete = BenchAthlete.log(core, owner, YEARS);
            long t = System.nanoTime();
            int taken = core.projections().takeSnapshots(owner.userId());
            double snapshotSeconds = (System.nanoTime() - t) / 1e9;
            long t2 = System.nanoTime();
            int again = core.projections().takeSnapshots(owner.userId());
            double againMs = (System.nanoTime() - t2) / 1e6;
            long events;
            long rows;
            long bytes;
            try (Connection c = core.database().ownerConnection();
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
                    rs.next();
                    events = rs.getLong(1);
                }
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*), coalesce(sum(pg_column_size(states)), 0) FROM projection_snapshots")) {
                    rs.next();
                    rows = rs.getLong(1);
                    bytes = rs.getLong(2);
                }
            }
            System.out.printf(
                    "td as-of bench: Java %s, %d-year athlete %s to %s (seeds 42, 43): %d workouts, %d activities and"
                            + " readings, %d events%n"
                            + "snapshots: %d checkpoints taken in %.2f s (%d rows, %.1f MB stored, compressed);"
                            + " again, %d new: %.1f ms%n%n",
                    Runtime.version(),
                    YEARS,
                    athlete.first(),
                    athlete.last(),
                    athlete.played().workouts(),
                    athlete.items(),
                    events,
                    taken,
                    snapshotSeconds,
                    rows,
                    bytes / 1e6,
                    again,
                    againMs);
            List<Row> rows0 = List.of(
                    new Row("get_overview", "{}"),
                    new Row("get_personal_records", "{}"),
                    new Row("get_exercise_progression", "{\"exercise\":\"bench\",\"period\":\"last 12 weeks\"}"),
                    new Row("list_sessions", "{\"period\":\"last 4 weeks\"}"),
                    new Row("get_training_load", "{\"period\":\"last 4 weeks\"}"),
                    new Row("get_metric_series", "{\"metric\":\"HRV\",\"period\":\"last 4 weeks\"}"),
                    new Row("list_activities", "{\"period\":\"last 4 weeks\"}"));
            long span = ChronoUnit.DAYS.between(athlete.first(), athlete.last());
            System.out.printf(
                    "%-26s %6s %8s %8s %8s   %14s %14s   %16s %16s%n",
                    "as_of a random day",
                    "calls",
                    "p50 ms",
                    "p99 ms",
                    "max ms",
                    "today p50 ms",
                    "today p99 ms",
                    "no snapshot p50",
                    "no snapshot p99");
            List<String> verdicts = new ArrayList<>();
            List<double[]> measured = new ArrayList<>();
            for (Row row : rows0) {
                Random days = new Random(7);
                LogEventsOverHttp.Latencies past = CompareBench.timed(
                        () -> CompareBench.invoke(core, owner, row.tool(), at(row, athlete, days, span)),
                        WARMUP,
                        CALLS);
                LogEventsOverHttp.Latencies today = CompareBench.timed(
                        () -> CompareBench.invoke(core, owner, row.tool(), row.arguments()), WARMUP, CALLS);
                measured.add(new double[] {
                    past.percentile(50), past.percentile(99), past.max(), today.percentile(50), today.percentile(99)
                });
            }
            try (Connection c = core.database().ownerConnection();
                    Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM projection_snapshots");
            }
            for (int i = 0; i < rows0.size(); i++) {
                Row row = rows0.get(i);
                Random days = new Random(7);
                LogEventsOverHttp.Latencies full = CompareBench.timed(
                        () -> CompareBench.invoke(core, owner, row.tool(), at(row, athlete, days, span)), 2, FULL);
                double[] m = measured.get(i);
                System.out.printf(
                        "%-26s %6d %8.2f %8.2f %8.2f   %14.2f %14.2f   %13.2f ms %13.2f ms%n",
                        row.tool(), CALLS, m[0], m[1], m[2], m[3], m[4], full.percentile(50), full.percentile(99));
                verdicts.add(String.format(
                        "  %-26s as-of p99 %7.2f ms %s", row.tool(), m[1], m[1] <= GOAL_P99_MS ? "PASS" : "FAIL"));
            }
            core.projections().takeSnapshots(owner.userId());
            Instant known = Instant.now().minus(java.time.Duration.ofSeconds(1));
            JsonNode asKnown =
                    CompareBench.invoke(core, owner, "get_personal_records", "{\"as_known_at\":\"" + known + "\"}");
            LogEventsOverHttp.Latencies knownAt = CompareBench.timed(
                    () -> CompareBench.invoke(
                            core, owner, "get_personal_records", "{\"as_known_at\":\"" + known + "\"}"),
                    WARMUP,
                    CALLS);
            System.out.printf(
                    "%-26s %6d %8.2f %8.2f %8.2f   (as_known_at a second before the bench began reading: %s)%n",
                    "get_personal_records, as_known_at",
                    CALLS,
                    knownAt.percentile(50),
                    knownAt.percentile(99),
                    knownAt.max(),
                    asKnown.at("/meta/as_of/known_up_to_sequence"));
            System.out.printf("%ngoal: as-of p99 <= %.0f ms in process%n", GOAL_P99_MS);
            verdicts.forEach(System.out::println);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The row's arguments with {@code as_of} a day drawn from the athlete's years. */
    private static String at(Row row, BenchAthlete athlete, Random days, long span) {
        LocalDate day = athlete.first().plusDays(1 + days.nextInt((int) span - 1));
        String inner = row.arguments().substring(1, row.arguments().length() - 1);
        return "{" + inner + (inner.isEmpty() ? "" : ",") + "\"as_of\":\"" + day + "\"}";
    }
}
