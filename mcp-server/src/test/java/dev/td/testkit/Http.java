package dev.td.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/** Plain HTTP calls against a test server, answers parsed as JSON. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public record Answer(int status, String contentType, JsonNode body) {}

    private Http() {}

    /** One request; no key sends no Authorization header, no body sends an empty one. */
    public static Answer send(String method, String url, @Nullable String key, @Nullable String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty()
                    ? Json.mapper().nullNode()
                    : Json.mapper().readTree(r.body());
            return new Answer(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
