package dev.td.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Authenticator;
import dev.td.tools.Envelope;
import dev.td.tools.ErrorCode;
import dev.td.tools.InputLimits;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolInvoker;
import dev.td.tools.ToolManifest;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.UUID;

/**
 * The REST face: one route per tool at its manifest's method and path, the generic
 * {@code POST /v1/tools/{tool}}, and {@code GET /openapi.json}. It only translates: bearer key →
 * principal, query/path/body → arguments, envelope → JSON, {@link ToolException} → problem+json.
 */
public final class RestGateway implements HttpService {

    private static final System.Logger LOG = System.getLogger(RestGateway.class.getName());
    private static final String PROBLEM_JSON = "application/problem+json";
    /** Where files too big for a call's arguments are uploaded. */
    public static final String UPLOADS = "/v1/uploads";
    /** Where export_data's zips are downloaded. */
    public static final String EXPORTS = "/v1/exports/{export_id}";

    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final ToolInvoker tools;
    private final Authenticator authenticator;
    private final int maxBodyBytes;
    private final byte[] openApi;
    private final ObjectMapper json = Json.mapper();
    private final Optional<Uploader> uploader;
    private final Optional<Downloads> downloads;

    /**
     * @param maxBodyBytes request bodies larger than this are refused with 413
     * @param version      the td version shown in the OpenAPI document
     */
    public RestGateway(ToolInvoker tools, Authenticator authenticator, int maxBodyBytes, String version) {
        this(tools, authenticator, maxBodyBytes, version, Optional.empty(), Optional.empty());
    }

    /**
     * With {@code PUT /v1/uploads} taking files for {@code uploader} and {@code GET /v1/exports/{export_id}} serving
     * the files of {@code downloads}.
     */
    public RestGateway(
            ToolInvoker tools,
            Authenticator authenticator,
            int maxBodyBytes,
            String version,
            Optional<Uploader> uploader,
            Optional<Downloads> downloads) {
        this.uploader = uploader;
        this.downloads = downloads;
        this.tools = tools;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
        try {
            this.openApi = json.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(OpenApiDocument.generate(
                            tools.manifests(),
                            version,
                            uploader.map(Uploader::scope),
                            downloads.map(Downloads::scope)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi.json", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(openApi);
        });
        rules.post("/v1/tools/{tool}", (req, res) -> handle(req, res, Optional.empty()));
        uploader.ifPresent(u -> rules.put(UPLOADS, (req, res) -> upload(req, res, u)));
        downloads.ifPresent(d -> rules.get(EXPORTS, (req, res) -> download(req, res, d)));
        for (ToolManifest tool : tools.manifests()) {
            rules.route(
                    Method.create(tool.rest().method()),
                    tool.rest().path(),
                    (req, res) -> handle(req, res, Optional.of(tool)));
        }
    }

    private void handle(ServerRequest req, ServerResponse res, Optional<ToolManifest> bound) {
        answering(req, res, "request", requestId -> {
            Principal principal = authenticate(req);
            String name = bound.map(ToolManifest::name)
                    .orElseGet(() -> req.path().pathParameters().get("tool"));
            JsonNode arguments =
                    bound.isPresent() && bound.get().rest().method().equals("GET")
                            ? QueryArguments.from(req.query(), bound.get().inputSchema())
                            : body(req);
            if (bound.isPresent()) {
                for (String param : bound.get().rest().pathParameters()) {
                    ((ObjectNode) arguments)
                            .put(param, req.path().pathParameters().get(param));
                }
            }
            ToolCall.Origin origin = new ToolCall.Origin(
                    source(req), requestId, req.headers().first(HeaderNames.USER_AGENT), Optional.empty());
            Envelope envelope = tools.invoke(name, principal, arguments, origin);
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(json.writeValueAsBytes(envelope.toJson()));
        });
    }

    /** {@code PUT /v1/uploads?name=FILE}: the raw body kept for a tool that reads it by id. */
    private void upload(ServerRequest req, ServerResponse res, Uploader uploader) {
        answering(req, res, "upload", requestId -> {
            Principal principal = authenticate(req, uploader.scope(), "uploading");
            String name = req.query().first("name").orElse("").strip();
            if (name.isEmpty() || name.length() > 255) {
                throw ToolException.invalid(
                        "$.name",
                        "name the file in the query, e.g. PUT /v1/uploads?name=export.zip (at most 255 characters)");
            }
            if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                // the name goes into the import report and the events' provenance, where a NUL cannot be stored
                throw ToolException.invalid(
                        "$.name",
                        "the file's name has a control character (a NUL, a line break…); send its plain name, e.g. "
                                + "export.zip");
            }
            ObjectNode answer;
            try (InputStream body = req.content().inputStream()) {
                answer = uploader.upload(principal, name, body);
            }
            res.status(Status.CREATED_201);
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            ObjectNode envelope = json.createObjectNode();
            envelope.set("data", answer);
            envelope.putObject("context");
            envelope.putObject("meta").put("request_id", requestId);
            res.send(json.writeValueAsBytes(envelope));
        });
    }

