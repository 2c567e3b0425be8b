package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code td --version}: the CLI's version, and the server's when it answers, with a warning when they differ. */
class VersionTest {

    @TempDir
    Path temp;

    FakeTdServer server;
    TdRunner td;
    String version;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTdServer();
        td = new TdRunner(temp).env("TD_URL", server.url());
        version = releaseOfTheMavenProject();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The parent version in cli/pom.xml without -SNAPSHOT: the version td must report. */
    private static String releaseOfTheMavenProject() throws IOException {
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(parent.find()).as("cli/pom.xml names its parent's version").isTrue();
        return parent.group(1).replace("-SNAPSHOT", "");
    }

    private void serverReports(String serverVersion) {
        server.health(new FakeTdServer.Canned(
                200, "application/json", "{\"status\":\"ok\",\"version\":\"" + serverVersion + "\"}"));
    }

    @Test
    void theCliReportsTheReleaseOfTheMavenProjectVersion() {
        assertThat(Version.current()).isEqualTo(version);
    }

    @Test
    void aServerOfTheSameVersionIsShownWithoutWarning() {
        serverReports(version);

        TdRunner.Result result = td.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("td " + version + "\nserver " + version + " at " + server.url() + "\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aServerOfAnotherVersionIsShownWithAWarningOnStderr() {
        serverReports("9.9.9");

        TdRunner.Result result = td.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("td " + version + "\nserver 9.9.9 at " + server.url() + "\n");
        assertThat(result.err())
                .contains("warning: td is " + version + " but the server at " + server.url() + " is 9.9.9");
    }

    @Test
    void withoutAServerOnlyTheCliVersionIsShown() throws Exception {
        TdRunner.Result result =
                new TdRunner(temp).env("TD_URL", FakeTdServer.unreachableUrl()).run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("td " + version + "\n");
        assertThat(result.err()).contains("no server answered at").contains("only the CLI version is shown");
    }

    @Test
    void withJsonOutputBothVersionsAreAnObject() throws Exception {
        serverReports("9.9.9");

        TdRunner.Result result = td.run("--version", "-o", "json", "--compact");

        assertThat(result.out())
                .isEqualTo("{\"cli_version\":\"" + version + "\",\"server\":{\"url\":\"" + server.url()
                        + "\",\"reachable\":true,\"version\":\"9.9.9\"},\"same_version\":false}\n");
    }
}
