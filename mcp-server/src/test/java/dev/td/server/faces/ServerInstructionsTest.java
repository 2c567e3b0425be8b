package dev.td.server.faces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.testkit.TestServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a client hears once on connecting: which tool answers which kind of question, in a few lines. */
class ServerInstructionsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void theInstructionsMapKindsOfQuestionsToToolsInAFewLines() {
        String instructions;
        List<String> tools;
        try (McpSyncClient client =
                McpClients.streamable(server, "/mcp/x/all", TestServer.OWNER_KEY, java.util.Map.of())) {
            instructions = client.getServerInstructions();
            tools = client.listTools().tools().stream()
                    .map(McpSchema.Tool::name)
                    .toList();
        }
        // the kinds of questions of issue #10, each with the tool(s) that answer it
        assertThat(line(instructions, "Training done")).contains("log_workout", "log_sets", "log_activity");
        assertThat(line(instructions, "What they did"))
                .contains("list_sessions", "get_session", "list_activities", "get_activity", "get_volume");
        assertThat(line(instructions, "Progress"))
                .contains("get_exercise_progression", "get_endurance_progression", "get_personal_records");
        assertThat(line(instructions, "Fatigue")).contains("get_training_load");
        // issue #14: time and what is kept ready
        assertThat(line(instructions, "Jan vs Feb")).contains("compare_periods");
        assertThat(line(instructions, "vs performance")).contains("get_correlations", "get_anomalies");
        assertThat(line(instructions, "First")).contains("get_overview", "as_of", "get_insights");
        assertThat(line(instructions, "Readings")).contains("log_metrics", "get_metric_series");
        assertThat(line(instructions, "injury")).contains("report_injury", "resolve_injury", "get_injuries");
        assertThat(line(instructions, "A plan")).contains("start_program", "change_program_phase", "add_note");
        assertThat(line(instructions, "Training done")).contains("what_if");
        assertThat(line(instructions, "Anything else")).contains("log_events", "get_event_types", "get_events");
        assertThat(line(instructions, "A wrong value")).contains("correct_event", "void_event");
        assertThat(line(instructions, "Stats on numbers"))
                .contains("stats_describe", "stats_compare", "stats_correlate", "stats_trend", "stats_regression");
        // every tool is named, and every tool-like name is a tool (no stale names after a rename)
        assertThat(tools).allSatisfy(tool -> assertThat(instructions).contains(tool));
        Matcher named = Pattern.compile(
                        "\\b(?:log|get|list|correct|void|resolve|create|update|archive|stats|verify|report|start|change|add|rotate"
                                + "|revoke|grant)_"
                                + "[a-z_]+")
                .matcher(instructions);
        while (named.find()) {
            assertThat(tools).as("named in the instructions").contains(named.group());
        }
        assertThat(instructions.lines().count()).isLessThanOrEqualTo(12);
        assertThat(instructions.length()).isLessThanOrEqualTo(2_500);
    }

    private static String line(String text, String start) {
        return text.lines()
                .filter(l -> l.contains(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + start + "' in:\n" + text));
    }
}
