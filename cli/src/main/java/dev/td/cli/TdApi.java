package dev.td.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * td's REST API as the CLI uses it: {@code POST /v1/tools/{name}} with the arguments as body,
 * {@code PUT /v1/uploads} with a file as body, and {@code GET /health}. Every call returns a
 * {@link Reply}; none throws for HTTP or network failures.
 *
 * <p>It uses {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: a CLI process makes one
 * request and exits, and the newer client costs a third of td's start-up (it sets up TLS and a
 * selector thread even for {@code http://}).
 */
public final class TdApi implements AutoCloseable {

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

    public Reply callTool(String tool, ObjectNode arguments) {
        byte[] body = write(arguments).getBytes(StandardCharsets.UTF_8);
        return exchange("v1/tools/" + tool, new Request() {
            @Override
            public void prepare(HttpURLConnection connection) throws IOException {
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
            }

            @Override
            public void write(HttpURLConnection connection) throws IOException {
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
        });
    }

    Reply health() {
        return exchange("health", new Request() {
            @Override
            public void prepare(HttpURLConnection connection) throws IOException {
                connection.setRequestMethod("GET");
            }

            @Override
            public void write(HttpURLConnection connection) {
                // no body
            }
        });
    }

    /**
     * {@code PUT /v1/uploads?name=…}: the file's bytes streamed from disk in fixed-length mode, never
     * held in memory. {@code progress} hears the bytes sent so far after each chunk. The file is sent
     * as long as it was when the upload began.
     *
     * @throws UncheckedIOException when the file cannot be read, or shrinks while it is sent
     */
    public Reply upload(Path file, String name, LongConsumer progress) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + describe(e), e);
        }
        String query = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        Reply reply = exchange("v1/uploads?name=" + query, new Request() {
            @Override
            public void prepare(HttpURLConnection connection) throws IOException {
                connection.setRequestMethod("PUT");
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(size);
                connection.setRequestProperty("Content-Type", "application/octet-stream");
            }

            @Override
            public void write(HttpURLConnection connection) throws IOException {
                try (InputStream in = open(file);
                        OutputStream out = connection.getOutputStream()) {
                    copy(file, in, out, size, progress);
                }
            }
        });
        // in streaming mode HttpURLConnection drops the body of a 401 (it cannot send the request again)
        if (reply instanceof Reply.Failure failure
                && failure.problem().status() == 401
                && failure.problem().code().isEmpty()) {
            return new Reply.Failure(new Problem(
                    401,
                    Optional.empty(),
                    "the server did not accept the API key (HTTP 401 to the upload)",
                    Optional.empty(),
                    Optional.empty()));
        }
        return reply;
    }

    /**
     * {@code GET path} with the key, the body streamed to {@code to} (a file of that name next to it first, moved
     * into place once whole); answers the bytes written, or why not.
     */
    public Reply download(String path, Path to) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) base.resolve(path.startsWith("/") ? path.substring(1) : path)
                    .toURL()
                    .openConnection();
            prepare(connection, new Request() {
                @Override
                public void prepare(HttpURLConnection c) throws IOException {
                    c.setRequestMethod("GET");
                    c.setRequestProperty("Accept", "application/zip, application/problem+json");
                    apiKey.ifPresent(key -> c.setRequestProperty("Authorization", "Bearer " + key));
                }

                @Override
                public void write(HttpURLConnection c) {
                    // no body
                }
            });
            connection.connect();
        } catch (IOException | IllegalArgumentException e) {
            return new Reply.Unreachable("cannot open " + base.resolve(path) + ": " + e.getMessage());
        }
        try {
            int status = connection.getResponseCode();
            if (status >= 300) {
                return answer(status, read(connection.getErrorStream()));
            }
            Path part = to.resolveSibling(to.getFileName() + ".part");
            long bytes;
            try (InputStream in = connection.getInputStream()) {
                bytes = Files.copy(in, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new Reply.Answer(Json.mapper().createObjectNode().put("bytes", bytes));
        } catch (SocketTimeoutException e) {
            return new Reply.Unreachable("no answer within " + requestTimeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Reply.Unreachable(describe(e));
        } finally {
            connection.disconnect();
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + describe(e), e);
        }
    }

    /** Copies exactly {@code size} bytes; a read failure is the file's ({@link UncheckedIOException}), a write failure the network's. */
    private static void copy(Path file, InputStream in, OutputStream out, long size, LongConsumer progress)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long sent = 0;
        while (sent < size) {
            int read;
            try {
                read = in.read(buffer, 0, (int) Math.min(buffer.length, size - sent));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + describe(e), e);
            }
            if (read < 0) {
                String why =
                        file + " shrank while it was uploaded (" + sent + " of " + size + " bytes); import it again";
                throw new UncheckedIOException(why, new IOException(why));
            }
            out.write(buffer, 0, read);
            sent += read;
            progress.accept(sent);
        }
    }

    /** One request: its method, headers and body. */
    private interface Request {
        /** Sets the method and the headers of the body, before connecting. */
        void prepare(HttpURLConnection connection) throws IOException;

        /** Sends the body, once connected. */
        void write(HttpURLConnection connection) throws IOException;
    }

    private Reply exchange(String path, Request request) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            return new Reply.Unreachable("cannot open " + base.resolve(path) + ": " + e.getMessage());
        }
        try {
            prepare(connection, request);
            try {
                connection.connect();
            } catch (SocketTimeoutException e) {
                return new Reply.Unreachable("no connection within " + connectTimeout.toSeconds() + " s");
            }
            int status = send(connection, request);
            return answer(status, read(status < 400 ? connection.getInputStream() : connection.getErrorStream()));
        } catch (SocketTimeoutException e) {
            return new Reply.Unreachable("no answer within " + requestTimeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Reply.Unreachable(describe(e));
        } finally {
            connection.disconnect();
        }
    }

    /**
     * Writes the body and reads the status. A server may answer before it has read a large body (a
     * refused key): the write then fails, and its answer is still worth reading.
     */
    private static int send(HttpURLConnection connection, Request request) throws IOException {
        try {
            request.write(connection);
        } catch (IOException e) {
            try {
                return connection.getResponseCode();
            } catch (IOException unanswered) {
                e.addSuppressed(unanswered);
                throw e;
            }
        }
        return connection.getResponseCode();
    }

    private void prepare(HttpURLConnection connection, Request request) throws IOException {
        connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
        connection.setReadTimeout(Math.toIntExact(requestTimeout.toMillis()));
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestProperty("Accept", "application/json, application/problem+json");
        connection.setRequestProperty("X-Td-Source", "cli");
        connection.setRequestProperty("User-Agent", "td-cli/" + Version.current());
        // one request per connection: a kept-alive one could be closed under a POST, which
        // HttpURLConnection would then send again (a tool call's body is buffered, not streamed, because
        // in streaming mode it drops the problem document of a 401; an upload is streamed, and a 401
        // to it comes without its document)
        connection.setRequestProperty("Connection", "close");
        request.prepare(connection);
        if (connection.getDoOutput()) {
            apiKey.ifPresent(key -> connection.setRequestProperty("Authorization", "Bearer " + key));
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

    /**
     * The body, read to its end and left open: {@link HttpURLConnection#disconnect()} then closes the
     * connection. Closing the stream first would park the connection in the keep-alive cache, and a
     * streamed upload takes a cached connection without checking that the server still keeps it open.
     */
    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