    /** {@code GET /v1/exports/{export_id}}: the principal's file, streamed; anyone else's is not found. */
    private void download(ServerRequest req, ServerResponse res, Downloads downloads) {
        answering(req, res, "download", requestId -> {
            Principal principal = authenticate(req, downloads.scope(), "downloading an export");
            ToolCall.Origin origin = new ToolCall.Origin(
                    source(req), requestId, req.headers().first(HeaderNames.USER_AGENT), Optional.empty());
            String id = req.path().pathParameters().get("export_id");
            Optional<Downloads.Download> found = downloads.find(principal, id);
            if (found.isEmpty()) {
                downloads.downloaded(principal, origin, Optional.of(ErrorCode.NOT_FOUND));
                throw ToolException.notFound(
                        "$.export_id",
                        "no export " + id + " of yours (exports are kept a day); make a new one with export_data");
            }
            Downloads.Download file = found.get();
            res.header(HeaderNames.CONTENT_TYPE, file.contentType());
            res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"");
            res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(file.bytes()));
            try (InputStream in = Files.newInputStream(file.file());
                    OutputStream out = res.outputStream()) {
                in.transferTo(out);
            }
            downloads.downloaded(principal, origin, Optional.empty());
        });
    }

    /** One exchange of a route: what it writes to its response, given the request id. */
    @FunctionalInterface
    private interface Exchange {
        void run(String requestId) throws IOException;
    }

    /**
     * Runs a route's exchange with the request id set, answering a {@link ToolException} as problem+json and anything
     * else as a logged 500 (unless the answer had begun).
     */
    private void answering(ServerRequest req, ServerResponse res, String what, Exchange exchange) {
        String requestId = requestId(req);
        res.header("X-Request-Id", requestId);
        try {
            exchange.run(requestId);
        } catch (ToolException e) {
            problem(req, res, e, requestId);
        } catch (RuntimeException | IOException e) {
            LOG.log(System.Logger.Level.ERROR, what + " " + requestId + " failed", e);
            if (!res.isSent()) {
                problem(
                        req,
                        res,
                        new ToolException(ErrorCode.INTERNAL, "$", "internal error; report request id " + requestId),
                        requestId);
            }
        }
    }

    /** The key's principal, refused unless it has {@code scope}, which {@code doing} needs. */
    private Principal authenticate(ServerRequest req, String scope, String doing) {
        Principal principal = authenticate(req);
        if (!principal.may(scope)) {
            throw new ToolException(
                    ErrorCode.FORBIDDEN, "$", doing + " needs the " + scope + " scope; use a key that has it");
        }
        return principal;
    }

    private Principal authenticate(ServerRequest req) {
        Optional<String> bearer = bearer(req);
        if (bearer.isEmpty()) {
            throw new ToolException(
                    ErrorCode.UNAUTHENTICATED,
                    "$",
                    "send your td API key as 'Authorization: Bearer td_…' (the server printed the owner's key on first start)");
        }
        String key = bearer.get();
        return authenticator
                .authenticate(key)
                .orElseThrow(() -> new ToolException(ErrorCode.UNAUTHENTICATED, "$", authenticator.whyRefused(key)));
    }

    /** The key of the request's {@code Authorization: Bearer} header (the scheme in any case, RFC 7235 §2.1). */
    private static Optional<String> bearer(ServerRequest req) {
        return req.headers()
                .first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }

    private JsonNode body(ServerRequest req) throws IOException {
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes(maxBodyBytes + 1);
        }
        if (bytes.length > maxBodyBytes) {
            throw new ToolException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "$",
                    "the request body is larger than " + maxBodyBytes
                            + " bytes; split the call (log_events takes at most 1000 events per call)");
        }
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ToolException.invalid("$", "the request body must be a JSON object with the tool's arguments");
            }
            return node;
        } catch (NumberFormatException e) {
            // Jackson reports a number it cannot represent (an exponent beyond ±2^31) this way, not as a parse error
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw ToolException.invalid(
                    "$",
                    "the request body holds a number td cannot read ("
                            + (reason.length() > 120 ? reason.substring(0, 117) + "..." : reason)
                            + "); numbers must lie between 1e-" + InputLimits.MAX_EXPONENT + " and 1e"
                            + InputLimits.MAX_EXPONENT);
        } catch (JsonProcessingException e) {
            String reason = e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                    ? e.getOriginalMessage().lines().findFirst().orElse("").strip()
                    : e.getOriginalMessage().split("[(\n]", -1)[0].strip();
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String fix = e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                    ? "; td reads at most " + InputLimits.READ_DEPTH + " levels of nesting, keys of "
                            + InputLimits.READ_NAME_LENGTH + " characters and numbers of "
                            + InputLimits.READ_NUMBER_LENGTH + " characters (tool arguments: " + InputLimits.MAX_DEPTH
                            + " levels, keys of " + InputLimits.MAX_KEY_LENGTH + ")"
                    : "; send the tool's arguments as one JSON object";
            throw ToolException.invalid("$", "the request body is not valid JSON: " + reason + where + fix);
        }
    }

    private void problem(ServerRequest req, ServerResponse res, ToolException e, String requestId) {
        ObjectNode p = json.createObjectNode();
        p.put("type", "https://td.dev/problems/" + e.code().wireName());
        p.put("title", e.code().meaning());
        p.put("status", e.code().httpStatus());
        p.put("detail", e.getMessage());
        p.put("code", e.code().wireName());
        p.put("path", e.path());
        p.put("request_id", requestId);
        e.details().ifPresent(d -> p.set("details", d));
        res.status(Status.create(e.code().httpStatus()));
        res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        if (e.code() == ErrorCode.UNAUTHENTICATED) {
            // RFC 6750 §3: a refused token says invalid_token, so a client does not take it for a login prompt
            boolean tokenGiven = bearer(req).isPresent();
            res.header(
                    HeaderNames.WWW_AUTHENTICATE,
                    tokenGiven ? "Bearer realm=\"td\", error=\"invalid_token\"" : "Bearer realm=\"td\"");
        }
        res.send(p.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String source(ServerRequest req) {
        return req.headers()
                .first(HeaderNames.create("X-Td-Source"))
                .filter("cli"::equals)
                .orElse("api");
    }

    private static String requestId(ServerRequest req) {
        return req.headers()
                .first(HeaderNames.create("X-Request-Id"))
                .filter(id -> REQUEST_ID.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
