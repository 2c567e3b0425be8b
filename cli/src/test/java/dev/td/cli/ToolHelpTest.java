package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.tools.Json;
import dev.td.tools.ToolCatalog;
import dev.td.tools.ToolManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ToolHelpTest {

    @TempDir
    Path temp;

    static Stream<ToolManifest> manifests() {
        return ToolCatalog.load().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void helpShowsDescriptionScopeBehaviourAndEveryInputField(ToolManifest manifest) {
        TdRunner.Result help = new TdRunner(temp).run(manifest.cli().command(), "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out())
                .contains("Usage: td " + manifest.cli().command())
                .contains(manifest.description().substring(0, 40))
                .contains("Scope: " + manifest.scope())
                .contains(manifest.annotations().readOnly() ? "read-only" : "writes")
                .contains("--input=<file|->");
        if (manifest.annotations().destructive()) {
            assertThat(help.out()).contains("destructive");
        }
        List<InputField> fields = ToolCommand.of(manifest, Set.of()).fields();
        for (InputField field : fields) {
            // a boolean flag may be given bare (--paired), so picocli shows its value as optional
            String shown = field.flag()
                    .map(flag -> flag.option()
                            + ("boolean".equals(flag.type()) && !flag.repeatable()
                                    ? "[=<boolean>]"
                                    : "=<" + flag.type() + ">"))
                    .orElse(field.name() + " (");
            assertThat(help.out())
                    .as("help of %s shows %s", manifest.name(), field.name())
                    .contains(shown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void helpShowsEveryWorkedExampleAsAnInputCommand(ToolManifest manifest) throws Exception {
        String help = new TdRunner(temp).run(manifest.cli().command(), "--help").out();

        assertThat(help).contains("Examples:");
        for (ToolManifest.Example example : manifest.examples()) {
            String arguments = Json.mapper().writeValueAsString(example.arguments());
            assertThat(help)
                    .contains("# " + example.title())
                    .contains("td " + manifest.cli().command() + " --input - <<< '" + arguments.replace("'", "'\\''")
                            + "'")
                    .contains("# data: ");
        }
    }

    @Test
    void exampleWhoseArgumentsAreAllFlagsIsAlsoShownAsFlags() {
        String help = new TdRunner(temp).run("get-events", "--help").out();

        assertThat(help).contains("td get-events --types metric.recorded --from 2026-11-01 --to 2026-12-01 --limit 50");
    }

    @Test
    void enumAndDefaultAndRepetitionAreDocumentedOnTheFlag() {
        String help = new TdRunner(temp).run("get-events", "--help").out();

        assertThat(help)
                .contains("One of: effective, log.")
                .contains("Default (when omitted): 10.")
                .contains("Several values: repeat the flag or separate them with commas");
    }

    @Test
    void objectAndArrayOfObjectFieldsAreListedAsInputOnly() {
        String help = new TdRunner(temp).run("log-events", "--help").out();

        assertThat(help)
                .contains("Fields given only through --input (JSON):")
                .contains("events (array of object, required)")
                .doesNotContain("--events");
    }

    @Test
    void rootHelpListsEveryToolCommandAndTheOtherCommands() {
        TdRunner.Result help = new TdRunner(temp).run("--help");

        assertThat(help.exitCode()).isZero();
        manifests()
                .forEach(m -> assertThat(help.out()).contains(m.cli().command()).contains(m.title()));
        assertThat(help.out())
                .contains("login")
                .contains("logout")
                .contains("config")
                .contains("queue")
                .contains("exit codes");
    }

    @Test
    void helpCommandShowsTheHelpOfANestedCommand() {
        TdRunner.Result help = new TdRunner(temp).run("help", "queue", "flush");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: td queue flush");
    }

    @Test
    void helpForAnUnknownTopicIsAUsageError() {
        TdRunner.Result help = new TdRunner(temp).run("help", "nonsense");

        assertThat(help.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(help.err()).contains("no command or topic 'nonsense'").contains("td help exit-codes");
    }

    @Test
    void toolsListsNameCommandAndTitleOfEveryTool() {
        TdRunner.Result tools = new TdRunner(temp).run("tools");

        assertThat(tools.exitCode()).isZero();
        assertThat(tools.json()).hasSameSizeAs(manifests().toList());
        assertThat(tools.json().get(0).get("name").asText()).isEqualTo("log_events");
        assertThat(tools.json().get(0).get("command").asText()).isEqualTo("td log-events");
        assertThat(tools.json().get(0).get("title").asText()).isEqualTo("Log events");
    }
}
