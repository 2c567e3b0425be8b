package dev.td.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Binds each manifest to its handler and runs calls: the single place where arguments are
 * validated, scopes checked and unexpected failures turned into an {@code internal} error.
 */
public final class ToolRegistry implements ToolInvoker {

    private static final System.Logger LOG = System.getLogger(ToolRegistry.class.getName());

    private final Map<String, Binding> bindings;
    private final List<AnswerHook> hooks;

    private ToolRegistry(Map<String, Binding> bindings, List<AnswerHook> hooks) {
        this.hooks = hooks;
        this.bindings = bindings;
    }

    public static Builder builder(ToolCatalog catalog) {
        return new Builder(catalog);
    }

    @Override
    public List<ToolManifest> manifests() {
        return bindings.values().stream().map(Binding::manifest).toList();
    }

    @Override
    public Envelope invoke(String tool, Principal principal, JsonNode arguments, ToolCall.Origin origin) {
        Binding binding = bindings.get(tool);
        if (binding == null) {
            throw ToolException.notFound(
                    "$",
                    "unknown tool '" + tool
                            + "'; the tool list (MCP tools/list, GET /openapi.json, td --help) names all "
                            + bindings.size() + " tools: " + String.join(", ", bindings.keySet()));
        }
        if (!principal.may(binding.manifest().scope())) {
            throw new ToolException(
                    ErrorCode.FORBIDDEN,
                    "$",
                    "this API key lacks the scope '" + binding.manifest().scope() + "' that " + tool
                            + " needs; ask the data owner for a key or grant with that scope");
        }
        JsonNode args = arguments == null || arguments.isNull() || arguments.isMissingNode()
                ? JsonNodeFactory.instance.objectNode()
                : arguments;
        if (!args.isObject()) {
            throw ToolException.invalid(
                    "$",
                    "the arguments of " + tool + " must be a JSON object, got "
                            + args.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        InputLimits.check(args);
        binding.validator().validate(args);
        try {
            ToolCall call = new ToolCall(binding.manifest(), principal, (ObjectNode) args, origin);
            Envelope answer = binding.handler().handle(call);
            for (AnswerHook hook : hooks) {
                answer = hook.after(call, answer);
            }
            return answer;
        } catch (ToolException e) {
            throw e;
        } catch (RuntimeException e) {
            Optional<String> busy = outOfTime(e);
            if (busy.isPresent()) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "tool " + tool + " ran out of time, request " + origin.requestId() + ": " + busy.get());
                throw new ToolException(
                        ErrorCode.UNAVAILABLE,
                        "$",
                        tool + " " + busy.get() + "; nothing was stored. Retry with the same idempotency key"
                                + " (a read: ask for less, e.g. a shorter range)");
            }
            LOG.log(System.Logger.Level.ERROR, "tool " + tool + " failed, request " + origin.requestId(), e);
            throw new ToolException(
                    ErrorCode.INTERNAL,
                    "$",
                    "internal error in " + tool
                            + "; nothing was stored. Retry with the same idempotency key; if it persists, report request id "
                            + origin.requestId());
        }
    }

    /**
     * Whether a failure is the server's time or capacity running out rather than a fault: a statement
     * cancelled by its time budget (SQLSTATE 57014), no pooled connection free in time, or the
     * database going away (class 08, 57P01). Those are answered {@code unavailable} (503), which a
     * client may retry; the transaction was rolled back.
     */
    static Optional<String> outOfTime(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return Optional.of("found no free database connection in time (the server is busy)");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("57014")) {
                    return Optional.of(
                            "took longer than the server's time budget for one database statement and was cancelled");
                }
                if (state.startsWith("08") || state.equals("57P01")) {
                    return Optional.of("lost its database connection (" + state + ")");
                }
            }
        }
        return Optional.empty();
    }

    private record Binding(ToolManifest manifest, ArgumentValidator validator, ToolHandler handler) {}

    /**
     * Collects handlers; a second handler for one tool, or a handler without a manifest, is refused at
     * once, and {@link #build()} fails if a manifest has no handler.
     */
    public static final class Builder {
        private final ToolCatalog catalog;
        private final Map<String, ToolHandler> handlers = new LinkedHashMap<>();
        private final List<AnswerHook> hooks = new java.util.ArrayList<>();

        private Builder(ToolCatalog catalog) {
            this.catalog = catalog;
        }

        public Builder handle(String tool, ToolHandler handler) {
            if (catalog.find(tool).isEmpty()) {
                throw new IllegalArgumentException("no manifest for tool " + tool);
            }
            if (handlers.putIfAbsent(tool, handler) != null) {
                throw new IllegalStateException(
                        "tool " + tool + " already has a handler: two capabilities register it");
            }
            return this;
        }

        /** Adds a hook every successful answer passes through, after the hooks added before it. */
        public Builder after(AnswerHook hook) {
            hooks.add(java.util.Objects.requireNonNull(hook, "hook"));
            return this;
        }

        public ToolRegistry build() {
            Map<String, Binding> bindings = new LinkedHashMap<>();
            for (ToolManifest manifest : catalog.all()) {
                ToolHandler handler = handlers.get(manifest.name());
                if (handler == null) {
                    throw new IllegalStateException("tool " + manifest.name() + " has a manifest but no handler");
                }
                bindings.put(
                        manifest.name(),
                        new Binding(
                                manifest,
                                ArgumentValidator.of(manifest.inputSchema(), "arguments of " + manifest.name()),
                                handler));
            }
            return new ToolRegistry(java.util.Collections.unmodifiableMap(bindings), List.copyOf(hooks));
        }
    }
}
