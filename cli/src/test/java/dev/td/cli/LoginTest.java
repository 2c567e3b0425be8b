package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.tools.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {

    @TempDir
    Path temp;

    FakeTdServer server;
    TdRunner td;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTdServer();
        td = new TdRunner(temp);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Path configFile() {
        return td.configDir().resolve("config.json");
    }

    @Test
    void loginChecksTheKeyAndStoresUrlAndKeyReadableOnlyByTheOwner() throws Exception {
        TdRunner.Result login = td.run("login", "--url", server.url(), "--api-key", "td_secret_key_abcdef");

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(server.received()).extracting(FakeTdServer.Received::tool).containsExactly("get_event_types");
        assertThat(Json.mapper().readTree(configFile().toFile()).get("api_key").asText())
                .isEqualTo("td_secret_key_abcdef");
        assertThat(Json.mapper().readTree(configFile().toFile()).get("url").asText())
                .isEqualTo(server.url());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile())))
                .isEqualTo("rw-------");
        assertThat(login.err()).contains("td_s…cdef").doesNotContain("td_secret_key_abcdef");
    }

    @Test
    void laterCommandsUseTheStoredLogin() {
        td.run("login", "--url", server.url(), "--api-key", "td_secret_key_abcdef");

        TdRunner.Result call = td.run("get-events");

        assertThat(call.exitCode()).isZero();
        assertThat(server.received().getLast().header("Authorization")).contains("Bearer td_secret_key_abcdef");
    }

    @Test
    void rejectedKeyIsAnAuthErrorAndNothingIsStored() {
        server.answer("get_event_types", FakeTdServer.Canned.problem(401, "unauthenticated", "unknown API key"));

        TdRunner.Result login = td.run("login", "--url", server.url(), "--api-key", "td_wrong_key_000000");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(login.err()).contains("unknown API key").contains("nothing was stored");
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void loginToAnUnreachableServerFailsAndStoresNothing() throws Exception {
        TdRunner.Result login = td.run("login", "--url", FakeTdServer.unreachableUrl(), "--api-key", "td_key_12345678");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(login.err()).contains("is unreachable");
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void loginWithoutApiKeyIsAUsageError() {
        TdRunner.Result login = td.run("login", "--url", server.url());

        assertThat(login.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(login.err()).contains("td login needs --with-token (the key on stdin) or --api-key");
    }

    @Test
    void withTokenReadsTheKeyFromStdinChecksItAndStoresIt() throws Exception {
        TdRunner.Result login =
                td.runWithStdin("td_secret_key_abcdef\n", "login", "--url", server.url(), "--with-token");

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(server.received().getFirst().header("Authorization")).contains("Bearer td_secret_key_abcdef");
        assertThat(Json.mapper().readTree(configFile().toFile()).get("api_key").asText())
                .isEqualTo("td_secret_key_abcdef");
        assertThat(login.err()).contains("td_s…cdef").doesNotContain("td_secret_key_abcdef");
    }

    @Test
    void withTokenAndAnEmptyStdinIsAUsageErrorAndNothingIsStored() {
        TdRunner.Result login = td.runWithStdin(" \n", "login", "--url", server.url(), "--with-token");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(login.err()).contains("--with-token read no key from stdin");
        assertThat(server.received()).isEmpty();
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void withTokenWantsOnlyTheKeyOnStdin() {
        TdRunner.Result login =
                td.runWithStdin("td_secret_key_abcdef\nsecond line\n", "login", "--url", server.url(), "--with-token");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(login.err())
                .contains("expects only the key on stdin, got 3 words")
                .doesNotContain("td_secret");
    }

    @Test
    void withTokenAndApiKeyTogetherIsAUsageError() {
        TdRunner.Result login = td.runWithStdin(
                "td_secret_key_abcdef",
                "login",
                "--url",
                server.url(),
                "--with-token",
                "--api-key",
                "td_other_key_1234");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(login.err()).contains("--api-key or on stdin with --with-token, not both");
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void aKeyWrittenAsTheValueOfWithTokenIsRefusedWithoutEchoingIt() {
        TdRunner.Result login = td.run("login", "--url", server.url(), "--with-token=td_secret_key_abcdef");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(login.err()).contains("--with-token takes no value: it reads the key from stdin");
        assertThat(login.err() + login.out()).doesNotContain("td_secret_key_abcdef");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void configShowsEachSettingWithItsSourceAndMasksTheKey() {
        td.run("login", "--url", server.url(), "--api-key", "td_secret_key_abcdef");

        TdRunner.Result config = td.env("TD_URL", "http://10.0.0.1:7878").run("config");

        assertThat(config.exitCode()).isZero();
        assertThat(config.json().get("url").get("value").asText()).isEqualTo("http://10.0.0.1:7878");
        assertThat(config.json().get("url").get("source").asText()).isEqualTo("TD_URL");
        assertThat(config.json().get("api_key").get("value").asText()).isEqualTo("td_s…cdef");
        assertThat(config.json().get("api_key").get("source").asText()).isEqualTo("config file " + configFile());
        assertThat(config.out()).doesNotContain("td_secret_key_abcdef");
    }

    @Test
    void flagsWinOverEnvironmentAndEnvironmentOverConfig() {
        td.run("login", "--url", server.url(), "--api-key", "td_secret_key_abcdef");

        TdRunner.Result config =
                td.env("TD_API_KEY", "td_env_key_99999999").run("config", "--api-key", "td_flag_key_11111111");

        assertThat(config.json().get("api_key").get("source").asText()).isEqualTo("--api-key");
        assertThat(config.json().get("url").get("source").asText()).startsWith("config file");
    }

    @Test
    void withNothingConfiguredTheDefaultUrlIsUsedAndTheMissingKeyIsReported() {
        TdRunner.Result config = td.run("config");

        assertThat(config.json().get("url").get("value").asText()).isEqualTo(Settings.DEFAULT_URL);
        assertThat(config.json().get("api_key").get("value").isNull()).isTrue();
        assertThat(config.err()).contains("no API key is set");
    }

    @Test
    void logoutRemovesTheStoredLogin() {
        td.run("login", "--url", server.url(), "--api-key", "td_secret_key_abcdef");

        TdRunner.Result logout = td.run("logout");

        assertThat(logout.exitCode()).isZero();
        assertThat(configFile()).doesNotExist();
        assertThat(td.run("config").json().get("url").get("source").asText()).isEqualTo("default");
    }
}
