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
import java.util.TreeSet;

/**
 * Binds each manifest to its handler and runs calls: the single place where arguments are
 * validated, scopes checked and unexpected failures turned into an {@code internal} error.
 */
public final class ToolRegistry implements ToolInvoker {

    private static final System.Logger LOG = System.getLogger(ToolRegistry.class.getName());

    private final Map<String, Binding> bindings;
    private final List<AnswerHook> hooks;
    private final Delegations delegations;
    private final CallScope callScope;
    private final AccessLog accessLog;
    private final CallFrame frame;

    private ToolRegistry(
            Map<String, Binding> bindings,
            List<AnswerHook> hooks,
            Delegations delegations,
            CallScope scope,
            AccessLog accessLog,
            CallFrame frame) {
        this.frame = frame;
        this.hooks = hooks;
        this.bindings = bindings;
        this.delegations = delegations;
        this.callScope = scope;
        this.accessLog = accessLog;
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
        Attempt attempt = new Attempt(principal);
        Optional<ErrorCode> refused = Optional.empty();
        try {
            return invoke(binding, tool, arguments, origin, attempt);
        } catch (ToolException e) {
            refused = Optional.of(e.code());
            throw e;
        } finally {
            if (binding.logged()) {
                record(attempt.acting, binding.manifest(), origin, refused);
            }
        }
    }

    /** The principal a call acts as, once known: the caller's, then the grant's when a person was named. */
    private static final class Attempt {
        Principal acting;

        Attempt(Principal caller) {
            this.acting = caller;
        }
    }

