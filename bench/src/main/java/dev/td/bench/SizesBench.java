package dev.td.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.faces.HttpServer;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.AthleteDriver;
import dev.td.testkit.AthleteGenerator;
import dev.td.testkit.McpRequests;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolManifest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * What connecting td costs an agent's context (issue 10), over MCP with the real SDK client: the whole tools/list and
 * each tool's share of it (description, input schema, output schema), then the answer to a typical call of every tool
 * for a one-year athlete (the test kit's generated lifter, plus a daily body weight and HRV). For an answer it prints
 * the JSON an agent reads (the text content, the same JSON as structuredContent) and the whole result on the wire
 * (both copies, the text escaped). Tokens are estimated as characters / 4. Goals: tools/list at most 30,000
 * characters; a typical answer at most 2,000 tokens.
 */
public final class SizesBench {

    private static final String KEY = "td_bench_owner_key_0123456789abcdefghijklmnop";
    private static final int YEARS = Integer.getInteger("bench.years", 1);
    private static final int LIST_BUDGET = 30_000;
    private static final int ANSWER_TOKENS = 2_000;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    private SizesBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("td-sizes-bench");
        LocalDate today = LocalDate.now(ZONE);
        LocalDate start = today.minusYears(YEARS).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        try (TdCore core = TdCore.open(Optional.empty(), dir)) {
            core.accounts().bootstrapOwner(Optional.of(KEY));
            Principal owner = core.accounts().localOwner();
            AthleteDriver.Played played =
                    new AthleteDriver(core).play(owner, new AthleteGenerator(42, start, YEARS, ZONE).actions());
            int readings = logDailyReadings(core, owner, start, today);
            System.out.printf(
                    "td sizes bench: Java %s; %d-year athlete (seed 42): %d workouts, %d corrections, %d voids, %d"
                            + " metric readings%n%n",
                    Runtime.version(), YEARS, played.workouts(), played.corrections(), played.voids(), readings);
            HttpServer http = HttpServer.start(core, new HttpServer.Options("127.0.0.1", 0, List.of(), false, false));
            try (McpSyncClient client = client("http://127.0.0.1:" + http.port())) {
                McpSchema.InitializeResult init = client.initialize();
                toolList(client, init);
                answers(client, core.tools().manifests(), today);
            } finally {
                http.stop();
            }
        }
    }

    private static McpSyncClient client(String base) {
        return McpClient.sync(HttpClientStreamableHttpTransport.builder(base)
                        .endpoint("/mcp")
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + KEY))
                        .build())
                .requestTimeout(Duration.ofMinutes(2))
                .build();
    }

    private static void toolList(McpSyncClient client, McpSchema.InitializeResult init) throws Exception {
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        McpSchema.ListToolsResult list = client.listTools();
        int total = mapper.writeValueAsString(list).length();
        System.out.printf(
                "tools/list: %d tools, %,d characters (~%,d tokens; budget %,d): %s; server instructions %,d"
                        + " characters, sent once%n",
                list.tools().size(),
                total,
                total / 4,
                LIST_BUDGET,
                total <= LIST_BUDGET ? "within" : "OVER",
                init.instructions() == null ? 0 : init.instructions().length());
        System.out.printf("%-26s %7s %7s %7s %7s%n", "tool", "chars", "descr", "input", "output");
        for (McpSchema.Tool tool : list.tools()) {
            System.out.printf(
                    "%-26s %7d %7d %7d %7d%n",
                    tool.name(),
                    mapper.writeValueAsString(tool).length(),
                    tool.description().length(),
                    mapper.writeValueAsString(tool.inputSchema()).length(),
                    tool.outputSchema() == null
                            ? 0
                            : mapper.writeValueAsString(tool.outputSchema()).length());
        }
        System.out.println();
    }

    private static void answers(McpSyncClient client, List<ToolManifest> manifests, LocalDate today) throws Exception {
        System.out.printf(
                "typical answers (agent reads: the JSON text; wire: the whole result, JSON twice); goal <= %,d tokens%n",
                ANSWER_TOKENS);
        System.out.printf("%-26s %-34s %8s %8s %8s  %s%n", "tool", "call", "reads", "~tokens", "wire", "goal");
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> call : calls(manifests, today).entrySet()) {
            String label = call.getKey();
            String tool = label.contains(" ") ? label.substring(0, label.indexOf(' ')) : label;
            ObjectNode arguments = resolveIds(call.getValue(), seen);
            McpSchema.CallToolResult result =
                    client.callTool(McpRequests.callTool(tool, Json.mapper().convertValue(arguments, MAP)));
            String text = ((McpSchema.TextContent) result.content().getFirst()).text();
            int wire = McpJsonDefaults.getMapper().writeValueAsString(result).length();
            seen.put(tool, Json.mapper().readTree(text));
            System.out.printf(
                    "%-26s %-34s %8d %8d %8d  %s%n",
                    tool,
                    label.equals(tool) ? "" : label.substring(tool.length() + 1),
                    text.length(),
                    text.length() / 4,
                    wire,
                    Boolean.TRUE.equals(result.isError())
                            ? "ERROR " + text
                            : (text.length() / 4 <= ANSWER_TOKENS ? "ok" : "OVER"));
        }
    }

    /** One typical call per tool, labelled; extra calls where the typical size depends on the arguments. */
    private static Map<String, ObjectNode> calls(List<ToolManifest> manifests, LocalDate today) {
        String key = "sizes-" + UUID.randomUUID();
        // log_sets adds to a session that began in the last 12 hours
        String anHourAgo = java.time.LocalDateTime.now(ZONE)
                .minusHours(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .toString();
        Map<String, ObjectNode> calls = new LinkedHashMap<>();
        calls.put(
                "log_workout one session",
                object("{\"idempotency_key\":\"" + key + "-w\",\"time_zone\":\"Europe/Berlin\",\"started_at\":\""
                        + anHourAgo
                        + "\",\"exercises\":[" + exercise("bench", 80, 5, 3) + ","
                        + exercise("squat", 100, 5, 3)
                        + "," + exercise("barbell-row", 60, 8, 3) + "," + exercise("dumbbell-lateral-raise", 10, 12, 3)
                        + "]}"));
        calls.put(
                "log_sets 3x12",
                object("{\"idempotency_key\":\"" + key + "-s\",\"exercises\":["
                        + exercise("dumbbell-lateral-raise", 10, 12, 3) + "]}"));
        calls.put(
                "log_events one reading",
                object("{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"" + today
                        + "T07:30:00\",\"time_zone\":\"Europe/Berlin\",\"data\":{\"metric\":\"body_weight\",\"value\":81.4,"
                        + "\"unit\":\"kg\"},\"idempotency_key\":\"" + key + "-e\"}]}"));
        calls.put(
                "correct_event that reading",
                object(
                        "{\"event_id\":\"$log_events\",\"data\":{\"metric\":\"body_weight\",\"value\":82.4,\"unit\":\"kg\"},"
                                + "\"idempotency_key\":\"" + key + "-c\"}"));
        calls.put(
                "void_event that reading",
                object("{\"event_id\":\"$log_events\",\"reason\":\"logged twice\",\"idempotency_key\":\"" + key
                        + "-v\"}"));
        calls.put("get_events defaults (10)", object("{}"));
        calls.put(
                "get_events metrics, 7 days",
                object("{\"types\":[\"metric.recorded\"],\"from\":\"" + today.minusDays(7) + "\"}"));
        calls.put("list_sessions defaults", object("{}"));
        calls.put("list_sessions last 7 days", object("{\"from\":\"" + today.minusDays(7) + "\"}"));
        calls.put("get_session latest", object("{\"session_id\":\"$list_sessions\"}"));
        calls.put("get_exercise_progression bench", object("{\"exercise\":\"bench\"}"));
        calls.put("get_exercise_progression bench, full", object("{\"exercise\":\"bench\",\"detail\":\"full\"}"));
        calls.put("get_volume defaults (12 weeks)", object("{}"));
        calls.put("get_volume 12 weeks, full", object("{\"detail\":\"full\"}"));
        calls.put("get_personal_records all", object("{}"));
        calls.put("get_personal_records all, full", object("{\"detail\":\"full\"}"));
        calls.put("get_personal_records bench", object("{\"exercise\":\"bench\"}"));
        calls.put("list_exercises all", object("{}"));
        calls.put("list_exercises all, full", object("{\"detail\":\"full\"}"));
        calls.put("list_exercises chest", object("{\"muscle\":\"chest\"}"));
        calls.put("get_event_types all", object("{}"));
        calls.put("get_event_types set.logged", object("{\"type\":\"set.logged\"}"));
        calls.put("create_exercise", object("{\"name\":\"Sled Push\",\"idempotency_key\":\"" + key + "-x\"}"));
        calls.put(
                "update_exercise an alias",
                object("{\"exercise_id\":\"$create_exercise\",\"add_aliases\":[\"prowler\"],\"idempotency_key\":\""
                        + key + "-u\"}"));
        calls.put(
                "archive_exercise",
                object("{\"exercise_id\":\"$create_exercise\",\"idempotency_key\":\"" + key + "-a\"}"));
        calls.put("update_profile", object("{\"weight_unit\":\"kg\",\"idempotency_key\":\"" + key + "-p\"}"));
        // the newest session list_sessions showed last: the one log_workout logged above, voided whole
        calls.put(
                "void_session the newest",
                object("{\"session_id\":\"$list_sessions\",\"reason\":\"logged by mistake\",\"idempotency_key\":\""
                        + key + "-vs\"}"));
        for (ToolManifest m : manifests) {
            if (calls.keySet().stream()
                    .noneMatch(label -> label.equals(m.name()) || label.startsWith(m.name() + " "))) {
                calls.put(m.name() + " manifest example", (ObjectNode)
                        m.examples().getFirst().arguments().deepCopy());
            }
        }
        return calls;
    }

    /** {@code "$tool"} in an id field is the id the last answer of that tool gave. */
    private static ObjectNode resolveIds(ObjectNode arguments, Map<String, JsonNode> seen) {
        for (String field : List.of("event_id", "session_id", "exercise_id")) {
            String value = arguments.path(field).asText();
            if (value.startsWith("$")) {
                JsonNode answer = Optional.ofNullable(seen.get(value.substring(1)))
                        .orElseThrow(() -> new IllegalStateException("no answer of " + value.substring(1) + " yet"));
                String id = switch (field) {
                    case "event_id" -> answer.at("/data/events/0/event_id").asText();
                    case "session_id" ->
                        answer.at("/data/sessions/0/session_id").asText();
                    default -> answer.at("/data/exercise/exercise_id").asText();
                };
                arguments.put(field, id);
            }
        }
        return arguments;
    }

    private static String exercise(String name, double weight, int reps, int count) {
        return "{\"exercise\":\"" + name + "\",\"unit\":\"kg\",\"sets\":[{\"weight\":" + weight + ",\"reps\":" + reps
                + ",\"count\":" + count + "}]}";
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** A body weight and an HRV reading every morning from {@code start} to {@code end}. */
    private static int logDailyReadings(TdCore core, Principal owner, LocalDate start, LocalDate end) {
        Random random = new Random(7);
        double weight = 82;
        ArrayNode batch = JSON.arrayNode();
        int count = 0;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            weight += random.nextGaussian() * 0.2;
            batch.add(reading(day, "body_weight", Math.round(weight * 10) / 10.0, "kg"));
            batch.add(reading(day, "hrv_rmssd", Math.round((55 + random.nextGaussian() * 10) * 10) / 10.0, "ms"));
            count += 2;
            if (batch.size() >= 500) {
                logEvents(core, owner, batch);
                batch = JSON.arrayNode();
            }
        }
        if (!batch.isEmpty()) {
            logEvents(core, owner, batch);
        }
        return count;
    }

    private static ObjectNode reading(LocalDate day, String metric, double value, String unit) {
        ObjectNode event = JSON.objectNode()
                .put("type", "metric.recorded")
                .put("occurred_at", day + "T07:00:00")
                .put("time_zone", ZONE.getId())
                .put("idempotency_key", "reading-" + metric + "-" + day);
        event.putObject("data").put("metric", metric).put("value", value).put("unit", unit);
        return event;
    }

    private static void logEvents(TdCore core, Principal owner, ArrayNode events) {
        ObjectNode arguments = JSON.objectNode();
        arguments.set("events", events);
        core.tools()
                .invoke(
                        "log_events",
                        owner,
                        arguments,
                        new ToolCall.Origin(
                                "api", UUID.randomUUID().toString(), Optional.of("sizes-bench"), Optional.empty()));
    }
}
