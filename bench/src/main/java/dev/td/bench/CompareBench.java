package dev.td.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.AthleteDriver;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * compare_periods for a five-year athlete (the strength athlete of the test kit, seed 42, and the runs, rides, swims
 * and daily readings of {@link EnduranceAthlete}, seed 43): p50/p99/max in process ({@code core.tools().invoke}:
 * argument validation, the tool, its answer hooks) for two months of bench e1RM, of HRV and of daily training load,
 * next to two baselines in the same run: the read tool that shows the same data over the same days (what an agent
 * would call twice and then compare by itself), and recomputing the projections compare_periods reads from the raw
 * effective log (no statistics, no rendering). Goal: p99 ≤ 20 ms.
 *
 * <p>Knobs: {@code bench.years} (5), {@code bench.calls} (500), {@code bench.recomputes} (20).
 */
public final class CompareBench {

    private static final String KEY = "td_bench_owner_key_0123456789abcdefghijklmnop";
    private static final int CALLS = Integer.getInteger("bench.calls", 500);
    private static final int RECOMPUTES = Integer.getInteger("bench.recomputes", 20);
    private static final int YEARS = Integer.getInteger("bench.years", 5);
    private static final int WARMUP = 100;
    private static final double GOAL_P99_MS = 20;

    /**
     * One measured comparison.
     *
     * @param compare     compare_periods' arguments
     * @param readTool    the read tool that shows the same days, and its arguments
     * @param projections what compare_periods reads, which the recompute baseline folds from the log
     */
    record Row(String name, String compare, String readTool, String readArguments, List<String> projections) {}

    private CompareBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("td-compare-bench");
        try (TdCore core = TdCore.open(Optional.empty(), dir)) {
            core.accounts().bootstrapOwner(Optional.of(KEY));
            Principal owner = core.accounts().localOwner();
            BenchAthlete athlete = BenchAthlete.log(core, owner, YEARS);
            LocalDate first = athlete.first();
            LocalDate last = athlete.last();
            AthleteDriver.Played played = athlete.played();
            double strengthSeconds = athlete.strengthSeconds();
            double recordSeconds = athlete.recordSeconds();
            // the last two whole months before this one
            YearMonth b = YearMonth.from(last).minusMonths(1);
            YearMonth a = b.minusMonths(1);
            System.out.printf(
                    "td compare bench: Java %s, %d-year athlete %s to %s (seeds 42, 43): %d workouts, %d corrections,"
                            + " %d voids (%.1f s); %d activities and readings (%.1f s); comparing %s with %s%n%n",
                    Runtime.version(),
                    YEARS,
                    first,
                    last,
                    played.workouts(),
                    played.corrections(),
                    played.voids(),
                    strengthSeconds,
                    athlete.items(),
                    recordSeconds,
                    a,
                    b);
            String periods = "\"periods\":\"" + a + " vs " + b + "\"";
            String range = "\"from\":\"" + a.atDay(1) + "\",\"to\":\"" + b.atEndOfMonth() + "\"";
            List<Row> rows = List.of(
                    new Row(
                            "bench e1RM, 2 months",
                            "{\"exercise\":\"bench\"," + periods + "}",
                            "get_exercise_progression",
                            "{\"exercise\":\"bench\",\"detail\":\"full\"," + range + "}",
                            List.of("exercise_progression")),
                    new Row(
                            "HRV per day, 2 months",
                            "{\"metric\":\"HRV\"," + periods + "}",
                            "get_metric_series",
                            "{\"metric\":\"HRV\",\"aggregate\":\"day\"," + range + "}",
                            List.of("metric_days")),
                    new Row(
                            "total load per day, 2 months",
                            "{\"total\":\"load\"," + periods + "}",
                            "get_training_load",
                            "{" + range + "}",
                            List.of("load_inputs")));
            System.out.printf(
                    "%-30s %6s %8s %8s %8s   %-26s %8s %8s   %14s %14s%n",
                    "compare_periods",
                    "calls",
                    "p50 ms",
                    "p99 ms",
                    "max ms",
                    "read tool, same days",
                    "p50 ms",
                    "p99 ms",
                    "recompute p50",
                    "recompute p99");
            List<String> verdicts = new ArrayList<>();
            for (Row row : rows) {
                JsonNode answer = invoke(core, owner, "compare_periods", row.compare());
                LogEventsOverHttp.Latencies compare =
                        timed(() -> invoke(core, owner, "compare_periods", row.compare()), WARMUP, CALLS);
                LogEventsOverHttp.Latencies read =
                        timed(() -> invoke(core, owner, row.readTool(), row.readArguments()), WARMUP, CALLS);
                Recompute recompute = new Recompute(core, owner.userId(), row.projections());
                LogEventsOverHttp.Latencies raw = timed(recompute::run, 1, RECOMPUTES);
                System.out.printf(
                        "%-30s %6d %8.2f %8.2f %8.2f   %-26s %8.2f %8.2f   %11.2f ms %11.2f ms%n",
                        row.name(),
                        CALLS,
                        compare.percentile(50),
                        compare.percentile(99),
                        compare.max(),
                        row.readTool(),
                        read.percentile(50),
                        read.percentile(99),
                        raw.percentile(50),
                        raw.percentile(99));
                verdicts.add(String.format(
                        "  %-30s p99 %6.2f ms %s   (n %d vs %d, %s)",
                        row.name(),
                        compare.percentile(99),
                        compare.percentile(99) <= GOAL_P99_MS ? "PASS" : "FAIL",
                        answer.at("/data/a/n").asInt(),
                        answer.at("/data/b/n").asInt(),
                        answer.at("/data/test/method").asText("no test")));
            }
            System.out.printf("%ngoal: compare_periods p99 <= %.0f ms in process%n", GOAL_P99_MS);
            verdicts.forEach(System.out::println);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    static LogEventsOverHttp.Latencies timed(Runnable work, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return LogEventsOverHttp.Latencies.of(ms);
    }

    static JsonNode invoke(TdCore core, Principal owner, String tool, String arguments) {
        try {
            return invoke(core, owner, tool, (ObjectNode) Json.mapper().readTree(arguments));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode invoke(TdCore core, Principal owner, String tool, ObjectNode arguments) {
        return core.tools()
                .invoke(
                        tool,
                        owner,
                        arguments,
                        new ToolCall.Origin(
                                "api", UUID.randomUUID().toString(), Optional.of("compare-bench"), Optional.empty()))
                .toJson();
    }
}
