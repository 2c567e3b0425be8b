package dev.td.cli.startup;

import dev.td.cli.Td;
import dev.td.tools.ErrorCode;
import dev.td.tools.ToolCatalog;
import dev.td.tools.ToolManifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run for {@code td}'s start-up cache: {@code bin/td} runs this class once per build
 * with {@code -XX:DumpLoadedClassList} and dumps a class-data sharing archive of the classes it
 * loaded, which every later {@code td} maps instead of reading them from the jars. It runs the
 * common commands against a stand-in server on a loopback port, so nothing real is touched: no
 * server, no stored login, no offline queue.
 */
public final class StartupTraining {

    /** Exit codes of td (td help exit-codes). */
    private static final int OK = 0;

    private static final int USAGE = ErrorCode.INVALID_ARGUMENT.exitCode();
    private static final int NOT_FOUND = ErrorCode.NOT_FOUND.exitCode();

    private StartupTraining() {}

    /** One command line of the training, the exit code it must end with, and its stdin. */
    private record Step(int exit, List<String> args, String stdin) {}

    /**
     * Runs the training; {@code --dry-run} adds a dry run, whose schema validator would make the
     * cache about a fifth larger for a command agents run rarely, so bin/td leaves it out.
     *
     * @throws IllegalStateException when a command does not end as it must: the cache would miss its path
     */
    public static void main(String[] args) throws IOException {
        try (StandIn server = StandIn.start()) {
            Path home = Files.createTempDirectory("td-training");
            try {
                for (Step step : steps(List.of(args).contains("--dry-run"))) {
                    int exit = run(step, server.url(), home);
                    if (exit != step.exit()) {
                        throw new IllegalStateException("training: td " + String.join(" ", step.args()) + " ended with "
                                + exit + ", not " + step.exit());
                    }
                }
            } finally {
                delete(home);
            }
        }
    }

    private static List<Step> steps(boolean dryRun) {
        List<Step> steps = new ArrayList<>();
        steps.add(step(OK, "get-personal-records"));
        steps.add(step(OK, "get-personal-records", "--exercise", "squat", "--compact"));
        steps.add(step(OK, "get-personal-records", "-o", "table", "--fields", "exercise_id,e1rm.kg"));
        steps.add(step(OK, "get-personal-records", "-o", "csv"));
        steps.add(step(OK, "get-events", "--types", "metric.recorded,note.recorded", "--limit", "5"));
        steps.add(step(
                NOT_FOUND,
                "void-event",
                "--event-id",
                "missing",
                "--reason",
                "r",
                "--idempotency-key",
                "k",
                "-o",
                "json"));
        steps.add(step(OK, "get-personal-records", "--help"));
        steps.add(step(OK, "--version"));
        steps.add(step(USAGE, "get-personal-records", "--limt", "1"));
        if (dryRun) {
            ToolManifest workout = ToolCatalog.load().find("log_workout").orElseThrow();
            steps.add(new Step(
                    OK,
                    List.of("log-workout", "--dry-run", "--input", "-"),
                    workout.examples().getFirst().arguments().toString()));
        }
        return steps;
    }

    private static Step step(int exit, String... args) {
        return new Step(exit, List.of(args), "");
    }

    private static int run(Step step, String url, Path home) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return Td.run(
                step.args().toArray(String[]::new),
                new ByteArrayInputStream(step.stdin().getBytes(StandardCharsets.UTF_8)),
                discard,
                discard,
                Map.of("TD_URL", url, "TD_API_KEY", "td_training_key_0123456789"),
                home.resolve("config"),
                home.resolve("data"));
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
