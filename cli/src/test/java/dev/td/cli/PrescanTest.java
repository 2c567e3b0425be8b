package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What td reads from the raw arguments before parsing: the command word (only that tool's model is
 * built, for start-up time) and whether failures must be JSON.
 */
class PrescanTest {

    @TempDir
    Path temp;

    @Test
    void theCommandIsTheFirstWordThatIsNeitherAFlagNorAGlobalFlagsValue() {
        assertThat(Prescan.of(new String[] {"--url", "http://h:1", "--api-key", "k", "get-events", "--limit", "5"})
                        .command())
                .contains("get-events");
        assertThat(Prescan.of(new String[] {"-o", "table", "--fields", "a,b", "tools"})
                        .command())
                .contains("tools");
        assertThat(Prescan.of(new String[] {"--url=http://h:1", "--compact", "get-profile"})
                        .command())
                .contains("get-profile");
        assertThat(Prescan.of(new String[] {"--version"}).command()).isEmpty();
    }

    @Test
    void jsonErrorsAreAskedForByEverySpellingOfJsonOutput() {
        assertThat(Prescan.of(new String[] {"x", "-o", "json"}).jsonErrors()).isTrue();
        assertThat(Prescan.of(new String[] {"x", "-ojson"}).jsonErrors()).isTrue();
        assertThat(Prescan.of(new String[] {"x", "--output=json"}).jsonErrors()).isTrue();
        assertThat(Prescan.of(new String[] {"x", "--json"}).jsonErrors()).isTrue();
        assertThat(Prescan.of(new String[] {"x", "-o", "table"}).jsonErrors()).isFalse();
        assertThat(Prescan.of(new String[] {"x"}).jsonErrors()).isFalse();
    }

    @Test
    void aMistypedCommandStillGetsASuggestionFromTheWholeCommandList() {
        TdRunner.Result result = new TdRunner(temp).run("get-evnts");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("unknown command or argument 'get-evnts'")
                .contains("get-events");
    }

    @Test
    void aToolCallWithGlobalFlagsAfterTheCommandFindsItsTool() throws Exception {
        try (FakeTdServer server = new FakeTdServer()) {
            TdRunner.Result result =
                    new TdRunner(temp).run("get-profile", "--url", server.url(), "-o", "csv", "--fields", "request_id");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.received())
                    .extracting(FakeTdServer.Received::tool)
                    .containsExactly("get_profile");
        }
    }
}
