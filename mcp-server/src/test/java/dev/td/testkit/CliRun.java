package dev.td.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.cli.Td;
import dev.td.tools.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of the td CLI, in process, against a test server with the owner's key: exit code, stdout, stderr. */
public record CliRun(int exit, String out, String err) {

    private static final Path CONFIG = TestDatabases.tempDir("td-cli-config");
    private static final Path DATA = TestDatabases.tempDir("td-cli-data");

    public static CliRun against(TestServer server, String stdin, String... args) {
        return as(server, TestServer.OWNER_KEY, stdin, args);
    }

    /** {@code td} with {@code key} against the test server. */
    public static CliRun as(TestServer server, String key, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", server.baseUrl(), "--api-key", key));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Td.run(
                all.toArray(String[]::new),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(),
                CONFIG,
                DATA);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public JsonNode json() {
        try {
            return Json.mapper().readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
        }
    }
}
