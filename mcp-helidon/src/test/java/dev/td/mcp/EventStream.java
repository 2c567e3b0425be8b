package dev.td.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An SSE stream read raw, line by line, on its own thread, so that a test sees what the SDK client
 * hides: comments such as the transports' keep-alive. The lines are kept as they arrive.
 */
final class EventStream implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        Thread.ofVirtual().name("event-stream-reader").start(this::read);
    }

    /** GETs {@code uri} asking for {@code text/event-stream}, with {@code headers} set. */
    static EventStream open(HttpClient http, URI uri, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        headers.forEach(request::setHeader);
        return new EventStream(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    int statusCode() {
        return response.statusCode();
    }

    /** The lines read so far, without their line ends. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    long count(Predicate<String> line) {
        return lines.stream().filter(line).count();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException | UncheckedIOException e) {
            // closed by the test or by the server; the lines read so far stay
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
