package dev.td.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code td-server stdio} that cannot start: an MCP client waits for an answer on stdout, not for
 * stderr, so its first request is answered with a JSON-RPC error carrying the reason.
 */
final class StdioRefusal {

    /** JSON-RPC 2.0: -32000 to -32099 are the server's own errors. */
    static final int SERVER_ERROR = -32000;

    private static final long WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StdioRefusal() {}

    /** Waits (a while) for the client's first request and answers it with {@code message} as an error. */
    static void answerFirstRequest(InputStream in, PrintStream out, String message) {
        CompletableFuture<Optional<JsonNode>> request = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        request.complete(firstRequestId(in));
                    } catch (RuntimeException e) {
                        request.complete(Optional.empty());
                    }
                },
                "td-stdio-refusal");
        reader.setDaemon(true);
        reader.start();
        try {
            Optional<JsonNode> id = request.get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (id.isPresent()) {
                ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
                answer.set("id", id.get());
                answer.putObject("error").put("code", SERVER_ERROR).put("message", message);
                out.println(answer);
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // nobody asked: the message on stderr is the answer
        }
    }

    private static Optional<JsonNode> firstRequestId(InputStream in) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                try {
                    JsonNode message = JSON.readTree(line);
                    if (message != null && message.has("method") && message.has("id")) {
                        return Optional.of(message.get("id"));
                    }
                } catch (IOException notJson) {
                    // not a JSON-RPC message: keep reading
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
