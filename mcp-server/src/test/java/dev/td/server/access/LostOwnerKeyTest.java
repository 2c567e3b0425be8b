package dev.td.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.server.Main;
import dev.td.server.faces.HttpServer;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.Http;
import dev.td.testkit.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** td-server as a separate process: what it says about keys on startup, and getting a key when none was shown. */
class LostOwnerKeyTest {

    /** A finished td-server process: exit code, stdout, stderr. */
    private record Finished(int exit, String out, String err) {}

    private static Finished tdServer(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("TD_BOOTSTRAP_API_KEY");
        builder.environment().remove("TD_DATABASE_URL");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("td-server-out", ".txt");
        Path err = Files.createTempFile("td-server-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try {
            process.getOutputStream().close(); // stdin at its end: stdio stops once it has started
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("td-server finished")
                    .isTrue();
            return new Finished(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void stdioOnANewDatabaseShowsNoKeyButSaysHowToGetOneAndKeysCreateGivesAWorkingOne() throws Exception {
        String url = TestDatabases.fresh();

        Finished stdio = tdServer(Map.of(), "stdio", "--database-url", url);

        assertThat(stdio.exit()).as(stdio.err()).isZero();
        assertThat(stdio.out()).doesNotContain("td_");
        assertThat(stdio.err())
                .doesNotContainPattern("td_[0-9A-Za-z]{40}")
                .contains("run 'td-server keys create' with the same --data-dir or --database-url");

        ServerCommandRun create = ServerCommandRun.of("keys", "create", "--database-url", url);
        assertThat(create.exit()).as(create.err()).isZero();
        String key = create.out().strip();
        try (TdCore core = TdCore.open(Optional.of(url), TestDatabases.tempDir("td-lost-key"))) {
            HttpServer http = HttpServer.start(core, new HttpServer.Options("127.0.0.1", 0, List.of(), false, false));
            try {
                assertThat(Http.send("GET", "http://127.0.0.1:" + http.port() + "/v1/events", key, null)
                                .status())
                        .isEqualTo(200);
            } finally {
                http.stop();
            }
        }
    }

    @Test
    void keysWorkOnTheDataDirectoryOfARunningServerWithEmbeddedPostgres() {
        Path dataDir = TestDatabases.tempDir("td-embedded-keys");
        try (TdCore running = TdCore.open(Optional.empty(), dataDir)) {
            ServerCommandRun create = ServerCommandRun.of("keys", "create", "--data-dir", dataDir.toString());
            assertThat(create.exit()).as(create.err()).isZero();
            String key = create.out().strip();
            assertThat(running.accounts().authenticate(key)).isPresent();

            ServerCommandRun revoke =
                    ServerCommandRun.of("keys", "revoke", key.substring(0, 7), "--data-dir", dataDir.toString());

            assertThat(revoke.exit()).as(revoke.err()).isZero();
            assertThat(running.accounts().authenticate(key)).isEmpty();
        }
    }

    @Test
    void aWeakBootstrapKeyStopsServeWithOneLineSayingWhatIsNeeded() throws Exception {
        Finished serve = tdServer(
                Map.of("TD_BOOTSTRAP_API_KEY", "x"), "serve", "--port", "0", "--database-url", TestDatabases.fresh());

        assertThat(serve.exit()).isEqualTo(2);
        assertThat(serve.out()).isEmpty();
        assertThat(serve.err().strip())
                .doesNotContain("\n")
                .startsWith("td-server: TD_BOOTSTRAP_API_KEY is too weak: it has 1 characters, fewer than 32.")
                .contains("128 bits", "openssl rand -hex 32", "unset it and td generates the owner key");
    }

    @Test
    void aWeakBootstrapKeyStopsStdioToo() throws Exception {
        Finished stdio = tdServer(
                Map.of("TD_BOOTSTRAP_API_KEY", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                "stdio",
                "--database-url",
                TestDatabases.fresh());

        assertThat(stdio.exit()).isEqualTo(2);
        assertThat(stdio.out()).isEmpty();
        assertThat(stdio.err().strip())
                .doesNotContain("\n")
                .contains("TD_BOOTSTRAP_API_KEY is too weak: its characters carry an estimated 0 bits");
    }
}
