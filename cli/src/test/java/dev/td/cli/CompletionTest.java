package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.tools.ToolCatalog;
import dev.td.tools.ToolManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code td completion bash|zsh|fish}: the bash script is run in a real bash; fish lines are checked as written. */
class CompletionTest {

    @TempDir
    Path temp;

    /** What bash completes for the words typed so far (the last one may be partial or empty). */
    private String bashCompletes(String... words) throws IOException, InterruptedException {
        Path script = temp.resolve("td.bash");
        Files.writeString(script, new TdRunner(temp).run("completion", "bash").out());
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append('\'').append(word).append("' ");
        }
        String probe = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1) + "; _complete_td 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process bash = new ProcessBuilder("bash", "-c", probe)
                .redirectErrorStream(true)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void bashCompletesCommandsFlagsEnumValuesFormatsAndShells() throws Exception {
        assertThat(bashCompletes("td", "get-ev")).isEqualTo("get-events get-event-types");
        assertThat(bashCompletes("td", "get-events", "--vi")).isEqualTo("--view");
        assertThat(bashCompletes("td", "get-events", "--view", "")).isEqualTo("effective log");
        assertThat(bashCompletes("td", "-o", "")).isEqualTo("json table csv");
        assertThat(bashCompletes("td", "completion", "")).isEqualTo("bash zsh fish");
    }

    @Test
    void bashCompletesTheValuesOfTdImportsFlagsFromTheImportFileManifest() throws Exception {
        assertThat(bashCompletes("td", "import", "--format", ""))
                .isEqualTo("fit gpx tcx apple_health strava strong hevy whoop oura td");
        assertThat(bashCompletes("td", "import", "--weight-unit", "")).isEqualTo("kg lb");
        assertThat(bashCompletes("td", "import", "--k")).isEqualTo("--keep-duplicates");
    }

    @Test
    void fishCompletesFilesAfterTdImport() {
        String fish = new TdRunner(temp).run("completion", "fish").out();

        assertThat(fish.lines())
                .contains(
                        "complete -c td -n '__fish_seen_subcommand_from import' -F",
                        "complete -c td -n '__fish_seen_subcommand_from import' -l format -x -a "
                                + "'fit gpx tcx apple_health strava strong hevy whoop oura td' -d 'The files\\' format: fit, gpx, "
                                + "tcx, apple_health, strava, strong, hevy, whoop, oura, td'");
    }

    @Test
    void zshGetsTheBashScriptWhichLoadsBashcompinit() {
        String zsh = new TdRunner(temp).run("completion", "zsh").out();

        assertThat(zsh).isEqualTo(new TdRunner(temp).run("completion", "bash").out());
        assertThat(zsh).contains("ZSH_VERSION").contains("autoload -U +X bashcompinit && bashcompinit");
    }

    // descriptions are the first sentence, cut to 90 characters with an ellipsis
    @Test
    void fishOffersCommandsGlobalFlagsCommandFlagsAndValues() {
        TdRunner.Result fish = new TdRunner(temp).run("completion", "fish");

        assertThat(fish.exitCode()).isZero();
        assertThat(fish.out().lines())
                .contains(
                        "complete -c td -f",
                        "complete -c td -n '__fish_use_subcommand' -a get-events -d 'Get events'",
                        "complete -c td -n '__fish_use_subcommand' -a login -d 'Check a server URL and API key, then store them'",
                        "complete -c td -s o -l output -x -a 'json table csv' -d 'Output format: json (the default), table or csv'",
                        "complete -c td -l compact -d 'Print JSON on one line instead of indented'",
                        "complete -c td -n '__fish_seen_subcommand_from get-events' -l limit -x -d 'Page size'",
                        "complete -c td -n '__fish_seen_subcommand_from get-events' -l input -r -F -d "
                                + "'The whole argument object as JSON, from a file or \\'-\\' for stdin; flags override its fields'",
                        "complete -c td -n '__fish_seen_subcommand_from get-events' -l dry-run -d 'Check the arguments "
                                + "against the tool\\'s input schema and print the request instead of send…'",
                        "complete -c td -n '__fish_seen_subcommand_from login' -l with-token -d "
                                + "'Read the API key from stdin (never from the command line)'",
                        "complete -c td -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'",
                        "complete -c td -n '__fish_seen_subcommand_from queue; and not __fish_seen_subcommand_from "
                                + "list flush' -a flush -d 'Send the queued calls in order'");
        assertThat(fish.out())
                .contains("complete -c td -n '__fish_seen_subcommand_from get-events' -l view -x -a 'effective log' "
                        + "-d 'log: as stored'");
    }

    @Test
    void fishOffersEveryToolCommand() {
        String fish = new TdRunner(temp).run("completion", "fish").out();

        for (ToolManifest tool : ToolCatalog.load().all()) {
            assertThat(fish)
                    .contains("complete -c td -n '__fish_use_subcommand' -a "
                            + tool.cli().command() + " -d ");
        }
    }

    @Test
    void anUnknownShellIsAUsageErrorListingTheShells() {
        TdRunner.Result result = new TdRunner(temp).run("completion", "tcsh");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("td completion knows bash, zsh, fish, got 'tcsh'");
    }
}
