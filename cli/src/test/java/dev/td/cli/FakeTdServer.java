package dev.td.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the td REST API on a real socket: {@code GET /health},
 * {@code POST /v1/tools/{name}} answering with a canned response per tool (by default an
 * envelope whose {@code data} echoes the arguments), and {@code PUT /v1/uploads} answering 201 with
 * an upload id. Records every tool call and upload.
 */
final class FakeTdServer implements AutoCloseable {

    /** A tool call as the server received it. */
    record Received(String tool, JsonNode arguments, Map<String, List<String>> headers) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst();
        }
    }

    /** A canned HTTP answer. */
    record Canned(int status, String contentType, String body) {
        /** A problem about the call as a whole: no {@code path}. */
        static Canned problem(int status, String code, String detail) {
            return new Canned(
                    status,
                    "application/problem+json",
                    problemJson(status, code, detail).toString());
        }

        /** A problem about one argument, named by its JSON path. */
        static Canned problem(int status, String code, String detail, String path) {
            return new Canned(
                    status,
                    "application/problem+json",
                    problemJson(status, code, detail).put("path", path).toString());
        }

        private static ObjectNode problemJson(int status, String code, String detail) {
            return Json.mapper()
                    .createObjectNode()
                    .put("type", "https://td.dev/problems/" + code)
                    .put("title", code)
                    .put("status", status)
                    .put("detail", detail)
                    .put("code", code)
                    .put("request_id", "req-1");
        }
    }

    /** An upload as the server received it: the raw query, the request's method and headers, and the body. */
    record Upload(String rawQuery, String method, Map<String, List<String>> headers, ByteBuffer body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst();
        }
    }

    /** The id every upload gets. */
    static final String UPLOAD_ID = "019a8f3e-5c2b-7c1e-9d4a-3b2f1e0d9c8b";

    private final HttpServer server;
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private volatile Optional<Canned> uploadAnswer = Optional.empty();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();
    private volatile Canned health = new Canned(200, "application/json", "{\"status\":\"ok\"}");

    FakeTdServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> respond(exchange, health));
        server.createContext("/v1/tools/", this::tool);
        server.createContext("/v1/uploads", this::upload);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What {@code GET /health} answers from now on. */
    void health(Canned response) {
        health = response;
    }

    void answer(String tool, Canned response) {
        canned.put(tool, response);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** What {@code PUT /v1/uploads} answers from now on, instead of 201 with {@link #UPLOAD_ID}. */
    void answerUploads(Canned response) {
        uploadAnswer = Optional.of(response);
    }

    List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** A URL where nothing listens: a port that was just bound and released. */
    static String unreachableUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private void tool(HttpExchange exchange) throws IOException {
        String tool = exchange.getRequestURI().getPath().substring("/v1/tools/".length());
        JsonNode arguments = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
        received.add(new Received(tool, arguments, Map.copyOf(exchange.getRequestHeaders())));
        Canned response = canned.get(tool);
        if (response == null) {
            ObjectNode envelope = Json.mapper().createObjectNode();
            envelope.set("data", arguments);
            envelope.putObject("context");
            envelope.putObject("meta").put("request_id", "req-1");
            response = new Canned(200, "application/json", envelope.toString());
        }
        respond(exchange, response);
    }

    private void upload(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        uploads.add(new Upload(
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestMethod(),
                Map.copyOf(exchange.getRequestHeaders()),
                ByteBuffer.wrap(body).asReadOnlyBuffer()));
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.putObject("data").put("upload_id", UPLOAD_ID).put("bytes", body.length);
        envelope.putObject("context");
        envelope.putObject("meta").put("request_id", "req-1");
        respond(exchange, uploadAnswer.orElse(new Canned(201, "application/json", envelope.toString())));
    }

    private static void respond(HttpExchange exchange, Canned response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
