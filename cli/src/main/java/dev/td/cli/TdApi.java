package dev.td.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * td's REST API as the CLI uses it: {@code POST /v1/tools/{name}} with the arguments as body,
 * and {@code GET /health}. Every call returns a {@link Reply}; none throws for HTTP or network failures.
 */
final class TdApi implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final Optional<String> apiKey;
    private final HttpClient http;

    TdApi(String baseUrl, Optional<String> apiKey) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
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

    Reply callTool(String tool, ObjectNode arguments) {
        HttpRequest.Builder request = request("v1/tools/" + tool)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(arguments), StandardCharsets.UTF_8));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return send(request.build());
    }

    Reply health() {
        return send(request("health").GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("X-Td-Source", "cli")
                .header("User-Agent", "td-cli/" + Version.current());
    }

    private Reply send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Reply.Unreachable("no answer within "
                    + (e instanceof java.net.http.HttpConnectTimeoutException ? CONNECT_TIMEOUT : REQUEST_TIMEOUT)
                            .toSeconds()
                    + " s");
        } catch (IOException e) {
            return new Reply.Unreachable(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply.Unreachable("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return new Reply.Answer(Json.mapper().readTree(response.body()));
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
        return new Reply.Failure(Problem.from(status, response.body()));
    }

    /** Releases the HTTP client's threads and connections; matters when td runs embedded in a longer-lived JVM. */
    @Override
    public void close() {
        http.close();
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
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
