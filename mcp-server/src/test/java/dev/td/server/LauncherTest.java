package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.testkit.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher a desktop client starts ({@code bin/td-server}), run for real on a copy of the
 * repository's {@code bin/} whose Maven wrapper is a stand-in that records each build: stdio never
 * builds, builds take turns, and a build dies with its launcher.
 */
class LauncherTest {

    private static final Path REPO_BIN = Path.of("..", "bin").toAbsolutePath().normalize();
    private static final String JAR = "mcp-server/target/td-mcp-server-0.1.0-SNAPSHOT.jar";

    /** A checkout without a built td: bin/ copied, a fake mvnw that logs its pid, waits, then "builds" the jar. */
    private static Path checkout() throws IOException {
        Path root = TestDatabases.tempDir("td-launch");
        Files.createDirectories(root.resolve("bin"));
        for (String script : List.of("td-server", "jdk.sh", "build.sh")) {
            Files.copy(
                    REPO_BIN.resolve(script), root.resolve("bin").resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path mvnw = root.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/usr/bin/env bash
                echo $$ >> builds.log
                sleep "${FAKE_BUILD_SECONDS:-2}"
                mkdir -p mcp-server/target && touch %s
                """.formatted(JAR), StandardCharsets.UTF_8);
        mvnw.toFile().setExecutable(true);
        return root;
    }

    private static Process launch(Path root, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder();
        pb.command().add("bash");
        pb.command().add(root.resolve("bin/td-server").toString());
        pb.command().addAll(List.of(args));
        pb.directory(root.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static List<String> builds(Path root) throws IOException {
        Path log = root.resolve("builds.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void stdioWithoutABuiltTdAnswersTheClientsFirstRequestWithAnErrorAtOnceAndNeverBuilds() throws Exception {
        Path root = checkout();
        Process p = launch(root, Map.of(), "stdio");
        p.getOutputStream()
                .write("{\"jsonrpc\":\"2.0\",\"id\":\"init-1\",\"method\":\"initialize\",\"params\":{}}\n"
                        .getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("answered within 10 s").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).startsWith("{\"jsonrpc\":\"2.0\",\"id\":\"init-1\",\"error\":{\"code\":-32603,");
        assertThat(out).contains("bin/td-server build");
        assertThat(err).contains("td is not built yet").doesNotContain("building");
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(builds(root)).as("builds started").isEmpty();
    }

    @Test
    void twoLaunchersAtOnceBuildOnceTheSecondWaitsForTheFirst() throws Exception {
        Path root = checkout();
        Process first = launch(root, Map.of(), "build");
        Process second = launch(root, Map.of(), "build");
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(List.of(first.exitValue(), second.exitValue())).containsOnly(0);
        assertThat(builds(root)).as("builds").hasSize(1);
        assertThat(root.resolve(JAR)).exists();
    }

    @Test
    void aBuildDiesWithItsLauncherEvenWhenTheLauncherIsKilledWithSignal9() throws Exception {
        Path root = checkout();
        Process launcher = launch(root, Map.of("FAKE_BUILD_SECONDS", "300"), "serve");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (builds(root).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<String> started = builds(root);
        assertThat(started).as("a build started").hasSize(1);
        ProcessHandle build =
                ProcessHandle.of(Long.parseLong(started.getFirst().strip())).orElseThrow();

        launcher.destroyForcibly(); // SIGKILL: the launcher gets no chance to clean up
        launcher.waitFor(10, TimeUnit.SECONDS);

        assertThat(build.onExit().get(10, TimeUnit.SECONDS).isAlive())
                .as("the build after its launcher was killed")
                .isFalse();
        assertThat(root.resolve(JAR)).doesNotExist();
    }

    @Test
    void theDataDirectoryFollowsXdgThenHomeLikeTheCli() {
        // the rule written out by hand: $XDG_DATA_HOME/td, else $HOME/.local/share/td
        assertThat(Main.defaultDataDir(Map.of("HOME", "/home/ada"))).isEqualTo(Path.of("/home/ada/.local/share/td"));
        assertThat(Main.defaultDataDir(Map.of("HOME", "/home/ada", "XDG_DATA_HOME", "/srv/data")))
                .isEqualTo(Path.of("/srv/data/td"));
        assertThat(Main.defaultDataDir(Map.of("HOME", "/home/ada", "XDG_DATA_HOME", " ")))
                .isEqualTo(Path.of("/home/ada/.local/share/td"));
        assertThat(Main.defaultDataDir(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "share", "td"));
    }
}
