package dev.td.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The contract of one tool, read from its JSON manifest: everything the MCP, REST, OpenAPI
 * and CLI faces need to offer it, and nothing they have to repeat.
 *
 * @param name         the tool name agents call (snake_case, e.g. {@code log_events})
 * @param title        a short human title
 * @param description  when to use it and what it returns, written for an agent
 * @param scope        the permission a principal needs to call it (e.g. {@code events:write})
 * @param annotations  behaviour hints (read-only, destructive, idempotent, open-world)
 * @param rest         the REST method and path
 * @param cli          the CLI command name
 * @param inputSchema  JSON Schema (2020-12) of the arguments
 * @param outputSchema JSON Schema (2020-12) of the envelope's {@code data}
 * @param examples     worked examples, each checked against both schemas at build time
 * @param toolset      the toolset MCP clients pick it by: the family of its scope ({@code events:write} → {@code
 *                     events}) unless the manifest names another
 * @param alsoScopes   scopes that also let a principal call it, each for part of what it serves (get_metric_series
 *                     runs under {@code metrics:read} for body metrics or {@code health:read} for sleep, heart and
 *                     wellness); the handler then answers only with what the principal's scopes give
 * @param context      the kinds of context its answers may carry ({@link ContextKind}); hooks add no other
 */
public record ToolManifest(
        String name,
        String title,
        String description,
        String scope,
        Annotations annotations,
        RestBinding rest,
        CliBinding cli,
        JsonNode inputSchema,
        JsonNode outputSchema,
        List<Example> examples,
        String toolset,
        List<String> alsoScopes,
        List<ContextKind> context) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,63}");

    public ToolManifest {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' must be snake_case, 2-64 characters");
        }
        requireText(title, name, "title");
        requireText(description, name, "description");
        requireText(scope, name, "scope");
        requireText(toolset, name, "toolset");
        Objects.requireNonNull(annotations, name + ": annotations");
        Objects.requireNonNull(rest, name + ": rest");
        Objects.requireNonNull(cli, name + ": cli");
        Objects.requireNonNull(inputSchema, name + ": input_schema");
        Objects.requireNonNull(outputSchema, name + ": output_schema");
        if (!"object".equals(inputSchema.path("type").asText())) {
            throw new IllegalArgumentException(name + ": input_schema must be of type object");
        }
        if (examples == null || examples.isEmpty()) {
            throw new IllegalArgumentException(name + ": at least one example is required");
        }
        examples = List.copyOf(examples);
        alsoScopes = List.copyOf(Objects.requireNonNull(alsoScopes, name + ": also_scopes"));
        context = List.copyOf(Objects.requireNonNull(context, name + ": context"));
    }

    /** A tool whose answers carry no context a hook adds. */
    public ToolManifest(
            String name,
            String title,
            String description,
            String scope,
            Annotations annotations,
            RestBinding rest,
            CliBinding cli,
            JsonNode inputSchema,
            JsonNode outputSchema,
            List<Example> examples,
            String toolset,
            List<String> alsoScopes) {
        this(
                name,
                title,
                description,
                scope,
                annotations,
                rest,
                cli,
                inputSchema,
                outputSchema,
                examples,
                toolset,
                alsoScopes,
                List.of());
    }

    /** Whether its answers may carry {@code kind}. */
    public boolean carries(ContextKind kind) {
        return context.contains(kind);
    }

    /** A tool that runs under its one scope. */
    public ToolManifest(
            String name,
            String title,
            String description,
            String scope,
            Annotations annotations,
            RestBinding rest,
            CliBinding cli,
            JsonNode inputSchema,
            JsonNode outputSchema,
            List<Example> examples,
            String toolset) {
        this(
                name,
                title,
                description,
                scope,
                annotations,
                rest,
                cli,
                inputSchema,
                outputSchema,
                examples,
                toolset,
                List.of());
    }

    /** Every scope that lets a principal call the tool: its scope, then {@link #alsoScopes}. */
    public List<String> scopes() {
        List<String> all = new java.util.ArrayList<>();
        all.add(scope);
        all.addAll(alsoScopes);
        return List.copyOf(all);
    }

    /**
     * JSON Schema of the whole envelope {@code {data, context, meta}} with {@code data} as this tool's
     * output schema; definitions are lifted to the root so that {@code #/$defs/…} references resolve.
     */
    public com.fasterxml.jackson.databind.node.ObjectNode envelopeSchema() {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) outputSchema.deepCopy();
        var env = f.objectNode();
        env.put("type", "object");
        env.putArray("required").add("data").add("context").add("meta");
        var props = env.putObject("properties");
        var defs = data.remove("$defs");
        props.set("data", data);
        props.putObject("context")
                .put("type", "object")
                .put(
                        "description",
                        "What the agent should know but did not ask for: anomalies, active injuries, current program, hints");
        var meta = props.putObject("meta");
        meta.put("type", "object");
        meta.putArray("required").add("computed_at").add("request_id").add("cache_hit");
        var mp = meta.putObject("properties");
        mp.putObject("computed_at").put("type", "string");
        mp.putObject("request_id").put("type", "string");
        mp.putObject("projection_version").putArray("type").add("integer").add("null");
        mp.putObject("cache_hit").put("type", "boolean");
        mp.putObject("statistical_quality").putArray("type").add("object").add("null");
        mp.putObject("background")
                .put("type", "object")
                .put(
                        "description",
                        "For answers from analyses kept ready: computed_at, reflects_sequence, head_sequence, stale");
        if (inputSchema.path("properties").has("period")) {
            mp.putObject("period")
                    .put("type", "object")
                    .put("description", "The days answered for (from, to), the period asked and the time zone");
        }
        if (inputSchema.path("properties").has("person")) {
            var person = mp.putObject("person");
            person.put("type", "object");
            person.put(
                    "description",
                    "Whose data the answer is about: id, self, and through a grant the person's handle, role and grant_id");
            person.putArray("required").add("id").add("self");
        }
        if (defs != null) {
            env.set("$defs", defs);
        }
        return env;
    }

    private static void requireText(String value, String tool, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(tool + ": " + field + " must not be blank");
        }
    }

    /** Behaviour hints, as MCP tool annotations define them. */
    public record Annotations(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {}

    /** Where the tool lives in the REST API: an HTTP method and a path, possibly with {@code {param}} parts. */
    public record RestBinding(String method, String path) {
        private static final Pattern METHOD = Pattern.compile("GET|POST|PUT|PATCH|DELETE");
        private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");

        public RestBinding {
            if (method == null || !METHOD.matcher(method).matches()) {
                throw new IllegalArgumentException(
                        "rest.method must be one of GET, POST, PUT, PATCH, DELETE, got " + method);
            }
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("rest.path must start with '/', got " + path);
            }
        }

        /** Names of the {@code {param}} parts of the path, in order. */
        public List<String> pathParameters() {
            return PARAMETER.matcher(path).results().map(m -> m.group(1)).toList();
        }
    }

    /** The CLI command that calls the tool. */
    public record CliBinding(String command) {
        public CliBinding {
            if (command == null || !command.matches("[a-z][a-z0-9-]+")) {
                throw new IllegalArgumentException("cli.command must be kebab-case, got " + command);
            }
        }
    }

    /** A worked example: arguments and an abbreviated {@code data} result. */
    public record Example(String title, JsonNode arguments, JsonNode result) {
        public Example {
            Objects.requireNonNull(title, "example title");
            Objects.requireNonNull(arguments, "example arguments");
            Objects.requireNonNull(result, "example result");
        }
    }

    /** The family of a scope: {@code training:read} → {@code training}; a scope without a colon is its own. */
    public static String familyOf(String scope) {
        int colon = scope.indexOf(':');
        return colon < 0 ? scope : scope.substring(0, colon);
    }
}
