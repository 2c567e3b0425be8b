package dev.td.mcp;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.modelcontextprotocol.common.McpTransportContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks every MCP HTTP request passes before it reaches the SDK: Host and Origin
 * validation against DNS rebinding ({@code 403}), authentication ({@code 401}) and a request
 * body size limit ({@code 413}).
 *
 * <p>Immutable; configure by chaining {@code with…} calls on {@link #localhostOnly()}:
 * <pre>{@code
 * McpRequestGuard.localhostOnly()
 *     .withAllowedHosts("td.example.com")
 *     .withAuthenticator(request -> apiKeys.principalFor(request))
 * }</pre>
 *
 * <p>Hosts and origins are matched case-insensitively. An entry without a port ({@code localhost})
 * matches any port; {@code host:port} matches that port only; an origin entry with a scheme
 * ({@code https://app.example.com}) must match the Origin header exactly; {@code *} allows
 * anything. Requests without an Origin header (non-browser clients) pass the origin check.
 */
public final class McpRequestGuard {

    /** Key of the authenticated principal in the SDK's {@code McpTransportContext}. */
    public static final String PRINCIPAL = "principal";

    /** Default body limit: 4 MiB, far above any JSON-RPC message an agent sends. */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    private static final Set<String> LOCALHOST = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final String ANY = "*";

    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;
    private final Optional<McpRequestAuthenticator> authenticator;
    private final long maxBodyBytes;

    private McpRequestGuard(
            Set<String> allowedHosts,
            Set<String> allowedOrigins,
            Optional<McpRequestAuthenticator> authenticator,
            long maxBodyBytes) {
        this.allowedHosts = allowedHosts;
        this.allowedOrigins = allowedOrigins;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Accepts Host and Origin {@code localhost}, {@code 127.0.0.1} and {@code [::1]} on any port; no authentication. */
    public static McpRequestGuard localhostOnly() {
        return new McpRequestGuard(LOCALHOST, LOCALHOST, Optional.empty(), DEFAULT_MAX_BODY_BYTES);
    }

    /** Replaces the allowed Host header values. */
    public McpRequestGuard withAllowedHosts(String... hosts) {
        return new McpRequestGuard(normalized(hosts), allowedOrigins, authenticator, maxBodyBytes);
    }

    /** Replaces the allowed Origin header values. */
    public McpRequestGuard withAllowedOrigins(String... origins) {
        return new McpRequestGuard(allowedHosts, normalized(origins), authenticator, maxBodyBytes);
    }

    /** Allows these Origin header values in addition to those already allowed (e.g. the localhost ones). */
    public McpRequestGuard withExtraAllowedOrigins(String... origins) {
        Set<String> all = new HashSet<>(allowedOrigins);
        all.addAll(normalized(origins));
        return new McpRequestGuard(allowedHosts, Set.copyOf(all), authenticator, maxBodyBytes);
    }

    /** Requires every request to be authenticated by {@code authenticator}. */
    public McpRequestGuard withAuthenticator(McpRequestAuthenticator authenticator) {
        return new McpRequestGuard(allowedHosts, allowedOrigins, Optional.of(authenticator), maxBodyBytes);
    }

    /** Refuses request bodies larger than {@code maxBodyBytes} with {@code 413}. */
    public McpRequestGuard withMaxBodyBytes(long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        return new McpRequestGuard(allowedHosts, allowedOrigins, authenticator, maxBodyBytes);
    }

    /** Allowed Host header values, normalized to lower case. */
    public Set<String> allowedHosts() {
        return allowedHosts;
    }

    /** Allowed Origin header values, normalized to lower case. */
    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** The largest request body accepted, in bytes. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    Admission admit(ServerRequest request) {
        Optional<String> host = request.headers().first(HeaderNames.HOST);
        if (host.isEmpty() || !hostAllowed(host.get())) {
            return new Admission.Refused(403, "Host not allowed");
        }
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !originAllowed(origin.get())) {
            return new Admission.Refused(403, "Origin not allowed");
        }
        if (authenticator.isEmpty()) {
            return new Admission.Admitted(McpTransportContext.EMPTY);
        }
        Optional<?> principal = authenticator.get().authenticate(request);
        if (principal.isEmpty()) {
            return refusal(request);
        }
        Map<String, Object> context = new HashMap<>();
        context.put(PRINCIPAL, principal.get());
        return new Admission.Admitted(McpTransportContext.create(context));
    }

    /**
     * A 401 as RFC 6750 §3 asks: a bare {@code Bearer} challenge when the request carried no credentials, and
     * {@code error="invalid_token"} when it carried a bearer token that was refused, so that a client tells a
     * wrong, revoked or expired key apart from a server that wants it to log in (and does not start OAuth).
     */
    private Admission.Refused refusal(ServerRequest request) {
        if (McpRequestAuthenticator.bearerToken(request).isEmpty()) {
            return new Admission.Refused(401, "Authentication required: send 'Authorization: Bearer <key>'", "Bearer");
        }
        String why = authenticator.map(a -> a.whyRefused(request)).orElse(McpRequestAuthenticator.INVALID_TOKEN);
        return new Admission.Refused(
                401,
                "Invalid token: " + why,
                "Bearer error=\"invalid_token\", error_description=\"" + quotable(why) + "\"");
    }

    /** Text safe inside an RFC 7230 quoted string of a challenge: printable ASCII without quote or backslash. */
    private static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
        }
        return out.toString();
    }

    /**
     * Reads the request body as UTF-8, refusing more than {@link #maxBodyBytes()}.
     *
     * @throws BodyTooLargeException when the declared or actual length exceeds the limit
     */
    String readBody(ServerRequest request) throws IOException {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxBodyBytes) {
            throw new BodyTooLargeException(maxBodyBytes);
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw new BodyTooLargeException(maxBodyBytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private boolean hostAllowed(String hostHeader) {
        String value = hostHeader.trim().toLowerCase(Locale.ROOT);
        return allowedHosts.contains(ANY) || allowedHosts.contains(value) || allowedHosts.contains(hostName(value));
    }

    private boolean originAllowed(String originHeader) {
        String origin = originHeader.trim().toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains(ANY) || allowedOrigins.contains(stripSlash(origin))) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = uri.getHost();
            if (host == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
            return allowedOrigins.contains(host) || allowedOrigins.contains(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code [::1]:8080 → [::1]}, {@code localhost:8080 → localhost}. */
    private static String hostName(String authority) {
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? authority : authority.substring(0, end + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static String stripSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    private static Set<String> normalized(String... values) {
        return Arrays.stream(values)
                .map(v -> stripSlash(v.trim().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The request body exceeded {@link #maxBodyBytes()}; answered {@code 413}. */
    static final class BodyTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reply;

        BodyTooLargeException(long limit) {
            this("Request body larger than " + limit + " bytes");
        }

        private BodyTooLargeException(String reply) {
            super(reply);
            this.reply = reply;
        }

        /** What the {@code 413} answer tells the client; the exception's message, never null. */
        String reply() {
            return reply;
        }
    }
}
