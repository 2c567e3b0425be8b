package dev.td.server.faces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.server.events.EventTypes;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.Progress;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolInvoker;
import dev.td.tools.ToolManifest;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The MCP face: every tool manifest becomes an MCP tool (annotations, compact input and output schemas, see
 * {@link ToolSchemas}; structuredContent plus the same JSON as text); the event-type catalog and the tools' full
 * output schemas are resources. A caller sees only the tools of the toolsets it picked whose scope its key has.
 * It only translates between MCP and the {@link ToolInvoker}.
 */
final class McpFace {

    /**
     * Sent once when a client connects: which tool answers which kind of question, the rules every write follows
     * and what an answer holds beside its data (the output schemas leave {@code context} and {@code meta} to this).
     */
    static final String INSTRUCTIONS = """
            td is the person's training record: immutable events, projections and statistics kept ready. Which tool for what:
            - First, to know the person now (7/28 days, fatigue, injuries, program): get_overview (as_of: a past day); standing out: get_insights.
            - Training done: log_workout (a strength session) or log_sets (sets added to the current one); log_activity (run, ride, swim…; 52:30 or seconds, distance with unit). What a plan would change: what_if.
            - What they did: list_sessions, get_session, list_activities, get_activity. Progress: get_exercise_progression, get_endurance_progression; bests: get_personal_records; sets per muscle: get_volume. Fatigue: get_training_load. Jan vs Feb: compare_periods.
            - Readings (weight, sleep, HRV, resting HR, mood, food, custom): log_metrics; get_metric_series (baseline, trend; no metric: all). Sleep or load vs performance: get_correlations; unusual: get_anomalies.
            - Pain or injury: report_injury, resolve_injury, get_injuries. A plan: start_program, change_program_phase, get_program. A note: add_note.
            - Anything else: log_events (kinds and fields: get_event_types); read: get_events. Files: import_file, get_import, export_data.
            - A wrong value: correct_event (the fields to change). Not meant: void_event; a session: void_session. Nothing is edited in place.
            - Catalog: resolve_exercise, list_exercises, create_exercise, update_exercise, archive_exercise. Stats on numbers you pass in: stats_describe, stats_compare, stats_correlate, stats_trend, stats_regression.
            - Profile: get_profile, update_profile. Proof: verify_chain; of a claim: get_evidence. Account: list_keys, create_key, update_key, rotate_key, revoke_key, grant_access, list_grants, revoke_grant, get_access_log; shared: person.
            Writes: each takes an idempotency_key you choose; after a timeout retry with the same key and arguments, a changed call needs a new key. Times: 2026-11-24T18:00:00+01:00, or local in time_zone (default theirs); a date is that day in their zone; read tools also take a period in words (last week, letzte Woche). Weights need a unit (kg or lb). Names resolve as said (bench, Bankdrücken): an unknown or ambiguous one is refused with candidates: ask, never guess. Implausible values are refused: ask, then repeat with confirm_unusual: true.
            Every answer is {data, context, meta}. context: what you did not ask but should know (new records, injuries touching it, program phase, anomalies). meta: when, how, whose. Output schemas: td://tools/{name}/output-schema.""";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ToolInvoker tools;
    private final Toolsets toolsets;
    private final Map<String, List<String>> scopes;
    private final Function<McpTransportContext, McpCaller> callerOf;
    private final McpPrompts prompts;
    private final McpResources resources;
    private final ObjectMapper json = Json.mapper();

