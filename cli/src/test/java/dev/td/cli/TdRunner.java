package dev.td.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@link Td#run} with captured streams and its own config and data directories. */
final class TdRunner {

    /** The outcome of one run. */
    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    private final Path configDir;
    private final Path dataDir;
    private final Map<String, String> env = new HashMap<>();

    TdRunner(Path tempDir) {
        this.configDir = tempDir.resolve("config");
        this.dataDir = tempDir.resolve("data");
    }

    TdRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path configDir() {
        return configDir;
    }

    Path dataDir() {
        return dataDir;
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        return run(stdin, false, args);
    }

    /** {@link #run} with stderr taken for a terminal, where progress is redrawn in place. */
    Result runOnTerminal(String... args) {
        return run("", true, args);
    }

    private Result run(String stdin, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Td.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.copyOf(env),
                configDir,
                dataDir,
                () -> terminal);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
