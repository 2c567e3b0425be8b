package dev.td.server.faces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Completing an exercise name in a prompt argument through the real MCP client: names starting with what was typed
 * come first, the person's most logged among them first of all.
 *
 * <p>Expected orders are read off the community catalog (td/exercises/community.json) by hand: for "ben", six
 * exercises have a name or alias starting with it (Barbell Bench Press: "bench"; Barbell Row: "bent over row";
 * Dumbbell Bench Press and Smith Machine Bench Press: "Bench Press (…)"; Dumbbell Reverse Fly: "bent over lateral
 * raise"; One-Arm Dumbbell Row: "Bent Over One Arm Row"); the first four also have a word starting with "ben"
 * ("barbell bench", "barbell bent over row", …), the last two do not; four more only have such a word (Close-Grip,
 * Decline, Incline Barbell, Incline Dumbbell Bench Press); Back Extension only contains it ("Rumpfheben").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExerciseCompletionTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static List<String> complete(String typed) {
        try (McpSyncClient client = McpClients.owner(server)) {
            return client.completeCompletion(McpRequests.completePromptArgument("exercise_progress", "exercise", typed))
                    .completion()
                    .values();
        }
    }

    private static void logSets(String key, String exercise, int sets) {
        try (McpSyncClient client = McpClients.owner(server)) {
            McpSchema.CallToolResult logged = client.callTool(McpRequests.callTool(
                    "log_workout",
                    Map.of(
                            "idempotency_key",
                            key,
                            "started_at",
                            "2026-11-20T18:00:00+01:00",
                            "exercises",
                            List.of(Map.of(
                                    "exercise",
                                    exercise,
                                    "unit",
                                    "kg",
                                    "sets",
                                    List.of(Map.of("weight", 60, "reps", 8, "count", sets)))))));
            assertThat(logged.isError()).as(logged.content().toString()).isFalse();
        }
    }

    @Test
    @Order(1)
    void namesStartingWithWhatWasTypedComeBeforeNamesThatOnlyContainIt() {
        List<String> offered = complete("ben");
        assertThat(offered)
                .startsWith(
                        "Barbell Bench Press",
                        "Barbell Row",
                        "Dumbbell Bench Press",
                        "Smith Machine Bench Press",
                        "Dumbbell Reverse Fly",
                        "One-Arm Dumbbell Row",
                        "Close-Grip Bench Press",
                        "Decline Barbell Bench Press",
                        "Incline Barbell Bench Press",
                        "Incline Dumbbell Bench Press");
        assertThat(offered).contains("Back Extension");
    }

    @Test
    @Order(2)
    void theExerciseThePersonLoggedMostSetsOfComesFirst() {
        logSets("completion-dumbbell", "dumbbell-bench-press", 3);
        assertThat(complete("ben")).startsWith("Dumbbell Bench Press", "Barbell Bench Press", "Barbell Row");
        logSets("completion-barbell", "Bench Press", 5);
        assertThat(complete("ben")).startsWith("Barbell Bench Press", "Dumbbell Bench Press", "Barbell Row");
    }

    @Test
    @Order(3)
    void usageNeverLiftsANameAboveOneStartingWithWhatWasTyped() {
        // "bench" starts a name of Barbell, Dumbbell and Smith Machine Bench Press; Incline Barbell Bench Press only
        // has a word starting with it. Ten sets of it (more than of any other) put it first after those three
        logSets("completion-incline", "incline-barbell-bench-press", 10);
        assertThat(complete("bench"))
                .startsWith(
                        "Barbell Bench Press",
                        "Dumbbell Bench Press",
                        "Smith Machine Bench Press",
                        "Incline Barbell Bench Press",
                        "Close-Grip Bench Press");
    }
}