    /**
     * @param callerOf who is calling and which toolsets they picked, from the request's transport context (the
     *     transport's authenticated caller over HTTP, the local owner on stdio)
     * @param exerciseNames exercise names of a person's catalog matching what was typed, best first
     */
    McpFace(
            ToolInvoker tools,
            EventTypes eventTypes,
            Function<McpTransportContext, McpCaller> callerOf,
            BiFunction<UUID, String, List<String>> exerciseNames) {
        this.tools = tools;
        this.toolsets = Toolsets.of(tools.manifests());
        this.scopes = tools.manifests().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(ToolManifest::name, ToolManifest::scopes));
        this.callerOf = callerOf;
        this.prompts = new McpPrompts(
                exchange -> callerOf.apply(exchange.transportContext()).principal(), exerciseNames);
        this.resources = new McpResources(eventTypes, tools.manifests());
    }

    /** The toolsets clients of this face can pick from. */
    Toolsets toolsets() {
        return toolsets;
    }

    /** Adds td's capabilities, tools, resources, prompts and completions to an MCP server specification. */
    <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
            McpServer.SyncSpecification<S> spec, String version) {
        return spec.serverInfo("td", version)
                .jsonMapper(new RequestParams(io.modelcontextprotocol.json.McpJsonDefaults.getMapper()))
                .instructions(INSTRUCTIONS)
                .validateToolInputs(false)
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(true)
                        .resources(false, true)
                        .prompts(true)
                        .logging()
                        .completions()
                        .build())
                .tools(tools.manifests().stream().map(this::tool).toList())
                .addToolFilter((context, tool) -> offered(callerOf.apply(context), tool.name()))
                .resources(resources.eventTypes())
                .resourceTemplates(resources.outputSchemas())
                .prompts(prompts.prompts())
                .completions(prompts.completions());
    }

    /** Whether the caller sees {@code tool}: it is in a toolset they picked, and their key has a scope it runs under. */
    private boolean offered(McpCaller caller, String tool) {
        return toolsets.offers(caller.toolsets(), tool)
                && Optional.ofNullable(scopes.get(tool))
                        .map(needed -> needed.stream().anyMatch(caller.principal()::may))
                        .orElse(true);
    }

    /**
     * The tool as {@code tools/list} shows it: name, description, schemas and hints. The manifest's title is left
     * out (25 tools: ~670 characters): models never see it, and clients show the name without one.
     */
    private static McpSchema.Tool listed(ToolManifest m) {
        return McpSchema.Tool.builder(m.name(), map(ToolSchemas.input(m.inputSchema())))
                .description(m.description())
                .outputSchema(map(ToolSchemas.output()))
                .annotations(annotations(m.annotations()))
                .build();
    }

    /**
     * The hints, without what the spec's defaults already say (readOnlyHint false, idempotentHint false) or what it
     * ignores on a read-only tool (destructiveHint, idempotentHint), nor a title. A read-only tool
     * thus says {@code readOnlyHint: true, openWorldHint: false}, a write {@code destructiveHint}, {@code
     * idempotentHint} (when true) and {@code openWorldHint}.
     */
    private static McpSchema.ToolAnnotations annotations(ToolManifest.Annotations a) {
        return new McpSchema.ToolAnnotations(
                null,
                a.readOnly() ? Boolean.TRUE : null,
                a.readOnly() ? null : a.destructive(),
                (!a.readOnly() && a.idempotent()) ? Boolean.TRUE : null,
                a.openWorld(),
                null);
    }

    private McpServerFeatures.SyncToolSpecification tool(ToolManifest m) {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(listed(m))
                .callHandler((exchange, request) -> call(m, exchange, request))
                .build();
    }

    private McpSchema.CallToolResult call(
            ToolManifest m, McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            McpCaller caller = callerOf.apply(exchange.transportContext());
            if (caller.toolsets().picked() && !toolsets.offers(caller.toolsets(), m.name())) {
                throw ToolException.notFound(
                        "$",
                        m.name() + " is in the toolset '"
                                + toolsets.toolsetOf(m.name()).orElseThrow()
                                + "', which this connection did not pick (it picked " + caller.toolsets()
                                + "); add it to X-MCP-Toolsets, the /mcp/x/ path or --toolsets");
            }
            Principal principal = caller.principal();
            JsonNode args = json.valueToTree(request.arguments() == null ? Map.of() : request.arguments());
            Optional<String> client =
                    Optional.ofNullable(exchange.getClientInfo()).map(i -> i.name() + "/" + i.version());
            ToolCall.Origin origin =
                    new ToolCall.Origin("mcp", requestId, client, Optional.ofNullable(exchange.sessionId()));
            Object token = request.progressToken();
            Progress.Binding bound = token == null
                    ? () -> {}
                    : Progress.bind((done, total, message) ->
                            exchange.progressNotification(McpSchema.ProgressNotification.builder(token, done)
                                    .total(total > 0 ? total : null)
                                    .message(message)
                                    .build()));
            JsonNode answer;
            try {
                answer = tools.invoke(m.name(), principal, args, origin).toJson();
            } finally {
                bound.close();
            }
            // the same JSON twice, as the spec asks (clients that read only text content still get the answer);
            // compact, so a client that shows the model one of them pays for the data once, without indentation
            return McpSchema.CallToolResult.builder()
                    .structuredContent(json.convertValue(answer, MAP))
                    .addTextContent(json.writeValueAsString(answer))
                    .isError(false)
                    .build();
        } catch (ToolException e) {
            return McpSchema.CallToolResult.builder()
                    .addTextContent(e.toJson().toString())
                    .isError(true)
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(JsonNode node) {
        return Json.mapper().convertValue(node, MAP);
    }
}