    /** Records the call in the access log, as the principal it acted as; a failure to record is logged, not thrown. */
    private void record(Principal acting, ToolManifest tool, ToolCall.Origin origin, Optional<ErrorCode> refused) {
        CallScope.Binding bound = callScope.bind(acting);
        try {
            accessLog.record(acting, tool, origin, refused);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "could not record " + tool.name() + " in the access log, request " + origin.requestId(),
                    e);
        } finally {
            bound.close();
        }
    }

    private Envelope invoke(Binding binding, String tool, JsonNode arguments, ToolCall.Origin origin, Attempt attempt) {
        Principal principal = attempt.acting;
        JsonNode args = arguments == null || arguments.isNull() || arguments.isMissingNode()
                ? JsonNodeFactory.instance.objectNode()
                : arguments;
        if (!binding.delegable()
                && args.has(PERSON)
                && binding.manifest().scope().contains(":")
                && !binding.manifest().scope().startsWith("account:")
                && !binding.manifest().scope().startsWith("stats:")) {
            throw ToolException.invalid(
                    "$.person",
                    tool + " works on your own data only: a grant lets another person read, and add notes,"
                            + " programs and injuries, never " + tool + "; leave out person");
        }
        Principal acting = principal;
        if (binding.delegable() && args.path(PERSON).isTextual()) {
            InputLimits.check(args); // person goes into a query: no NUL, no lone surrogate, within the limits
            CallScope.Binding caller = callScope.bind(principal);
            try {
                acting = delegations.actAs(principal, args.path(PERSON).textValue());
            } finally {
                caller.close();
            }
            attempt.acting = acting;
        }
        if (binding.manifest().scopes().stream().noneMatch(acting::may)) {
            throw forbidden(tool, binding.manifest().scopes(), acting, "$");
        }
        if (!args.isObject()) {
            throw ToolException.invalid(
                    "$",
                    "the arguments of " + tool + " must be a JSON object, got "
                            + args.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        InputLimits.check(args);
        binding.validator().validate(args);
        CallScope.Binding bound = callScope.bind(acting);
        try {
            ToolCall call = new ToolCall(binding.manifest(), acting, (ObjectNode) args, origin);
            Principal whose = acting;
            return frame.run(call, () -> {
                Envelope answer = binding.handler().handle(call);
                if (binding.delegable()) {
                    answer = new Envelope(
                            answer.data(), answer.context(), answer.meta().withPerson(whose(whose)));
                }
                for (AnswerHook hook : hooks) {
                    answer = hook.after(call, answer);
                }
                return answer;
            });
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
        } finally {
            bound.close();
        }
    }

    /**
     * The 403 for a principal without {@code scope}: the grant lacks it (ask its giver), or the key does (ask for
     * another key). Handlers use it for what a tool serves in parts ({@link ToolManifest#alsoScopes()}).
     */
    public static ToolException forbidden(String tool, String scope, Principal acting) {
        return forbidden(tool, List.of(scope), acting, "$");
    }

    /** {@link #forbidden(String, String, Principal)} about the argument at {@code path}. */
    public static ToolException forbidden(String tool, String scope, Principal acting, String path) {
        return forbidden(tool, List.of(scope), acting, path);
    }

    /** The 403 for a principal with none of {@code scopes} (any one of them would do). */
    private static ToolException forbidden(String tool, List<String> scopes, Principal acting, String path) {
        String words = (scopes.size() > 1 ? "scopes " : "scope ")
                + String.join(" or ", scopes.stream().map(s -> "'" + s + "'").toList());
        boolean grantGivesOne = acting.delegation()
                .map(grant -> scopes.stream().anyMatch(s -> Principal.allows(grant.grantScopes(), s)))
                .orElse(true);
        return new ToolException(ErrorCode.FORBIDDEN, path, missingScope(tool, words, acting, grantGivesOne));
    }

    private static String missingScope(String tool, String scope, Principal acting, boolean grantGivesOne) {
        if (acting.delegation().isPresent()) {
            Principal.Delegation grant = acting.delegation().get();
            if (!grantGivesOne) {
                return grant.person() + "'s " + grant.role() + " grant to you does not include the " + scope
                        + " that " + tool + " needs (it gives " + String.join(", ", new TreeSet<>(grant.grantScopes()))
                        + "); ask " + grant.person() + " to add it with grant_access";
            }
            return "this API key lacks the " + scope + " that " + tool + " needs (" + grant.person()
                    + "'s grant includes it); use a key of yours with that scope";
        }
        return "this API key lacks the " + scope + " that " + tool
                + " needs; ask the data owner for a key or grant with that scope";
    }

    /** {@code meta.person}: whose data the answer is about. */
    private static ObjectNode whose(Principal acting) {
        ObjectNode person = JsonNodeFactory.instance.objectNode();
        person.put("id", acting.userId().toString());
        person.put("self", acting.delegation().isEmpty());
        acting.delegation().ifPresent(d -> {
            person.put("handle", d.person());
            person.put("role", d.role());
            person.put("grant_id", d.grantId().toString());
        });
        return person;
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

    /** The argument naming whose data a call is about; tools that take it may be called through a grant. */
    public static final String PERSON = "person";

    private record Binding(ToolManifest manifest, ArgumentValidator validator, ToolHandler handler) {
        boolean delegable() {
            return manifest.inputSchema().path("properties").has(PERSON);
        }

        /** Calls the access log records: all but the statistics on numbers passed in (no one's data). */
        boolean logged() {
            return !manifest.scope().startsWith("stats:");
        }
    }

    /**
     * Collects handlers; a second handler for one tool, or a handler without a manifest, is refused at
     * once, and {@link #build()} fails if a manifest has no handler.
     */
    public static final class Builder {
        private final ToolCatalog catalog;
        private final Map<String, ToolHandler> handlers = new LinkedHashMap<>();
        private final List<AnswerHook> hooks = new java.util.ArrayList<>();
        private Delegations delegations = Delegations.SELF_ONLY;
        private CallScope scope = CallScope.NONE;
        private AccessLog accessLog = AccessLog.NONE;
        private java.util.Optional<CallFrame> frame = java.util.Optional.empty();

        private Builder(ToolCatalog catalog) {
            this.catalog = catalog;
        }

        /** The manifests handlers are registered for (a capability that lists scopes reads them here). */
        public List<ToolManifest> manifests() {
            return catalog.all();
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

        /** How calls naming another person ({@code person}) are turned into calls on their data. */
        public Builder delegations(Delegations delegations) {
            this.delegations = java.util.Objects.requireNonNull(delegations, "delegations");
            return this;
        }

        /** How a call's principal is bound to the thread that runs it (td: for row-level security). */
        public Builder scope(CallScope scope) {
            this.scope = java.util.Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** Where every call on a person's data, and every refusal, is recorded. */
        public Builder accessLog(AccessLog accessLog) {
            this.accessLog = java.util.Objects.requireNonNull(accessLog, "accessLog");
            return this;
        }

        /** The frame every call's handler and hooks run in (td: the record as of a past moment); one per registry. */
        public Builder frame(CallFrame frame) {
            if (this.frame.isPresent()) {
                throw new IllegalStateException("the registry already has a call frame");
            }
            this.frame = java.util.Optional.of(frame);
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
            return new ToolRegistry(
                    java.util.Collections.unmodifiableMap(bindings),
                    List.copyOf(hooks),
                    delegations,
                    scope,
                    accessLog,
                    frame.orElse(CallFrame.NONE));
        }
    }
}
