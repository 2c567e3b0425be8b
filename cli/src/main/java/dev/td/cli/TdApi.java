package dev.td.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * td's REST API as the CLI uses it: {@code POST /v1/tools/{name}} with the arguments as body,
 * and {@code GET /health}. Every call returns a {@link Reply}; none throws for HTTP or network failures.
 *
 * <p>It uses {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: a CLI process makes one
 * request and exits, and the newer client costs a third of td's start-up (it sets up TLS and a
 * selector thread even for {@code http://}).
 */
final class TdApi implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final Optional<String> apiKey;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    TdApi(String baseUrl, Optional<String> apiKey) {
        this(baseUrl, apiKey, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    TdApi(String baseUrl, Optional<String> apiKey, Duration connectTimeout, Duration requestTimeout) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.apiKey = apiKey;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    /** Checks that a base URL can be used before any request is made. */
    static void requireValidUrl(String url, String source) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the server URL '" + url + "' (from " + source + ") is not a URL: "
                    + "give one like --url http://127.0.0.1:7878");
        }
        if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new UsageException("the server URL '" + url + "' (from " + source + ") must start with http:// "
                    + "or https:// and name a host, e.g. --url http://127.0.0.1:7878");
        }
    }

    /** Where a tool call goes: {@code <base>/v1/tools/<tool>}. */
    String toolUrl(String tool) {
        return base.resolve("v1/tools/" + tool).toString();
    }

    Reply callTool(String tool, ObjectNode arguments) {
        return send("v1/tools/" + tool, Optional.of(write(arguments).getBytes(StandardCharsets.UTF_8)));
    }

    Reply health() {
        return send("health", Optional.empty());
    }

    private Reply send(String path, Optional<byte[]> body) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            return new Reply.Unreachable("cannot open " + base.resolve(path) + ": " + e.getMessage());
        }
        try {
            prepare(connection, body);
            try {
                connection.connect();
            } catch (SocketTimeoutException e) {
                return new Reply.Unreachable("no connection within " + connectTimeout.toSeconds() + " s");
            }
            if (body.isPresent()) {
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.get());
                }
            }
            int status = connection.getResponseCode();
            return answer(status, read(status < 400 ? connection.getInputStream() : connection.getErrorStream()));
        } catch (SocketTimeoutException e) {
            return new Reply.Unreachable("no answer within " + requestTimeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Reply.Unreachable(describe(e));
        } finally {
            connection.disconnect();
        }
    }

    private void prepare(HttpURLConnection connection, Optional<byte[]> body) throws IOException {
        connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
        connection.setReadTimeout(Math.toIntExact(requestTimeout.toMillis()));
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestProperty("Accept", "application/json, application/problem+json");
        connection.setRequestProperty("X-Td-Source", "cli");
        connection.setRequestProperty("User-Agent", "td-cli/" + Version.current());
        // one request per connection: a kept-alive one could be closed under a POST, which
        // HttpURLConnection would then send again (the body is buffered, not streamed, because in
        // streaming mode it drops the problem document of a 401)
        connection.setRequestProperty("Connection", "close");
        if (body.isPresent()) {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            apiKey.ifPresent(key -> connection.setRequestProperty("Authorization", "Bearer " + key));
        } else {
            connection.setRequestMethod("GET");
        }
    }

    private Reply answer(int status, String body) {
        if (status >= 200 && status < 300) {
            try {
                return new Reply.Answer(Json.mapper().readTree(body));
            } catch (JsonProcessingException e) {
                return new Reply.Failure(new Problem(
                        status,
                        Optional.empty(),
                        "the server answered HTTP " + status + " with a body that is not JSON; is " + base
                                + " a td server?",
                        Optional.empty(),
                        Optional.empty()));
            }
        }
        return new Reply.Failure(Problem.from(status, body));
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Nothing to release: each call opens and closes its own connection. Kept so callers use try-with-resources. */
    @Override
    public void close() {
        // no pooled state
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String type = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (message == null && e.getCause() != null) {
            message = e.getCause().getMessage();
        }
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    private static String write(JsonNode json) {
        try {
            return Json.mapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("arguments cannot be written as JSON", e);
        }
    }
}
