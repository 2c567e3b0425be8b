package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A list flag takes comma lists ({@code --types a,b}), repeated flags, or both; {@code \,} is a comma in a value. */
class CommaListTest {

    @TempDir
    Path temp;

    FakeTdServer server;
    TdRunner td;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTdServer();
        td = new TdRunner(temp).env("TD_URL", server.url()).env("TD_API_KEY", "td_test_key_123456");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode sent() {
        return server.received().getLast().arguments();
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void aCommaListIsSeveralValues() throws Exception {
        TdRunner.Result result = td.run("get-events", "--types", "metric.recorded,note.recorded");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sent()).isEqualTo(json("{\"types\":[\"metric.recorded\",\"note.recorded\"]}"));
    }

    @Test
    void commaListsAndRepeatedFlagsAddUpInOrder() throws Exception {
        td.run("get-events", "--types", "a.b,c.d", "--types", "e.f");

        assertThat(sent()).isEqualTo(json("{\"types\":[\"a.b\",\"c.d\",\"e.f\"]}"));
    }

    @Test
    void anEscapedCommaStaysInTheValueAndAnEscapedBackslashIsOneBackslash() throws Exception {
        // command line: --aliases 'Bench Press\, Barbell,BP' --types 'x\\,y'
        td.run(
                "create-exercise",
                "--name",
                "Bench",
                "--idempotency-key",
                "k",
                "--aliases",
                "Bench Press\\, Barbell,BP");
        assertThat(sent().get("aliases")).isEqualTo(json("[\"Bench Press, Barbell\",\"BP\"]"));

        td.run("get-events", "--types", "x\\\\,y");
        assertThat(sent().get("types")).isEqualTo(json("[\"x\\\\\",\"y\"]"));
    }

    @Test
    void aBackslashBeforeAnythingElseIsKept() throws Exception {
        td.run("get-events", "--types", "a\\b");

        assertThat(sent().get("types")).isEqualTo(json("[\"a\\\\b\"]"));
    }

    @Test
    void numbersInACommaListAreTypedByTheSchema() throws Exception {
        td.run("stats-describe", "--values", "81.4,81.2,80.9");

        assertThat(sent()).isEqualTo(json("{\"values\":[81.4,81.2,80.9]}"));
        assertThat(sent().get("values").get(0).isNumber()).isTrue();
    }

    @Test
    void anEmptyValueInACommaListIsAUsageErrorNamingTheFlag() {
        TdRunner.Result result = td.run("get-events", "--types", "a.b,,c.d");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("--types has an empty value in 'a.b,,c.d'")
                .contains("\\, for a comma inside a value");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aWrongNumberInACommaListNamesTheFlag() {
        TdRunner.Result result = td.run("stats-describe", "--values", "1,two,3");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--values expects a number, got 'two'");
    }

    @Test
    void helpOfAListFlagExplainsCommasAndTheEscape() {
        String help = td.run("get-events", "--help").out();

        assertThat(help).contains("Several values: repeat the flag or separate them with commas (\\, is a");
    }
}
